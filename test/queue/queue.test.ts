/**
 * `referat convert --queue` and `referat worker` against a real Redis: the same results as a local run
 * (failures, --ndjson, inputs by path), the time limit, Redis unreachable at the start and lost in the
 * middle, and a document whose workers keep dying (bounded attempts).
 */
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { Referat } from '../../schemas/referat.js';
import { TEMP_NAME } from '../../src/batch/outdir.js';
import { parseManifest } from '../../src/batch/manifest.js';
import type { BatchSummary } from '../../src/batch/run.js';
import { ensureBuilt, listFiles, makeArchive, place, readNdjson, runCli, sample, SAMPLES, startCli, tempDir } from '../batch/helpers.js';
import { freePort, HAVE_REDIS, manifestText, startRedis, startWorker, waitFor, type RedisServer, type WorkerProc } from './helpers.js';

let work: string;
const servers: RedisServer[] = [];
const workers: WorkerProc[] = [];

beforeAll(() => {
  if (!HAVE_REDIS) return;
  ensureBuilt();
  work = tempDir('queue');
});

afterAll(async () => {
  for (const w of workers) if (w.proc.exitCode === null && w.proc.signalCode === null) w.proc.kill('SIGKILL');
  for (const s of servers) await s.stop();
  if (work) rmSync(work, { recursive: true, force: true });
});

async function redis(port?: number): Promise<RedisServer> {
  const s = await startRedis(work, port);
  servers.push(s);
  return s;
}
function worker(url: string, args: string[] = []): WorkerProc {
  const w = startWorker(url, args);
  workers.push(w);
  return w;
}
const jsonFiles = (dir: string) => listFiles(dir).filter((f) => f.endsWith('.json'));
const errorsOf = (out: string) =>
  readNdjson<{ id: string | null; input: string; reason: string }>(join(out, 'errors.ndjson'))
    .map((e) => ({ id: e.id, input: e.input, reason: e.reason }))
    .sort((a, b) => a.input.localeCompare(b.input));

describe.skipIf(!HAVE_REDIS)('convert --queue', () => {
  test('Redis unreachable at the start: one clear line and exit code 2, for the coordinator and a worker', async () => {
    const port = await freePort(); // nothing listens there
    const out = join(work, 'out-unreachable');
    const c = await runCli(['convert', sample('000'), '--out', out, '--queue', `redis://127.0.0.1:${port}`]);
    expect(c.code).toBe(2);
    expect(c.stderr.trim()).toBe(`referat: cannot reach Redis at redis://127.0.0.1:${port}: connection refused (is redis-server running there?)`);
    expect(existsSync(join(out, '.referat.lock'))).toBe(false);
    const w = await runCli(['worker', '--queue', `redis://127.0.0.1:${port}`]);
    expect(w.code).toBe(2);
    expect(w.stderr).toContain(`referat: cannot reach Redis at redis://127.0.0.1:${port}`);
    const bad = await runCli(['convert', sample('000'), '--out', out, '--queue', 'localhost:6379']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--queue must be a Redis URL/);
  });

  test('the same outputs, failures and --ndjson as a local run; inputs inline or by path; the time limit', async () => {
    const r = await redis();
    const w = worker(r.url);
    const archive = join(work, 'archive-30');
    const { files, corrupt } = makeArchive(archive);
    const local = join(work, 'out-local-30');
    const lr = await runCli(['convert', archive, '--out', local, '--quiet', '--ndjson', join(work, 'local.ndjson')]);
    expect(lr.code).toBe(1); // the corrupt PDF

    for (const [label, extra] of [['inline', []], ['by-path', ['--inline-max', '0']]] as const) {
      const out = join(work, `out-queue-30-${label}`);
      const summaryFile = join(work, `summary-${label}.json`);
      const q = await runCli(['convert', archive, '--out', out, '--queue', r.url, '--ndjson', join(work, `${label}.ndjson`), '--summary-json', summaryFile, ...extra]);
      expect(q.code, q.stderr).toBe(1);
      expect(q.stderr).toContain(`referat: ${join(archive, corrupt)}: `);
      expect(q.stderr).toMatch(/1 worker\(s\) seen on the queue referat-v[\d.]+ at redis:\/\/127\.0\.0\.1:\d+/);
      const s = JSON.parse(readFileSync(summaryFile, 'utf8')) as BatchSummary;
      expect([s.converted, s.failed, s.queue?.workersSeen]).toEqual([files.length - 1, 1, 1]);
      expect(jsonFiles(out)).toEqual(jsonFiles(local));
      for (const f of jsonFiles(local)) expect(readFileSync(join(out, f), 'utf8') === readFileSync(join(local, f), 'utf8'), `${label}: ${f}`).toBe(true);
      expect(errorsOf(out)).toEqual(errorsOf(local));
      const lines = (p: string) => readFileSync(p, 'utf8').trim().split('\n').sort();
      expect(lines(join(work, `${label}.ndjson`))).toEqual(lines(join(work, 'local.ndjson')));
    }

    // the time limit travels with the job: the worker's thread is ended and replaced, as locally
    const pdf = join(work, 'slow', 'long.pdf');
    place(join(SAMPLES, '001_7b1df9de962b88b2.pdf'), pdf);
    const t = await runCli(['convert', pdf, '--out', join(work, 'out-timeout'), '--queue', r.url, '--timeout', '0.005']);
    expect(t.code).toBe(1);
    expect(t.stderr).toContain(`referat: ${pdf}: timed out after 0.005 s`);
    const again = await runCli(['convert', pdf, '--out', join(work, 'out-timeout'), '--queue', r.url, '--quiet']);
    expect(again.code, again.stderr).toBe(0); // the same worker goes on with a new thread
    expect(w.proc.exitCode).toBe(null);
  }, 120_000);

  test('Redis lost in the middle: the coordinator stops with a clear line; after a restart of Redis the same command finishes', async () => {
    const r = await redis();
    const w = worker(r.url);
    const archive = join(work, 'archive-lost');
    const kinds = ['001_7b1df9de962b88b2.pdf', '002_2b64a8c1b9967320.docx', '003_e413edb90be0967c.txt', '002_2b64a8c1b9967320.pdf'];
    for (let i = 0; i < 120; i++) {
      const src = kinds[i % kinds.length];
      place(join(SAMPLES, src), join(archive, `d${i % 4}`, `${i}-${src}`), src.endsWith('.txt') ? `\n<!-- ${i} -->\n` : '');
    }
    const out = join(work, 'out-lost');
    const c = startCli(['convert', archive, '--out', out, '--queue', r.url, '--quiet']);
    let err = '';
    c.stderr!.on('data', (d) => (err += d));
    const exited = new Promise<number | null>((res) => c.on('exit', (code) => res(code)));
    const ok = () => [...parseManifest(manifestText(out)).values()].filter((e) => e.status === 'ok').length;
    expect(await waitFor(() => ok() >= 5, 60_000), err).toBe(true);
    await r.stop('SIGKILL');
    const tLost = performance.now();
    const code = await exited;
    const stoppedAfter = performance.now() - tLost;
    expect(code).toBe(2);
    expect(err).toMatch(/^referat: lost the connection to Redis at redis:\/\/127\.0\.0\.1:\d+ \(.+\) for 10 s: stopped\. The documents finished so far are kept; run the same command again when Redis is back to convert the rest\n$/);
    expect(stoppedAfter).toBeLessThan(20_000);
    const done = ok();
    expect(done).toBeLessThan(120);
    for (const f of jsonFiles(out)) Referat.parse(JSON.parse(readFileSync(join(out, f), 'utf8')));
    expect(listFiles(out).filter((f) => TEMP_NAME.test(f.split('/').pop()!))).toEqual([]);
    expect(existsSync(join(out, '.referat.lock'))).toBe(false);

    // Redis back on the same port (empty: no persistence): the worker reconnects, the rerun finishes
    await redis(r.port);
    const again = await runCli(['convert', archive, '--out', out, '--queue', r.url, '--quiet', '--summary-json', join(work, 'summary-lost.json')]);
    expect(again.code, again.stderr).toBe(0);
    const s = JSON.parse(readFileSync(join(work, 'summary-lost.json'), 'utf8')) as BatchSummary;
    expect(s.skipped).toBe(done);
    expect(s.converted + s.skipped).toBe(120);
    expect(w.stderr()).toMatch(/lost the connection to Redis/);
    expect(w.stderr()).toMatch(/connected to Redis at redis:\/\/127\.0\.0\.1:\d+ again/);
    console.log(`queue: Redis killed after ${done} documents; the coordinator stopped ${(stoppedAfter / 1000).toFixed(1)} s later`);
  }, 120_000);

  test('a document whose workers keep dying is tried a bounded number of times, then recorded as failed with the reason', async () => {
    const r = await redis();
    const doc = join(work, 'deadly', 'deadly.txt');
    place(sample('003'), doc);
    const out = join(work, 'out-deadly');
    const c = startCli(['convert', doc, '--out', out, '--queue', r.url]);
    let err = '';
    c.stderr!.on('data', (d) => (err += d));
    const exited = new Promise<number | null>((res) => c.on('exit', (code) => res(code)));
    // every worker that takes it is killed at once (as if the document took its process down)
    let kills = 0;
    let w: WorkerProc;
    for (;;) {
      w = worker(r.url, ['--lock', '1']);
      const tookIt = await waitFor(() => w.lines.some((l) => l.msg === 'took') || w.lines.some((l) => l.msg === 'job failed'), 30_000);
      expect(tookIt, w.stderr()).toBe(true);
      if (w.lines.some((l) => l.msg === 'job failed')) break;
      w.proc.kill('SIGKILL');
      await w.exited;
      kills++;
      expect(kills).toBeLessThanOrEqual(3);
    }
    const code = await exited;
    expect(kills).toBe(3);
    expect(code).toBe(1);
    const reason = 'the workers converting it stopped answering 3 times (killed, out of memory or cut off); not tried again';
    expect(err).toContain(`referat: ${doc}: ${reason}`);
    expect(err).toMatch(/its worker stopped answering; the job is back on the queue/);
    const entry = [...parseManifest(manifestText(out)).values()][0];
    expect([entry.status, entry.reason]).toEqual(['failed', reason]);
    expect(errorsOf(out)).toEqual([{ id: 'deadly.txt', input: doc, reason }]);
    w.proc.kill('SIGTERM');
    expect(await w.exited).toBe(0);
  }, 120_000);
});
