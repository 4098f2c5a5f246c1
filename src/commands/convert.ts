/**
 * `referat convert`: one JSON per input, named after it, mirrored under --out; files are converted in
 * parallel worker threads, resumably (see src/batch/run.ts), and the analysis tables are built at the end.
 */
import { accessSync, constants } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Logger } from 'pino';
import { BatchError, DEFAULT_MAX_SIZE_MB, DEFAULT_TIMEOUT_S, runBatch, summaryLines } from '../batch/run.js';
import { FolderBusyError } from '../batch/outdir.js';
import { ConfigError, loadConfigFile } from '../validate/config.js';
import type { OcrMode } from '../../parsers/ocr.js';
import { assertWritable, STDOUT, UsageError } from './conventions.js';
import { findByLossyName } from '../files.js';

export { describeError } from '../batch/errors.js';

/** The options as commander hands them over (strings as typed). */
export interface ConvertOptions {
  out: string;
  quiet?: boolean;
  jobs?: string | number;
  force?: boolean;
  timeout?: string | number;
  maxSize?: string | number;
  ndjson?: string;
  /** --no-db */
  db?: boolean;
  summaryJson?: string;
  /** --queue redis://…: convert on workers taking jobs from this Redis (src/queue/) */
  queue?: string;
  inlineMax?: string | number;
  inFlight?: string | number;
  ocr?: OcrMode;
  /** --config <file>: the rule configuration (else the nearest .referatrc.json) */
  config?: string;
  followSymlinks?: boolean;
}


export function parseJobs(v: string | number | undefined): number | undefined {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1) throw new BatchError(`--jobs must be a whole number of at least 1, not "${v}"`);
  return n;
}

export function parseTimeout(v: string | number | undefined): number {
  if (v === undefined) return DEFAULT_TIMEOUT_S * 1000;
  const n = Number(v);
  if (!Number.isFinite(n) || n < 0) throw new BatchError(`--timeout must be a number of seconds (0 = no limit), not "${v}"`);
  return Math.round(n * 1000);
}

/** "100" (MB), "100MB", "1.5G", "500k", "2048b" -> bytes. */
export function parseSize(v: string | number | undefined): number {
  if (v === undefined) return DEFAULT_MAX_SIZE_MB * 1024 * 1024;
  const m = /^\s*(\d+(?:\.\d+)?)\s*([kmg]?)(i?b)?\s*$/i.exec(String(v));
  if (!m) throw new BatchError(`--max-size must be a size such as 100, 100MB, 1G or 500k, not "${v}"`);
  const unit = m[2].toLowerCase();
  const bytesOnly = !unit && m[3] !== undefined;
  const factor = unit === 'k' ? 1024 : unit === 'g' ? 1024 ** 3 : unit === 'm' || !bytesOnly ? 1024 ** 2 : 1;
  return Math.round(Number(m[1]) * factor);
}

/**
 * What can be found wrong before any work starts (exit 2, one line): an input that does not exist or
 * cannot be opened, an output option whose path cannot be written, stdout asked for twice.
 */
export function checkConvertUsage(inputs: string[], opts: Pick<ConvertOptions, 'ndjson' | 'summaryJson'>): void {
  for (const input of inputs) {
    try {
      accessSync(resolve(input), constants.R_OK);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      // a name that is not UTF-8 reached us decoded with U+FFFD: the file is found by its bytes
      const found = code === 'ENOENT' ? findByLossyName(resolve(input)) : null;
      if (found && 'raw' in found) continue;
      if (found) throw new UsageError(`${input}: ${found.reason}`);
      throw new UsageError(`${input}: ${code === 'ENOENT' ? 'no such file or folder' : code === 'EACCES' ? 'permission denied' : (e as Error).message}`);
    }
  }
  if (opts.ndjson === STDOUT && opts.summaryJson === STDOUT) throw new UsageError('--ndjson - and --summary-json - cannot both write to stdout: give one of them a file');
  if (opts.ndjson) assertWritable('--ndjson', opts.ndjson);
  if (opts.summaryJson) assertWritable('--summary-json', opts.summaryJson);
}

export async function runConvert(inputs: string[], opts: ConvertOptions, log: Logger): Promise<number> {
  try {
    checkConvertUsage(inputs, opts);
  } catch (e) {
    if (e instanceof UsageError) {
      console.error(`referat: ${e.message}`);
      return 2;
    }
    throw e;
  }
  // The rule configuration the workers will use: a broken .referatrc.json is a usage error, said once.
  let config;
  try {
    config = (await loadConfigFile(opts.config)).config;
  } catch (e) {
    if (e instanceof ConfigError) {
      console.error(`referat: ${e.message}`);
      return 2;
    }
    throw e;
  }
  let summary;
  let readerErrors = 0;
  let executor: Awaited<ReturnType<typeof connectQueue>> | undefined;
  try {
    executor = opts.queue ? await connectQueue(opts, config) : undefined;
    summary = await runBatch(
      inputs,
      {
        out: opts.out,
        quiet: opts.quiet,
        jobs: parseJobs(opts.jobs),
        force: opts.force,
        timeoutMs: parseTimeout(opts.timeout),
        maxBytes: parseSize(opts.maxSize),
        ndjson: opts.ndjson ?? null,
        db: opts.db !== false,
        executor,
        ocr: opts.ocr,
        config,
        followSymlinks: opts.followSymlinks,
        onReaderError: () => readerErrors++,
      },
      log,
    );
  } catch (e) {
    await executor?.close(); // when the run could not start (runBatch closes it otherwise)
    if (e instanceof BatchError || e instanceof FolderBusyError || (e as Error)?.name === 'QueueError') {
      console.error(`referat: ${(e as Error).message}`);
      return 2;
    }
    throw e;
  }
  const summaryJson = JSON.stringify(summary, null, 2) + '\n';
  if (opts.summaryJson === STDOUT) process.stdout.write(summaryJson);
  else if (opts.summaryJson) await writeFile(opts.summaryJson, summaryJson);
  if (!opts.quiet) for (const line of summaryLines(summary)) console.error(line);
  if (summary.interrupted) return 130;
  // a document without any text (a scanned PDF with OCR off or unavailable) is converted, but not usable
  return summary.failed > 0 || readerErrors > 0 ? 1 : 0;
}

/** The job queue in place of local workers (loaded only with --queue). */
async function connectQueue(opts: ConvertOptions, config: import('../validate/config.js').RuleConfig) {
  const { QueueExecutor } = await import('../queue/executor.js');
  const { resolve } = await import('node:path');
  if (opts.jobs !== undefined) throw new BatchError('--jobs does not apply with --queue: each worker has its own (referat worker --jobs N)');
  const inFlight = opts.inFlight === undefined ? undefined : Number(opts.inFlight);
  if (inFlight !== undefined && (!Number.isInteger(inFlight) || inFlight < 1)) {
    throw new BatchError(`--in-flight must be a whole number of at least 1, not "${opts.inFlight}"`);
  }
  return QueueExecutor.connect({
    url: opts.queue!,
    outDir: resolve(opts.out),
    timeoutMs: parseTimeout(opts.timeout),
    maxBytes: parseSize(opts.maxSize),
    inlineMax: opts.inlineMax === undefined ? undefined : parseSize(opts.inlineMax),
    inFlight,
    config,
  });
}
