/**
 * The batch manifest, `<out>/.referat-manifest.ndjson`: one JSON line per result, appended as each file
 * finishes (the last line for a document wins). Appending single lines means a killed process loses at
 * most the line it was writing; a torn last line is ignored when the manifest is read. At the start of
 * a run the manifest is compacted to one line per document and replaced atomically.
 */
import { closeSync, openSync, writeSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { writeAtomic } from '../output.js';

export const MANIFEST_FILE = '.referat-manifest.ndjson';

export interface ManifestEntry {
  /** document_id: the output path relative to the output folder, without ".json" */
  id: string;
  /** the input file as converted (absolute) */
  input: string;
  /** the output file relative to the output folder */
  output: string;
  status: 'ok' | 'failed';
  /** sha256 of the input's bytes (null when it was never read, e.g. too large) */
  sha256: string | null;
  bytes: number | null;
  /** the tool version that produced the result */
  version: string;
  reason: string | null;
  format: string | null;
  pages: number | null;
  items: number | null;
  /** time spent converting, in ms */
  ms: number | null;
  /** when the result was recorded (ISO 8601) */
  at: string;
}

export function parseManifest(text: string): Map<string, ManifestEntry> {
  const entries = new Map<string, ManifestEntry>();
  for (const line of text.split('\n')) {
    if (!line.trim()) continue;
    let e: ManifestEntry;
    try {
      e = JSON.parse(line) as ManifestEntry;
    } catch {
      continue; // a line torn by a killed process
    }
    if (e && typeof e.id === 'string' && (e.status === 'ok' || e.status === 'failed')) entries.set(e.id, e);
  }
  return entries;
}

export async function readManifest(outDir: string): Promise<Map<string, ManifestEntry>> {
  try {
    return parseManifest(await readFile(join(outDir, MANIFEST_FILE), 'utf8'));
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return new Map();
    throw e;
  }
}

export class Manifest {
  private fd: number | null;

  private constructor(
    readonly path: string,
    readonly entries: Map<string, ManifestEntry>,
  ) {
    this.fd = openSync(path, 'a');
  }

  /** Reads the manifest of an output folder (if any), compacts it and opens it for appending. */
  static async open(outDir: string): Promise<Manifest> {
    const entries = await readManifest(outDir);
    const path = join(outDir, MANIFEST_FILE);
    writeAtomic(path, [...entries.values()].map((e) => JSON.stringify(e) + '\n').join(''));
    return new Manifest(path, entries);
  }

  get(id: string): ManifestEntry | undefined {
    return this.entries.get(id);
  }

  /** Records a result: one line, one write. */
  record(entry: ManifestEntry): void {
    this.entries.set(entry.id, entry);
    if (this.fd !== null) writeSync(this.fd, JSON.stringify(entry) + '\n');
  }

  close(): void {
    if (this.fd !== null) closeSync(this.fd);
    this.fd = null;
  }
}
