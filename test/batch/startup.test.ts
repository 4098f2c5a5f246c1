/**
 * Start-up of a single file (issue 18, section 2): a process that converts or validates one file loads
 * only what that file needs, and converts it in its own thread (no worker that loads everything again).
 * The modules a process loads are recorded by a module loader hook in the child process.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { CLI, ensureBuilt, sample, tempDir } from './helpers.js';

/** Runs the CLI with a hook that appends every module URL it loads (ESM and the CommonJS required by them) to a file. */
function runRecorded(args: string[]): { code: number | null; loaded: string[]; stderr: string } {
  const dir = tempDir('startup');
  const list = join(dir, 'loaded.txt');
  const hooks = join(dir, 'hooks.mjs');
  writeFileSync(hooks, `import { appendFileSync } from 'node:fs';\nexport async function load(url, context, next) { appendFileSync(${JSON.stringify(list)}, url + '\\n'); return next(url, context); }\n`);
  const register = join(dir, 'register.mjs');
  // worker threads too, as 'worker:' and the script (or 'worker:eval' for one started from source text)
  writeFileSync(register, `import { register, syncBuiltinESMExports } from 'node:module';\nimport Module from 'node:module';\nimport { appendFileSync } from 'node:fs';\nimport threads from 'node:worker_threads';\nregister(${JSON.stringify(pathToFileURL(hooks).href)});\nconst load = Module._load;\nModule._load = function (request, parent, isMain) { appendFileSync(${JSON.stringify(list)}, 'require:' + request + '\\n'); return load.call(this, request, parent, isMain); };\nconst W = threads.Worker;\nthreads.Worker = class extends W { constructor(f, o) { appendFileSync(${JSON.stringify(list)}, 'worker:' + (o?.eval ? 'eval' : String(f)) + '\\n'); super(f, o); } };\nsyncBuiltinESMExports();\n`);
  writeFileSync(list, '');
  const r = spawnSync(process.execPath, ['--import', pathToFileURL(register).href, CLI, ...args], { encoding: 'utf8', cwd: dir });
  return { code: r.status, loaded: readFileSync(list, 'utf8').split('\n').filter(Boolean), stderr: r.stderr };
}

/**
 * Modules no single-file convert or validate of a text file needs (pino: nothing is logged at the default
 * level; zod: the output is checked by the check generated from the schema, schemas/referat-check.ts).
 */
const NOT_FOR_TEXT = /mammoth|jszip|node-html-parser|parse5|pdfjs-dist|pdf-parse|@napi-rs|@duckdb|fastify|bullmq|ioredis|dist\/parsers\/(pdf|docx|html)\.js|^require:pino$|node_modules\/pino\/|node_modules\/zod\/|^require:zod$/;
/**
 * Modules no single-file PDF read needs beside pdf.js itself; pdf.js asks for @napi-rs/canvas, answered
 * with stand-ins (parsers/pdf.ts, withoutCanvas), so the native canvas binding is not loaded.
 */
const NOT_FOR_PDF = /mammoth|jszip|node-html-parser|parse5|@duckdb|fastify|bullmq|ioredis|node_modules\/zod\/|^require:@napi-rs\/canvas-|\.node$/;

describe('one file, one process', () => {
  beforeAll(() => ensureBuilt(), 180_000);

  it('convert --no-db of one text file: converted in the main thread, without the other readers, DuckDB or the server', () => {
    const out = tempDir('startup-out');
    const summaryFile = join(out, 'summary.json');
    const r = runRecorded(['convert', sample('000_94bc2a59beba3b57.txt'), '--out', out, '--no-db', '--quiet', '--summary-json', summaryFile]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.loaded.filter((u) => NOT_FOR_TEXT.test(u))).toEqual([]);
    const summary = JSON.parse(readFileSync(summaryFile, 'utf8'));
    expect(summary).toMatchObject({ converted: 1, failed: 0, jobs: 1, workersStarted: 0 });
  }, 60_000);

  it('validate of one text file loads none of the other readers, and checks it in the main thread', () => {
    const r = runRecorded(['validate', sample('000_94bc2a59beba3b57.txt')]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.loaded.filter((u) => NOT_FOR_TEXT.test(u))).toEqual([]);
    expect(r.loaded.filter((u) => u.startsWith('worker:'))).toEqual([]);
  }, 60_000);

  it('validate of one PDF loads pdf.js but neither the DOCX and HTML readers nor DuckDB; only pdf.js gets a thread', () => {
    const r = runRecorded(['validate', sample('000_94bc2a59beba3b57.pdf'), '--ocr', 'off']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.loaded.some((u) => /pdfjs-dist/.test(u))).toBe(true);
    expect(r.loaded.filter((u) => NOT_FOR_PDF.test(u))).toEqual([]);
    expect(r.loaded.filter((u) => u.startsWith('worker:'))).toEqual(['worker:eval']);
  }, 60_000);

  it('validate with --timeout, or of a DOCX or HTML file, checks in a worker (its time limit ends a runaway file)', () => {
    const timed = runRecorded(['validate', sample('000_94bc2a59beba3b57.txt'), '--timeout', '30']);
    expect(timed.code, timed.stderr).toBe(0);
    expect(timed.loaded.filter((u) => u.startsWith('worker:')).map((u) => u.replace(/.*\//, ''))).toEqual(['worker.js']);
    const docx = runRecorded(['validate', sample('000_94bc2a59beba3b57.docx')]);
    expect(docx.code, docx.stderr).toBe(0);
    expect(docx.loaded.filter((u) => u.startsWith('worker:')).map((u) => u.replace(/.*\//, ''))).toEqual(['worker.js']);
  }, 60_000);

  it('one PDF converted again unchanged is skipped, and the process ends though its PDF reader was started early', () => {
    const out = tempDir('startup-out');
    const args = [CLI, 'convert', sample('000_94bc2a59beba3b57.pdf'), '--out', out, '--no-db', '--quiet', '--ocr', 'off'];
    expect(spawnSync(process.execPath, args, { encoding: 'utf8' }).status).toBe(0);
    const summaryFile = join(out, 'summary.json');
    // before the fix, pdf.js's message listeners kept the started thread referenced: the process never ended
    const again = spawnSync(process.execPath, [...args, '--summary-json', summaryFile], { encoding: 'utf8', timeout: 30_000 });
    expect(again.signal, 'the process did not end by itself').toBeNull();
    expect(again.status, again.stderr).toBe(0);
    expect(JSON.parse(readFileSync(summaryFile, 'utf8'))).toMatchObject({ converted: 0, skipped: 1 });
  }, 90_000);

  it('with --jobs given, one file still goes to a worker (its time limit ends a runaway file)', () => {
    const out = tempDir('startup-out');
    const summaryFile = join(out, 'summary.json');
    const r = runRecorded(['convert', sample('000_94bc2a59beba3b57.txt'), '--out', out, '--no-db', '--quiet', '--jobs', '1', '--summary-json', summaryFile]);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(readFileSync(summaryFile, 'utf8'))).toMatchObject({ converted: 1, workersStarted: 1 });
  }, 60_000);
});
