/**
 * `referat worker --queue redis://…`: takes conversion jobs from the BullMQ queue and converts them with
 * the same warm worker threads as a local `referat convert` (src/batch/pool.ts: readers loaded once,
 * the per-document time limit enforced by ending the thread). The result goes back to Redis for the
 * coordinator, which writes the output; this process writes nothing to disk.
 *
 * A job stays locked to this worker while it runs (the lock is renewed from this thread, which is idle
 * while the conversion threads work); if this process dies, the lock expires and BullMQ's stalled-job
 * check on any other worker puts the job back on the queue, up to `MAX_STALLED` times.
 */
import { configHash } from '../batch/hash.js';
import { existsSync } from 'node:fs';
import { availableParallelism, hostname } from 'node:os';
import { UnrecoverableError, Worker, type Job } from 'bullmq';
import type { Logger } from 'pino';
import { WorkerPool } from '../batch/pool.js';
import { connectRedis, KEEP_SECONDS, QUEUE_NAME, redactUrl, watchConnection } from './connection.js';
import { encodeResult, type JobData, type StoredResult } from './protocol.js';

/** A job whose worker died this many times is not given out again: it fails with the reason. */
export const MAX_STALLED = 2;
export const DEFAULT_LOCK_S = 30;

export interface QueueWorkerOptions {
  url: string;
  /** conversion threads (default: one per core) */
  jobs?: number;
  /** seconds a job stays with a worker that stopped answering before it goes to another */
  lockSeconds?: number;
  maxHeapMb?: number;
}

export interface QueueWorkerHandle {
  id: string;
  threads: number;
  /** resolves when the worker has stopped (after `stop`, or when it cannot go on), with the reason if it failed */
  done: Promise<string | null>;
  /** finishes the jobs in hand, then stops; `force`: stop now (the jobs go back to the queue after the lock) */
  stop(force?: boolean): Promise<void>;
  converted: number;
  failed: number;
}

export async function startQueueWorker(opts: QueueWorkerOptions, log: Logger, say: (line: string) => void): Promise<QueueWorkerHandle> {
  const url = redactUrl(opts.url);
  const client = await connectRedis(opts.url);
  const threads = Math.max(1, Math.floor(opts.jobs ?? availableParallelism()));
  const lockMs = Math.max(1, opts.lockSeconds ?? DEFAULT_LOCK_S) * 1000;
  const id = `${hostname()}:${process.pid}`;
  const pool = new WorkerPool({ size: threads, timeoutMs: 0, warm: true, maxHeapMb: opts.maxHeapMb ?? 4096 });
  let finish!: (reason: string | null) => void;
  const done = new Promise<string | null>((r) => (finish = r));
  const handle: QueueWorkerHandle = { id, threads, done, stop, converted: 0, failed: 0 };

  const processor = async (job: Job<JobData>): Promise<{ worker: string }> => {
    const d = job.data;
    log.info({ job: job.id, doc: d.documentId, attempt: job.attemptsStarted }, 'took');
    let content: Buffer | undefined;
    if (d.inputKey) {
      const bytes = await client.getBuffer(d.inputKey);
      // the coordinator removed it: the document was recorded meanwhile (or the job outlived its keys)
      if (!bytes) throw new UnrecoverableError(`the input is no longer on the queue (${d.inputKey})`);
      content = bytes;
    }
    let result;
    if (!content && !existsSync(d.path)) {
      result = {
        status: 'failed' as const,
        reason: `no such file on the worker ${hostname()}: files over the coordinator's --inline-max travel by path, so the workers need the same folders at the same paths`,
        ms: 0,
      };
    } else {
      result = await pool.run(
        {
          path: d.path,
          displayPath: d.displayPath,
          output: '',
          documentId: d.documentId,
          outputFile: d.outputFile,
          maxBytes: d.maxBytes,
          timeoutMs: d.readerTimeoutMs,
          wantJson: false,
          wantRows: false,
          returnOutput: true,
          content,
          config: d.config,
          // the output records the coordinator's configuration, as a local run's does
          configHash: configHash(d.config),
        },
        d.timeoutMs,
      );
    }
    if (pool.broken) {
      // not the document's fault: this worker cannot convert anything; the job goes to another one
      void stopWith(pool.broken);
      throw new Error(`worker ${id}: ${pool.broken}`);
    }
    if (result.status === 'failed' && result.reason === 'interrupted') throw new Error(`worker ${id} stopped`);
    const { output, rows: _rows, json: _json, ...meta } = result as typeof result & { output?: string; rows?: unknown; json?: unknown };
    const stored: StoredResult = { meta: { ...meta, worker: id }, output: output ?? null };
    await client.multi().hset(d.resultKey, encodeResult(stored)).expire(d.resultKey, KEEP_SECONDS).exec();
    if (result.status === 'converted') handle.converted++;
    else handle.failed++;
    log.info({ job: job.id, doc: d.documentId, status: result.status, ms: result.ms }, 'converted');
    return { worker: id };
  };

  const worker = new Worker<JobData, { worker: string }>(QUEUE_NAME, processor, {
    connection: client,
    name: id,
    // two jobs per thread, as the local pool queues them: the next is at hand when one finishes
    concurrency: threads * 2,
    lockDuration: lockMs,
    stalledInterval: lockMs,
    maxStalledCount: MAX_STALLED,
    autorun: false,
  });
  let stopping = false;
  let unwatch = () => {};
  worker.on('error', (e) => log.debug({ err: e.message }, 'queue worker error'));
  // the job is acknowledged on the queue (until then, a kill of this process hands it to another worker)
  worker.on('completed', (job) => log.info({ job: job.id, doc: job.data.documentId }, 'done'));
  worker.on('failed', (job, e) => log.warn({ job: job?.id, doc: job?.data.documentId, err: e.message }, 'job failed'));
  unwatch = watchConnection(
    client,
    5_000,
    (reason) => say(`referat worker: lost the connection to Redis at ${url} (${reason}); retrying (jobs in hand finish when it is back)`),
    () => say(`referat worker: connected to Redis at ${url} again`),
  );

  async function stopWith(reason: string | null, force = false): Promise<void> {
    if (stopping) {
      if (force) await worker.close(true).catch(() => undefined);
      return;
    }
    stopping = true;
    try {
      await worker.close(force);
    } catch {
      /* already closing */
    }
    await pool.close();
    unwatch();
    client.disconnect();
    finish(reason);
  }
  async function stop(force = false): Promise<void> {
    await stopWith(null, force);
  }

  void worker.run().catch((e: Error) => void stopWith(`the queue worker stopped: ${e.message}`));
  say(`referat worker ${id}: ${threads} thread(s), taking jobs from ${QUEUE_NAME} at ${url}`);
  return handle;
}
