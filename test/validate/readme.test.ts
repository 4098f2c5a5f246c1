/** The README's examples of `referat validate` and of a diagnostic are what the tool prints (the built CLI, run as a process). */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { convertFile } from '../../src/convert.js';
import { RULES } from '../../src/validate/index.js';
import { samplePath } from './util.js';

const repo = fileURLToPath(new URL('../..', import.meta.url));
const readme = readFileSync(join(repo, 'README.md'), 'utf8');
const section = readme.slice(readme.indexOf('## Checking a referat before publishing'), readme.indexOf('## The review page'));

function validateCli(args: string[]): string {
  return spawnSync(process.execPath, [join(repo, 'bin', 'referat.js'), 'validate', ...args], { cwd: repo, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } }).stdout;
}

describe('README: referat validate', () => {
  test('every line of the example output (but "…") is printed, in order, for the command shown', () => {
    const block = /```text\n([\s\S]*?)```/.exec(section)![1];
    const runs = block.split(/^\$ npx referat validate /m).filter(Boolean);
    expect(runs).toHaveLength(2);
    for (const run of runs) {
      const [args, ...shown] = run.trimEnd().split('\n');
      const printed = validateCli(args.split(' ')).split('\n');
      let at = 0;
      for (const line of shown.filter((l) => l !== '…')) {
        const found = printed.indexOf(line, at);
        expect(found, line).toBeGreaterThanOrEqual(at);
        at = found + 1;
      }
    }
  });

  test("the rule table's default severities are the rules' own", () => {
    for (const rule of RULES) {
      const row = new RegExp(`^\\| \`${rule.meta.id}\` \\| (\\w+)`, 'm').exec(section);
      expect(row?.[1], rule.meta.id).toBe(rule.meta.defaultSeverity);
    }
  });
});

test('README: the diagnostic example is in the output of the sample it names', async () => {
  const at = readme.indexOf('## Reading a diagnostic');
  const example = JSON.parse(/```json\n([\s\S]*?)```/.exec(readme.slice(at))![1]);
  const r = (await convertFile(samplePath('004_8a7553dc6f277047.pdf'), { read: { ocr: 'off' } })).referat;
  expect(r.diagnostics).toContainEqual(example);
});
