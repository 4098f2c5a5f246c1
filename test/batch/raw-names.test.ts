/**
 * File names that are not valid UTF-8 (issue 17, point 10): Latin-1 names from old Windows archives are
 * read by their bytes and recorded and named by a faithful rendering (Windows-1252), never as "no such
 * file"; a rendering that a UTF-8 sibling already has gets a mark, so nothing collides.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { openDatabase } from '../../src/db/database.js';
import { CLI, ensureBuilt, readNdjson, runCli, SAMPLES, tempDir } from './helpers.js';

let work: string;

beforeAll(() => {
  ensureBuilt();
  work = tempDir('raw-names');
}, 180_000);

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

const text = readFileSync(join(SAMPLES, '001_7b1df9de962b88b2.txt'));
/** A path whose bytes are `prefix` (UTF-8) followed by `latin1` taken byte for byte. */
const rawPath = (prefix: string, latin1: string) => Buffer.concat([Buffer.from(prefix), Buffer.from(latin1, 'latin1')]);

interface Entry {
  id: string;
  input: string;
  inputBytes?: string;
  output: string;
  status: string;
}

test('a folder with Latin-1 names: read by their bytes, recorded and named by valid renderings, no collision with a UTF-8 twin', async () => {
  const dir = join(work, 'archive');
  mkdirSync(dir, { recursive: true });
  writeFileSync(rawPath(dir, '/m\xf8de.txt'), text);
  writeFileSync(join(dir, 'møde.txt'), Buffer.concat([text, Buffer.from('\nden anden\n')])); // renders the same
  mkdirSync(rawPath(dir, '/\xc5rhus'));
  writeFileSync(rawPath(dir, '/\xc5rhus/referat \xe6\xf8\xe5.txt'), Buffer.concat([text, Buffer.from('\nden tredje\n')]));
  writeFileSync(rawPath(dir, '/tom \xe9.pdf'), ''); // fails: its reason is recorded under a valid name too
  const out = join(work, 'archive-out');

  const r = await runCli(['convert', dir, '--out', out]);
  expect(r.stderr).not.toMatch(/no such file|\ufffd/);
  expect(r.code).toBe(1); // the empty PDF, and nothing else
  expect(r.stderr).toMatch(/tom é\.pdf: empty file/);

  const outputs = readdirSync(out, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.json')).sort();
  expect(outputs).toHaveLength(3);
  expect(outputs).toContain('møde.txt.json');
  expect(outputs).toContain(join('Århus', 'referat æøå.txt.json'));
  const twin = outputs.find((f) => /^møde~[0-9a-f]{8}\.txt\.json$/.test(f));
  expect(twin).toBeDefined();
  // each output is of its own input: the Latin-1 one holds the bytes of m\xf8de.txt, not of its UTF-8 twin
  const sha = (f: string) => JSON.parse(readFileSync(join(out, f), 'utf8')).source as { sha256: string; path: string };
  expect(sha(twin!).sha256).not.toBe(sha('møde.txt.json').sha256);
  expect(sha(join('Århus', 'referat æøå.txt.json')).path).toBe(join(dir, 'Århus', 'referat æøå.txt'));

  const manifest = readNdjson<Entry>(join(out, '.referat-manifest.ndjson'));
  const latin = manifest.find((e) => e.output === twin)!;
  expect(latin.input).toBe(join(dir, twin!.replace(/\.json$/, '')));
  expect(Buffer.from(latin.inputBytes!, 'hex')).toEqual(rawPath(dir, '/m\xf8de.txt'));
  expect(manifest.find((e) => e.output === 'møde.txt.json')!.inputBytes).toBeUndefined();
  const errors = readNdjson<{ input: string; inputBytes?: string; reason: string }>(join(out, 'errors.ndjson'));
  expect(errors).toEqual([expect.objectContaining({ input: join(dir, 'tom é.pdf'), inputBytes: rawPath(dir, '/tom \xe9.pdf').toString('hex'), reason: 'empty file' })]);

  const db = await openDatabase(join(out, 'referat.duckdb'), { readOnly: true });
  try {
    const rows = (await db.connection.runAndReadAll('SELECT source_path FROM documents ORDER BY source_path')).getRowObjectsJson();
    expect(rows.map((row) => row.source_path)).toEqual([join(dir, 'møde.txt'), join(dir, twin!.replace(/\.json$/, '')), join(dir, 'Århus', 'referat æøå.txt')].sort());
  } finally {
    db.close();
  }

  // a rerun finds them again by their bytes: nothing converted again, nothing taken for deleted
  const again = await runCli(['convert', dir, '--out', out, '--summary-json', '-']);
  expect(JSON.parse(again.stdout)).toMatchObject({ converted: 0, skipped: 3, failed: 1 });
  // another run into the folder with only the UTF-8 file keeps the Latin-1 outputs: their inputs still exist
  const other = await runCli(['convert', join(dir, 'møde.txt'), '--out', out, '--no-db']);
  expect(other.stderr).not.toMatch(/removed/);
  expect(existsSync(join(out, twin!))).toBe(true);
  rmSync(rawPath(dir, '/m\xf8de.txt'));
  const gone = await runCli(['convert', dir, '--out', out, '--no-db']);
  expect(gone.stderr).toMatch(/1 output\(s\) removed/);
  expect(existsSync(join(out, twin!))).toBe(false);
}, 180_000);

test('a Latin-1 name given on the command line (Node decodes it with U+FFFD): the file is found by its bytes', () => {
  const dir = join(work, 'single');
  mkdirSync(dir, { recursive: true });
  writeFileSync(rawPath(dir, '/m\xf8de.txt'), text);
  const out = join(work, 'single-out');
  // the argument as a shell passes it: the bytes themselves (spawn from Node would encode a string as UTF-8)
  const run = (name: string) =>
    execFileSync('/bin/sh', ['-c', `"$0" "$1" convert "$(printf "$2")" --out "$3" --no-db --quiet 2>&1; echo "exit $?"`, process.execPath, CLI, `${dir}/${name}`, out], {
      encoding: 'utf8',
    });
  expect(run('m\\370de.txt')).toMatch(/exit 0/);
  expect(readdirSync(out)).toContain('møde.txt.json');
  // two names that Node reads alike cannot be told apart: a clear message, exit 2
  writeFileSync(rawPath(dir, '/m\xfede.txt'), text);
  const both = run('m\\370de.txt');
  expect(both).toMatch(/not valid UTF-8 and 2 entries of .* match it as given: give the folder instead/);
  expect(both).toMatch(/exit 2/);
}, 120_000);
