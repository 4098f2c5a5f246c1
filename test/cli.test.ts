import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync, copyFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { samplePath } from './helpers.js';

const bin = fileURLToPath(new URL('../bin/referat.js', import.meta.url));
const run = (args: string[], cwd?: string) => spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', cwd });

describe('referat convert', () => {
  it('writes one pretty JSON per input named after it, for txt, docx and pdf', () => {
    const out = mkdtempSync(join(tmpdir(), 'referat-cli-'));
    const inputs = ['001_7b1df9de962b88b2.txt', '001_7b1df9de962b88b2.docx', '001_7b1df9de962b88b2.pdf'].map(samplePath);
    const r = run(['convert', ...inputs, '--out', out, '--quiet']);
    expect(r.status).toBe(0);
    for (const ext of ['txt', 'docx', 'pdf']) {
      const file = join(out, `001_7b1df9de962b88b2.${ext}.json`);
      const text = readFileSync(file, 'utf8');
      expect(text).toContain('\n  "schemaVersion": "1"');
      const json = JSON.parse(text);
      expect(json.source.format).toBe(ext);
      expect(json.items.map((i: { number: number }) => i.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
      expect(json.meeting.date).toBe('2024-04-26');
    }
    const pdf = JSON.parse(readFileSync(join(out, '001_7b1df9de962b88b2.pdf.json'), 'utf8'));
    expect(pdf.source.pages).toBeGreaterThan(10);
    expect(pdf.items[9].span.page).toBeGreaterThan(pdf.items[0].span.page);
  });

  it('gives a one-line error naming the file for unreadable input, exits non-zero and writes no output', () => {
    const dir = mkdtempSync(join(tmpdir(), 'referat-bad-'));
    const out = join(dir, 'out');
    const cases: [string, Buffer][] = [
      ['empty.pdf', Buffer.alloc(0)],
      ['random.docx', Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256))],
      ['truncated.pdf', readFileSync(samplePath('000_94bc2a59beba3b57.pdf')).subarray(0, 2000)],
    ];
    for (const [name, bytes] of cases) {
      writeFileSync(join(dir, name), bytes);
      const r = run(['convert', join(dir, name), '--out', out]);
      expect(r.status).not.toBe(0);
      const errorLines = r.stderr.split('\n').filter((l) => l.includes(name) && !l.includes('errors.ndjson'));
      expect(errorLines).toHaveLength(1);
      expect(errorLines[0]).toMatch(new RegExp(`^referat: .*${name}: \\S`));
      expect(r.stderr).not.toMatch(/\n\s+at /);
      expect(existsSync(join(out, `${name}.json`))).toBe(false);
    }
  });

  it('with --ocr off, says that a scanned PDF has no text layer, without crashing', () => {
    const out = mkdtempSync(join(tmpdir(), 'referat-scan-'));
    const r = run(['convert', samplePath('000_94bc2a59beba3b57.scanned.pdf'), '--out', out, '--quiet', '--ocr', 'off']);
    expect(r.status === 0 || r.status === 1).toBe(true);
    const file = join(out, '000_94bc2a59beba3b57.scanned.pdf.json');
    const json = JSON.parse(readFileSync(file, 'utf8'));
    expect(json.diagnostics.some((d: { code: string }) => d.code === 'no-text-layer')).toBe(true);
  });

  it('never modifies its inputs', () => {
    const dir = mkdtempSync(join(tmpdir(), 'referat-ro-'));
    const input = join(dir, 'minutes.docx');
    copyFileSync(samplePath('004_8a7553dc6f277047.docx'), input);
    const before = readFileSync(input);
    const mtime = statSync(input).mtimeMs;
    run(['convert', input, '--out', join(dir, 'out'), '--quiet']);
    expect(readFileSync(input).equals(before)).toBe(true);
    expect(statSync(input).mtimeMs).toBe(mtime);
    expect(readdirSync(dir).sort()).toEqual(['minutes.docx', 'out']);
  });
});

describe('referat schema and help', () => {
  it('prints the JSON Schema', () => {
    const r = run(['schema']);
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).properties.items).toBeDefined();
  });
  it('has --help on every command', () => {
    for (const args of [['--help'], ['convert', '--help'], ['schema', '--help']]) {
      const r = run(args);
      expect(r.status).toBe(0);
      expect(r.stdout).toMatch(/Usage: referat/);
    }
  });
});
