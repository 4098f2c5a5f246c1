/**
 * A batch conversion: walk the inputs, convert the files in parallel in worker threads (scheduled with
 * p-queue, one task per worker at a time), write one JSON per input mirrored under the output folder,
 * record every result in the manifest (so a rerun skips what is done and unchanged), list failures in
 * errors.ndjson, stream results as NDJSON when asked, and build the analysis database at the end.
 */
import { once } from 'node:events';
import { closeSync, createWriteStream, existsSync, openSync, writeSync, type WriteStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { performance as perfHooks } from 'node:perf_hooks';
import { join, relative, resolve } from 'node:path';
import PQueue from 'p-queue';
import type { Logger } from 'pino';
import { collectInputs, type InputFile } from '../files.js';
import { outputPathFor, writeAtomic } from '../output.js';
import { VERSION } from '../version.js';
import { DatabaseBuilder, DB_FILE } from '../db/database.js';
import { documentIdOf, rowsFor } from '../db/tables.js';
import type { Referat } from '../../schemas/referat.js';
import { hashFile } from './hash.js';
import { describeError, tooLarge } from './errors.js';
import { Manifest, MANIFEST_FILE, type ManifestEntry } from './manifest.js';
import { lockOutputFolder, removeStaleTemps } from './outdir.js';
import { WorkerPool } from './pool.js';
import { Progress, formatDuration, type ProgressCounts, type ProgressMode } from './progress.js';
import type { ConvertTask, TaskResult } from './protocol.js';
import { planOutputs, type Plan } from './plan.js';
import { addEarlierOutputs, reportSummary } from './report.js';
import type { OcrMode } from '../../parsers/ocr.js';

export const ERRORS_FILE = 'errors.ndjson';
export const DEFAULT_TIMEOUT_S = 60;
export const DEFAULT_MAX_SIZE_MB = 100;

/**
 * What converts the planned documents: the local worker pool, or another that takes the same tasks
 * (src/queue/executor.ts: workers on a job queue). `run` never rejects; `broken` says when nothing more
 * can be converted (the run stops without recording the documents in hand).
 */
export interface Executor {
  run(task: Omit<ConvertTask, 'type' | 'id'>): Promise<TaskResult>;
  /** `complete`: every planned document has its result (the executor may clean up what it kept for a resume) */
  close(opts?: { complete?: boolean }): Promise<void>;
  readonly broken: string | null;
  readonly started: number;
  readonly replaced: number;
}

/** An executor for runBatch in place of the local pool, with how many documents it takes at once. */
export interface ExternalExecutor extends Executor {
  readonly concurrency: number;
  /** appended to the progress line (e.g. the workers seen) */
  progressDetail?(): string;
  /** added to the summary */
  summary?(): QueueSummary;
  /** set by runBatch: prints a line beside the progress */
  note?: (line: string) => void;
}

export interface QueueSummary {
  /** the Redis URL without its password */
  url: string;
  name: string;
  /** distinct worker processes that returned a result in this run */
  workersSeen: number;
  /** jobs put back on the queue because their worker stopped answering (killed, lost) */
  requeued: number;
  /** jobs whose result was already on the queue (converted while no coordinator was running) */
  resumed: number;
  /** documents that were on the queue at once, at most */
  inFlight: number;
}

export interface BatchOptions {
  out: string;
  /** number of worker threads (default: one per core) */
  jobs?: number;
  /** convert everything again, ignoring the manifest */
  force?: boolean;
  /** per-file time limit in ms (0 = none) */
  timeoutMs?: number;
  /** larger files fail without being read */
  maxBytes?: number;
  /** write every result as one line of JSON to this file, or "-" for stdout */
  ndjson?: string | null;
  /** build referat.duckdb (default true) */
  db?: boolean;
  quiet?: boolean;
  /** how to show progress (default: a bar on a terminal, lines otherwise, none when quiet) */
  progress?: ProgressMode;
  /** write the summary as JSON to this file */
  summaryJson?: string | null;
  /** worker heap limit in MB */
  maxHeapMb?: number;
  /** convert with this instead of local worker threads (`jobs` is then unused) */
  executor?: ExternalExecutor;
  /** OCR of scanned PDF pages (default auto) */
  ocr?: OcrMode;
  /** called for a converted file whose reader reported an error (e.g. no text layer, OCR off) */
  onReaderError?: (path: string) => void;
}

export interface BatchSummary {
  version: string;
  out: string;
  files: number;
  converted: number;
  skipped: number;
  failed: number;
  interrupted: boolean;
  /** pages of the documents converted in this run (paged formats) */
  pages: number;
  jobs: number;
  wallMs: number;
  /** from the first task to the last result */
  convertMs: number;
  dbMs: number;
  docsPerSec: number;
  pagesPerSec: number;
  /** peak resident memory of the process (main thread and workers), MB */
  maxRssMb: number;
  /** CPU time of the whole process (all threads), ms: cpuMs / wallMs is the number of cores kept busy */
  cpuMs: number;
  /** share of the run the main thread was busy (scheduling, hashing, tables, progress), % */
  mainBusyPct: number;
  workersStarted: number;
  workersReplaced: number;
  /** set when the documents went through a job queue */
  queue?: QueueSummary;
  database: string | null;
  manifest: string;
  errors: string;
}

interface FailureLine {
  id: string | null;
  input: string;
  reason: string;
  version: string;
  at: string;
}

export class BatchError extends Error {}

export async function runBatch(inputs: string[], opts: BatchOptions, log: Logger): Promise<BatchSummary> {
  const t0 = performance.now();
  const elu0 = perfHooks.eventLoopUtilization();
  const cpu0 = process.cpuUsage();
  const outDir = resolve(opts.out);
  const jobs = Math.max(1, Math.floor(opts.jobs ?? availableParallelism()));
  const timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_S * 1000;
  const maxBytes = opts.maxBytes ?? DEFAULT_MAX_SIZE_MB * 1024 * 1024;
  const wantDb = opts.db !== false;
  const mode: ProgressMode = opts.progress ?? (opts.quiet ? 'off' : process.stderr.isTTY ? 'bar' : 'lines');
  const progress = new Progress(process.stderr, mode);
  const say = (line: string) => (mode === 'off' ? process.stderr.write(line + '\n') : progress.note(line));

  const release = await lockOutputFolder(outDir);
  let manifest: Manifest | null = null;
  let errorsFd: number | null = null;
  let db: DatabaseBuilder | null = null;
  let ndjson: NodeJS.WritableStream | null = null;
  let pool: Executor | null = opts.executor ?? null;
  let interrupted = false;
  // Two files in flight per worker: while a worker converts one, the next is already checked (stat,
  // manifest, hash) and waiting for it, so a worker never idles while the runner records a result.
  const queue = new PQueue({ concurrency: opts.executor?.concurrency ?? jobs * 2 });
  const onSignal = (signal: NodeJS.Signals) => {
    if (interrupted) process.exit(130); // a second Ctrl-C: leave now (outputs are atomic; the next run cleans up)
    interrupted = true;
    say(`referat: ${signal}: stopping (finished files are kept; run the same command again to resume)`);
    queue.clear();
    void pool?.close();
  };
  const counts: ProgressCounts = { total: 0, converted: 0, skipped: 0, failed: 0, pages: 0 };
  const errorsPath = join(outDir, ERRORS_FILE);
  let convertStart = 0;
  let convertEnd = 0;
  let dbMs = 0;
  let database: string | null = null;
  let poolStats = { started: 0, replaced: 0 };

  try {
    const removed = await removeStaleTemps(outDir);
    if (removed) log.info({ removed }, 'removed temporary files of an interrupted run');
    manifest = await Manifest.open(outDir);
    writeAtomic(errorsPath, '');
    errorsFd = openSync(errorsPath, 'a');

    const fail = (line: Omit<FailureLine, 'version' | 'at'>) => {
      const full: FailureLine = { ...line, version: VERSION, at: new Date().toISOString() };
      writeSync(errorsFd!, JSON.stringify(full) + '\n');
      counts.failed++;
      say(`referat: ${line.input}: ${line.reason}`);
    };

    const { files, problems } = await collectInputs(inputs);
    for (const p of problems) fail({ id: null, input: p.path, reason: p.reason });

    const plans = planOutputs(files, outDir, (file, id, reason) => fail({ id, input: file.path, reason }));
    counts.total = plans.length + counts.failed;

    const reusable = (plan: Plan): ManifestEntry | null => {
      const prev = manifest!.get(plan.id);
      if (opts.force || !prev || prev.status !== 'ok' || prev.version !== VERSION || !prev.sha256) return null;
      return existsSync(plan.output) ? prev : null;
    };

    if (opts.ndjson === '-') ndjson = process.stdout;
    else if (opts.ndjson) ndjson = createWriteStream(resolve(opts.ndjson));
    let ndjsonOpen = ndjson !== null;
    ndjson?.on('error', (e: Error) => {
      // e.g. the reading end of a pipe went away (`| head`): the conversion goes on without the stream
      if (ndjsonOpen) say(`referat: --ndjson: ${e.message}; no further results are written there`);
      ndjsonOpen = false;
    });
    const emit = async (json: string | undefined) => {
      if (!ndjson || !ndjsonOpen || json === undefined) return;
      if (!ndjson.write(json + '\n')) await once(ndjson, 'drain').catch(() => undefined);
    };
    if (wantDb) db = await DatabaseBuilder.create(outDir);

    const workers = Math.min(jobs, Math.max(1, plans.length));
    if (plans.length > 0 && !pool) {
      pool = new WorkerPool({
        size: workers,
        timeoutMs,
        // readers load with the first PDF that needs them (the time limit allows for that)
        warm: false,
        maxHeapMb: opts.maxHeapMb ?? 4096,
      });
    }
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
    if (opts.executor) opts.executor.note = say;
    if (opts.executor?.progressDetail) progress.detail = () => opts.executor!.progressDetail!();
    progress.start(counts.total);
    progress.update(counts, false);

    /** An input unchanged since its output was written by this version: reuse the output. */
    const reuse = async (plan: Plan, prev: ManifestEntry): Promise<boolean> => {
      if ((await hashFile(plan.file.path)) !== prev.sha256) return false;
      if (db || ndjson) {
        let referat: Referat;
        try {
          referat = JSON.parse(await readFile(plan.output, 'utf8')) as Referat;
        } catch {
          return false; // the output is unreadable: convert again
        }
        if (referat.source?.sha256 !== prev.sha256) return false;
        db?.append(rowsFor(referat, plan.id, plan.outputFile));
        await emit(JSON.stringify(referat));
      }
      counts.skipped++;
      log.debug({ file: plan.file.path }, 'unchanged, skipped');
      return true;
    };

    const handle = async (plan: Plan): Promise<void> => {
      if (interrupted) return;
      const base = { id: plan.id, input: plan.file.path, output: plan.outputFile, version: VERSION };
      let size = -1;
      let result: TaskResult | undefined;
      try {
        size = (await stat(plan.file.path)).size;
        const prev = size <= maxBytes ? reusable(plan) : null;
        if (prev && (await reuse(plan, prev))) {
          progress.update(counts);
          return;
        }
      } catch (e) {
        result = { status: 'failed', reason: describeError(e), ms: 0 };
      }
      if (result) {
        // stat or hashing failed
      } else if (size > maxBytes) result = { status: 'failed', reason: tooLarge(size, maxBytes), bytes: size, ms: 0 };
      else {
        convertStart ||= performance.now();
        result = await pool!.run({
          path: plan.file.path,
          displayPath: plan.file.path,
          output: plan.output,
          documentId: plan.id,
          outputFile: plan.outputFile,
          maxBytes,
          // the reader stops a runaway PDF itself a little before the pool would end the worker
          timeoutMs: timeoutMs > 0 ? Math.max(1000, timeoutMs - 1000) : 0,
          wantJson: ndjson !== null,
          wantRows: db !== null,
          ocr: opts.ocr,
        });
        convertEnd = performance.now();
      }
      if (interrupted && result.status === 'failed' && result.reason === 'interrupted') return;
      if (pool?.broken) {
        queue.clear();
        return; // not the file's fault: nothing is recorded
      }

      if (result.status === 'failed') {
        manifest!.record({
          ...base,
          status: 'failed',
          sha256: result.sha256 ?? null,
          bytes: result.bytes ?? (size >= 0 ? size : null),
          reason: result.reason,
          format: null,
          pages: null,
          items: null,
          ms: result.ms,
          at: new Date().toISOString(),
        });
        fail({ id: plan.id, input: plan.file.path, reason: result.reason });
        log.debug({ file: plan.file.path, reason: result.reason }, 'failed');
      } else {
        manifest!.record({
          ...base,
          status: 'ok',
          sha256: result.sha256,
          bytes: result.bytes,
          reason: null,
          format: result.format,
          pages: result.pages,
          items: result.items,
          ms: result.ms,
          at: new Date().toISOString(),
        });
        counts.converted++;
        counts.pages += result.pages ?? 0;
        log.info({ file: plan.file.path, out: plan.output, items: result.items, ms: result.ms }, 'converted');
        for (const alert of result.alerts ?? []) if (!opts.quiet) say(`referat: ${plan.file.path}: ${alert}`);
        if (result.readerError) opts.onReaderError?.(plan.file.path);
        if (result.rows) db?.append(result.rows);
        await emit(result.json);
      }
      progress.update(counts);
    };

    for (const plan of plans) void queue.add(() => handle(plan));
    await queue.onIdle();
    if (pool?.broken) throw new BatchError(pool.broken);
    poolStats = pool ? { started: pool.started, replaced: pool.replaced } : poolStats;
    await pool?.close({ complete: !interrupted });
    pool = null;
    progress.stop();

    if (db && !interrupted) {
      const t = performance.now();
      await addEarlierOutputs(db, manifest, outDir, log);
      database = await db.finish();
      db = null;
      dbMs = performance.now() - t;
    }
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    progress.stop();
    await pool?.close();
    await db?.abort();
    manifest?.close();
    if (errorsFd !== null) closeSync(errorsFd);
    if (ndjson && ndjson !== process.stdout) {
      const stream = ndjson as WriteStream;
      if (!stream.destroyed) {
        stream.end();
        await once(stream, 'close').catch(() => undefined);
      }
    }
    await removeStaleTemps(outDir).catch(() => 0);
    release();
  }

  return reportSummary({ t0, cpu0, elu0, outDir, counts, interrupted, jobs, convertStart, convertEnd, dbMs, poolStats, queue: opts.executor?.summary?.(), database, errorsPath });
}


export function summaryLines(s: BatchSummary): string[] {
  const lines = [
    `referat: ${s.files} file(s) in ${formatDuration(s.wallMs)}: ${s.converted} converted, ${s.skipped} skipped (unchanged), ${s.failed} failed` +
      (s.interrupted ? ' (interrupted)' : ''),
    s.queue
      ? `referat: ${s.docsPerSec} docs/s, ${s.pagesPerSec} pages/s, ${s.queue.workersSeen} worker(s) seen on the queue ${s.queue.name} at ${s.queue.url}` +
        (s.queue.requeued ? `, ${s.queue.requeued} job(s) retried after their worker stopped` : '') +
        (s.queue.resumed ? `, ${s.queue.resumed} result(s) taken over from an earlier run` : '')
      : `referat: ${s.docsPerSec} docs/s, ${s.pagesPerSec} pages/s, ${s.jobs} job(s), peak memory ${s.maxRssMb} MB`,
  ];
  if (s.failed) lines.push(`referat: failures are listed in ${s.errors}`);
  if (s.database) lines.push(`referat: tables in ${s.database}`);
  return lines;
}

export { DB_FILE, MANIFEST_FILE };
