/** `referat convert` on a folder: parallel workers, mirrored outputs, failures recorded, resume, --force, NDJSON, limits. */
import { appendFileSync, existsSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { Referat } from '../../schemas/referat.js';
import { TEMP_NAME } from '../../src/batch/outdir.js';
import type { ManifestEntry } from '../../src/batch/manifest.js';
import type { BatchSummary } from '../../src/batch/run.js';
import { openDatabase } from '../../src/db/database.js';
import { ensureBuilt, listFiles, makeArchive, place, readNdjson, runCli, SAMPLES, tempDir } from './helpers.js';

let work: string;
let archive: string;
let files: string[];
let corrupt: string;

beforeAll(() => {
  ensureBuilt();
  work = tempDir('convert');
  archive = join(work, 'archive');
  ({ files, corrupt } = makeArchive(archive));
}, 180_000);

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

function manifestOf(out: string): Map<string, ManifestEntry> {
  const m = new Map<string, ManifestEntry>();
  for (const e of readNdjson<ManifestEntry>(join(out, '.referat-manifest.ndjson'))) m.set(e.id, e);
  return m;
}

function summaryOf(path: string): BatchSummary {
  return JSON.parse(readFileSync(path, 'utf8')) as BatchSummary;
}

function mtimes(out: string, ids: string[]): Map<string, number> {
  return new Map(ids.map((id) => [id, statSync(join(out, id + '.json')).mtimeMs]));
}

async function tableCount(out: string, table: string): Promise<number> {
  const db = await openDatabase(join(out, 'referat.duckdb'), { readOnly: true });
  try {
    const r = await db.connection.runAndReadAll(`SELECT count(*)::INTEGER FROM ${table}`);
    return Number(r.getRows()[0][0]);
  } finally {
    db.close();
  }
}

describe('convert a folder', () => {
  let out: string;
  const good = () => files.filter((f) => f !== corrupt);

  test('converts every file in parallel, mirrors the tree, records the corrupt one', async () => {
    out = join(work, 'out');
    const ndjson = join(work, 'all.ndjson');
    const summaryFile = join(work, 'summary1.json');
    const r = await runCli(['convert', archive, '--out', out, '--jobs', '2', '--ndjson', ndjson, '--summary-json', summaryFile]);
    expect(r.code, r.stderr).toBe(1); // one file failed
    expect(r.stderr).toContain('broken.pdf');
    expect(r.stderr).toMatch(/29 converted, 0 skipped \(unchanged\), 1 failed/);

    // every good input has a schema-valid output at the mirrored path; the two referat.txt do not collide
    for (const f of good()) {
      const referat = Referat.parse(JSON.parse(readFileSync(join(out, f + '.json'), 'utf8')));
      expect(referat.source.path.endsWith(f)).toBe(true);
    }
    expect(readFileSync(join(out, 'a/referat.txt.json'), 'utf8')).not.toEqual(readFileSync(join(out, 'c/referat.txt.json'), 'utf8'));
    expect(existsSync(join(out, corrupt + '.json'))).toBe(false);
    // the scanned PDF was read by OCR inside a worker (or, without Tesseract, says what to install)
    const scan = Referat.parse(JSON.parse(readFileSync(join(out, 'c/d/000.scanned.pdf.json'), 'utf8')));
    if (scan.diagnostics.some((d) => d.code === 'ocr-unavailable')) expect(r.stderr).toMatch(/000\.scanned\.pdf: .*apt-get install tesseract-ocr/);
    else expect(scan.source.pageInfo!.map((p) => p.origin)).toEqual(['ocr', 'ocr', 'ocr']);

    const errors = readNdjson<{ id: string; input: string; reason: string }>(join(out, 'errors.ndjson'));
    expect(errors).toHaveLength(1);
    expect(errors[0].id).toBe(corrupt);
    expect(errors[0].reason).toMatch(/PDF/);

    const manifest = manifestOf(out);
    expect(manifest.size).toBe(30);
    expect(manifest.get(corrupt)).toMatchObject({ status: 'failed', reason: errors[0].reason });
    for (const f of good()) expect(manifest.get(f)).toMatchObject({ status: 'ok', output: f + '.json', version: expect.any(String) });
    expect(manifest.get('a/000.pdf')?.sha256).toMatch(/^[0-9a-f]{64}$/);

    // one line per input: the 29 outputs, and the failed file as a line with its error
    const lines = readNdjson<{ source?: { path: string }; status?: string; error?: string }>(ndjson);
    expect(lines).toHaveLength(30);
    for (const l of lines.filter((l) => l.status !== 'failed')) Referat.parse(l);
    expect(lines.filter((l) => l.status === 'failed')).toMatchObject([{ id: corrupt, error: errors[0].reason }]);

    const summary = summaryOf(summaryFile);
    expect(summary).toMatchObject({ files: 30, converted: 29, skipped: 0, failed: 1, jobs: 2, interrupted: false });
    expect(summary.pages).toBeGreaterThan(0);
    expect(summary.workersStarted).toBe(2);

    expect(await tableCount(out, 'documents')).toBe(29);
    expect(listFiles(out).filter((f) => TEMP_NAME.test(f.split('/').pop()!))).toEqual([]);
    expect(existsSync(join(out, '.referat.lock'))).toBe(false);
  }, 120_000);

  test('a rerun skips what is done and unchanged and retries the failure', async () => {
    const before = mtimes(out, good());
    const summaryFile = join(work, 'summary2.json');
    const r = await runCli(['convert', archive, '--out', out, '--summary-json', summaryFile, '--quiet']);
    expect(r.code, r.stderr).toBe(1);
    expect(summaryOf(summaryFile)).toMatchObject({ converted: 0, skipped: 29, failed: 1 });
    expect(mtimes(out, good())).toEqual(before);
    expect(readNdjson(join(out, 'errors.ndjson'))).toHaveLength(1);
    expect(await tableCount(out, 'documents')).toBe(29); // the tables cover skipped files
  }, 120_000);

  test('a changed input and a missing output are converted again; the rest is skipped', async () => {
    appendFileSync(join(archive, 'a/b/004.txt'), '\nTilføjet efter mødet.\n');
    rmSync(join(out, 'c/003.docx.json'));
    const before = mtimes(out, good().filter((f) => f !== 'c/003.docx'));
    const summaryFile = join(work, 'summary3.json');
    const r = await runCli(['convert', archive, '--out', out, '--summary-json', summaryFile, '--quiet']);
    expect(r.code, r.stderr).toBe(1);
    expect(summaryOf(summaryFile)).toMatchObject({ converted: 2, skipped: 27, failed: 1 });
    const after = mtimes(out, good());
    for (const [id, t] of before) {
      if (id === 'a/b/004.txt') expect(after.get(id)).not.toBe(t);
      else expect(after.get(id), id).toBe(t);
    }
    const referat = JSON.parse(readFileSync(join(out, 'a/b/004.txt.json'), 'utf8')) as Referat;
    expect(referat.text).toContain('Tilføjet efter mødet');
    expect(manifestOf(out).get('a/b/004.txt')?.sha256).toBe(referat.source.sha256);
  }, 120_000);

  test('--force converts everything again', async () => {
    const summaryFile = join(work, 'summary4.json');
    const r = await runCli(['convert', archive, '--out', out, '--force', '--jobs', '1', '--summary-json', summaryFile, '--quiet']);
    expect(r.code, r.stderr).toBe(1);
    expect(summaryOf(summaryFile)).toMatchObject({ converted: 29, skipped: 0, failed: 1, jobs: 1 });
  }, 120_000);
});

describe('limits and streams', () => {
  test('--max-size fails larger files without reading them; --timeout ends a slow file and the batch goes on', async () => {
    const dir = join(work, 'limits');
    place(join(SAMPLES, '003_e413edb90be0967c.txt'), join(dir, 'small.txt'));
    // a text of ~32 MB takes seconds to analyse (about 4 s here; the limit below is 0.5 s)
    const big = Buffer.concat(Array.from({ length: 4000 }, () => readFileSync(join(SAMPLES, '003_e413edb90be0967c.txt'))));
    writeFileSync(join(dir, 'big.txt'), big);
    const out = join(work, 'limits-out');

    const sized = await runCli(['convert', dir, '--out', out, '--max-size', '1MB', '--quiet']);
    expect(sized.code, sized.stderr).toBe(1);
    expect(sized.stderr).toMatch(/big\.txt: file too large: 3\d\.\d MB \(limit 1\.0 MB/);
    let manifest = manifestOf(out);
    expect(manifest.get('big.txt')).toMatchObject({ status: 'failed', sha256: null });
    expect(manifest.get('small.txt')?.status).toBe('ok');

    // a new file after big.txt: sent to the worker's queue behind it, and converted by the replacement worker
    place(join(SAMPLES, '000_94bc2a59beba3b57.txt'), join(dir, 'zz-new.txt'));
    const summaryFile = join(work, 'limits-summary.json');
    const timed = await runCli(['convert', dir, '--out', out, '--timeout', '0.5', '--jobs', '1', '--summary-json', summaryFile, '--quiet']);
    expect(timed.code, timed.stderr).toBe(1);
    expect(timed.stderr).toContain('big.txt: timed out after 0.5 s');
    manifest = manifestOf(out);
    expect(manifest.get('big.txt')).toMatchObject({ status: 'failed', reason: 'timed out after 0.5 s' });
    expect(readNdjson<{ reason: string }>(join(out, 'errors.ndjson')).map((e) => e.reason)).toEqual(['timed out after 0.5 s']);
    const summary = summaryOf(summaryFile);
    expect(summary).toMatchObject({ converted: 1, skipped: 1, failed: 1 });
    expect(summary.workersReplaced).toBe(1);
    expect(manifest.get('zz-new.txt')?.status).toBe('ok');
    expect(listFiles(out).filter((f) => TEMP_NAME.test(f.split('/').pop()!))).toEqual([]);
  }, 120_000);

  test('--timeout is the same for every format: a PDF gets no extra time for loading the PDF engine', async () => {
    const dir = join(work, 'pdf-limit');
    place(join(SAMPLES, '001_7b1df9de962b88b2.pdf'), join(dir, 'a.pdf'));
    const out = join(work, 'pdf-limit-out');
    // 1 ms is far less than reading a 3-page PDF takes; a worker's first PDF used to get 15 s more
    const r = await runCli(['convert', dir, '--out', out, '--timeout', '0.001', '--jobs', '1', '--no-db', '--quiet']);
    expect(r.code, r.stderr).toBe(1);
    expect(r.stderr).toContain('a.pdf: timed out after 0.001 s');
  }, 60_000);

  test('--ndjson - streams every result to stdout', async () => {
    const dir = join(work, 'stream');
    for (const n of ['000', '003', '004']) place(join(SAMPLES, `${n === '000' ? '000_94bc2a59beba3b57' : n === '003' ? '003_e413edb90be0967c' : '004_8a7553dc6f277047'}.txt`), join(dir, `${n}.txt`));
    const r = await runCli(['convert', dir, '--out', join(work, 'stream-out'), '--ndjson', '-', '--no-db']);
    expect(r.code, r.stderr).toBe(0);
    const lines = r.stdout.trim().split('\n').map((l) => Referat.parse(JSON.parse(l)));
    expect(lines.map((l) => l.source.path.split('/').pop()).sort()).toEqual(['000.txt', '003.txt', '004.txt']);
    expect(existsSync(join(work, 'stream-out', 'referat.duckdb'))).toBe(false);
  }, 60_000);

  test('a second run on the same output folder is refused while the first is alive', async () => {
    const out = join(work, 'locked');
    const { mkdirSync } = await import('node:fs');
    mkdirSync(out, { recursive: true });
    const { hostname } = await import('node:os');
    writeFileSync(join(out, '.referat.lock'), JSON.stringify({ pid: process.pid, host: hostname() }));
    const r = await runCli(['convert', join(SAMPLES, '003_e413edb90be0967c.txt'), '--out', out]);
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).toMatch(/another referat run \(pid \d+\) is writing to/);
  }, 60_000);
});
