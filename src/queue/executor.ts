/**
 * The coordinator's side of `referat convert --queue redis://…`: runBatch plans the batch as for a local
 * run (walk, hashes, manifest, resume) and hands each document to this executor instead of the local
 * worker pool. It puts the document on the BullMQ queue, waits for a worker's result, writes the output
 * JSON itself (the same bytes a local worker writes) and returns what a local worker returns, so that the
 * manifest, errors.ndjson, --ndjson and the tables come out exactly as in a local run.
 *
 * Exactly once: a job's id is derived from this output folder, the document and its input (content hash
 * for inputs that travel inline, size and mtime for inputs read by path) and the settings that shape the
 * output. A coordinator that is killed and started again plans the same ids: a document already recorded
 * in the manifest is skipped as in a local run; one whose job is still on the queue (waiting, running, or
 * finished while no coordinator was there) is not added again, its result is taken when it is there. The
 * job and its keys are removed only after the result is in the manifest, so a kill at any moment loses
 * no result and converts nothing twice (at worst an output is renamed into place again with the same bytes).
 */
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { hostname } from 'node:os';
import { Job, Queue, QueueEvents } from 'bullmq';
import type { Redis } from 'ioredis';
import type { ConvertTask, TaskResult } from '../batch/protocol.js';
import type { ExternalExecutor, QueueSummary } from '../batch/run.js';
import { describeError } from '../batch/errors.js';
import { writeAtomic } from '../output.js';
import { fsPath } from '../files.js';
import { rowsFor } from '../db/tables.js';
import type { Referat } from '../../schemas/referat.js';
import type { RuleConfig } from '../validate/config.js';
import { connectRedis, inputKey, KEEP_SECONDS, QUEUE_NAME, redactUrl, resultKey, watchConnection } from './connection.js';
import { decodeResult, JOB_NAME, type JobData } from './protocol.js';
import { MAX_STALLED } from './worker.js';

/** Inputs up to this size travel inside the job by default (see README: why inline is the default). */
export const DEFAULT_INLINE_MAX = 8 * 1024 * 1024;
/** Documents on the queue at once by default: two for each of 64 worker threads. */
export const DEFAULT_IN_FLIGHT = 128;
/** Input bytes on the queue at once, at most (inline inputs wait for room beyond it). */
const INLINE_BUDGET = 256 * 1024 * 1024;
/** Redis down for this long stops the run (a shorter outage, e.g. a restart of the server, is ridden out). */
export const LOST_GRACE_MS = 10_000;
/**
 * When no result has come for this long, the jobs in flight are looked up directly: an event can be
 * trimmed away from a reader that lags far behind. (Not while results flow: a lookup per job would cost
 * as much as the job's own round trips.)
 */
const SWEEP_MS = 5_000;
/** Attempts for errors inside a worker that are not the document's (a worker whose threads cannot start). */
const ATTEMPTS = 3;

export interface QueueExecutorOptions {
  url: string;
  /** the output folder (absolute): with the host, it names this coordinator's jobs */
  outDir: string;
  timeoutMs: number;
  maxBytes: number;
  inlineMax?: number;
  inFlight?: number;
  config: RuleConfig;
}

interface Pending {
  jobId: string;
  task: Omit<ConvertTask, 'type' | 'id'>;
  resolve: (r: TaskResult) => void;
  since: number;
  settled: boolean;
  collecting: boolean;
  inlineBytes: number;
  hasInput: boolean;
}

export class QueueExecutor implements ExternalExecutor {
  readonly concurrency: number;
  started = 0;
  replaced = 0;
  broken: string | null = null;
  /** how runBatch prints a line beside the progress */
  note: (line: string) => void = (line) => process.stderr.write(line + '\n');
  private readonly pending = new Map<string, Pending>();
  private readonly workers = new Set<string>();
  private requeued = 0;
  private resumed = 0;
  private maxInFlight = 0;
  private inlineInFlight = 0;
  private readonly budgetWaiters: Array<() => void> = [];
  private closed = false;
  private closing: Promise<void> | null = null;
  private lastNews = Date.now();
  private lastNoWorkerNote = 0;
  private readonly timer: NodeJS.Timeout;
  private readonly unwatch: () => void;
  /** names this coordinator's jobs: the same output folder on the same host gives the same ids after a restart */
  private readonly key: string;
  private readonly settingsHash: string;

  private constructor(
    private readonly opts: QueueExecutorOptions,
    private readonly client: Redis,
    private readonly eventsClient: Redis,
    private readonly queue: Queue<JobData>,
    private readonly events: QueueEvents,
  ) {
    this.concurrency = Math.max(1, opts.inFlight ?? DEFAULT_IN_FLIGHT);
    this.key = createHash('sha256').update(`${hostname()}\0${opts.outDir}`).digest('hex').slice(0, 12);
    this.settingsHash = JSON.stringify([opts.config, opts.timeoutMs, opts.maxBytes]);
    events.on('completed', ({ jobId }) => this.onFinished(jobId));
    events.on('failed', ({ jobId }) => this.onFinished(jobId));
    events.on('stalled', ({ jobId }) => {
      const p = this.pending.get(jobId);
      if (!p) return;
      this.requeued++;
      this.note(`referat: ${p.task.displayPath}: its worker stopped answering; the job is back on the queue`);
    });
    this.timer = setInterval(() => void this.sweep(), SWEEP_MS);
    this.timer.unref();
    const stop = (reason: string) =>
      this.stop(
        `lost the connection to Redis at ${redactUrl(opts.url)} (${reason}) for ${LOST_GRACE_MS / 1000} s: stopped. ` +
          'The documents finished so far are kept; run the same command again when Redis is back to convert the rest',
      );
    const unwatchMain = watchConnection(client, LOST_GRACE_MS, stop);
    const unwatchEvents = watchConnection(eventsClient, LOST_GRACE_MS, stop);
    this.unwatch = () => (unwatchMain(), unwatchEvents());
  }

  /** Connects (a clear error when Redis cannot be reached) and starts listening for results. */
  static async connect(opts: QueueExecutorOptions): Promise<QueueExecutor> {
    const client = await connectRedis(opts.url);
    let eventsClient: Redis;
    try {
      eventsClient = await connectRedis(opts.url);
    } catch (e) {
      client.disconnect();
      throw e;
    }
    const queue = new Queue<JobData>(QUEUE_NAME, { connection: client });
    const events = new QueueEvents(QUEUE_NAME, { connection: eventsClient });
    queue.on('error', () => undefined); // connection errors: see watchConnection
    events.on('error', () => undefined);
    await queue.waitUntilReady();
    await events.waitUntilReady();
    return new QueueExecutor(opts, client, eventsClient, queue, events);
  }

  progressDetail(): string {
    return `${this.workers.size} worker(s) seen`;
  }

  summary(): QueueSummary {
    return {
      url: redactUrl(this.opts.url),
      name: QUEUE_NAME,
      workersSeen: this.workers.size,
      requeued: this.requeued,
      resumed: this.resumed,
      inFlight: this.maxInFlight,
    };
  }

  async run(task: Omit<ConvertTask, 'type' | 'id'>): Promise<TaskResult> {
    if (this.closed) return { status: 'failed', reason: this.broken ?? 'interrupted', ms: 0 };
    let content: Buffer | null = null;
    let fingerprint: string;
    try {
      const st = await stat(fsPath({ path: task.path, raw: task.rawPath }));
      if (st.size <= (this.opts.inlineMax ?? DEFAULT_INLINE_MAX)) {
        await this.reserve(st.size);
        content = await readFile(fsPath({ path: task.path, raw: task.rawPath })).catch((e: unknown) => {
          this.release(st.size);
          throw e;
        });
        fingerprint = createHash('sha256').update(content).digest('hex');
        this.release(st.size - content.length);
      } else fingerprint = `${st.size}:${st.mtimeMs}`;
    } catch (e) {
      return { status: 'failed', reason: describeError(e), ms: 0 };
    }
    const jobId = `${this.key}-${createHash('sha256').update(`${task.documentId}\0${fingerprint}\0${this.settingsHash}`).digest('hex').slice(0, 32)}`;
    return new Promise<TaskResult>((resolve) => {
      const p: Pending = {
        jobId,
        task,
        resolve,
        since: Date.now(),
        settled: false,
        collecting: false,
        inlineBytes: content?.length ?? 0,
        hasInput: content !== null,
      };
      if (this.closed) return this.settle(p, { status: 'failed', reason: this.broken ?? 'interrupted', ms: 0 });
      this.pending.set(jobId, p);
      this.maxInFlight = Math.max(this.maxInFlight, this.pending.size);
      void this.submit(p, content);
    });
  }

  /** Puts the job on the queue, unless it is there already (from a run that was killed). */
  private async submit(p: Pending, content: Buffer | null): Promise<void> {
    try {
      const state = await this.queue.getJobState(p.jobId);
      if (state !== 'unknown') {
        // on the queue since an earlier run: waiting or running (its result comes as for any job), or done
        if (state === 'completed' || state === 'failed') this.resumed++;
        this.release(p.inlineBytes);
        p.inlineBytes = 0;
        if (state === 'completed' || state === 'failed') await this.collect(p);
        return;
      }
      const task = p.task;
      const data: JobData = {
        coordinator: `${hostname()}:${process.pid}`,
        documentId: task.documentId,
        path: task.path,
        displayPath: task.displayPath,
        outputFile: task.outputFile,
        inputKey: content ? inputKey(p.jobId) : null,
        resultKey: resultKey(p.jobId),
        maxBytes: task.maxBytes,
        timeoutMs: this.opts.timeoutMs,
        readerTimeoutMs: task.timeoutMs ?? 0,
        config: this.opts.config,
      };
      if (content) await this.client.set(inputKey(p.jobId), content, 'EX', KEEP_SECONDS);
      await this.queue.add(JOB_NAME, data, {
        jobId: p.jobId,
        attempts: ATTEMPTS,
        backoff: { type: 'fixed', delay: 1000 },
        // kept until this coordinator has recorded the result (it removes them); the age is for one that never returns
        removeOnComplete: { age: KEEP_SECONDS },
        removeOnFail: { age: KEEP_SECONDS },
      });
    } catch (e) {
      if (!p.settled) this.settle(p, { status: 'failed', reason: this.broken ?? `the queue: ${describeError(e)}`, ms: 0 });
    }
  }

  private onFinished(jobId: string): void {
    const p = this.pending.get(jobId);
    if (p) void this.collect(p);
  }

  /** A finished job: its result (converted or not) or BullMQ's reason for failing it; the output is written here. */
  private async collect(p: Pending): Promise<void> {
    if (p.collecting || p.settled) return;
    p.collecting = true;
    this.lastNews = Date.now();
    let result: TaskResult;
    try {
      const stored = decodeResult(await this.client.hgetallBuffer(resultKey(p.jobId)));
      if (stored) {
        this.workers.add(stored.meta.worker);
        const { worker: _w, ...meta } = stored.meta;
        result = meta as TaskResult;
        if (meta.status === 'converted') {
          const output = stored.output!;
          writeAtomic(p.task.output, output);
          if (p.task.wantRows || p.task.wantJson) {
            // the rows and the compact JSON as a local worker makes them, from the same output
            const referat = JSON.parse(output.toString('utf8')) as Referat;
            result = {
              ...meta,
              rows: p.task.wantRows ? rowsFor(referat, p.task.documentId, p.task.outputFile) : undefined,
              json: p.task.wantJson ? JSON.stringify(referat) : undefined,
            };
          }
        }
      } else {
        const job = await Job.fromId<JobData>(this.queue, p.jobId);
        const state = job ? await job.getState() : 'unknown';
        if (state !== 'failed') {
          // finished but without a result (it expired): not the document's fault, a rerun converts it
          p.collecting = false;
          if (state === 'completed' || state === 'unknown') {
            this.settle(p, { status: 'failed', reason: 'the result of its job is missing on the queue (expired?); run again to convert it', ms: 0 });
          }
          return;
        }
        result = { status: 'failed', reason: failureReason(job!), ms: 0 };
      }
    } catch (e) {
      result = { status: 'failed', reason: this.broken ?? describeError(e), ms: 0 };
      if (this.broken) {
        this.settle(p, result);
        return;
      }
    }
    this.settle(p, result);
    // After runBatch has recorded the result (it does so in the continuation of this promise, before
    // any macrotask): only then are the job and its keys removed, so a kill in between loses nothing.
    setImmediate(() => void this.forget(p));
  }

  private settle(p: Pending, result: TaskResult): void {
    if (p.settled) return;
    p.settled = true;
    this.pending.delete(p.jobId);
    this.release(p.inlineBytes);
    p.inlineBytes = 0;
    p.resolve(result);
  }

  private async forget(p: Pending): Promise<void> {
    if (this.broken) return;
    try {
      await this.queue.remove(p.jobId);
      await this.client.del(resultKey(p.jobId), inputKey(p.jobId));
    } catch {
      // left for the next run's clean-up, or to expire
    }
  }

  /** Jobs without news: looked up directly; and a word when no worker is there to take them. */
  private async sweep(): Promise<void> {
    if (this.closed || this.broken) return;
    const now = Date.now();
    if (now - this.lastNews < SWEEP_MS) return;
    for (const p of [...this.pending.values()]) {
      if (p.collecting || p.settled || now - p.since < SWEEP_MS) continue;
      try {
        const state = await this.queue.getJobState(p.jobId);
        if (state === 'completed' || state === 'failed') await this.collect(p);
      } catch {
        return; // Redis is away: watchConnection decides
      }
    }
    if (this.pending.size && now - this.lastNews > 30_000 && now - this.lastNoWorkerNote > 60_000) {
      this.lastNoWorkerNote = now;
      const n = await this.queue.getWorkersCount().catch(() => -1);
      if (n === 0) {
        this.note(
          `referat: no worker is taking jobs from ${QUEUE_NAME} at ${redactUrl(this.opts.url)}: start "referat worker --queue ${redactUrl(this.opts.url)}" where the documents are to be converted`,
        );
      } else if (n > 0) this.note(`referat: waiting for ${this.pending.size} document(s) on the queue (${n} worker(s) connected)`);
    }
  }

  private async reserve(bytes: number): Promise<void> {
    // one input larger than the whole budget still goes, alone
    while (this.inlineInFlight > 0 && this.inlineInFlight + bytes > INLINE_BUDGET) {
      await new Promise<void>((r) => this.budgetWaiters.push(r));
    }
    this.inlineInFlight += bytes;
  }

  private release(bytes: number): void {
    if (bytes <= 0) return;
    this.inlineInFlight -= bytes;
    for (const w of this.budgetWaiters.splice(0)) w();
  }

  /** Stops the run: the documents in hand are not recorded (runBatch sees `broken`). */
  private stop(reason: string): void {
    if (this.broken || this.closed) return;
    this.broken = reason;
    for (const p of [...this.pending.values()]) this.settle(p, { status: 'failed', reason, ms: 0 });
  }

  /** Idempotent: a second call (runBatch's, after an interrupt closed it) waits for the first. */
  close(opts: { complete?: boolean } = {}): Promise<void> {
    this.closing ??= this.shutDown(opts);
    return this.closing;
  }

  private async shutDown(opts: { complete?: boolean }): Promise<void> {
    this.closed = true;
    clearInterval(this.timer);
    this.unwatch();
    const left = [...this.pending.values()];
    for (const p of left) this.settle(p, { status: 'failed', reason: this.broken ?? 'interrupted', ms: 0 });
    for (const w of this.budgetWaiters.splice(0)) w();
    if (!this.broken) {
      await withDeadline(5_000, async () => {
        // Interrupted: the jobs not yet taken are withdrawn (a worker would convert them for nobody);
        // those running finish and their results wait on the queue for the next run.
        for (const p of left) {
          if ((await this.queue.remove(p.jobId).catch(() => 0)) === 1) await this.client.del(inputKey(p.jobId), resultKey(p.jobId));
        }
        if (opts.complete) await this.removeLeftovers();
      });
    }
    // also when Redis is gone: closing ends BullMQ's own retry loops (their timers would keep the process alive)
    await withDeadline(3_000, async () => {
      await Promise.all([this.events.close(), this.queue.close()]);
    });
    this.client.disconnect();
    this.eventsClient.disconnect();
  }

  /**
   * After a complete run, what this coordinator left on the queue in earlier runs and no longer needs:
   * jobs of documents recorded just before a kill, of inputs since changed or removed. Running jobs
   * are left to finish (their keys expire).
   */
  private async removeLeftovers(): Promise<void> {
    const prefix = `bull:${QUEUE_NAME}:${this.key}-`;
    let cursor = '0';
    const ids = new Set<string>();
    do {
      const [next, keys] = await this.client.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 1000);
      cursor = next;
      for (const k of keys) ids.add(k.slice(`bull:${QUEUE_NAME}:`.length).split(':')[0]);
    } while (cursor !== '0');
    for (const id of ids) {
      if ((await this.queue.getJobState(id)) === 'active') continue;
      await this.queue.remove(id).catch(() => 0);
      await this.client.del(inputKey(id), resultKey(id));
    }
    // inputs and results whose job is gone
    for (const kind of ['in', 'out']) {
      cursor = '0';
      do {
        const [next, keys] = await this.client.scan(cursor, 'MATCH', `referat:${QUEUE_NAME}:${kind}:${this.key}-*`, 'COUNT', 1000);
        cursor = next;
        for (const k of keys) {
          const id = k.slice(`referat:${QUEUE_NAME}:${kind}:`.length);
          if ((await this.queue.getJobState(id)) === 'unknown') await this.client.del(k);
        }
      } while (cursor !== '0');
    }
  }
}

/** BullMQ's reason, in the terms of a batch. */
function failureReason(job: Job<JobData>): string {
  const reason = job.failedReason || 'unknown reason';
  if (/stalled more than allowable limit/.test(reason)) {
    return `the workers converting it stopped answering ${MAX_STALLED + 1} times (killed, out of memory or cut off); not tried again`;
  }
  return `failed on the queue after ${job.attemptsMade} attempt(s): ${reason}`;
}

async function withDeadline(ms: number, fn: () => Promise<void>): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([fn().catch(() => undefined), new Promise<void>((r) => (timer = setTimeout(r, ms)))]);
  clearTimeout(timer);
}
