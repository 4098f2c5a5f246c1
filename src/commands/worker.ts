/**
 * `referat worker --queue redis://…`: a conversion worker for `referat convert --queue`, on this or any
 * other machine that reaches the Redis server. It runs until stopped (Ctrl-C or SIGTERM: the jobs in
 * hand are finished first; a second signal stops at once, and those jobs go to other workers).
 */
import type { Command } from 'commander';
import { createLogger } from '../log.js';

interface WorkerCliOptions {
  queue?: string;
  jobs?: string;
  lock?: string;
  quiet?: boolean;
}

export function registerWorkerCommand(program: Command, setExit: (code: number) => void): void {
  program
    .command('worker')
    .description('convert documents from a job queue (Redis) for "referat convert --queue", here or on other machines')
    .requiredOption('--queue <url>', 'the Redis server of the coordinator: redis://host:6379[/db]')
    .option('-j, --jobs <n>', 'conversion threads (default: one per core)')
    .option('--lock <seconds>', 'how long a job stays with a worker that stopped answering before another worker takes it', '30')
    .option('-q, --quiet', 'print only errors')
    .action(async (opts: WorkerCliOptions) => {
      const log = createLogger({ json: program.opts().logJson, verbose: program.opts().verbose });
      setExit(await runWorker(opts, log));
    });
}

async function runWorker(opts: WorkerCliOptions, log: ReturnType<typeof createLogger>): Promise<number> {
  const say = (line: string) => {
    if (!opts.quiet) process.stderr.write(line + '\n');
  };
  const jobs = opts.jobs === undefined ? undefined : Number(opts.jobs);
  if (jobs !== undefined && (!Number.isInteger(jobs) || jobs < 1)) {
    console.error(`referat: --jobs must be a whole number of at least 1, not "${opts.jobs}"`);
    return 2;
  }
  const lockSeconds = Number(opts.lock);
  if (!Number.isFinite(lockSeconds) || lockSeconds < 1) {
    console.error(`referat: --lock must be a number of seconds (at least 1), not "${opts.lock}"`);
    return 2;
  }
  const { startQueueWorker } = await import('../queue/worker.js');
  let handle;
  try {
    handle = await startQueueWorker({ url: opts.queue!, jobs, lockSeconds }, log, say);
  } catch (e) {
    if ((e as Error)?.name === 'QueueError') {
      console.error(`referat: ${(e as Error).message}`);
      return 2;
    }
    throw e;
  }
  let signals = 0;
  const onSignal = (signal: NodeJS.Signals) => {
    signals++;
    if (signals === 1) {
      say(`referat worker: ${signal}: finishing the jobs in hand, then stopping (again to stop at once)`);
      void handle.stop();
    } else {
      void handle.stop(true);
      setTimeout(() => process.exit(130), 2000).unref();
    }
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  const reason = await handle.done;
  process.off('SIGINT', onSignal);
  process.off('SIGTERM', onSignal);
  say(`referat worker ${handle.id}: stopped; ${handle.converted} converted, ${handle.failed} failed`);
  if (reason) {
    console.error(`referat: ${reason}`);
    return 1;
  }
  return 0;
}
