/**
 * Issue 17.13: a damaged PDF left pdf.js promise rejections unhandled in the worker, which ended it a
 * moment later and the crash was blamed on the next file (`--jobs 1`: a.pdf, b.txt, c.txt -> b.txt
 * "worker crashed: ... XRefEntryException: Bad (uncompressed) XRef entry: 31R"). Each rejection belongs
 * to the document that caused it: the PDF is read (pdf.js repairs it), the text files after it too.
 */
import { copyFileSync, existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, expect, test } from 'vitest';
import { readPdf } from '../../parsers/pdf.js';
import { damagedXrefPdf } from '../fixtures/parsers/damaged-xref.js';
import { ensureBuilt, readNdjson, runCli, SAMPLES, tempDir } from './helpers.js';

beforeAll(() => ensureBuilt());

test('a PDF with a damaged cross-reference table, then two text files, one worker: every file converts, no crash is blamed on another', async () => {
  const dir = tempDir('late-rejection');
  const out = join(tempDir('late-rejection-out'), 'out');
  writeFileSync(join(dir, 'a.pdf'), damagedXrefPdf());
  copyFileSync(join(SAMPLES, '000_94bc2a59beba3b57.txt'), join(dir, 'b.txt'));
  copyFileSync(join(SAMPLES, '001_7b1df9de962b88b2.txt'), join(dir, 'c.txt'));
  const r = await runCli(['convert', dir, '--out', out, '--jobs', '1', '--no-db']);
  expect(r.stderr).not.toMatch(/worker crashed|XRefEntryException/);
  expect(r.code).toBe(0);
  for (const f of ['a.pdf', 'b.txt', 'c.txt']) expect(existsSync(join(out, `${f}.json`)), f).toBe(true);
  expect(existsSync(join(out, 'errors.ndjson')) ? readNdjson(join(out, 'errors.ndjson')) : []).toEqual([]);
}, 120_000);

test('the library reader (pdf.js in a thread of its own) reads the damaged PDF and the next one', async () => {
  const damaged = await readPdf(damagedXrefPdf(), { ocr: 'off' });
  expect(damaged.pageStarts).toHaveLength(18);
  expect(damaged.text).toMatch(/Sundhedsklynge/);
  const next = await readPdf(damagedXrefPdf(), { ocr: 'off' });
  expect(next.text).toBe(damaged.text);
}, 60_000);
