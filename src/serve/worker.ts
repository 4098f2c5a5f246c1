/**
 * A conversion worker of the review server: converts uploaded bytes in memory with the rule
 * configuration of the request and returns the Referat as JSON. Like the batch worker it keeps its
 * readers loaded between documents, and it is the thread the pool ends on a time limit.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { convertBuffer } from '../convert.js';
import type { Validator } from '../pipeline.js';
import { validator, type RuleConfig } from '../validate/index.js';
import { describeError } from '../batch/errors.js';
import { warmUpWorker } from '../batch/warm.js';
import type { WorkerOptions } from '../batch/protocol.js';
import { dictionaryLoaded } from '../../parsers/dictionary.js';
import { setPdfIsolation } from '../../parsers/index.js';
import type { ServeResult, ServeTask } from './protocol.js';

setPdfIsolation('inline');

const port = parentPort;
if (!port) throw new Error('src/serve/worker.js runs as a worker thread');
const options = (workerData ?? {}) as WorkerOptions;

/** Validators by configuration: a page that re-checks with the same rules reuses one. */
const validators = new Map<string, Validator>();
function validatorFor(rules: RuleConfig): Validator {
  const key = JSON.stringify(Object.entries(rules).sort());
  let v = validators.get(key);
  if (!v) {
    if (validators.size > 64) validators.clear();
    v = validator(rules);
    validators.set(key, v);
  }
  return v;
}

export async function runTask(task: ServeTask): Promise<ServeResult> {
  const t0 = performance.now();
  const ms = () => Math.round((performance.now() - t0) * 10) / 10;
  try {
    const bytes = Buffer.from(task.bytes.buffer, task.bytes.byteOffset, task.bytes.byteLength);
    const ctx = await convertBuffer(bytes, task.displayPath, {
      validate: validatorFor(task.rules),
      read: { maxBytes: task.maxBytes, timeoutMs: task.timeoutMs },
    });
    return { status: 'converted', json: JSON.stringify(ctx.referat), pageStarts: ctx.pageStarts ?? null, ms: ms() };
  } catch (e) {
    return { status: 'failed', reason: describeError(e), ms: ms() };
  }
}

async function start(): Promise<void> {
  port!.postMessage({ type: 'ready', ...(await warmUpWorker(!!options.warm)) });
  // One task at a time, in the order they arrive (the pool may queue the next before this one is done).
  let previous: Promise<void> = Promise.resolve();
  port!.on('message', (task: ServeTask & { id: number }) => {
    previous = previous.then(async () => {
      const result = await runTask(task);
      port!.postMessage({ type: 'result', id: task.id, readersWarm: dictionaryLoaded(), ...result });
    });
  });
}

void start();
