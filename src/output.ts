/**
 * Writing results: pretty JSON with keys in the schema's order, UTF-8, written to a temporary name and
 * renamed, so an interrupted run never leaves a partial file.
 */
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, basename, sep } from 'node:path';
import { randomBytes } from 'node:crypto';
import type { Referat } from '../schemas/referat.js';

export function serialize(referat: Referat): string {
  return JSON.stringify(referat, null, 2) + '\n';
}

/**
 * Writes `content` to a temporary name beside `path`, then renames it. Synchronous: a conversion worker
 * has nothing else to do meanwhile, and four asynchronous file operations per document would leave it
 * idle for as many round trips through the thread pool; the runner writes only a few files this way.
 */
export function writeAtomic(path: string, content: string | Uint8Array): void {
  mkdirSync(dirname(path), { recursive: true });
  // a short temporary name: one built from the final name would not fit where that name is near the 255-byte limit
  const tmp = join(dirname(path), `.part.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    writeFileSync(tmp, content, 'utf8');
    renameSync(tmp, path);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw e;
  }
}

/**
 * Where the output for an input goes: `<out>/<path relative to the converted folder>.json`, so inputs
 * with the same name in different folders never overwrite each other ("minutes.pdf" -> "minutes.pdf.json").
 */
export function outputPathFor(input: string, root: string | null, outDir: string): string {
  const rel = root ? relative(root, input) : basename(input);
  const safe = rel.split(sep).filter((p) => p && p !== '..').join(sep) || basename(input);
  return resolve(outDir, safe + '.json');
}
