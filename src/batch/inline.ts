/**
 * Converting in the runner's own thread: for a run with a single document to convert and no --jobs.
 * A worker thread loads every module again (the pipeline, the schema, the readers) before its first
 * file, which for one small file costs more than the conversion itself. What the pool's time limit
 * gives up here: synchronous work cannot be ended from its own thread, so the limit applies where a
 * reader keeps it itself (PDF reading runs in pdf.js's own thread, ended at the limit); the analysis of
 * the text is linear in its size, which --max-size bounds.
 */
import type { Executor } from './run.js';
import type { ConvertTask, TaskResult } from './protocol.js';
import { describeError } from './errors.js';
import { compileRegExpsAtFirstUse, setConversionV8Flags } from './pool.js';

export class InlineExecutor implements Executor {
  readonly broken = null;
  readonly started = 0;
  readonly replaced = 0;
  private closed = false;

  constructor() {
    // the workers' heap growth and optimization budget (src/batch/pool.ts): a large text peaks ~100 MB lower
    setConversionV8Flags();
    compileRegExpsAtFirstUse();
  }

  async run(task: Omit<ConvertTask, 'type' | 'id'>): Promise<TaskResult> {
    if (this.closed) return { status: 'failed', reason: 'interrupted', ms: 0 };
    // the worker's own task code, so that an output is the same whichever thread made it
    const { runTask } = await import('./worker.js');
    try {
      return await runTask({ type: 'convert', id: 0, ...task });
    } catch (e) {
      return { status: 'failed', reason: describeError(e), ms: 0 };
    }
  }

  async close(): Promise<void> {
    this.closed = true;
  }
}
