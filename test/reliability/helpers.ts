/** Shared by the reliability tests: temp folders, input fingerprints, the CLI as a child process with a hard time limit. */
import { spawn, type SpawnOptions } from 'node:child_process';
import { createHash } from 'node:crypto';
import { lstatSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from './corpus.js';

export const CLI = join(ROOT, 'bin', 'referat.js');

export function tempDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), `referat-rel-${prefix}-`));
}

/**
 * Fingerprint of every regular file under dir (sha256, size, mtime, mode): equal before and after a
 * run means no input was modified, touched or re-permissioned. Symlinks, FIFOs and unreadable files are
 * fingerprinted by their metadata only.
 */
export function fingerprint(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      const st = lstatSync(p);
      if (e.isDirectory()) {
        walk(p);
        continue;
      }
      let hash = '-';
      if (e.isFile()) {
        try {
          hash = createHash('sha256').update(readFileSync(p)).digest('hex');
        } catch {
          hash = 'unreadable';
        }
      }
      out.set(p.slice(dir.length + 1), `${hash} ${st.size} ${st.mtimeMs} ${st.mode.toString(8)}`);
    }
  };
  walk(dir);
  return out;
}

/** Every file under dir (relative, "/"-separated), hidden ones included: the batch tests' helper. */
export { listFiles } from '../batch/helpers.js';

export interface CliRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  ms: number;
  /** the run was killed for exceeding the time limit */
  killed: boolean;
}

/** Runs `node bin/referat.js ...args` (no shell), killing it (SIGKILL) after limitMs. */
export function runCli(args: string[], limitMs: number, extra: SpawnOptions = {}): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(process.execPath, [CLI, ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], ...extra });
    let stdout = '';
    let stderr = '';
    let killed = false;
    const timer = setTimeout(() => {
      killed = true;
      child.kill('SIGKILL');
    }, limitMs);
    child.stdout!.on('data', (d) => (stdout += d));
    child.stderr!.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr, ms: performance.now() - t0, killed });
    });
  });
}

export function readNdjson<T = Record<string, unknown>>(path: string): T[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as T);
}

/** A stack trace or an unhandled-error dump in a process's output. */
export const STACK_TRACE = /^\s+at .+[(:]\d+|Uncaught|UnhandledPromiseRejection|triggerUncaughtException|node:internal/m;

/** Races a promise against a time limit; rejects with a clear message when it is exceeded. */
export function within<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout;
  const limit = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: no result or error within ${ms / 1000} s`)), ms);
  });
  return Promise.race([p, limit]).finally(() => clearTimeout(timer));
}
