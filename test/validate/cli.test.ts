/** The built CLI (`node bin/referat.js validate`, dist/ is built by the global test setup): exit codes and one-line errors. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { samplePath } from './util.js';

const repo = fileURLToPath(new URL('../..', import.meta.url));
const bin = join(repo, 'bin', 'referat.js');

function cli(args: string[], cwd = repo) {
  const r = spawnSync(process.execPath, [bin, 'validate', ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('referat validate', () => {
  test('the clean 25 May 2023 minutes: exit 0 and one line', () => {
    const r = cli(['samples/000_94bc2a59beba3b57.txt']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('✓ samples/000_94bc2a59beba3b57.txt: ingen fund (0 fejl, 0 advarsler)\n');
    expect(r.stderr).toBe('');
  });

  test('a clean copy elsewhere, as DOCX and PDF too', () => {
    const dir = mkdtempSync(join(tmpdir(), 'referat-clean-'));
    for (const ext of ['txt', 'docx', 'pdf']) copyFileSync(samplePath(`000_94bc2a59beba3b57.${ext}`), join(dir, `referat.${ext}`));
    const r = cli(['referat.txt', 'referat.docx', 'referat.pdf'], dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(['✓ referat.txt: ingen fund (0 fejl, 0 advarsler)', '✓ referat.docx: ingen fund (0 fejl, 0 advarsler)', '✓ referat.pdf: ingen fund (0 fejl, 0 advarsler)', '3 filer: 0 fejl, 0 advarsler', ''].join('\n'));
  });

  test('the same file given twice (also by another path) is checked and counted once', () => {
    const r = cli(['samples/004_8a7553dc6f277047.txt', 'samples/004_8a7553dc6f277047.txt', './samples/../samples/004_8a7553dc6f277047.txt']);
    expect(r.code).toBe(1);
    expect(r.stdout.match(/^✗ samples\/004_8a7553dc6f277047\.txt: 2 fejl/gm)).toHaveLength(1);
    expect(r.stdout).not.toMatch(/filer:/);
  });

  test('errors give exit 1; warnings only give 0, or 1 with --strict', () => {
    expect(cli(['samples/004_8a7553dc6f277047.txt']).code).toBe(1);
    const warnOnly = cli(['samples/001_7b1df9de962b88b2.txt']);
    expect(warnOnly.code).toBe(0);
    expect(warnOnly.stdout).toMatch(/advarsel amount-ambiguous/);
    expect(cli(['--strict', 'samples/001_7b1df9de962b88b2.txt']).code).toBe(1);
  });

  test('a file that does not exist: exit 2; one that cannot be read: exit 1; one line naming it, no stack trace', () => {
    const dir = mkdtempSync(join(tmpdir(), 'referat-bad-'));
    writeFileSync(join(dir, 'broken.pdf'), Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj garbage\x00\x01\x02', 'latin1'));
    for (const [args, name, code] of [[['nope.pdf'], 'nope.pdf', 2], [['broken.pdf'], 'broken.pdf', 1]] as const) {
      const r = cli([...args], dir);
      expect(r.code).toBe(code);
      const lines = r.stderr.trim().split('\n');
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(new RegExp(`^referat validate: ${name.replace('.', '\\.')}: \\S`));
      expect(r.stderr).not.toMatch(/\n\s+at /);
      expect(r.stdout).toBe('');
    }
  });

  test('bad usage: exit 2', () => {
    expect(cli(['--format', 'xml', 'samples/000_94bc2a59beba3b57.txt']).code).toBe(2);
    const r = cli(['--rule', 'no-such-rule=off', 'samples/000_94bc2a59beba3b57.txt']);
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toMatch(/^referat validate: --rule no-such-rule=off: unknown rule "no-such-rule"/);
    expect(cli([]).code).toBe(2);
  });

  test('.referatrc.json in the working folder and --rule turn rules off', () => {
    const dir = mkdtempSync(join(tmpdir(), 'referat-rc-'));
    copyFileSync(samplePath('004_8a7553dc6f277047.txt'), join(dir, 'vest.txt'));
    expect(cli(['vest.txt'], dir).code).toBe(1);
    writeFileSync(join(dir, '.referatrc.json'), JSON.stringify({ rules: { 'personal-data': 'warning' } }));
    const r = cli(['vest.txt'], dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/advarsel personal-data/);
    expect(cli(['--rule', 'personal-data=error', 'vest.txt'], dir).code).toBe(1);
    writeFileSync(join(dir, 'other.json'), '{"rules": {"personal-data": "off", "item-numbering": "error"}}');
    const o = cli(['--config', 'other.json', 'vest.txt'], dir);
    expect(o.code).toBe(1);
    expect(o.stdout).not.toMatch(/personal-data/);
    expect(o.stdout).toMatch(/fejl item-numbering/);
  });

  test('--format json and sarif write parseable JSON to stdout', () => {
    const j = cli(['--format', 'json', 'samples/002_2b64a8c1b9967320.txt']);
    expect(j.code).toBe(1);
    expect(JSON.parse(j.stdout)[0].errorCount).toBe(1);
    const s = cli(['-f', 'sarif', 'samples/002_2b64a8c1b9967320.txt']);
    expect(JSON.parse(s.stdout).runs[0].results.length).toBe(4);
  });
  // Issue 17.14: validate converted in its own thread without a time limit, so a hostile file made it hang.
  test('--timeout: a file over the per-file time limit fails alone with one line, as in convert; the next file is checked', () => {
    const r = cli(['--timeout', '0.005', 'samples/001_7b1df9de962b88b2.pdf']);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('referat validate: samples/001_7b1df9de962b88b2.pdf: timed out after 0.005 s\n');
    // the worker that passed the limit is replaced: the next file is still read (or fails on its own limit)
    const both = cli(['--timeout', '0.005', 'samples/001_7b1df9de962b88b2.pdf', 'samples/000_94bc2a59beba3b57.txt']);
    expect(both.stderr.split('\n')[0]).toBe('referat validate: samples/001_7b1df9de962b88b2.pdf: timed out after 0.005 s');
    expect(both.stdout + both.stderr).toMatch(/samples\/000_94bc2a59beba3b57\.txt: (?:ingen fund|timed out after 0\.005 s)/);
    const bad = cli(['--timeout', 'soon', 'samples/000_94bc2a59beba3b57.txt']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe('referat validate: --timeout must be a number of seconds (0 = no limit), not "soon"\n');
  });
});
