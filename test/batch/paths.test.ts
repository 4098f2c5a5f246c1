/** Paths in a batch (issue 17, points 9, 11, 12): links out of the folder, names near the length limit, hidden files. */
import { existsSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { Referat } from '../../schemas/referat.js';
import type { BatchSummary } from '../../src/batch/run.js';
import { ensureBuilt, place, runCli, SAMPLES, tempDir } from './helpers.js';

let work: string;

beforeAll(() => {
  ensureBuilt();
  work = tempDir('paths');
}, 180_000);

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

const text = join(SAMPLES, '001_7b1df9de962b88b2.txt');

test('symlinks that leave the folder are skipped and listed; --follow-symlinks follows them (17.9)', async () => {
  const dir = join(work, 'links');
  const outside = join(work, 'outside');
  place(text, join(dir, 'own.txt'));
  place(text, join(outside, 'elsewhere.txt'), '\nanden\n');
  mkdirSync(join(dir, 'sub'), { recursive: true });
  symlinkSync(join(outside, 'elsewhere.txt'), join(dir, 'leak.txt'));
  symlinkSync(outside, join(dir, 'sub', 'away'));
  symlinkSync(join(dir, 'own.txt'), join(dir, 'sub', 'same.txt')); // stays inside: converted
  const out = join(work, 'links-out');
  const r = await runCli(['convert', dir, '--out', out, '--no-db']);
  expect(r.code).toBe(1);
  expect(r.stderr).toMatch(/leak\.txt: symlink leads outside .*: skipped/);
  expect(r.stderr).toMatch(/away: symlink leads outside/);
  expect(existsSync(join(out, 'leak.txt.json'))).toBe(false);
  expect(existsSync(join(out, 'sub/away/elsewhere.txt.json'))).toBe(false);
  expect(existsSync(join(out, 'sub/same.txt.json'))).toBe(true);

  const followed = join(work, 'links-followed');
  const f = await runCli(['convert', dir, '--out', followed, '--no-db', '--follow-symlinks']);
  expect(f.code, f.stderr).toBe(0);
  expect(existsSync(join(followed, 'leak.txt.json'))).toBe(true);
  expect(existsSync(join(followed, 'sub/away/elsewhere.txt.json'))).toBe(true);
}, 120_000);

test('a name of 240 bytes gets its output (the temporary name is short) (17.11)', async () => {
  const dir = join(work, 'long');
  const name = 'r'.repeat(236) + '.txt';
  place(text, join(dir, name));
  const out = join(work, 'long-out');
  const r = await runCli(['convert', dir, '--out', out, '--no-db']);
  expect(r.code, r.stderr).toBe(0);
  expect(() => Referat.parse(JSON.parse(readFileSync(join(out, name + '.json'), 'utf8')))).not.toThrow();
}, 120_000);

test('hidden files are counted in the summary (17.12)', async () => {
  const dir = join(work, 'hidden');
  place(text, join(dir, 'shown.txt'));
  place(text, join(dir, '.hidden.txt'));
  mkdirSync(join(dir, '.git'), { recursive: true });
  writeFileSync(join(dir, '.git', 'x.txt'), 'x');
  const summary = join(work, 'hidden-summary.json');
  const r = await runCli(['convert', dir, '--out', join(work, 'hidden-out'), '--no-db', '--summary-json', summary]);
  expect(r.code, r.stderr).toBe(0);
  expect(r.stderr).toMatch(/1 converted, 0 skipped \(unchanged\), 0 failed, 2 hidden \(name starting with "\."\) not converted/);
  expect((JSON.parse(readFileSync(summary, 'utf8')) as BatchSummary).hidden).toBe(2);
}, 120_000);
