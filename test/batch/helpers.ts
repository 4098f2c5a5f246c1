/** Shared by the batch tests: a current build in dist/ (workers run compiled code), archives, running the CLI. */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const SAMPLES = join(ROOT, 'samples');
export const CLI = join(ROOT, 'bin', 'referat.js');

function builtAt(): number {
  const files = ['dist/src/cli.js', 'dist/src/batch/worker.js', 'dist/src/batch/run.js'].map((f) => join(ROOT, f));
  if (!files.every(existsSync)) return 0;
  return Math.min(...files.map((f) => statSync(f).mtimeMs));
}

/**
 * Makes sure dist/ has the worker script (test/global-setup.ts builds dist/ before the suite; this covers
 * running these files under another configuration). Test files run in parallel: a lock folder makes one
 * build at a time.
 */
export function ensureBuilt(): void {
  if (builtAt()) return;
  const lock = join(ROOT, 'node_modules', '.cache', 'referat-test-build.lock');
  mkdirSync(dirname(lock), { recursive: true });
  const deadline = Date.now() + 180_000;
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      if (existsSync(lock) && Date.now() - statSync(lock).mtimeMs > 300_000) rmSync(lock, { recursive: true, force: true });
      if (Date.now() > deadline) throw new Error('timed out waiting for another test file to build dist/');
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 200);
    }
  }
  try {
    if (builtAt()) return;
    try {
      execFileSync(process.execPath, [join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.build.json'], { cwd: ROOT, stdio: 'pipe' });
    } catch {
      // type errors elsewhere in the tree still emit JavaScript; a missing output fails below
    }
    if (!builtAt()) throw new Error('build failed: dist/src/batch/worker.js is missing');
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

export function tempDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), `referat-${prefix}-`));
}

export function sample(name: string): string {
  const f = readdirSync(SAMPLES).find((n) => n.startsWith(name));
  if (!f) throw new Error(`no sample ${name}`);
  return join(SAMPLES, f);
}

/** Copies a sample to dest (creating folders); `extra` is appended (text files) so the hash differs. */
export function place(src: string, dest: string, extra = ''): void {
  mkdirSync(dirname(dest), { recursive: true });
  if (extra) writeFileSync(dest, Buffer.concat([readFileSync(src), Buffer.from(extra)]));
  else copyFileSync(src, dest);
}

/**
 * 30 files in nested folders: PDFs, DOCX and text from samples/, two files named referat.txt in
 * different folders (different content), and one corrupt PDF (c/broken.pdf).
 */
export function makeArchive(dir: string): { files: string[]; corrupt: string } {
  const plan: [string, string, string?][] = [
    ['000_94bc2a59beba3b57.pdf', 'a/000.pdf'],
    ['000_94bc2a59beba3b57.docx', 'a/000.docx'],
    ['000_94bc2a59beba3b57.txt', 'a/000.txt'],
    ['001_7b1df9de962b88b2.txt', 'a/referat.txt'],
    ['003_e413edb90be0967c.pdf', 'a/b/003.pdf'],
    ['001_7b1df9de962b88b2.pdf', 'a/b/001.pdf'],
    ['002_2b64a8c1b9967320.docx', 'a/b/002.docx'],
    ['004_8a7553dc6f277047.txt', 'a/b/004.txt'],
    ['004_8a7553dc6f277047.pdf', 'a/b/c/004.pdf'],
    ['004_8a7553dc6f277047.docx', 'a/b/c/004.docx'],
    ['002_2b64a8c1b9967320.txt', 'c/referat.txt'],
    ['003_e413edb90be0967c.docx', 'c/003.docx'],
    ['003_e413edb90be0967c.txt', 'c/003.txt'],
    ['001_7b1df9de962b88b2.docx', 'c/d/001.docx'],
    ['000_94bc2a59beba3b57.scanned.pdf', 'c/d/000.scanned.pdf'],
    ['002_2b64a8c1b9967320.pdf', 'c/d/e/002.pdf'],
  ];
  const files: string[] = [];
  for (const [src, dest, extra] of plan) {
    place(join(SAMPLES, src), join(dir, dest), extra);
    files.push(dest);
  }
  // More text documents, each with its own hash, spread over the folders.
  const txts = readdirSync(SAMPLES).filter((n) => n.endsWith('.txt'));
  for (let i = 0; files.length < 29; i++) {
    const dest = `${['a', 'a/b', 'c', 'c/d'][i % 4]}/copy-${i}.txt`;
    place(join(SAMPLES, txts[i % txts.length]), join(dir, dest), `\n<!-- copy ${i} -->\n`);
    files.push(dest);
  }
  const corrupt = 'c/broken.pdf';
  mkdirSync(join(dir, 'c'), { recursive: true });
  writeFileSync(join(dir, corrupt), Buffer.concat([Buffer.from('%PDF-1.7\n1 0 obj\n<< /Type /Catalog'), Buffer.alloc(2000, 0x41)]));
  files.push(corrupt);
  return { files, corrupt };
}

export interface CliResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export function startCli(args: string[], env: NodeJS.ProcessEnv = {}): ChildProcess {
  return spawn(process.execPath, [CLI, ...args], { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
}

export function runCli(args: string[]): Promise<CliResult> {
  return new Promise((res, rej) => {
    const child = startCli(args);
    let stdout = '';
    let stderr = '';
    child.stdout!.on('data', (d) => (stdout += d));
    child.stderr!.on('data', (d) => (stderr += d));
    child.on('error', rej);
    child.on('close', (code, signal) => res({ code, signal, stdout, stderr }));
  });
}

/** Every file under dir (relative paths, "/" separated), hidden ones included. */
export function listFiles(dir: string, base = dir): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...listFiles(p, base));
    else out.push(p.slice(base.length + 1).split('\\').join('/'));
  }
  return out.sort();
}

export function readNdjson<T = Record<string, unknown>>(path: string): T[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as T);
}
