/**
 * The batch manifest, `<out>/.referat-manifest.ndjson`: one JSON line per result, appended as each file
 * finishes (the last line for a document wins). Appending single lines means a killed process loses at
 * most the line it was writing; a torn last line is ignored when the manifest is read. At the start of
 * a run the manifest is compacted to one line per document and replaced atomically. Every line is checked
 * against a schema and its output path kept inside the output folder: a line that fails is dropped (and
 * said once), so one bad line can neither stop later runs nor point the runner at a file outside.
 */
import { closeSync, openSync, writeSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { isAbsolute, join, normalize, sep } from 'node:path';
import { writeAtomic } from '../output.js';

export const MANIFEST_FILE = '.referat-manifest.ndjson';

/** One result of the manifest. */
export interface ManifestEntry {
  /** document_id: the output path relative to the output folder, without ".json" */
  id: string;
  /** the input file as converted (absolute) */
  input: string;
  /** the input path's bytes in hex, where they are not UTF-8 (`input` is then their rendering: Windows-1252) */
  inputBytes?: string;
  /** the output file relative to the output folder */
  output: string;
  status: 'ok' | 'failed';
  /** sha256 of the input's bytes (null when it was never read, e.g. too large) */
  sha256: string | null;
  bytes: number | null;
  /** the tool version that produced the result */
  version: string;
  /** sha256 of the rule configuration the result was validated with (absent in manifests of older versions) */
  config?: string;
  /** sha256 of the output file as written (absent in manifests of older versions) */
  outputSha256?: string | null;
  reason: string | null;
  format: string | null;
  pages: number | null;
  items: number | null;
  /** time spent converting, in ms */
  ms: number | null;
  /** when the result was recorded (ISO 8601) */
  at: string;
}

const SHA256 = /^[0-9a-f]{64}$/;
const HEX_BYTES = /^(?:[0-9a-f]{2})+$/;
/** The keys of an entry, in the order the entry is rebuilt with (unknown keys are dropped). */
const ENTRY_KEYS = ['id', 'input', 'inputBytes', 'output', 'status', 'sha256', 'bytes', 'version', 'config', 'outputSha256', 'reason', 'format', 'pages', 'items', 'ms', 'at'] as const;

const isString = (v: unknown): v is string => typeof v === 'string';
const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const nullableCount = (v: unknown) => v === null || (isNumber(v) && Number.isSafeInteger(v) && v >= 0);
const nullableString = (v: unknown) => v === null || isString(v);
/** An output path as the manifest may hold it: relative, inside the output folder, ending in ".json". */
const outputPath = (p: unknown) => isString(p) && p.length >= 1 && !isAbsolute(p) && !normalize(p).split(/[\\/]/).includes('..') && p.endsWith('.json');

/**
 * A manifest line's value as an entry, or null when it is not one. Checked by hand rather than with a
 * schema library, which would be loaded at every start for this (test/batch/manifest-entry.test.ts holds
 * the zod schema this replaces and checks both agree).
 */
export function manifestEntry(v: unknown): ManifestEntry | null {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return null;
  const e = v as Record<string, unknown>;
  const ok =
    isString(e.id) && e.id.length >= 1 &&
    isString(e.input) && e.input.length >= 1 &&
    (e.inputBytes === undefined || (isString(e.inputBytes) && HEX_BYTES.test(e.inputBytes))) &&
    outputPath(e.output) &&
    (e.status === 'ok' || e.status === 'failed') &&
    (e.sha256 === null || (isString(e.sha256) && SHA256.test(e.sha256))) &&
    nullableCount(e.bytes) &&
    isString(e.version) &&
    (e.config === undefined || isString(e.config)) &&
    (e.outputSha256 === undefined || e.outputSha256 === null || (isString(e.outputSha256) && SHA256.test(e.outputSha256))) &&
    nullableString(e.reason) &&
    nullableString(e.format) &&
    nullableCount(e.pages) &&
    nullableCount(e.items) &&
    (e.ms === null || (isNumber(e.ms) && e.ms >= 0)) &&
    isString(e.at);
  if (!ok) return null;
  const out: Record<string, unknown> = {};
  for (const k of ENTRY_KEYS) if (k in e) out[k] = e[k];
  return out as unknown as ManifestEntry;
}

export interface ManifestReading {
  entries: Map<string, ManifestEntry>;
  /** lines that are not valid JSON (apart from a torn last line) or not a valid entry */
  dropped: number;
  lines: number;
}

/** The valid entries of a manifest's text, by document id. */
export function parseManifest(text: string): Map<string, ManifestEntry> {
  return parseManifestLines(text).entries;
}

export function parseManifestLines(text: string): ManifestReading {
  const entries = new Map<string, ManifestEntry>();
  const lines = text.split('\n');
  // the last line of a killed run may be cut off: that one is expected, not worth a word
  const last = text.endsWith('\n') ? -1 : lines.length - 1;
  let dropped = 0;
  let count = 0;
  lines.forEach((line, i) => {
    if (!line.trim()) return;
    count++;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      if (i !== last) dropped++;
      return;
    }
    const entry = manifestEntry(value);
    if (entry && entry.output === entry.id + '.json') entries.set(entry.id, entry);
    else dropped++;
  });
  return { entries, dropped, lines: count };
}

/** The valid entries of an output folder's manifest, by document id. */
export async function readManifest(outDir: string): Promise<Map<string, ManifestEntry>> {
  return (await readManifestLines(outDir)).entries;
}

async function readManifestLines(outDir: string): Promise<ManifestReading> {
  try {
    return parseManifestLines(await readFile(join(outDir, MANIFEST_FILE), 'utf8'));
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { entries: new Map(), dropped: 0, lines: 0 };
    throw e;
  }
}

/** The sentence for a manifest with lines that had to be dropped, or null. */
export function droppedNote(path: string, r: ManifestReading): string | null {
  if (!r.dropped) return null;
  if (r.entries.size === 0)
    return `${path}: not a manifest of referat (${r.dropped} unreadable line(s)); it is replaced and every file is converted again`;
  return `${path}: ${r.dropped} of ${r.lines} line(s) were not valid manifest entries and are dropped (their files are checked again)`;
}

export class Manifest {
  private fd: number | null;

  private constructor(
    readonly path: string,
    readonly entries: Map<string, ManifestEntry>,
    /** what reading it found wrong (null: nothing) */
    readonly note: string | null,
  ) {
    this.fd = openSync(path, 'a');
  }

  /** Reads the manifest of an output folder (if any), compacts it (dropping invalid lines) and opens it for appending. */
  static async open(outDir: string): Promise<Manifest> {
    const reading = await readManifestLines(outDir);
    const path = join(outDir, MANIFEST_FILE);
    writeAtomic(path, [...reading.entries.values()].map((e) => JSON.stringify(e) + '\n').join(''));
    return new Manifest(path, reading.entries, droppedNote(path, reading));
  }

  get(id: string): ManifestEntry | undefined {
    return this.entries.get(id);
  }

  /** Records a result: one line, one write. */
  record(entry: ManifestEntry): void {
    this.entries.set(entry.id, entry);
    if (this.fd !== null) writeSync(this.fd, JSON.stringify(entry) + '\n');
  }

  /** Forgets a document (its input is gone): it is left out when the manifest is next compacted. */
  forget(id: string): void {
    this.entries.delete(id);
  }

  close(): void {
    if (this.fd !== null) closeSync(this.fd);
    this.fd = null;
  }
}

/** The absolute path of an entry's output (the entry was checked to stay inside the folder). */
export function outputOf(outDir: string, e: ManifestEntry): string {
  return join(outDir, e.output.split(/[\\/]/).join(sep));
}
