/**
 * A batch conversion: walk the inputs, convert the files in parallel in worker threads (scheduled with
 * p-queue, one task per worker at a time), write one JSON per input mirrored under the output folder,
 * record every result in the manifest (so a rerun skips what is done and unchanged), list failures in
 * errors.ndjson, stream results as NDJSON when asked, and build the analysis database at the end.
 */
import { once } from 'node:events';
import { closeSync, createWriteStream, existsSync, openSync, rmSync, writeFileSync, writeSync, type WriteStream } from 'node:fs';
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { performance as perfHooks } from 'node:perf_hooks';
import { join, relative, resolve } from 'node:path';
import PQueue from 'p-queue';
import type { Logger } from 'pino';
import { collectInputs, fsPath, type InputFile } from '../files.js';
import { outputPathFor, writeAtomic } from '../output.js';
import { VERSION } from '../version.js';
import type { DatabaseBuilder } from '../db/database.js';
import { DB_FILE } from '../db/file.js';
import { documentIdOf, rowsFor } from '../db/tables.js';
import type { Referat } from '../../schemas/referat.js';
import type { RuleConfig } from '../validate/config.js';
import { configHash, hashFile } from './hash.js';
import { describeFailure, tooLarge, type FailureKind } from './errors.js';
import { Manifest, MANIFEST_FILE, outputOf, type ManifestEntry } from './manifest.js';
import { lockOutputFolder, removeStaleTemps } from './outdir.js';
import { WorkerPool } from './pool.js';
import { InlineExecutor } from './inline.js';
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
  /** the validation rules' configuration (default: none, every rule at its default level) */
  config?: RuleConfig;
  /** follow symbolic links that lead outside the folders given (default: skip them with a note) */
  followSymlinks?: boolean;
  /** called for a converted file whose reader reported an error (e.g. no text layer, OCR off) */
  onReaderError?: (path: string) => void;
}

/** A marker beside the database while it lags behind the outputs (a run changed them and has not rebuilt it yet). */
export const STALE_DB_FILE = 'referat.duckdb.stale';


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
  /** hidden files and folders (name starting with ".") in the folders given, not converted */
  hidden: number;
  /** outputs removed because their input no longer exists */
  removed: number;
  /** set when the documents went through a job queue */
  queue?: QueueSummary;
  database: string | null;
  manifest: string;
  errors: string;
}

interface FailureLine {
  id: string | null;
  input: string;
  /** the input path's bytes in hex, where they are not UTF-8 (`input` is then their rendering) */
  inputBytes?: string;
  reason: string;
  /** whose fault: the input's, the environment's, or referat's own */
  kind: FailureKind;
  version: string;
  at: string;
}

export class BatchError extends Error {}

/**
 * Inputs above this size are converted one at a time. A document's peak memory is up to ~35x its text
 * (a 20 MB text: 0.7 GB), so two large ones side by side would double the run's peak; ordinary
 * minutes (under 1 MB) go on in parallel around it.
 */
export const LARGE_INPUT_BYTES = 4 * 1024 * 1024;
let largeInputs: Promise<void> = Promise.resolve();

/** Waits for the large input before this one to finish; returns the release for the next. */
async function largeInputTurn(): Promise<() => void> {
  const before = largeInputs;
  let release!: () => void;
  largeInputs = new Promise<void>((r) => (release = r));
  await before;
  return release;
}

/** The bytes of an input's path for the records, where its name is not UTF-8 (hex). */
function rawOf(file: InputFile): { inputBytes?: string } {
  return file.raw ? { inputBytes: file.raw.toString('hex') } : {};
}

/** A reason that will fail every further file the same way: the disk is full. */
function diskFull(reason: string): boolean {
  return /\b(?:ENOSPC|EDQUOT)\b/.test(reason);
}

function environmentStopMessage(reason: string): string {
  return `stopped: ${reason}; finished files are kept, make room and run the same command again to complete the rest`;
}

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

  const config = opts.config ?? {};
  const configKey = configHash(config);
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
  let removedOutputs = 0;
  let environmentStop: string | null = null;
  const stopForEnvironment = (reason: string) => {
    environmentStop ??= reason;
    queue.clear();
  };
  let hiddenFiles = 0;
  /** the one document is converted in this thread (src/batch/inline.ts) */
  let inline = false;

  try {
    const removed = await removeStaleTemps(outDir);
    if (removed) log.info({ removed }, 'removed temporary files of an interrupted run');
    manifest = await Manifest.open(outDir);
    if (manifest.note) say(`referat: ${manifest.note}`);
    writeAtomic(errorsPath, '');
    errorsFd = openSync(errorsPath, 'a');

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

    const fail = (line: Omit<FailureLine, 'version' | 'at' | 'kind'> & { kind?: FailureKind }) => {
      const full: FailureLine = { ...line, kind: line.kind ?? 'input', version: VERSION, at: new Date().toISOString() };
      writeSync(errorsFd!, JSON.stringify(full) + '\n');
      counts.failed++;
      say(`referat: ${line.input}: ${line.reason}`);
      // a stream consumer sees every input: a failed one as a line with its error
      if (ndjson && ndjsonOpen) ndjson.write(JSON.stringify({ id: line.id, input: line.input, status: 'failed', error: line.reason, kind: full.kind }) + '\n');
    };

    /** The database no longer matches the outputs once one changes: say so beside it until it is rebuilt. */
    let markedStale = false;
    const markDbStale = () => {
      if (markedStale || !existsSync(join(outDir, DB_FILE))) return;
      markedStale = true;
      writeFileSync(
        join(outDir, STALE_DB_FILE),
        `${DB_FILE} predates outputs written by a run started ${new Date().toISOString()} that has not rebuilt it; run "referat convert" on the same inputs again to rebuild it\n`,
      );
    };

    const { files, problems, hidden } = await collectInputs(inputs, { followSymlinks: opts.followSymlinks });
    hiddenFiles = hidden;
    for (const p of problems) fail({ id: null, input: p.path, reason: p.reason });

    const plans = planOutputs(files, outDir, (file, id, reason) => fail({ id, input: file.path, ...rawOf(file), reason }));
    counts.total = plans.length + counts.failed;

    // Outputs whose input is gone (deleted or moved since the run that wrote them) are removed, with their
    // manifest line, so that neither out/ nor the database keeps a document that no longer exists.
    const planned = new Set(plans.map((p) => p.id));
    for (const e of [...manifest.entries.values()]) {
      if (planned.has(e.id) || existsSync(e.inputBytes ? Buffer.from(e.inputBytes, 'hex') : e.input)) continue;
      const output = outputOf(outDir, e);
      if (existsSync(output)) {
        markDbStale();
        rmSync(output, { force: true });
        removedOutputs++;
      }
      manifest.forget(e.id);
    }
    if (removedOutputs) say(`referat: ${removedOutputs} output(s) removed: their inputs no longer exist`);

    /**
     * Whether an output may be reused: the manifest says this version made it from these bytes with this
     * configuration, or (where the manifest lost its line) the output exists and says so itself (checked in reuse).
     */
    const reusable = (plan: Plan): ManifestEntry | 'ask-output' | null => {
      if (opts.force || !existsSync(plan.output)) return null;
      const prev = manifest!.get(plan.id);
      if (!prev) return 'ask-output';
      if (prev.status !== 'ok' || prev.version !== VERSION || !prev.sha256 || (prev.config ?? configHash()) !== configKey) return null;
      return prev;
    };
    // DuckDB (its native module costs ~0.5 s to load) only when the tables are built: not with --no-db.
    if (wantDb) db = await (await import('../db/database.js')).DatabaseBuilder.create(outDir);

    const workers = Math.min(jobs, Math.max(1, plans.length));
    if (plans.length === 1 && opts.jobs === undefined && !pool) {
      // one document and no --jobs: converted in this thread, without a worker that loads everything again
      pool = new InlineExecutor();
      inline = true;
    } else if (plans.length > 0 && !pool) {
      pool = new WorkerPool({
        size: workers,
        timeoutMs,
        // Where PDFs are to be read, each worker (a replacement too) loads the PDF engine before its first
        // task, so that no file's time limit pays for it and every format gets the same limit; a batch of
        // text files does not load it at all.
        warm: plans.some((p) => /\.pdf$/i.test(p.file.path)),
        maxHeapMb: opts.maxHeapMb,
      });
    }
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
    if (opts.executor) opts.executor.note = say;
    if (opts.executor?.progressDetail) progress.detail = () => opts.executor!.progressDetail!();
    progress.start(counts.total);
    progress.update(counts, false);

    /** An input unchanged since its output was written by this version: reuse the output. */
    const reuse = async (plan: Plan, prev: ManifestEntry | 'ask-output'): Promise<boolean> => {
      const sha256 = await hashFile(fsPath(plan.file));
      if (prev !== 'ask-output' && sha256 !== prev.sha256) return false;
      // The output itself is checked: a file cut off, edited or written by another version is converted again.
      let text: string;
      try {
        text = await readFile(plan.output, 'utf8');
      } catch {
        return false;
      }
      const verified = prev !== 'ask-output' && !!prev.outputSha256 && createHash('sha256').update(text).digest('hex') === prev.outputSha256;
      let referat: Referat | null = null;
      if (!verified) {
        // zod only here, for an output the manifest does not vouch for (its parse is what is reused)
        const { Referat } = await import('../../schemas/referat.js');
        let parsed;
        try {
          parsed = Referat.safeParse(JSON.parse(text));
        } catch {
          return false;
        }
        if (!parsed.success) return false;
        referat = parsed.data;
        const made = referat.generator;
        if (referat.source.sha256 !== sha256 || made.version !== VERSION || (made.config ?? configHash()) !== configKey) return false;
      }
      if (prev === 'ask-output') {
        // the manifest lost this line (a killed run): the output vouches for itself; record it again
        manifest!.record({
          id: plan.id, input: plan.file.path, ...rawOf(plan.file), output: plan.outputFile, version: VERSION, config: configKey, status: 'ok', sha256,
          outputSha256: createHash('sha256').update(text).digest('hex'), bytes: referat!.source.bytes ?? null, reason: null,
          format: referat!.source.format, pages: referat!.source.pages, items: referat!.items.length, ms: null, at: new Date().toISOString(),
        });
      }
      if (db || ndjson) {
        referat ??= JSON.parse(text) as Referat;
        db?.append(rowsFor(referat, plan.id, plan.outputFile));
        await emit(JSON.stringify(referat));
      }
      counts.skipped++;
      log.debug({ file: plan.file.path }, 'unchanged, skipped');
      return true;
    };

    const handle = async (plan: Plan): Promise<void> => {
      if (interrupted) return;
      const base = { id: plan.id, input: plan.file.path, ...rawOf(plan.file), output: plan.outputFile, version: VERSION, config: configKey };
      let size = -1;
      let result: TaskResult | undefined;
      try {
        size = (await stat(fsPath(plan.file))).size;
        const prev = size <= maxBytes ? reusable(plan) : null;
        if (prev && (await reuse(plan, prev))) {
          progress.update(counts);
          return;
        }
      } catch (e) {
        result = { status: 'failed', ...describeFailure(e), ms: 0 };
      }
      if (result) {
        // stat or hashing failed
      } else if (size > maxBytes) result = { status: 'failed', reason: tooLarge(size, maxBytes), bytes: size, ms: 0 };
      else {
        convertStart ||= performance.now();
        markDbStale();
        // one large input at a time: each can take a worker's heap to its limit, two at once twice that
        const releaseLarge = size > LARGE_INPUT_BYTES ? await largeInputTurn() : () => undefined;
        result = await pool!.run({
          path: plan.file.path,
          rawPath: plan.file.raw,
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
          config,
          configHash: configKey,
        }).finally(releaseLarge);
        convertEnd = performance.now();
      }
      if (interrupted && result.status === 'failed' && result.reason === 'interrupted') return;
      if (result.status === 'failed' && diskFull(result.reason)) {
        stopForEnvironment(result.reason);
        return; // not the file's fault: nothing is recorded
      }
      if (environmentStop || pool?.broken) {
        queue.clear();
        return; // not the file's fault: nothing is recorded
      }

      if (result.status === 'failed') {
        // an output of an earlier version of this input no longer stands for it
        if (existsSync(plan.output)) {
          markDbStale();
          rmSync(plan.output, { force: true });
        }
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
        fail({ id: plan.id, input: plan.file.path, ...rawOf(plan.file), reason: result.reason, kind: result.kind ?? (result.reason.startsWith('worker ') ? 'internal' : 'input') });
        log.debug({ file: plan.file.path, reason: result.reason }, 'failed');
      } else {
        manifest!.record({
          ...base,
          status: 'ok',
          sha256: result.sha256,
          bytes: result.bytes,
          outputSha256: result.outputSha256 ?? null,
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

    // A full disk fails every file after it the same way: stop at the first one (a write of the runner's
    // own, the manifest or errors.ndjson, that fails counts too), say it once, and leave a folder a rerun completes.
    const guarded = async (plan: Plan) => {
      try {
        await handle(plan);
      } catch (e) {
        const { reason, kind } = describeFailure(e);
        if (kind !== 'environment') throw e;
        stopForEnvironment(reason);
      }
    };
    for (const plan of plans) void queue.add(() => guarded(plan));
    await queue.onIdle();
    if (environmentStop) throw new BatchError(environmentStopMessage(environmentStop));
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
      rmSync(join(outDir, STALE_DB_FILE), { force: true });
      dbMs = performance.now() - t;
    }
  } catch (e) {
    // the runner's own writes (manifest, errors.ndjson, database) on a full or read-only disk: one line, not a stack
    const { reason, kind } = describeFailure(e);
    if (kind === 'environment' && !(e instanceof BatchError)) throw new BatchError(environmentStopMessage(reason));
    throw e;
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

  return reportSummary({ t0, cpu0, elu0, outDir, counts, interrupted, jobs: inline ? 1 : jobs, convertStart, convertEnd, dbMs, poolStats, queue: opts.executor?.summary?.(), database, errorsPath, removed: removedOutputs, hidden: hiddenFiles });
}


export function summaryLines(s: BatchSummary): string[] {
  const lines = [
    `referat: ${s.files} file(s) in ${formatDuration(s.wallMs)}: ${s.converted} converted, ${s.skipped} skipped (unchanged), ${s.failed} failed` +
      (s.hidden ? `, ${s.hidden} hidden (name starting with ".") not converted` : '') +
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
