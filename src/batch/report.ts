/** Reporting a batch: the earlier outputs the analysis database takes in, and the run's summary with its figures. */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { EventLoopUtilization } from 'node:perf_hooks';
import { performance as perfHooks } from 'node:perf_hooks';
import type { Logger } from 'pino';
import { VERSION } from '../version.js';
import type { DatabaseBuilder } from '../db/database.js';
import { describeError } from './errors.js';
import { MANIFEST_FILE, type Manifest } from './manifest.js';
import type { ProgressCounts } from './progress.js';
import type { BatchSummary, QueueSummary } from './run.js';

/** Documents converted by earlier runs into this folder (not among this run's inputs) are in the tables too. */
export async function addEarlierOutputs(db: DatabaseBuilder, manifest: Manifest, outDir: string, log: Logger): Promise<void> {
  for (const e of manifest.entries.values()) {
    if (e.status !== 'ok' || db.documents.has(e.id)) continue;
    const path = join(outDir, e.output);
    if (!existsSync(path)) continue;
    try {
      await db.appendFile(path, e.id, e.output);
    } catch (err) {
      log.warn({ file: path, err: describeError(err) }, 'output not readable for the database');
    }
  }
}

export interface RunFigures {
  t0: number;
  cpu0: NodeJS.CpuUsage;
  elu0: EventLoopUtilization;
  outDir: string;
  counts: ProgressCounts;
  interrupted: boolean;
  jobs: number;
  convertStart: number;
  convertEnd: number;
  dbMs: number;
  poolStats: { started: number; replaced: number };
  queue: QueueSummary | undefined;
  database: string | null;
  errorsPath: string;
  removed: number;
  hidden: number;
}

const round = (n: number) => (Number.isFinite(n) ? Math.round(n * 10) / 10 : 0);

export function reportSummary(f: RunFigures): BatchSummary {
  const wallMs = performance.now() - f.t0;
  const secs = wallMs / 1000;
  const cpu = process.cpuUsage(f.cpu0);
  return {
    version: VERSION,
    out: f.outDir,
    files: f.counts.total,
    converted: f.counts.converted,
    skipped: f.counts.skipped,
    failed: f.counts.failed,
    interrupted: f.interrupted,
    pages: f.counts.pages,
    jobs: f.jobs,
    wallMs: Math.round(wallMs),
    convertMs: Math.round(f.convertEnd - f.convertStart),
    dbMs: Math.round(f.dbMs),
    docsPerSec: round(f.counts.converted / secs),
    pagesPerSec: round(f.counts.pages / secs),
    maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
    cpuMs: Math.round((cpu.user + cpu.system) / 1000),
    mainBusyPct: Math.round(perfHooks.eventLoopUtilization(f.elu0).utilization * 1000) / 10,
    workersStarted: f.poolStats.started,
    workersReplaced: f.poolStats.replaced,
    removed: f.removed,
    hidden: f.hidden,
    queue: f.queue,
    database: f.database,
    manifest: join(f.outDir, MANIFEST_FILE),
    errors: f.errorsPath,
  };
}
