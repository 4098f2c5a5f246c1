/**
 * Messages between the review server and its conversion workers (src/serve/worker.ts). The server runs
 * them on the batch's WorkerPool (src/batch/pool.ts), which speaks the same envelope as the batch
 * ({type: 'convert', id, ...task} in; {type: 'ready'} and {type: 'result', id, readersWarm, ...} out),
 * so the pool's time limit, crash handling and replacement apply to uploads too.
 */
import type { RuleConfig } from '../validate/config.js';

export interface ServeTask {
  /** a label for the pool (its cold-start grace for PDFs looks at the extension); never opened */
  path: string;
  /** recorded as source.path in the output: the upload's (sanitized) file name */
  displayPath: string;
  /** the uploaded bytes (copied to the worker by postMessage; nothing is written to disk) */
  bytes: Uint8Array;
  /** the rule configuration in force for this check */
  rules: RuleConfig;
  maxBytes: number;
  /** the readers' own time limit in ms (a PDF parse past it fails cleanly without losing the worker) */
  timeoutMs?: number;
}

export type ServeResult =
  | {
      status: 'converted';
      /** the Referat, already validated against the schema by convertBuffer */
      json: string;
      /** where each page starts in referat.text (PDFs), for the page markers in the review page */
      pageStarts: number[] | null;
      ms: number;
    }
  | { status: 'failed'; reason: string; ms: number };
