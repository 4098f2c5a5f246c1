/**
 * What a coordinator and its workers exchange through Redis. A job's data is small (paths, limits, the
 * rule configuration); the input's bytes, when they travel with the job, and the result are stored in
 * keys of their own (binary), so that BullMQ's job hashes and its event stream, which keeps the last
 * 10,000 events, never hold documents.
 *
 * The output is stored as it is written, not compressed: gzip makes the JSON 4x smaller but costs the
 * coordinator about a millisecond per document to inflate, and the coordinator's CPU, not the network,
 * is what limits a queue of many workers (50 kB a document is 2,500 documents/s on a 1 Gbit/s link).
 * Redis holds at most the documents in flight (--in-flight), so its memory is no reason either.
 */
import type { TaskResult } from '../batch/protocol.js';
import type { RuleConfig } from '../validate/config.js';

export const JOB_NAME = 'convert';

export interface JobData {
  /** the coordinator that planned it (host:pid), for the worker's log */
  coordinator: string;
  documentId: string;
  /** the input as the coordinator sees it: read from there when the bytes are not in `inputKey` */
  path: string;
  /** source.path in the output (as in a local run) */
  displayPath: string;
  outputFile: string;
  /** where the input's bytes are (null: read `path`, which the workers must see too) */
  inputKey: string | null;
  /** where the worker puts the result */
  resultKey: string;
  maxBytes: number;
  /** the document's time limit (ms, 0 = none), as the coordinator's --timeout */
  timeoutMs: number;
  /** the readers' own limit, a little below it */
  readerTimeoutMs: number;
  /** the coordinator's rule configuration (.referatrc.json), so that the diagnostics match a local run */
  config: RuleConfig;
}

/** The result without the output JSON, with the worker that made it. */
export type ResultMeta = Omit<Extract<TaskResult, { status: 'converted' }>, 'output' | 'rows' | 'json'> | Extract<TaskResult, { status: 'failed' }>;

export interface StoredResult {
  meta: ResultMeta & { worker: string };
  /** the output JSON, exactly as a local run writes it (converted documents), as UTF-8 bytes when read back */
  output: string | Buffer | null;
}

/** Hash fields of a result key. */
export function encodeResult(r: StoredResult): Record<string, string | Buffer> {
  const fields: Record<string, string | Buffer> = { meta: JSON.stringify(r.meta) };
  if (r.output !== null) fields.out = r.output;
  return fields;
}

/** A result key's fields (as buffers: the output is written to its file as it came, without decoding it). */
export function decodeResult(fields: Record<string, Buffer>): (StoredResult & { output: Buffer | null }) | null {
  if (!fields.meta) return null;
  const meta = JSON.parse(fields.meta.toString('utf8')) as StoredResult['meta'];
  const output = fields.out ?? null;
  if (meta.status === 'converted' && output === null) return null;
  return { meta, output };
}
