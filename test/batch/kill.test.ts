/** kill -9 in the middle of a convert: no partial or corrupt output, and a rerun finishes the rest without redoing finished files. */
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { Referat } from '../../schemas/referat.js';
import { TEMP_NAME } from '../../src/batch/outdir.js';
import { parseManifest } from '../../src/batch/manifest.js';
import type { BatchSummary } from '../../src/batch/run.js';
import { ensureBuilt, listFiles, place, runCli, SAMPLES, startCli, tempDir } from './helpers.js';

let work: string;
let archive: string;
const inputs: string[] = [];

beforeAll(() => {
  ensureBuilt();
  work = tempDir('kill');
  archive = join(work, 'archive');
  // 40 documents, the long PDFs among them, so that the run is still going when it is killed
  const kinds = ['001_7b1df9de962b88b2.pdf', '002_2b64a8c1b9967320.pdf', '001_7b1df9de962b88b2.docx', '002_2b64a8c1b9967320.txt', '004_8a7553dc6f277047.pdf'];
  for (let i = 0; i < 40; i++) {
    const src = kinds[i % kinds.length];
    const rel = `${i % 2 ? 'odd' : 'even'}/${Math.floor(i / 10)}/doc-${i}${src.slice(src.lastIndexOf('.'))}`;
    place(join(SAMPLES, src), join(archive, rel), src.endsWith('.txt') ? `\n<!-- ${i} -->\n` : '');
    inputs.push(rel);
  }
}, 180_000);

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

function okEntries(out: string): string[] {
  const path = join(out, '.referat-manifest.ndjson');
  if (!existsSync(path)) return [];
  return [...parseManifest(readFileSync(path, 'utf8')).values()].filter((e) => e.status === 'ok').map((e) => e.id);
}

test('SIGKILL halfway, then a rerun completes the rest', async () => {
  const out = join(work, 'out');
  const child = startCli(['convert', archive, '--out', out, '--jobs', '2', '--quiet']);
  const exited = new Promise<void>((r) => child.on('exit', () => r()));
  // wait until some files are done, then kill without warning
  const deadline = Date.now() + 60_000;
  while (okEntries(out).length < 6 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
  child.kill('SIGKILL');
  await exited;
  expect(child.signalCode).toBe('SIGKILL');

  const done = okEntries(out);
  expect(done.length).toBeGreaterThanOrEqual(6);
  expect(done.length).toBeLessThan(inputs.length); // killed before the end
  const before = new Map(done.map((id) => [id, statSync(join(out, id + '.json')).mtimeMs]));
  // whatever is in place after the kill is complete JSON (outputs are renamed into place whole)
  for (const f of listFiles(out).filter((f) => f.endsWith('.json') && !TEMP_NAME.test(f.split('/').pop()!))) {
    Referat.parse(JSON.parse(readFileSync(join(out, f), 'utf8')));
  }
  // a temporary file as a killed writer leaves it
  mkdirSync(join(out, 'even', '0'), { recursive: true });
  writeFileSync(join(out, 'even', '0', '.doc-0.pdf.json.99999.0badc0de.tmp'), '{"schemaVersion": "1", "te');

  const summaryFile = join(work, 'summary.json');
  const r = await runCli(['convert', archive, '--out', out, '--jobs', '2', '--quiet', '--summary-json', summaryFile]);
  expect(r.code, r.stderr).toBe(0);
  const summary = JSON.parse(readFileSync(summaryFile, 'utf8')) as BatchSummary;
  expect(summary.failed).toBe(0);
  expect(summary.skipped).toBeGreaterThanOrEqual(done.length);
  expect(summary.skipped + summary.converted).toBe(inputs.length);

  // finished files were not redone
  for (const [id, mtime] of before) expect(statSync(join(out, id + '.json')).mtimeMs, id).toBe(mtime);
  // every input has a valid output, the manifest has them all, and no temporary file is left
  for (const rel of inputs) Referat.parse(JSON.parse(readFileSync(join(out, rel + '.json'), 'utf8')));
  expect(okEntries(out).sort()).toEqual([...inputs].sort());
  expect(listFiles(out).filter((f) => TEMP_NAME.test(f.split('/').pop()!))).toEqual([]);
  expect(existsSync(join(out, 'referat.duckdb'))).toBe(true);
  expect(existsSync(join(out, '.referat.lock'))).toBe(false);
}, 120_000);
