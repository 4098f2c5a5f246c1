/**
 * Writing results: pretty JSON with keys in the schema's order, UTF-8, written to a temporary name and
 * renamed, so an interrupted run never leaves a partial file.
 */
import { closeSync, mkdirSync, openSync, renameSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { dirname, join, relative, resolve, basename, sep } from 'node:path';
import { createHash, randomBytes } from 'node:crypto';
import type { Referat } from '../schemas/referat.js';

export function serialize(referat: Referat): string {
  return JSON.stringify(referat, null, 2) + '\n';
}

/** Characters of a string written as one piece. */
const STRING_PIECE = 1 << 18;
const isHighSurrogate = (c: number) => c >= 0xd800 && c <= 0xdbff;

/** What JSON.stringify leaves out of an object (and writes as null in an array). */
function omitted(v: unknown): boolean {
  return v === undefined || typeof v === 'function' || typeof v === 'symbol';
}

/**
 * serialize(value) in pieces, the same bytes in the same order: the top of the tree piece by piece,
 * from `depth` levels down each value whole. The pieces are JSON.stringify's own text of each value,
 * indented by a line-break replacement (a JSON text has line breaks only between its tokens).
 */
export function* serializedPieces(value: unknown, depth = 2, indent = ''): Generator<string> {
  const plain = value !== null && typeof value === 'object' && typeof (value as { toJSON?: unknown }).toJSON !== 'function';
  if (typeof value === 'string' && value.length > STRING_PIECE) {
    // a long string (the document's text) in pieces too, each cut between whole characters
    yield '"';
    for (let at = 0; at < value.length; ) {
      let end = Math.min(value.length, at + STRING_PIECE);
      if (end < value.length && isHighSurrogate(value.charCodeAt(end - 1))) end++;
      yield JSON.stringify(value.slice(at, end)).slice(1, -1);
      at = end;
    }
    yield '"';
  } else if (depth === 0 || !plain) {
    const text = JSON.stringify(value, null, 2);
    yield indent && text.includes('\n') ? text.replace(/\n/g, '\n' + indent) : text;
  } else {
    const inner = indent + '  ';
    const isArray = Array.isArray(value);
    let first = true;
    for (const key of isArray ? (value as unknown[]).keys() : Object.keys(value)) {
      const v = (value as Record<string | number, unknown>)[key];
      if (!isArray && omitted(v)) continue;
      yield `${first ? (isArray ? '[' : '{') : ','}\n${inner}${isArray ? '' : JSON.stringify(key) + ': '}`;
      first = false;
      if (isArray && omitted(v)) yield 'null';
      else yield* serializedPieces(v, depth - 1, inner);
    }
    yield first ? (isArray ? '[]' : '{}') : `\n${indent}${isArray ? ']' : '}'}`;
  }
  if (!indent) yield '\n';
}

/**
 * Writes serialize(referat) to `path` as writeAtomic does, piece by piece, and returns the sha256 of
 * what was written: the whole JSON text of a large document (three times its text, 60 MB for a 20 MB
 * text) is never in memory at once.
 */
export function writeJsonAtomic(path: string, referat: Referat): { sha256: string } {
  mkdirSync(dirname(path), { recursive: true });
  const tmp = join(dirname(path), `.part.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  const hash = createHash('sha256');
  let fd: number | null = null;
  try {
    fd = openSync(tmp, 'w');
    let batch = '';
    const flush = () => {
      const bytes = Buffer.from(batch, 'utf8');
      hash.update(bytes);
      for (let off = 0; off < bytes.length; ) off += writeSync(fd!, bytes, off);
      batch = '';
    };
    for (const piece of serializedPieces(referat)) {
      batch += piece;
      if (batch.length >= STRING_PIECE) flush();
    }
    flush();
    closeSync(fd);
    fd = null;
    renameSync(tmp, path);
  } catch (e) {
    if (fd !== null) closeSync(fd);
    rmSync(tmp, { force: true });
    throw e;
  }
  return { sha256: hash.digest('hex') };
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
