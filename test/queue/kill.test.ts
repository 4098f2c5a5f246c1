/**
 * The queue's done-when test: Redis, three worker processes, an archive of 315 documents converted
 * through the queue; one worker is killed with SIGKILL mid-run and so is the coordinator, which is then
 * started again. Every document must be converted exactly once into the output, the JSON byte for byte
 * as a local run of the same archive makes it, the manifest and the database complete, and no temporary
 * file left (in the folder or on Redis).
 */
import { existsSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { TEMP_NAME } from '../../src/batch/outdir.js';
import { parseManifest, type ManifestEntry } from '../../src/batch/manifest.js';
import type { BatchSummary } from '../../src/batch/run.js';
import { openDatabase } from '../../src/db/database.js';
import { TABLE_NAMES } from '../../src/db/tables.js';
import { ensureBuilt, listFiles, place, runCli, SAMPLES, startCli, tempDir } from '../batch/helpers.js';
import { HAVE_REDIS, manifestText, startRedis, startWorker, waitFor, type RedisServer, type WorkerProc } from './helpers.js';

const KINDS = [
  '000_94bc2a59beba3b57.pdf', '000_94bc2a59beba3b57.docx', '000_94bc2a59beba3b57.txt',
  '001_7b1df9de962b88b2.pdf', '001_7b1df9de962b88b2.docx', '001_7b1df9de962b88b2.txt',
  '002_2b64a8c1b9967320.pdf', '002_2b64a8c1b9967320.docx', '002_2b64a8c1b9967320.txt',
  '003_e413edb90be0967c.pdf', '003_e413edb90be0967c.docx', '003_e413edb90be0967c.txt',
  '004_8a7553dc6f277047.pdf', '004_8a7553dc6f277047.docx', '004_8a7553dc6f277047.txt',
];
const COPIES = 21; // 315 documents

let work: string;
let archive: string;
let redis: RedisServer;
const inputs: string[] = [];
const workers: WorkerProc[] = [];

beforeAll(async () => {
  if (!HAVE_REDIS) return;
  ensureBuilt();
  work = tempDir('queue-kill');
  archive = join(work, 'archive');
  for (let k = 0; k < COPIES; k++) {
    for (const src of KINDS) {
      const rel = `region-${k % 3}/copy-${String(k).padStart(2, '0')}/${src}`;
      place(join(SAMPLES, src), join(archive, rel), src.endsWith('.txt') ? `\n<!-- ${k} -->\n` : '');
      inputs.push(rel);
    }
  }
  redis = await startRedis(work);
}, 60_000);

afterAll(async () => {
  for (const w of workers) if (w.proc.exitCode === null && w.proc.signalCode === null) w.proc.kill('SIGKILL');
  await redis?.stop();
  if (work) rmSync(work, { recursive: true, force: true });
});

const okIds = (out: string) => [...parseManifest(manifestText(out)).values()].filter((e) => e.status === 'ok').map((e) => e.id);
const converted = (w: WorkerProc) => w.lines.filter((l) => l.msg === 'converted').map((l) => String(l.doc));

describe.skipIf(!HAVE_REDIS)('convert --queue with three workers', () => {
  test('a worker and the coordinator killed with SIGKILL: every document once, the same JSON as a local run', async () => {
    const out = join(work, 'out-queue');
    const local = join(work, 'out-local');
    const t0 = performance.now();
    for (let i = 0; i < 3; i++) workers.push(startWorker(redis.url));

    // 1. the coordinator, until a third of the archive is recorded; worker 0 is killed on the way
    const coordinator = startCli(['convert', archive, '--out', out, '--queue', redis.url, '--quiet']);
    let coordinatorErr = '';
    coordinator.stderr!.on('data', (d) => (coordinatorErr += d));
    const coordinatorExit = new Promise<void>((r) => coordinator.on('exit', () => r()));
    expect(await waitFor(() => okIds(out).length >= 40, 60_000), coordinatorErr).toBe(true);
    const victim = workers[0];
    // what worker 0 has taken and not finished (acknowledged on the queue) when it dies: only these may be converted twice
    victim.proc.kill('SIGKILL');
    await victim.exited;
    const took = victim.lines.filter((l) => l.msg === 'took').map((l) => String(l.doc));
    const acknowledged = new Set(victim.lines.filter((l) => l.msg === 'done').map((l) => String(l.doc)));
    const unfinished = took.filter((d) => !acknowledged.has(d));
    const tKillWorker = performance.now();

    expect(await waitFor(() => okIds(out).length >= 110, 60_000), coordinatorErr).toBe(true);
    coordinator.kill('SIGKILL');
    await coordinatorExit;
    expect(coordinator.signalCode).toBe('SIGKILL');
    const recorded = okIds(out);
    expect(recorded.length).toBeLessThan(inputs.length);
    const before = new Map(recorded.map((id) => [id, statSync(join(out, id + '.json')).mtimeMs]));
    // the workers go on with the jobs on the queue while no coordinator is there
    const doneAtKill = workers.slice(1).reduce((n, w) => n + converted(w).length, 0);
    await waitFor(() => workers.slice(1).reduce((n, w) => n + converted(w).length, 0) >= doneAtKill + 5, 20_000);

    // 2. the coordinator again: it takes over the results converted meanwhile and finishes
    const summaryFile = join(work, 'summary.json');
    const r = await runCli(['convert', archive, '--out', out, '--queue', redis.url, '--quiet', '--summary-json', summaryFile]);
    expect(r.code, r.stderr).toBe(0);
    const wallMs = performance.now() - t0;
    const summary = JSON.parse(readFileSync(summaryFile, 'utf8')) as BatchSummary;
    expect(summary.failed).toBe(0);
    expect(summary.skipped).toBe(recorded.length);
    expect(summary.skipped + summary.converted).toBe(inputs.length);
    expect(summary.queue!.resumed).toBeGreaterThan(0);
    expect(summary.queue!.workersSeen).toBeGreaterThanOrEqual(1);

    // exactly once: each document converted by one worker, except those the killed worker had in hand
    const counts = new Map<string, number>();
    for (const w of workers) for (const d of converted(w)) counts.set(d, (counts.get(d) ?? 0) + 1);
    expect([...counts.keys()].sort()).toEqual([...inputs].sort());
    const twice = [...counts].filter(([, n]) => n > 1).map(([d]) => d);
    for (const d of twice) expect(unfinished, `${d} converted twice`).toContain(d);
    expect(Math.max(...counts.values())).toBeLessThanOrEqual(2);
    // ... and written once: what was recorded before the coordinator's kill was not written again
    for (const [id, mtime] of before) expect(statSync(join(out, id + '.json')).mtimeMs, id).toBe(mtime);

    // 3. a local run of the same archive: the same files, byte for byte
    const tl = performance.now();
    const lr = await runCli(['convert', archive, '--out', local, '--jobs', '2', '--quiet']);
    expect(lr.code, lr.stderr).toBe(0);
    const localMs = performance.now() - tl;
    const files = (dir: string) => listFiles(dir).filter((f) => f.endsWith('.json'));
    expect(files(out)).toEqual(files(local));
    expect(files(out)).toHaveLength(inputs.length);
    for (const f of files(local)) expect(readFileSync(join(out, f), 'utf8') === readFileSync(join(local, f), 'utf8'), f).toBe(true);

    // the manifest: every document, with what a local run records
    const strip = (e: ManifestEntry) => ({ ...e, ms: null, at: null });
    const mq = parseManifest(manifestText(out));
    const ml = parseManifest(manifestText(local));
    expect(mq.size).toBe(inputs.length);
    for (const [id, e] of ml) expect(strip(mq.get(id)!), id).toEqual(strip(e));
    expect(readFileSync(join(out, 'errors.ndjson'), 'utf8')).toBe('');

    // the database: the same rows in every table
    for (const t of TABLE_NAMES) expect(await tableRows(out, t), t).toEqual(await tableRows(local, t));

    // nothing temporary: no temporary file, no lock, and nothing of this run left on Redis
    expect(listFiles(out).filter((f) => TEMP_NAME.test(f.split('/').pop()!))).toEqual([]);
    expect(existsSync(join(out, '.referat.lock'))).toBe(false);
    const left = (await redis.keys()).filter((k) => !/:(meta|events|id|stalled-check|marker|stalled)$/.test(k));
    expect(left).toEqual([]);

    // the surviving workers stop cleanly on SIGTERM
    for (const w of workers.slice(1)) w.proc.kill('SIGTERM');
    for (const w of workers.slice(1)) expect(await w.exited).toBe(0);

    console.log(
      `queue kill test: ${inputs.length} documents, 3 workers; worker killed with ${unfinished.length} job(s) in hand ` +
        `(${((tKillWorker - t0) / 1000).toFixed(1)} s in), coordinator killed after ${recorded.length} recorded; ` +
        `restart: ${summary.skipped} skipped, ${summary.converted} converted (${summary.queue!.resumed} taken over from the queue, ` +
        `${summary.queue!.requeued} requeued); converted twice: ${twice.length}; whole run ${(wallMs / 1000).toFixed(1)} s, ` +
        `local --jobs 2 ${(localMs / 1000).toFixed(1)} s`,
    );
  }, 180_000);
});

async function tableRows(out: string, table: string): Promise<unknown[]> {
  const db = await openDatabase(join(out, 'referat.duckdb'), { readOnly: true });
  try {
    const r = await db.connection.runAndReadAll(`SELECT * FROM ${table} ORDER BY ALL`);
    return r.getRowObjectsJson();
  } finally {
    db.close();
  }
}
