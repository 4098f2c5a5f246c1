/**
 * A fixed set of conversion workers (worker threads). `run` hands a task to an idle, warmed-up worker
 * and resolves with its result; it never rejects. A worker that exceeds the time limit is terminated and
 * replaced, and so is one that crashes (the task then fails with the reason).
 */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { ConvertTask, TaskResult, WorkerMessage, WorkerOptions } from './protocol.js';

/**
 * The compiled worker script. Workers always run the JavaScript in dist/: from dist/src/batch/pool.js it
 * is the file beside it; from the TypeScript sources (tests) it is the built copy in dist/.
 */
export function workerScript(): string {
  const here = fileURLToPath(import.meta.url);
  const beside = join(dirname(here), 'worker.js');
  if (here.endsWith('.js')) return beside;
  const built = resolve(dirname(here), '..', '..', 'dist', 'src', 'batch', 'worker.js');
  if (!existsSync(built)) throw new Error(`the worker script is not built (${built}): run "npm run build"`);
  return built;
}

export interface PoolOptions {
  size: number;
  /** per-task time limit in ms (0 = none) */
  timeoutMs: number;
  warm: boolean;
  /** heap limit of each worker in MB (a runaway document then fails instead of taking the process down) */
  maxHeapMb?: number;
  script?: string;
}

/**
 * A worker's first PDF also loads the PDF engine and the Danish word list (seconds): the time limit of a
 * PDF on a worker whose readers are not loaded yet is extended by this much.
 */
export const COLD_START_GRACE_MS = 15_000;

interface Slot {
  worker: Worker;
  ready: boolean;
  /** the worker's readers are loaded (warmed up, or after a PDF that needed them) */
  readersWarm: boolean;
  task: { id: number; resolve: (r: TaskResult) => void; timer: NodeJS.Timeout | null; started: number } | null;
  /** set when the pool itself ended this worker */
  retired: boolean;
}

export class WorkerPool {
  private slots: Slot[] = [];
  private waiting: Array<() => void> = [];
  private closed = false;
  private readonly script: string;
  /** workers started in total (replacements included) */
  started = 0;
  /** workers ended for exceeding the time limit or crashing */
  replaced = 0;
  /** time the first workers took to warm up, in ms */
  readonly warmMs: number[] = [];
  /** set when workers die before they are ready, again and again (a broken build, a missing module): nothing can be converted */
  broken: string | null = null;
  private startupFailures = 0;

  /** Workers are started when there is work for them, up to `size`. */
  constructor(private readonly opts: PoolOptions) {
    this.script = opts.script ?? workerScript();
  }

  private spawn(): Slot {
    const workerData: WorkerOptions = { warm: this.opts.warm };
    const worker = new Worker(this.script, {
      workerData,
      resourceLimits: this.opts.maxHeapMb ? { maxOldGenerationSizeMb: this.opts.maxHeapMb } : undefined,
      stdout: false,
      stderr: false,
    });
    this.started++;
    const slot: Slot = { worker, ready: false, readersWarm: false, task: null, retired: false };
    worker.on('message', (msg: WorkerMessage) => {
      if (msg.type === 'ready') {
        slot.ready = true;
        slot.readersWarm = msg.readersWarm;
        this.startupFailures = 0;
        this.warmMs.push(msg.warmMs);
        this.wake();
        return;
      }
      const task = slot.task;
      if (!task || task.id !== msg.id) return;
      const { type: _type, id: _id, readersWarm, ...result } = msg;
      slot.readersWarm ||= readersWarm;
      this.finish(slot, result as TaskResult);
    });
    worker.on('error', (e) => this.lost(slot, `worker crashed: ${e.message.split('\n')[0]}`));
    worker.on('exit', (code) => this.lost(slot, `worker exited unexpectedly (code ${code})`));
    return slot;
  }

  private finish(slot: Slot, result: TaskResult): void {
    const task = slot.task;
    if (!task) return;
    if (task.timer) clearTimeout(task.timer);
    slot.task = null;
    task.resolve(result);
    this.wake();
  }

  /** A worker ended (crash, out of memory, terminated): fail its task; a new worker starts when there is work. */
  private lost(slot: Slot, reason: string): void {
    const i = this.slots.indexOf(slot);
    if (i < 0) return; // already handled
    const task = slot.task;
    this.slots.splice(i, 1);
    if (slot.retired) {
      // ended by the time limit (counted there)
    } else if (slot.ready) {
      if (!this.closed) this.replaced++;
    } else if (++this.startupFailures >= 3) {
      this.broken = `conversion workers cannot start: ${reason}`;
      this.closed = true;
    }
    if (task) {
      if (task.timer) clearTimeout(task.timer);
      slot.task = null;
      task.resolve({ status: 'failed', reason, ms: Math.round(performance.now() - task.started) });
    }
    if (this.broken) for (const w of this.waiting.splice(0)) w();
    else this.wake();
  }

  private wake(): void {
    const w = this.waiting.shift();
    if (w) w();
  }

  private idle(): Slot | undefined {
    return this.slots.find((s) => s.ready && !s.task && !s.retired);
  }

  async run(task: Omit<ConvertTask, 'type' | 'id'>): Promise<TaskResult> {
    let slot: Slot | undefined;
    for (;;) {
      if (this.closed) return { status: 'failed', reason: this.broken ?? 'interrupted', ms: 0 };
      slot = this.idle();
      if (slot) break;
      const starting = this.slots.filter((s) => !s.ready && !s.retired).length;
      if (this.slots.filter((s) => !s.retired).length < this.opts.size && starting < this.waiting.length + 1) this.slots.push(this.spawn());
      await new Promise<void>((r) => this.waiting.push(r));
    }
    const id = ++taskIds;
    return new Promise<TaskResult>((resolveTask) => {
      const s = slot!;
      const timeoutMs = this.opts.timeoutMs;
      const limitMs = timeoutMs + (!s.readersWarm && /\.pdf$/i.test(task.path) ? COLD_START_GRACE_MS : 0);
      const timer =
        timeoutMs > 0
          ? setTimeout(() => {
              const reason = `timed out after ${+(timeoutMs / 1000).toFixed(3)} s`;
              s.retired = true;
              this.replaced++;
              // fail the task now; the worker is ended and replaced
              const t = s.task;
              s.task = null;
              t?.resolve({ status: 'failed', reason, ms: timeoutMs });
              void s.worker.terminate();
            }, limitMs)
          : null;
      s.task = { id, resolve: resolveTask, timer, started: performance.now() };
      s.worker.postMessage({ type: 'convert', id, ...task } satisfies ConvertTask);
    });
  }

  /** Ends all workers (running tasks fail as "interrupted"). */
  async close(): Promise<void> {
    this.closed = true;
    const slots = this.slots.splice(0);
    for (const s of slots) {
      if (s.task) {
        if (s.task.timer) clearTimeout(s.task.timer);
        s.task.resolve({ status: 'failed', reason: 'interrupted', ms: 0 });
        s.task = null;
      }
    }
    for (const w of this.waiting.splice(0)) w();
    await Promise.all(slots.map((s) => s.worker.terminate()));
  }
}

let taskIds = 0;
