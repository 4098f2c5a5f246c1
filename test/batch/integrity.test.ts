/**
 * What a rerun may trust (issue 17, points 1-5; issue 13, "Correct, repeatable batches"): reused outputs
 * are checked, manifest lines validated and confined to the output folder, the configuration is part of
 * what makes an output reusable, outputs vouch for themselves where the manifest lost a line, outputs of
 * inputs that are gone are removed, and --ndjson carries failures.
 */
import { appendFileSync, existsSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { Referat } from '../../schemas/referat.js';
import type { BatchSummary } from '../../src/batch/run.js';
import { openDatabase } from '../../src/db/database.js';
import { ensureBuilt, place, readNdjson, runCli, SAMPLES, tempDir } from './helpers.js';

let work: string;
let n = 0;

beforeAll(() => {
  ensureBuilt();
  work = tempDir('integrity');
}, 180_000);

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

/** A fresh folder of three text minutes and its output folder. */
function setup(): { dir: string; out: string; summary: string } {
  const base = join(work, `case-${n++}`);
  const dir = join(base, 'in');
  for (const s of ['000_94bc2a59beba3b57', '001_7b1df9de962b88b2', '004_8a7553dc6f277047']) place(join(SAMPLES, s + '.txt'), join(dir, s + '.txt'));
  return { dir, out: join(base, 'out'), summary: join(base, 'summary.json') };
}

const summaryOf = (path: string) => JSON.parse(readFileSync(path, 'utf8')) as BatchSummary;
const manifestPath = (out: string) => join(out, '.referat-manifest.ndjson');

async function convert(c: { dir: string; out: string; summary: string }, ...extra: string[]) {
  const r = await runCli(['convert', c.dir, '--out', c.out, '--jobs', '1', '--summary-json', c.summary, ...extra]);
  return { ...r, summary: existsSync(c.summary) ? summaryOf(c.summary) : null };
}

async function documentIds(out: string): Promise<string[]> {
  const db = await openDatabase(join(out, 'referat.duckdb'), { readOnly: true });
  try {
    const r = await db.connection.runAndReadAll('SELECT document_id FROM documents ORDER BY 1');
    return r.getRows().map((row) => String(row[0]));
  } finally {
    db.close();
  }
}

describe('reused outputs are checked', () => {
  test('an output that parses but fails the schema is converted again in the same run (17.1)', async () => {
    const c = setup();
    expect((await convert(c)).code).toBe(0);
    const target = join(c.out, '000_94bc2a59beba3b57.txt.json');
    const referat = JSON.parse(readFileSync(target, 'utf8'));
    delete referat.items;
    writeFileSync(target, JSON.stringify(referat));
    const r = await convert(c);
    expect(r.code, r.stderr).toBe(0);
    expect(r.summary).toMatchObject({ converted: 1, skipped: 2, failed: 0 });
    expect(() => Referat.parse(JSON.parse(readFileSync(target, 'utf8')))).not.toThrow();
  }, 120_000);

  test('with --no-db a cut-off output is converted again, not skipped (17.2)', async () => {
    const c = setup();
    expect((await convert(c, '--no-db')).code).toBe(0);
    const target = join(c.out, '001_7b1df9de962b88b2.txt.json');
    writeFileSync(target, readFileSync(target, 'utf8').slice(0, 500));
    const r = await convert(c, '--no-db');
    expect(r.code, r.stderr).toBe(0);
    expect(r.summary).toMatchObject({ converted: 1, skipped: 2 });
    expect(() => Referat.parse(JSON.parse(readFileSync(target, 'utf8')))).not.toThrow();
  }, 120_000);
});

describe('the manifest', () => {
  test('a line without output and a line pointing outside the folder are reported once and dropped (17.3)', async () => {
    const c = setup();
    expect((await convert(c)).code).toBe(0);
    const secret = join(work, `secret-${n}.json`);
    writeFileSync(secret, JSON.stringify({ secret: 'MUST-NOT-APPEAR' }));
    const outside = { id: 'x2', input: '/nonexistent/x2.txt', output: '../'.repeat(8) + secret.slice(1), status: 'ok', sha256: 'a'.repeat(64), bytes: 1, version: '0', reason: null, format: 'txt', pages: null, items: 0, ms: 1, at: 'now' };
    appendFileSync(manifestPath(c.out), JSON.stringify({ id: 'x', status: 'ok' }) + '\n' + JSON.stringify(outside) + '\n');
    for (const round of [1, 2]) {
      const r = await convert(c);
      expect(r.code, r.stderr).toBe(0);
      expect(r.summary).toMatchObject({ converted: 0, skipped: 3, failed: 0 });
      expect(r.stderr).not.toContain('MUST-NOT-APPEAR');
      // said in the run that found them; the compacted manifest no longer has them
      if (round === 1) expect(r.stderr).toMatch(/2 of 5 line\(s\) were not valid manifest entries/);
      else expect(r.stderr).not.toMatch(/manifest entries/);
    }
    expect(existsSync(secret)).toBe(true);
    expect(readFileSync(manifestPath(c.out), 'utf8')).not.toContain('"x"');
    expect(await documentIds(c.out)).toHaveLength(3);
  }, 120_000);

  test('a manifest of random bytes is reported, not thrown away silently (17.4)', async () => {
    const c = setup();
    expect((await convert(c)).code).toBe(0);
    writeFileSync(manifestPath(c.out), Buffer.concat(Array.from({ length: 50 }, () => Buffer.concat([randomBytes(2000), Buffer.from('\n')]))));
    const r = await convert(c);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/\.referat-manifest\.ndjson: not a manifest of referat \(\d+ unreadable line\(s\)\)/);
    // the outputs vouch for themselves (input hash, version, configuration): nothing is converted again
    expect(r.summary).toMatchObject({ converted: 0, skipped: 3 });
  }, 120_000);

  test('a run that changes outputs marks the older database stale until one rebuilds it (17.5)', async () => {
    const c = setup();
    expect((await convert(c)).code).toBe(0);
    appendFileSync(join(c.dir, '000_94bc2a59beba3b57.txt'), '\nTilføjet.\n');
    // --no-db stands for a run that never reached the database (killed): the old one is out of date
    expect((await convert(c, '--no-db')).code).toBe(0);
    expect(readFileSync(join(c.out, 'referat.duckdb.stale'), 'utf8')).toMatch(/referat\.duckdb predates outputs/);
    expect((await convert(c)).code).toBe(0);
    expect(existsSync(join(c.out, 'referat.duckdb.stale'))).toBe(false);
  }, 120_000);
});

describe('repeatable batches (issue 13)', () => {
  test('another configuration converts again; the outputs record its hash', async () => {
    const c = setup();
    expect((await convert(c)).code).toBe(0);
    const config = join(c.dir, '..', 'strict.json');
    writeFileSync(config, JSON.stringify({ rules: { 'date-without-year': 'off' } }));
    const r = await convert(c, '--config', config);
    expect(r.code, r.stderr).toBe(0);
    expect(r.summary).toMatchObject({ converted: 3, skipped: 0 });
    const made = JSON.parse(readFileSync(join(c.out, '000_94bc2a59beba3b57.txt.json'), 'utf8')).generator;
    expect(made.config).toMatch(/^[0-9a-f]{64}$/);
    expect((await convert(c, '--config', config)).summary).toMatchObject({ converted: 0, skipped: 3 });
  }, 120_000);

  test('a missing --config file is a usage error', async () => {
    const c = setup();
    const r = await convert(c, '--config', join(work, 'no-such.json'));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/no-such\.json: cannot be read/);
  }, 60_000);

  test('outputs whose manifest lines were lost are trusted when their input matches', async () => {
    const c = setup();
    expect((await convert(c)).code).toBe(0);
    unlinkSync(manifestPath(c.out));
    const r = await convert(c);
    expect(r.summary).toMatchObject({ converted: 0, skipped: 3 });
    // and the manifest has them again
    expect(readNdjson(manifestPath(c.out))).toHaveLength(3);
  }, 120_000);

  test('the output of a deleted input is removed, from the folder and the database; a changed input that now fails loses its old output', async () => {
    const c = setup();
    expect((await convert(c)).code).toBe(0);
    unlinkSync(join(c.dir, '004_8a7553dc6f277047.txt'));
    writeFileSync(join(c.dir, '001_7b1df9de962b88b2.txt'), Buffer.from([0xff, 0xfe, 0x00, 0xd8, 0x00, 0x00, 0x00, 0x00]));
    const r = await convert(c);
    expect(r.stderr).toMatch(/1 output\(s\) removed: their inputs no longer exist/);
    expect(existsSync(join(c.out, '004_8a7553dc6f277047.txt.json'))).toBe(false);
    const ids = await documentIds(c.out);
    expect(ids).not.toContain('004_8a7553dc6f277047.txt');
    if (r.summary!.failed) expect(existsSync(join(c.out, '001_7b1df9de962b88b2.txt.json'))).toBe(false);
  }, 120_000);

  test('--ndjson carries a line for every input, failed ones with their error', async () => {
    const c = setup();
    writeFileSync(join(c.dir, 'broken.pdf'), '%PDF-1.7\n1 0 obj\n<< /Type /Catalog');
    const ndjson = join(c.dir, '..', 'all.ndjson');
    const r = await convert(c, '--ndjson', ndjson);
    expect(r.code).toBe(1);
    const lines = readNdjson<{ status?: string; error?: string; input?: string }>(ndjson);
    expect(lines).toHaveLength(4);
    const failed = lines.filter((l) => l.status === 'failed');
    expect(failed).toHaveLength(1);
    expect(failed[0].input).toMatch(/broken\.pdf$/);
    expect(failed[0].error).toMatch(/PDF/);
  }, 120_000);
});

describe('failure kinds (17.7)', () => {
  test("each failure says whose fault it is: the input's, the environment's, or ours with a hint to report it", async () => {
    const { describeFailure } = await import('../../src/batch/errors.js');
    const { IngestError } = await import('../../parsers/types.js');
    const sys = (code: string, syscall: string, path: string) => Object.assign(new Error(`${code}: ${syscall} '${path}'`), { code, syscall, path });
    expect(describeFailure(sys('ENOSPC', 'write', '/out/a.json'))).toEqual({ reason: 'no space left on the device: ENOSPC (write /out/a.json)', kind: 'environment' });
    expect(describeFailure(sys('ENAMETOOLONG', 'open', '/out/x'))).toMatchObject({ kind: 'environment', reason: expect.stringMatching(/^file name too long/) });
    expect(describeFailure(sys('EACCES', 'open', '/in/a.pdf'))).toMatchObject({ kind: 'environment' });
    expect(describeFailure(new IngestError('corrupt PDF: bad XRef', 'corrupt'))).toEqual({ reason: 'corrupt PDF: bad XRef', kind: 'input' });
    const bug = describeFailure(new TypeError("Cannot read properties of null (reading 'tagName')"));
    expect(bug.kind).toBe('internal');
    expect(bug.reason).toMatch(/^internal error: .*please report it/);
  });

  test('errors.ndjson carries the kind', async () => {
    const c = setup();
    writeFileSync(join(c.dir, 'broken.pdf'), '%PDF-1.7\n1 0 obj\n<< /Type /Catalog');
    expect((await convert(c, '--no-db')).code).toBe(1);
    expect(readNdjson(join(c.out, 'errors.ndjson'))).toMatchObject([{ kind: 'input', reason: expect.stringMatching(/PDF/) }]);
  }, 60_000);
});
