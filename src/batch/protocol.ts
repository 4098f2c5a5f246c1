/** Messages between the batch runner (main thread) and its conversion workers. */
import type { TableRows } from '../db/tables.js';
import type { RuleConfig } from '../validate/config.js';
import type { OcrMode } from '../../parsers/ocr.js';
import type { FailureKind } from './errors.js';

export interface WorkerOptions {
  /** load the PDF engine and the word list before reporting ready (else the first PDF that needs them does) */
  warm: boolean;
}

export interface ConvertTask {
  type: 'convert';
  id: number;
  /** the input file (absolute) */
  path: string;
  /** the input path's bytes, where they are not UTF-8 (`path` is then a rendering): the file is opened by these */
  rawPath?: Uint8Array;
  /** recorded as source.path in the output */
  displayPath: string;
  /** where the JSON goes (absolute) */
  output: string;
  documentId: string;
  /** the output path relative to the output folder */
  outputFile: string;
  maxBytes: number;
  /** the readers' own time limit (ms; a PDF parse past it fails cleanly without losing the worker) */
  timeoutMs?: number;
  /** return the output as one line of JSON (for --ndjson) */
  wantJson: boolean;
  /** return the rows for the analysis tables */
  wantRows: boolean;
  /** the input's bytes, when they came with the task (a job from the queue) instead of being read from `path` */
  content?: Uint8Array;
  /** return the output JSON as `output` instead of writing it (a queue worker: the coordinator writes it) */
  returnOutput?: boolean;
  /** the validation rules' configuration (a queue job carries the coordinator's); else the worker's own .referatrc.json */
  config?: RuleConfig;
  /** recorded in the output (generator.config): the configuration it was validated with */
  configHash?: string;
  /** OCR of scanned PDF pages (default auto) */
  ocr?: OcrMode;
}

export interface TaskTimings {
  /** time spent in the worker on this task */
  ms: number;
}

export type TaskResult =
  | ({
      status: 'converted';
      sha256: string;
      bytes: number;
      format: string | null;
      pages: number | null;
      items: number | null;
      /** converted, but the reader says the result is hollow (an image-only PDF): one line each */
      alerts?: string[];
      /** one of those alerts is an error (no text at all): the run's exit code counts the document as failed */
      readerError?: boolean;
      json?: string;
      rows?: TableRows;
      /** the output JSON as written to a file (with `returnOutput`) */
      output?: string;
      /** sha256 of the output JSON as written */
      outputSha256?: string;
    } & TaskTimings)
  | ({ status: 'failed'; reason: string; kind?: FailureKind; sha256?: string | null; bytes?: number | null } & TaskTimings);

export type WorkerMessage =
  | { type: 'ready'; warmMs: number; readersWarm: boolean }
  /** heapMb: the worker's heap (committed, MB) after the task: the pool replaces a worker that a large document left large */
  | ({ type: 'result'; id: number; readersWarm: boolean; heapMb?: number } & TaskResult);
