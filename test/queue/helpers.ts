/**
 * A real Redis for the queue tests: Debian's redis-server (`apt-get install redis-server`; .ci/run and
 * `npm ci` install it), started on a free 127.0.0.1 port in a temporary folder, without persistence,
 * and stopped after. Also: worker processes whose log lines (--log-json) the tests read.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { CLI, ROOT, startCli } from '../batch/helpers.js';

export function redisServerPath(): string | null {
  for (const p of ['/usr/bin/redis-server', '/usr/local/bin/redis-server']) if (existsSync(p)) return p;
  const r = spawnSync('sh', ['-c', 'command -v redis-server'], { encoding: 'utf8' });
  return r.status === 0 && r.stdout.trim() ? r.stdout.trim() : null;
}

export const HAVE_REDIS = redisServerPath() !== null;
if (!HAVE_REDIS) console.warn('queue tests skipped: redis-server is missing (sudo apt-get install redis-server)');

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as { port: number }).port;
      srv.close(() => resolve(port));
    });
  });
}

export interface RedisServer {
  port: number;
  url: string;
  proc: ChildProcess;
  /** the server's keys (redis-cli is not needed: a one-off client) */
  keys(pattern?: string): Promise<string[]>;
  stop(signal?: NodeJS.Signals): Promise<void>;
}

export async function startRedis(dir: string, port?: number): Promise<RedisServer> {
  const bin = redisServerPath();
  if (!bin) throw new Error('redis-server is not installed (sudo apt-get install redis-server)');
  port ??= await freePort();
  const proc = spawn(bin, ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--save', '', '--appendonly', 'no', '--protected-mode', 'yes'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`redis-server did not start: ${log}`)), 10_000);
    proc.stdout!.on('data', (d) => {
      log += d;
      if (/Ready to accept connections/.test(log)) {
        clearTimeout(timer);
        resolve();
      }
    });
    proc.on('exit', (code) => reject(new Error(`redis-server exited (${code}): ${log}`)));
  });
  proc.stdout!.resume();
  const url = `redis://127.0.0.1:${port}`;
  return {
    port,
    url,
    proc,
    async keys(pattern = '*') {
      const { Redis } = await import('ioredis');
      const c = new Redis(url, { lazyConnect: true });
      await c.connect();
      const keys = await c.keys(pattern);
      c.disconnect();
      return keys.sort();
    },
    stop(signal: NodeJS.Signals = 'SIGTERM') {
      return new Promise<void>((resolve) => {
        if (proc.exitCode !== null || proc.signalCode !== null) return resolve();
        proc.once('exit', () => resolve());
        proc.kill(signal);
      });
    },
  };
}

/** A `referat worker` process; `lines` are its JSON log lines as they come. */
export interface WorkerProc {
  proc: ChildProcess;
  lines: Record<string, unknown>[];
  stderr: () => string;
  exited: Promise<number | null>;
}

export function startWorker(url: string, args: string[] = []): WorkerProc {
  const proc = startCli(['--log-json', 'worker', '--queue', url, '--jobs', '1', '--lock', '2', ...args]);
  const lines: Record<string, unknown>[] = [];
  let err = '';
  let partial = '';
  proc.stderr!.on('data', (d: Buffer) => {
    err += d;
    partial += d;
    const parts = partial.split('\n');
    partial = parts.pop()!;
    for (const l of parts) {
      if (!l.startsWith('{')) continue;
      try {
        lines.push(JSON.parse(l) as Record<string, unknown>);
      } catch {
        /* not a log line */
      }
    }
  });
  proc.stdout!.resume();
  const exited = new Promise<number | null>((r) => proc.on('exit', (code) => r(code)));
  return { proc, lines, stderr: () => err, exited };
}

/** Waits for `cond`, polling; false when the deadline passes. */
export async function waitFor(cond: () => boolean, ms: number, every = 10): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > deadline) return false;
    await new Promise((r) => setTimeout(r, every));
  }
  return true;
}

export function manifestText(out: string): string {
  const p = join(out, '.referat-manifest.ndjson');
  return existsSync(p) ? readFileSync(p, 'utf8') : '';
}

export { CLI, ROOT };
