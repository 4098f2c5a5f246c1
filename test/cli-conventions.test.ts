/**
 * One convention for every command (issue 13), checked on the built tool run as a process: the exit
 * codes (0 all good, 1 findings or failed documents, 2 usage or an unreadable input), a usage error in
 * one line and a hint, "-" for stdout, output paths checked before any work, --jobs capped at the
 * number of files, FORCE_COLOR/NO_COLOR, and the same table in every --help and in the README.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { samplePath } from './helpers.js';
import { useColor } from '../src/commands/conventions.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = join(root, 'bin', 'referat.js');
const run = (args: string[], env: NodeJS.ProcessEnv = {}) => {
  const r = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', cwd: tmpdir(), env: { ...process.env, NO_COLOR: '', FORCE_COLOR: undefined, ...env } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
};
const tmp = () => mkdtempSync(join(tmpdir(), 'referat-conv-'));
const txt = samplePath('001_7b1df9de962b88b2.txt');
const COMMANDS = ['convert', 'validate', 'export', 'schema', 'serve', 'worker'];

describe('exit codes, the same for every command', () => {
  it('an input that does not exist: exit 2 and one line naming it (convert, validate, export)', () => {
    for (const args of [['convert', 'nonexist.pdf', '--out', tmp()], ['validate', 'nonexist.pdf'], ['export', 'nonexist']]) {
      const r = run(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr.trim().split('\n'), args.join(' ')).toHaveLength(1);
      expect(r.stderr).toMatch(/^referat( validate)?: nonexist(\.pdf)?: /);
    }
  });

  it('a usage error prints one line and a hint, not the whole help, and exits 2', () => {
    for (const args of [['convert', '--bogus', 'x'], ['validate'], ['export'], ['worker'], ['serve', '--bogus'], ['schema', '--bogus'], ['conver', 'x']]) {
      const r = run(args);
      expect(r.code, args.join(' ')).toBe(2);
      const lines = r.stderr.trim().split('\n');
      expect(lines[0], args.join(' ')).toMatch(/^referat: (unknown option|missing required|unknown command|error: required option)|^referat: required option/);
      expect(lines.at(-1)).toMatch(/^\(see "referat( \w+)? --help"\)$/);
      expect(lines.length).toBeLessThanOrEqual(3);
      expect(r.stderr).not.toContain('Usage:');
    }
  });

  it('a bare "referat" shows the help on stderr and exits 2 (no command is a usage error); --help goes to stdout with 0', () => {
    const bare = run([]);
    expect(bare.code).toBe(2);
    expect(bare.stdout).toBe('');
    expect(bare.stderr).toContain('Usage: referat');
    const help = run(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Usage: referat');
  });

  it('every command\'s --help shows examples and the exit code table, the one in the README', () => {
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    for (const command of COMMANDS) {
      const r = run([command, '--help']);
      expect(r.code, command).toBe(0);
      expect(r.stdout, command).toMatch(new RegExp(`Examples:\\n  \\$ referat ${command}`));
      const table = r.stdout.slice(r.stdout.indexOf('Exit codes:')).trim();
      expect(table, command).toMatch(/^Exit codes:\n  0 [\s\S]*\n  1 [\s\S]*\n  2 /);
      expect(readme, `README carries the exit code table of ${command} --help`).toContain(table);
    }
  });

  it('a scanned PDF whose reader reports an error (no text layer, OCR off) makes convert exit 1', () => {
    const scanned = join(root, 'test', 'fixtures', 'ocr', 'low-resolution.pdf'); // one image-only page
    const r = run(['convert', scanned, '--out', tmp(), '--ocr', 'off', '--no-db']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/no-text-layer|intet tekstlag/);
  });
});

describe('output options', () => {
  it('an unwritable --ndjson or --summary-json path is found before the work starts: exit 2, one line, nothing converted', () => {
    for (const opt of ['--ndjson', '--summary-json']) {
      const out = tmp();
      const r = run(['convert', txt, '--out', out, opt, '/nonexistent/dir/x.json']);
      expect(r.code, opt).toBe(2);
      expect(r.stderr.trim()).toBe(`referat: ${opt} /nonexistent/dir/x.json: the folder /nonexistent/dir does not exist`);
      expect(existsSync(join(out, '001_7b1df9de962b88b2.txt.json'))).toBe(false);
    }
  });

  it('export: a --to folder that cannot be written is found before the tables are read: exit 2, one line', () => {
    const out = tmp();
    expect(run(['convert', txt, '--out', out, '--quiet', '--no-db']).code).toBe(0);
    // a folder under a file cannot be made, not even by root
    const to = join(out, '001_7b1df9de962b88b2.txt.json', 'tables');
    const r = run(['export', out, '--to', to]);
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toBe(`referat: ${to}: cannot write the tables there (ENOTDIR)`);
    expect(existsSync(join(out, 'referat.duckdb'))).toBe(false);
  });

  it('"-" means stdout for --summary-json as for --ndjson, and not both at once', () => {
    const r = run(['convert', txt, '--out', tmp(), '--summary-json', '-', '--quiet', '--no-db']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ files: 1, converted: 1, failed: 0 });
    const both = run(['convert', txt, '--out', tmp(), '--summary-json', '-', '--ndjson', '-']);
    expect(both.code).toBe(2);
    expect(both.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('--jobs above the number of files starts no more workers than files', () => {
    const r = run(['convert', txt, samplePath('002_2b64a8c1b9967320.txt'), '--out', tmp(), '--jobs', '64', '--summary-json', '-', '--quiet', '--no-db']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).workersStarted).toBeLessThanOrEqual(2);
  });
});

describe('colour', () => {
  it('NO_COLOR turns it off, FORCE_COLOR on, otherwise a terminal decides', () => {
    expect(useColor({ isTTY: true }, {})).toBe(true);
    expect(useColor({ isTTY: false }, {})).toBe(false);
    expect(useColor({ isTTY: true }, { NO_COLOR: '1' })).toBe(false);
    expect(useColor({ isTTY: false }, { FORCE_COLOR: '1' })).toBe(true);
    expect(useColor({ isTTY: true }, { FORCE_COLOR: '0' })).toBe(false);
    expect(useColor({ isTTY: false }, { NO_COLOR: '1', FORCE_COLOR: '1' })).toBe(false);
  });

  it('validate paints its findings with FORCE_COLOR through a pipe, and not with NO_COLOR', () => {
    const sample = samplePath('004_8a7553dc6f277047.txt');
    expect(run(['validate', sample], { FORCE_COLOR: '1' }).stdout).toContain('\u001b[');
    expect(run(['validate', sample], { FORCE_COLOR: '1', NO_COLOR: '1' }).stdout).not.toContain('\u001b[');
  });
});

describe('--log-json', () => {
  it('makes every stderr line JSON: usage errors, file errors, summaries and pino logs alike', () => {
    for (const [args, code] of [[['--log-json', 'convert', txt, 'nonexist.txt', '--out', tmp(), '--no-db'], 2], [['--log-json', 'convert', txt, '--out', tmp(), '--no-db'], 0], [['--log-json', 'convert', '--bogus'], 2]] as const) {
      const r = run([...args]);
      expect(r.code).toBe(code);
      const lines = r.stderr.split('\n').filter(Boolean);
      expect(lines.length).toBeGreaterThan(0);
      for (const line of lines) expect(() => JSON.parse(line), line).not.toThrow();
      expect(lines.map((l) => JSON.parse(l).msg).join('\n')).toMatch(/nonexist\.txt: no such file|1 converted|unknown option/);
    }
  });
});

describe('--verbose', () => {
  it('writes its log records as readable lines, not JSON (JSON is --log-json\'s)', () => {
    const r = run(['--verbose', 'convert', txt, '--out', tmp(), '--no-db']);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/^referat info: converted {2}file=\S+001_7b1df9de962b88b2\.txt out=\S+ items=10 ms=/m);
    expect(r.stderr.split('\n').filter((l) => l.startsWith('{'))).toEqual([]);
  });
});
