/**
 * The formatters: human, json and SARIF. The SARIF log is validated against the SARIF 2.1.0 JSON
 * schema (test/fixtures/sarif-schema-2.1.0.json, the OASIS schema as shipped in the npm package
 * @datadog/datadog-ci-plugin-sarif, draft-07) with ajv.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { describe, expect, test } from 'vitest';
import { runValidate } from '../../src/commands/validate.js';
import { fixturePath, samplePath } from './util.js';

const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;
const root = samplePath('.');

async function run(files: string[], opts: Parameters<typeof runValidate>[1] = {}) {
  let out = '';
  const errs: string[] = [];
  const code = await runValidate(files, { cwd: root, out: (s) => (out += s), err: (s) => errs.push(s), ...opts });
  return { code, out, errs };
}

describe('human', () => {
  test('a clean document is one line', async () => {
    const r = await run(['000_94bc2a59beba3b57.txt']);
    expect(r.code).toBe(0);
    expect(r.out).toBe('✓ 000_94bc2a59beba3b57.txt: ingen fund (0 fejl, 0 advarsler)\n');
  });
  test('findings in a PDF: file, page and item (no line:column of the extracted text), severity, rule id, message, quote; a summary line', async () => {
    const r = await run(['004_8a7553dc6f277047.pdf']);
    expect(r.code).toBe(1);
    const lines = r.out.trimEnd().split('\n');
    const i = lines.findIndex((l) => /personal-data$/.test(l));
    expect(lines[i]).toBe('004_8a7553dc6f277047.pdf (side 1, punkt 1) fejl personal-data');
    expect(lines).toContain('004_8a7553dc6f277047.pdf (side 5, punkt 6) advarsel item-numbering');
    expect(lines[i + 1]).toMatch(/^ {2}Privat e-mailadresse/);
    expect(lines[i + 2]).toBe('  »clonskov@gmail.com«');
    expect(lines[lines.length - 1]).toBe('✗ 004_8a7553dc6f277047.pdf: 2 fejl, 3 advarsler, 4 info');
  });
  test('findings in a DOCX: file and item, no line:column', async () => {
    const r = await run(['004_8a7553dc6f277047.docx']);
    expect(r.out.split('\n')).toContain('004_8a7553dc6f277047.docx (punkt 1) fejl personal-data');
    expect(r.out).not.toMatch(/\.docx:\d+:\d+/);
  });
  test('findings in a text file keep line:column, which an editor opens', async () => {
    const r = await run(['004_8a7553dc6f277047.txt']);
    expect(r.out).toMatch(/^004_8a7553dc6f277047\.txt:19:46 \(punkt 1\) fejl personal-data$/m);
  });
  test('--quiet on a file with warnings only: no ✓, the warnings counted', async () => {
    const r = await run(['001_7b1df9de962b88b2.txt'], { quiet: true });
    expect(r.out).toMatch(/^! 001_7b1df9de962b88b2\.txt: 0 fejl, \d+ advarsler/);
    expect(r.out).not.toMatch(/✓/);
  });
  test('a file with no structure at all is said not to look like minutes, not "ingen fund"', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'referat-hello-'));
    writeFileSync(join(dir, 'hello.txt'), 'hello world\n');
    const r = await run(['hello.txt'], { cwd: dir });
    expect(r.out).toBe('? hello.txt: ligner ikke et referat (ingen dagsordenspunkter og intet referat- eller dagsordenshoved); reglerne for referater er ikke prøvet\n');
    const j = JSON.parse((await run(['hello.txt'], { cwd: dir, format: 'json' })).out);
    expect(j[0].notMinutes).toMatch(/ingen dagsordenspunkter/);
    const minutes = JSON.parse((await run(['000_94bc2a59beba3b57.txt'], { format: 'json' })).out);
    expect(minutes[0].notMinutes).toBeNull();
  });
  test('--quiet shows only errors', async () => {
    const r = await run(['004_8a7553dc6f277047.txt'], { quiet: true });
    expect(r.out).not.toMatch(/advarsel item-numbering/);
    expect(r.out).toMatch(/fejl personal-data/);
  });
});

describe('json', () => {
  test('the diagnostics with line and column, per file', async () => {
    const r = await run(['002_2b64a8c1b9967320.txt', '000_94bc2a59beba3b57.txt'], { format: 'json' });
    const files = JSON.parse(r.out);
    expect(files.map((f: { file: string }) => f.file)).toEqual(['002_2b64a8c1b9967320.txt', '000_94bc2a59beba3b57.txt']);
    const d = files[0].diagnostics.find((x: { severity: string }) => x.severity === 'error');
    expect(d).toMatchObject({ code: 'toc-mismatch', item: 10, quote: '16. januar 2021', line: 20, page: null });
    expect(d.column).toBeGreaterThan(1);
    expect(files[0]).toMatchObject({ errorCount: 1, warningCount: 1, infoCount: 2, documentType: 'minutes', error: null });
    expect(files[1].diagnostics).toEqual([]);
  });
});

describe('json of a PDF', () => {
  test('each diagnostic has its page beside item, line and column', async () => {
    const files = JSON.parse((await run(['004_8a7553dc6f277047.pdf'], { format: 'json' })).out);
    const d = files[0].diagnostics.find((x: { code: string }) => x.code === 'item-numbering');
    expect(d).toMatchObject({ page: 5, item: 6, span: { page: 5 } });
    expect(d.line).toEqual(expect.any(Number));
  });
});

describe('sarif', () => {
  const schema = JSON.parse(readFileSync(fixturePath('sarif-schema-2.1.0.json'), 'utf8'));
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  const validate = ajv.compile(schema);

  test('the schema is the SARIF 2.1.0 one', () => {
    expect(schema.title).toMatch(/SARIF\) Version 2\.1\.0 JSON Schema/);
    expect(schema.$schema).toBe('http://json-schema.org/draft-07/schema#');
  });

  test('the log for all five samples validates against the SARIF 2.1.0 schema', async () => {
    const r = await run(['.'], { format: 'sarif', rule: ['amount-ambiguous=error', 'placeholder=off'] });
    const log = JSON.parse(r.out);
    const ok = validate(log);
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
    expect(log.version).toBe('2.1.0');
    const run0 = log.runs[0];
    expect(run0.tool.driver.name).toBe('referat');
    const rules = run0.tool.driver.rules;
    expect(rules.find((x: { id: string }) => x.id === 'personal-data')).toMatchObject({ shortDescription: { text: expect.stringMatching(/CPR/) }, defaultConfiguration: { level: 'error' } });
    expect(rules.find((x: { id: string }) => x.id === 'date-without-year').defaultConfiguration.level).toBe('warning');
    expect(run0.invocations[0].ruleConfigurationOverrides).toEqual([
      { descriptor: { id: 'placeholder', index: expect.any(Number) }, configuration: { enabled: false } },
      { descriptor: { id: 'amount-ambiguous', index: expect.any(Number) }, configuration: { level: 'error' } },
    ]);
  });

  test('a result points at the file, line and column of its span', async () => {
    const r = await run(['002_2b64a8c1b9967320.txt'], { format: 'sarif' });
    const log = JSON.parse(r.out);
    expect(validate(log)).toBe(true);
    const res = log.runs[0].results.find((x: { level: string }) => x.level === 'error');
    const text = readFileSync(samplePath('002_2b64a8c1b9967320.txt'), 'utf8').split('\n');
    const region = res.locations[0].physicalLocation.region;
    expect(res.ruleId).toBe('toc-mismatch');
    expect(res.locations[0].physicalLocation.artifactLocation.uri).toBe('002_2b64a8c1b9967320.txt');
    expect(text[region.startLine - 1].slice(region.startColumn - 1, region.endColumn - 1)).toBe('16. januar 2021');
    expect(region.snippet.text).toBe('16. januar 2021');
    expect(res.properties).toEqual({ item: 10 });
    expect(log.runs[0].tool.driver.rules[res.ruleIndex].id).toBe('toc-mismatch');
  });

  test('a PDF result names page and item where viewers show them, with no text region that points nowhere in the PDF', async () => {
    const r = await run(['004_8a7553dc6f277047.pdf'], { format: 'sarif' });
    const log = JSON.parse(r.out);
    expect(validate(log)).toBe(true);
    const res = log.runs[0].results.find((x: { ruleId: string }) => x.ruleId === 'personal-data');
    const loc = res.locations[0];
    expect(loc.physicalLocation.artifactLocation.uri).toBe('004_8a7553dc6f277047.pdf');
    expect(loc.physicalLocation.region).toBeUndefined();
    expect(loc.message.text).toBe('side 1, punkt 1: »clonskov@gmail.com«');
    expect(loc.logicalLocations).toEqual([{ name: 'punkt 1', fullyQualifiedName: 'side 1/punkt 1' }]);
    expect(res.message.text).toMatch(/ \(side 1, punkt 1\)$/);
    expect(res.properties).toEqual({ page: 1, item: 1 });
  });

  test('a file that is not minutes is a note, and the run still succeeded', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'referat-hello-'));
    writeFileSync(join(dir, 'hello.txt'), 'hello world\n');
    const log = JSON.parse((await run(['hello.txt'], { cwd: dir, format: 'sarif' })).out);
    expect(validate(log)).toBe(true);
    const inv = log.runs[0].invocations[0];
    expect(inv.executionSuccessful).toBe(true);
    expect(inv.toolExecutionNotifications).toEqual([expect.objectContaining({ level: 'note', message: { text: expect.stringMatching(/^hello\.txt: ligner ikke et referat/) } })]);
  });

  test('an unreadable file is a tool notification, and the log still validates', async () => {
    const r = await run(['missing.pdf'], { format: 'sarif' });
    expect(r.code).toBe(2);
    const log = JSON.parse(r.out);
    expect(validate(log)).toBe(true);
    expect(log.runs[0].invocations[0].executionSuccessful).toBe(false);
    expect(log.runs[0].invocations[0].toolExecutionNotifications[0].message.text).toMatch(/missing\.pdf/);
  });
});
