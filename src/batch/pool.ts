/**
 * A fixed set of conversion workers (worker threads). `run` hands a task to a warmed-up worker (one
 * that is idle, or else one with room in its queue) and resolves with its result; it never rejects. A worker that exceeds the time limit is terminated and
 * replaced, and so is one that crashes (the task then fails with the reason).
 */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import v8 from 'node:v8';
import { Worker } from 'node:worker_threads';
import type { ConvertTask, TaskResult, WorkerMessage, WorkerOptions } from './protocol.js';
import { shortReason } from '../../parsers/errors.js';

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
  /** a worker whose heap has grown past this (MB) after a document takes no more tasks and is replaced (default RECYCLE_HEAP_MB) */
  recycleHeapMb?: number;
  script?: string;
}

/**
 * The heap limit of a conversion worker, MB. A document costs up to ~35x its text at its peak (a 20 MB
 * text: 0.7 GB for the whole process); one that needs more than this fails alone with "out of memory",
 * and the batch goes on, instead of growing the process without bound.
 */
export const WORKER_HEAP_MB = 1024;
/**
 * V8 keeps the heap a large document grew to long after it is done: a worker whose heap is past this
 * (MB) after a document is replaced by a fresh one, so that it does not carry the size of the
 * largest document so far into every later one and next to the other workers.
 */
export const RECYCLE_HEAP_MB = 320;

/** The reason for a document that took its worker past the heap limit. */
export function outOfMemory(limitMb: number): string {
  return `out of memory: converting it needs more than the ${limitMb} MB a worker may use (a very large document?)`;
}


/**
 * Tasks handed to a worker at once: the one it converts and the next, already in its message queue, so
 * that it goes on without waiting for this thread to receive the result and send more (a round trip per
 * document that would otherwise leave the worker idle while this thread records the result).
 */
const TASKS_PER_WORKER = 2;

interface Assigned {
  id: number;
  task: Omit<ConvertTask, 'type' | 'id'>;
  resolve: (r: TaskResult | typeof REQUEUE) => void;
  /** this task's time limit in ms (0 = none) */
  limitMs: number;
  /** the time limit, set when the worker starts the task (the first in its queue) */
  timer: NodeJS.Timeout | null;
  started: number;
}

/**
 * How far V8 lets a heap grow past its live data before the next full collection, in percent. Left to
 * itself V8 allows up to 4x when collecting is quick, and two workers plus the runner then peak at
 * 500-650 MB on a 1,000-document archive; capped at 1.8x the peak is ~450 MB for a few percent more
 * time in the collector. (A process-wide V8 flag, set before the first worker starts.)
 */
const HEAP_GROWING_PERCENT = 80;
/**
 * How much a function runs before V8 optimizes it (V8's default: 67,584). pdf.js and the pipeline create
 * many short-lived closures that V8 optimizes again and again in background threads (~2,000 compilations,
 * ~10 s of CPU per 1,000 documents); with two workers these threads take CPU from the workers. A
 * budget 9x larger cuts that to ~600 compilations, ~3 s. (Process-wide, set before the first worker
 * starts.)
 */
const INTERRUPT_BUDGET = 600_000;
let v8FlagsSet = false;

/** The V8 flags above, for the process (before its first worker starts, or before converting in the main thread). */
export function setConversionV8Flags(): void {
  if (v8FlagsSet) return;
  v8.setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
  v8.setFlagsFromString(`--interrupt-budget=${INTERRUPT_BUDGET}`);
  v8FlagsSet = true;
}

/**
 * For a process that converts one document (src/batch/inline.ts): V8 first runs a regular expression in
 * its bytecode interpreter and compiles it to machine code only when it runs again. The pipeline runs
 * hundreds of expressions, many once over the whole text (a global replace, a scan), so the first
 * document of a process ran them interpreted: a 7 KB text took ~150 ms to analyse cold, ~8 ms warm.
 * Compiled at first use, the cold analysis takes about half. Matching is the same either way (the same
 * expression, another engine tier). Not for the workers of a batch, where the interpreter's cheap start
 * pays for expressions built per document (a name, an item number) that run once. (Process-wide, read
 * when an expression is first compiled.)
 */
export function compileRegExpsAtFirstUse(): void {
  v8.setFlagsFromString('--no-regexp-tier-up');
}

/** A task that was queued on a worker that ended before starting it: it goes to another worker. */
const REQUEUE = Symbol('requeue');

interface Slot {
  worker: Worker;
  ready: boolean;
  /** the worker's readers are loaded (warmed up, or after a PDF that needed them) */
  readersWarm: boolean;
  /** tasks sent to the worker, in the order it runs them (the first is running) */
  queue: Assigned[];
  /** set when the pool itself ended this worker */
  retired: boolean;
  /** its heap grew past recycleHeapMb: it finishes the tasks it has and is then replaced */
  draining: boolean;
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
  /** workers replaced because a large document left their heap large */
  recycled = 0;
  /** time the first workers took to warm up, in ms */
  readonly warmMs: number[] = [];
  /** set when workers die before they are ready, again and again (a broken build, a missing module): nothing can be converted */
  broken: string | null = null;
  private startupFailures = 0;

  /** Workers are started when there is work for them, up to `size`. */
  constructor(private readonly opts: PoolOptions) {
    this.script = opts.script ?? workerScript();
    setConversionV8Flags();
  }

  private spawn(): Slot {
    const workerData: WorkerOptions = { warm: this.opts.warm };
    const worker = new Worker(this.script, {
      workerData,
      resourceLimits: { maxOldGenerationSizeMb: this.heapLimitMb },
      stdout: false,
      stderr: false,
    });
    this.started++;
    const slot: Slot = { worker, ready: false, readersWarm: false, queue: [], retired: false, draining: false };
    worker.on('message', (msg: WorkerMessage) => {
      if (msg.type === 'ready') {
        slot.ready = true;
        slot.readersWarm = msg.readersWarm;
        this.startupFailures = 0;
        this.warmMs.push(msg.warmMs);
        this.wake();
        return;
      }
      if (slot.queue[0]?.id !== msg.id) return; // a task already failed by its time limit
      const { type: _type, id: _id, readersWarm, heapMb, ...result } = msg;
      slot.readersWarm ||= readersWarm;
      if ((heapMb ?? 0) > (this.opts.recycleHeapMb ?? RECYCLE_HEAP_MB)) slot.draining = true;
      this.finish(slot, result as TaskResult);
    });
    worker.on('error', (e) =>
      this.lost(slot, (e as NodeJS.ErrnoException).code === 'ERR_WORKER_OUT_OF_MEMORY' ? outOfMemory(this.heapLimitMb) : `worker crashed: ${shortReason(e)}`),
    );
    worker.on('exit', (code) => this.lost(slot, `worker exited unexpectedly (code ${code})`));
    return slot;
  }

  /** The worker finished its first task and goes on with the next in its queue. */
  private finish(slot: Slot, result: TaskResult): void {
    const done = slot.queue.shift();
    if (!done) return;
    if (done.timer) clearTimeout(done.timer);
    done.resolve(result);
    if (slot.draining && slot.queue.length === 0 && !slot.retired) {
      // its heap stays as large as its largest document made it: a fresh worker takes the next tasks
      slot.retired = true;
      this.recycled++;
      this.slots.splice(this.slots.indexOf(slot), 1);
      void slot.worker.terminate();
    }
    this.startClock(slot);
    this.wake();
  }

  private get heapLimitMb(): number {
    return this.opts.maxHeapMb ?? WORKER_HEAP_MB;
  }

  /** The worker starts the first task in its queue: its time (and time limit) starts now. */
  private startClock(slot: Slot): void {
    const head = slot.queue[0];
    if (!head || slot.retired) return;
    head.started = performance.now();
    const timeoutMs = head.limitMs;
    if (timeoutMs <= 0) return;
    head.timer = setTimeout(() => {
      // fail the task now; the worker is ended and replaced, and the tasks queued behind it go elsewhere
      slot.retired = true;
      this.replaced++;
      const [timedOut, ...queued] = slot.queue.splice(0);
      timedOut.resolve({ status: 'failed', reason: `timed out after ${+(timeoutMs / 1000).toFixed(3)} s`, ms: timeoutMs });
      for (const q of queued) q.resolve(REQUEUE);
      void slot.worker.terminate();
    }, timeoutMs);
  }

  /** A worker ended (crash, out of memory, terminated): fail its running task; a new worker starts when there is work. */
  private lost(slot: Slot, reason: string): void {
    const i = this.slots.indexOf(slot);
    if (i < 0) return; // already handled
    this.slots.splice(i, 1);
    if (slot.retired) {
      // ended by the time limit (counted there)
    } else if (slot.ready) {
      if (!this.closed) this.replaced++;
    } else if (++this.startupFailures >= 3) {
      this.broken = `conversion workers cannot start: ${reason}`;
      this.closed = true;
    }
    const [running, ...queued] = slot.queue.splice(0);
    if (running) {
      if (running.timer) clearTimeout(running.timer);
      running.resolve({ status: 'failed', reason, ms: Math.round(performance.now() - running.started) });
    }
    for (const q of queued) q.resolve(REQUEUE);
    if (this.broken) for (const w of this.waiting.splice(0)) w();
    else this.wake();
  }

  private wake(): void {
    const w = this.waiting.shift();
    if (w) w();
  }

  /** The ready worker with the most room in its queue, if any has room. */
  private available(): Slot | undefined {
    let best: Slot | undefined;
    for (const s of this.slots) {
      if (!s.ready || s.retired || s.draining || s.queue.length >= TASKS_PER_WORKER) continue;
      if (!best || s.queue.length < best.queue.length) best = s;
    }
    return best;
  }

  /** `timeoutMs`: this task's time limit, when it is not the pool's (a queue job carries its coordinator's). */
  async run(task: Omit<ConvertTask, 'type' | 'id'>, timeoutMs = this.opts.timeoutMs): Promise<TaskResult> {
    for (;;) {
      const result = await this.attempt(task, timeoutMs);
      if (result !== REQUEUE) return result;
    }
  }

  private async attempt(task: Omit<ConvertTask, 'type' | 'id'>, limitMs: number): Promise<TaskResult | typeof REQUEUE> {
    let slot: Slot | undefined;
    for (;;) {
      if (this.closed) return { status: 'failed', reason: this.broken ?? 'interrupted', ms: 0 };
      // an idle worker first; a worker's second place only when every worker is busy
      slot = this.available();
      const live = this.slots.filter((s) => !s.retired).length;
      if (slot && (slot.queue.length === 0 || live >= this.opts.size)) break;
      const starting = this.slots.filter((s) => !s.ready && !s.retired).length;
      if (live < this.opts.size && starting < this.waiting.length + 1) this.slots.push(this.spawn());
      else if (slot) break;
      await new Promise<void>((r) => this.waiting.push(r));
    }
    const id = ++taskIds;
    return new Promise<TaskResult | typeof REQUEUE>((resolve) => {
      const s = slot!;
      s.queue.push({ id, task, resolve, limitMs, timer: null, started: performance.now() });
      s.worker.postMessage({ type: 'convert', id, ...task } satisfies ConvertTask);
      if (s.queue.length === 1) this.startClock(s); // else it waits behind the running one
      if (this.available()) this.wake(); // room left (a worker just became ready): the next waiting task
    });
  }

  /** Ends all workers (running and queued tasks fail as "interrupted"). */
  async close(_opts?: { complete?: boolean }): Promise<void> {
    this.closed = true;
    const slots = this.slots.splice(0);
    for (const s of slots) {
      for (const t of s.queue.splice(0)) {
        if (t.timer) clearTimeout(t.timer);
        t.resolve({ status: 'failed', reason: 'interrupted', ms: 0 });
      }
    }
    for (const w of this.waiting.splice(0)) w();
    await Promise.all(slots.map((s) => s.worker.terminate()));
  }
}

let taskIds = 0;
