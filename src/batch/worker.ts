/**
 * A conversion worker (a worker thread running the compiled dist/ code). It converts one file at a time
 * and keeps its readers loaded between files (the pdf.js engine, the word list), so only the first
 * document of a worker pays for loading them. It writes the output JSON itself (atomically) and reports
 * a summary, plus the rows for the analysis tables and the compact JSON when asked. (Whether a file needs
 * converting at all is decided by the runner, which hashes inputs that the manifest says are done.)
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { getHeapStatistics } from 'node:v8';
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import type { Referat } from '../../schemas/referat.js';
import { convertBuffer } from '../convert.js';
import { serialize, writeJsonAtomic } from '../output.js';
import { validator, type RuleConfig } from '../validate/index.js';
import { loadConfigFile } from '../validate/config.js';
import { rowsFor } from '../db/tables.js';
import { describeError, describeFailure, tooLarge } from './errors.js';
import type { ConvertTask, TaskResult, WorkerMessage, WorkerOptions } from './protocol.js';
import { warmUpWorker } from './warm.js';
import { dictionaryLoaded } from '../../parsers/dictionary.js';
import { isPdfJsLeftover, setPdfIsolation } from '../../parsers/index.js';
import { fsPath } from '../files.js';

const port = isMainThread ? null : parentPort;
// This worker is itself the thread the batch ends on a time limit: pdf.js needs no thread of its own here.
// (Imported by the main thread for runTask alone (src/batch/inline.ts), the module starts nothing.)
if (port) setPdfIsolation('inline');
const options = (workerData ?? {}) as WorkerOptions;
// the rule configuration (.referatrc.json in the working folder), as `referat validate` reads it
const ownConfig = (await loadConfigFile(undefined).catch(() => ({ config: {} }))).config;
const validate = validator(ownConfig);
/** Validators for configurations that came with tasks (the runner's, or a queue job's coordinator's), by their JSON; the worker's own is ready before the first task. */
const validators = new Map<string, ReturnType<typeof validator>>([[JSON.stringify(ownConfig), validate]]);
function validatorFor(config: RuleConfig | undefined): ReturnType<typeof validator> {
  if (!config) return validate;
  const key = JSON.stringify(config);
  let v = validators.get(key);
  if (!v) validators.set(key, (v = validator(config)));
  return v;
}
/** Reader findings that make a converted file worth a line on the terminal. */
const READER_ALERTS = new Set(['no-text-layer', 'ocr-unavailable', 'ocr-timeout', 'ocr-failed']);

/** This thread's heap as V8 holds it (committed, not only live), MB. */
function heapMb(): number {
  return Math.round(getHeapStatistics().total_heap_size / 2 ** 20);
}

function post(msg: WorkerMessage): void {
  port!.postMessage(msg);
}

/** What the result carries of a finished output (rows and JSON only when asked). */
function payload(task: ConvertTask, referat: Referat): { json?: string; rows?: ReturnType<typeof rowsFor> } {
  return {
    json: task.wantJson ? JSON.stringify(referat) : undefined,
    rows: task.wantRows ? rowsFor(referat, task.documentId, task.outputFile) : undefined,
  };
}

/**
 * Fails the task being converted. A promise rejected with nobody to handle it (a bug, ours or a
 * library's) belongs to the document being read: it fails that document as an internal error, instead
 * of ending the worker some time later and being blamed on whichever file it converts then. (pdf.js's
 * own leftovers are dropped by parsers/pdf.ts: they belong to a PDF that has its result.)
 */
let failRunning: ((reason: unknown) => void) | null = null;
if (port) {
  // in a worker thread only: the main thread (one file converted there, src/batch/inline.ts) keeps Node's own handling
  process.on('unhandledRejection', (reason) => {
    if (isPdfJsLeftover(reason)) return;
    if (failRunning) failRunning(reason);
    else process.stderr.write(`referat: internal error between two documents: ${describeError(reason).replace(/^internal error: /, '')}\n`);
  });
}

/** `abandoned.late`: the task was failed by an unhandled rejection; its output is not written. */
export async function runTask(task: ConvertTask, abandoned: { late: boolean } = { late: false }): Promise<TaskResult> {
  const t0 = performance.now();
  const ms = () => Math.round((performance.now() - t0) * 10) / 10;
  let bytes: Buffer;
  try {
    bytes = task.content ? Buffer.from(task.content.buffer, task.content.byteOffset, task.content.byteLength) : readFileSync(fsPath({ path: task.path, raw: task.rawPath })); // synchronous: see writeAtomic
  } catch (e) {
    return { status: 'failed', ...describeFailure(e), ms: ms() };
  }
  if (bytes.length > task.maxBytes) return { status: 'failed', reason: tooLarge(bytes.length, task.maxBytes), bytes: bytes.length, ms: ms() };
  try {
    const ctx = await convertBuffer(bytes, task.displayPath, { validate: validatorFor(task.config), read: { maxBytes: task.maxBytes, timeoutMs: task.timeoutMs, ocr: task.ocr } });
    const referat = ctx.referat;
    if (task.configHash) referat.generator.config = task.configHash;
    if (abandoned.late) return { status: 'failed', reason: 'abandoned', ms: ms() };
    // the JSON text whole only where it is returned; a file is written piece by piece (peak memory)
    const output = task.returnOutput ? serialize(referat) : undefined;
    const outputSha256 = output !== undefined ? createHash('sha256').update(output).digest('hex') : writeJsonAtomic(task.output, referat).sha256;
    const alerts = referat.diagnostics.filter((d) => READER_ALERTS.has(d.code)).map((d) => d.message);
    return {
      status: 'converted',
      alerts: alerts.length ? alerts : undefined,
      readerError: referat.diagnostics.some((d) => READER_ALERTS.has(d.code) && d.severity === 'error') || undefined,
      sha256: referat.source.sha256,
      bytes: bytes.length,
      format: referat.source.format,
      pages: referat.source.pages,
      items: referat.items.length,
      ...payload(task, referat),
      output,
      outputSha256,
      ms: ms(),
    };
  } catch (e) {
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    return { status: 'failed', ...describeFailure(e), sha256, bytes: bytes.length, ms: ms() };
  }
}

async function start(): Promise<void> {
  post({ type: 'ready', ...(await warmUpWorker(!!options.warm)) });
  // One task at a time, in the order they arrive (the pool sends the next before this one is done).
  let previous: Promise<void> = Promise.resolve();
  port!.on('message', (task: ConvertTask) => {
    previous = previous.then(async () => {
      const t0 = performance.now();
      const abandoned = { late: false };
      const late = new Promise<TaskResult>((resolve) => {
        failRunning = (reason) => {
          abandoned.late = true;
          resolve({ status: 'failed', ...describeFailure(reason), ms: Math.round(performance.now() - t0) });
        };
      });
      const work = runTask(task, abandoned).catch((e: unknown): TaskResult => ({ status: 'failed', reason: describeError(e), ms: 0 }));
      const result = await Promise.race([work, late]);
      post({ type: 'result', id: task.id, readersWarm: dictionaryLoaded(), heapMb: heapMb(), ...result });
      // the next task starts when this one has stopped (an abandoned one still runs to its end)
      await work;
      failRunning = null;
    });
  });
}

if (port) void start();
