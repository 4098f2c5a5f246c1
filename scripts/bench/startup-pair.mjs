// Single-file start-up of two builds, paired: `node scripts/bench/startup-pair.mjs <before/bin/referat.js>
// [<after/bin/referat.js>] [--runs 10]`. Each round runs `node -e 0` and every command once with each
// build, alternating which goes first, so that a shared machine's load falls on both alike; prints the
// medians and minimums. (The "before" build: a copy of bin/, dist/, package.json and schemas/ of an
// earlier commit, with node_modules linked beside it.)
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const args = process.argv.slice(2);
const runsAt = args.indexOf('--runs');
const runs = runsAt >= 0 ? Number(args.splice(runsAt, 2)[1]) : 10;
const [before, after = join(root, 'bin', 'referat.js')] = args;
if (!before) {
  console.error('usage: node scripts/bench/startup-pair.mjs <before/bin/referat.js> [<after/bin/referat.js>] [--runs 10]');
  process.exit(2);
}
const samples = readdirSync(join(root, 'samples'));
const text = join(root, 'samples', samples.find((n) => /^000_.*\.txt$/.test(n)));
const pdf = join(root, 'samples', samples.find((n) => /^000_.*(?<!scanned)\.pdf$/.test(n)));
const out = mkdtempSync(join(tmpdir(), 'referat-startup-pair-'));
const commands = {
  'convert --no-db, text file': (cli) => [cli, 'convert', text, '--out', out, '--no-db', '--quiet', '--force', '--ocr', 'off'],
  'convert --no-db, 3-page PDF': (cli) => [cli, 'convert', pdf, '--out', out, '--no-db', '--quiet', '--force', '--ocr', 'off'],
  'validate, text file': (cli) => [cli, 'validate', text],
  'validate, 3-page PDF': (cli) => [cli, 'validate', pdf],
};
const time = (argv) => {
  const t = performance.now();
  spawnSync(process.execPath, argv, { stdio: 'ignore' });
  return (performance.now() - t) / 1000;
};
const ms = { node: [] };
for (let i = 0; i < runs; i++) {
  ms.node.push(time(['-e', '0']));
  for (const [name, argv] of Object.entries(commands)) {
    const pair = i % 2 ? [['before', before], ['after', after]] : [['after', after], ['before', before]];
    for (const [which, cli] of pair) (ms[`${name}|${which}`] ??= []).push(time(argv(cli)));
  }
}
rmSync(out, { recursive: true, force: true });
const median = (a) => {
  const s = [...a].sort((x, y) => x - y);
  return (s[(s.length - 1) >> 1] + s[s.length >> 1]) / 2;
};
const f = (a) => `${median(a).toFixed(3)} s (min ${Math.min(...a).toFixed(3)})`;
console.log(`node -e 0: ${f(ms.node)}; ${runs} rounds`);
for (const name of Object.keys(commands)) console.log(`${name.padEnd(28)} before ${f(ms[`${name}|before`])}   after ${f(ms[`${name}|after`])}`);
