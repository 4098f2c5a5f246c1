/** Rule configuration: .referatrc.json and --rule, turning rules off and re-grading them. */
import { mkdtempSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { applyRuleOptions, ConfigError, loadConfigFile, parseConfigText } from '../../src/validate/config.js';
import { check, item, minutes } from './util.js';

const withMail = minutes({ items: [item(1, 'Godkendelse af dagsorden'), item(2, 'Budget', { body: 'Kontakt eva@gmail.com eller ring. Rammen er 2.5 mio. kr.' })] });

describe('parsing', () => {
  test('a valid file', () => {
    expect(parseConfigText('{"rules": {"placeholder": "off", "amount-ambiguous": "error"}}', 'x')).toEqual({ placeholder: 'off', 'amount-ambiguous': 'error' });
    expect(parseConfigText('{}', 'x')).toEqual({});
  });
  test('bad JSON, a wrong shape, an unknown rule or level are one-line errors', () => {
    expect(() => parseConfigText('{rules:', '.referatrc.json')).toThrow(/^\.referatrc\.json: not valid JSON/);
    expect(() => parseConfigText('{"rules": {"placeholder": "loud"}}', 'x')).toThrow(ConfigError);
    expect(() => parseConfigText('{"rule": {}}', 'x')).toThrow(/expected \{"rules"/);
    expect(() => parseConfigText('{"rules": {"no-such-rule": "off"}}', 'x')).toThrow(/unknown rule "no-such-rule"/);
  });
  test('a wrong shape is named in zod\'s words (zod is loaded only for a broken file)', () => {
    const shape = 'x: expected {"rules": {"rule-id": "off"|"info"|"warning"|"error"}}; wrong at';
    expect(() => parseConfigText('{"rules": {"placeholder": "loud"}}', 'x')).toThrow(`${shape} rules.placeholder: Invalid option: expected one of "off"|"info"|"warning"|"error"`);
    expect(() => parseConfigText('{"rule": {}}', 'x')).toThrow(`${shape} (roden): Unrecognized key: "rule"`);
    expect(() => parseConfigText('[]', 'x')).toThrow(`${shape} (roden): Invalid input: expected object, received array`);
    expect(() => parseConfigText('{"rules": 3}', 'x')).toThrow(`${shape} rules: Invalid input: expected record, received number`);
    expect(parseConfigText('{"rules": {"__proto__": "off"}}', 'x')).toEqual({});
  });
  test('--rule id=level, repeatable, wins over the file', () => {
    expect(applyRuleOptions({ placeholder: 'off' }, ['placeholder=warning', 'personal-data=off'])).toEqual({ placeholder: 'warning', 'personal-data': 'off' });
    expect(() => applyRuleOptions({}, ['placeholder'])).toThrow(/write rule=level/);
    expect(() => applyRuleOptions({}, ['placeholder=loud'])).toThrow(/unknown level "loud"/);
    expect(() => applyRuleOptions({}, ['nope=off'])).toThrow(/unknown rule "nope"/);
  });
});

describe('files', () => {
  const dir = mkdtempSync(join(tmpdir(), 'referat-config-'));
  test('.referatrc.json in the working folder is read; none is fine', async () => {
    const empty = join(dir, 'empty');
    mkdirSync(empty);
    expect(await loadConfigFile(undefined, empty)).toEqual({ config: {}, path: null });
    const withFile = join(dir, 'with');
    mkdirSync(withFile);
    writeFileSync(join(withFile, '.referatrc.json'), '{"rules": {"placeholder": "off"}}');
    expect((await loadConfigFile(undefined, withFile)).config).toEqual({ placeholder: 'off' });
  });
  test('--config names a file that must exist', async () => {
    writeFileSync(join(dir, 'strict.json'), '{"rules": {"amount-ambiguous": "error"}}');
    expect((await loadConfigFile('strict.json', dir)).config).toEqual({ 'amount-ambiguous': 'error' });
    await expect(loadConfigFile('missing.json', dir)).rejects.toThrow(/missing\.json: cannot be read \(no such file\)/);
  });
});

describe('severity', () => {
  test('defaults: private mail error, ambiguous amount warning', () => {
    const ds = check(withMail);
    expect(ds.map((d) => [d.code, d.severity])).toEqual([['personal-data', 'error'], ['amount-ambiguous', 'warning']]);
  });
  test('off removes a rule; a level re-grades all its findings', () => {
    const ds = check(withMail, undefined, { 'personal-data': 'off', 'amount-ambiguous': 'error' });
    expect(ds.map((d) => [d.code, d.severity])).toEqual([['amount-ambiguous', 'error']]);
  });
  test("a configured level overrides a finding's own grade (a numbering gap is a warning by default)", () => {
    const text = minutes({ items: [item(1, 'Godkendelse af dagsorden'), item(3, 'Budget')] });
    expect(check(text, 'item-numbering').map((d) => d.severity)).toEqual(['warning']);
    expect(check(text, 'item-numbering', { 'item-numbering': 'error' }).map((d) => d.severity)).toEqual(['error']);
    expect(check(text, 'item-numbering', { 'item-numbering': 'info' }).map((d) => d.severity)).toEqual(['info']);
  });
});
