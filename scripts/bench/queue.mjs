// For `npm run bench`: the archive through the job queue (`referat convert --queue`) with 1, 2 and 3
// worker processes (`referat worker --jobs 1`) on this machine, against a redis-server started here on a
// free port (Debian's redis-server; skipped with a note when it is missing). Workers are started and
// warmed up before the timed run, as long-running workers are; the coordinator's, Redis's and the
// workers' CPU time is read from /proc, so the queue's cost per document can be set against a local run.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';

const TICKS = 100;

function redisServer() {
  for (const p of ['/usr/bin/redis-server', '/usr/local/bin/redis-server']) if (existsSync(p)) return p;
  const r = spawnSync('sh', ['-c', 'command -v redis-server'], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() || null : null;
}

/** CPU seconds of a process, all its threads (0 when it is gone). */
export function processCpu(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(f[11]) + Number(f[12])) / TICKS;
  } catch {
    return 0;
  }
}

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

async function startRedis(dir) {
  const bin = redisServer();
  if (!bin) return null;
  const port = await freePort();
  mkdirSync(dir, { recursive: true });
  const proc = spawn(bin, ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--save', '', '--appendonly', 'no'], { stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise((resolve, reject) => {
    let out = '';
    proc.stdout.on('data', (d) => {
      out += d;
      if (/Ready to accept connections/.test(out)) resolve();
    });
    proc.on('exit', (code) => reject(new Error(`redis-server exited (${code}): ${out}`)));
  });
  proc.stdout.resume();
  return { proc, url: `redis://127.0.0.1:${port}` };
}

function startWorker(root, cli, url) {
  const proc = spawn(process.execPath, [cli, 'worker', '--queue', url, '--jobs', '1', '--quiet'], { cwd: root, stdio: ['ignore', 'ignore', 'pipe'] });
  let err = '';
  proc.stderr.on('data', (d) => (err += d));
  const exited = new Promise((r) => proc.on('exit', (code) => r(code)));
  return { proc, exited, err: () => err };
}

function runCoordinator(root, cli, args) {
  return new Promise((resolve) => {
    const t = performance.now();
    const child = spawn(process.execPath, [cli, 'convert', ...args], { cwd: root, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (code) => resolve({ code, ms: performance.now() - t, stderr }));
  });
}

function jsonFiles(dir, base = dir, out = []) {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) jsonFiles(p, base, out);
    else if (e.name.endsWith('.json')) out.push(p.slice(base.length + 1));
  }
  return out.sort();
}

/** Output files that differ from a reference folder (byte for byte), or are missing. */
function differences(dir, reference) {
  const mine = new Set(jsonFiles(dir));
  const diff = [];
  for (const f of jsonFiles(reference)) {
    if (!mine.has(f) || !readFileSync(join(dir, f)).equals(readFileSync(join(reference, f)))) diff.push(f);
  }
  return diff;
}

/**
 * Runs the queue measurements. `warmInput`: a few dozen documents run through the queue first so that
 * every worker has its readers loaded. `reference`: a local run's output folder to compare with.
 */
export async function benchQueue({ root, cli, work, archive, warmInput, reference, counts = [1, 2, 3], log }) {
  const redis = await startRedis(join(work, 'redis'));
  if (!redis) {
    log('    redis-server is not installed (sudo apt-get install redis-server): the queue runs are skipped');
    return null;
  }
  const runs = [];
  try {
    for (const n of counts) {
      const workers = Array.from({ length: n }, () => startWorker(root, cli, redis.url));
      // warm-up: each worker loads its readers on its first job
      const warm = await runCoordinator(root, cli, [warmInput, '--out', join(work, `out-queue-warm-${n}`), '--queue', redis.url, '--quiet', '--no-db']);
      if (warm.code !== 0) throw new Error(`queue warm-up failed (exit ${warm.code}): ${warm.stderr.slice(0, 1000)}`);
      const out = join(work, `out-queue-${n}`);
      const summaryFile = join(work, `summary-queue-${n}.json`);
      const cpu0 = { redis: processCpu(redis.proc.pid), workers: workers.map((w) => processCpu(w.proc.pid)) };
      const r = await runCoordinator(root, cli, [archive, '--out', out, '--queue', redis.url, '--quiet', '--summary-json', summaryFile]);
      const redisCpu = processCpu(redis.proc.pid) - cpu0.redis;
      const workerCpu = workers.reduce((a, w, i) => a + processCpu(w.proc.pid) - cpu0.workers[i], 0);
      if (!existsSync(summaryFile)) throw new Error(`queue run with ${n} worker(s) failed (exit ${r.code}): ${r.stderr.slice(0, 1000)}`);
      const s = JSON.parse(readFileSync(summaryFile, 'utf8'));
      const manifest = readFileSync(join(out, '.referat-manifest.ndjson'), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
      const inWorkerMs = manifest.reduce((a, e) => a + (e.ms ?? 0), 0);
      for (const w of workers) w.proc.kill('SIGTERM');
      await Promise.all(workers.map((w) => w.exited));
      runs.push({
        workers: n,
        exit: r.code,
        docs: s.converted,
        failed: s.failed,
        pages: s.pages,
        wallMs: r.ms,
        docsPerSec: s.converted / (r.ms / 1000),
        coordinatorCpuMs: s.cpuMs,
        coordinatorBusyPct: s.mainBusyPct,
        redisCpuMs: redisCpu * 1000,
        workerCpuMs: workerCpu * 1000,
        inWorkerMs,
        workersSeen: s.queue?.workersSeen ?? null,
        maxRssMb: s.maxRssMb,
        differing: reference ? differences(out, reference).length : null,
      });
      rmSync(join(work, `out-queue-warm-${n}`), { recursive: true, force: true });
    }
  } finally {
    redis.proc.kill('SIGTERM');
  }
  return runs;
}
