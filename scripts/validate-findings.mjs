#!/usr/bin/env node
// Reruns `referat validate --format json` on the real-world corpus (test/real-world/*.txt, kept-aside/,
// kept-aside-2/: 61 published minutes) and prints the findings per code, so the figures in
// test/real-world/VALIDATE-FINDINGS.md can be rerun. The judgements (TP / FP / X) are in that file;
// with --check the findings are matched with its list (document, line, code): the per-code TP/FP/X of
// the findings it judged, and any finding it does not judge (or judges but is no longer reported).
//   node scripts/validate-findings.mjs [--check] [--list]
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join, resolve, dirname, basename } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const corpus = join(root, 'test', 'real-world');
const folders = [corpus, join(corpus, 'kept-aside'), join(corpus, 'kept-aside-2')];
const files = folders.flatMap((d) => readdirSync(d).filter((f) => f.endsWith('.txt')).sort().map((f) => join(d, f)));
// Emitted by the pipeline (src/extract/index.ts), not by a rule in src/validate/rules/.
const PIPELINE = new Set(['structure-uncertain', 'items-unnumbered']);
const args = process.argv.slice(2);

if (!existsSync(join(root, 'dist', 'src', 'cli.js'))) {
  const build = spawnSync('npm', ['run', '-s', 'build'], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}
const run = spawnSync(process.execPath, [join(root, 'bin', 'referat.js'), 'validate', '--format', 'json', ...files], { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
if (run.status !== 0 && run.status !== 1) {
  process.stderr.write(run.stderr);
  process.exit(run.status ?? 2);
}
const docId = (file) => basename(file).split('_')[0];
const findings = JSON.parse(run.stdout).flatMap((r) => {
  if (r.error) console.error(`${r.file}: ${r.error}`);
  return r.diagnostics.map((d) => ({ doc: docId(r.file), line: d.line ?? null, code: d.code, severity: d.severity, message: d.message, quote: d.quote }));
});

const pad = (s, n) => String(s).padEnd(n);
const padl = (s, n) => String(s).padStart(n);
console.log(`${files.length} documents, ${findings.length} findings\n`);
console.log(`${pad('code', 24)}${padl('findings', 9)}${padl('error', 7)}${padl('warning', 9)}${padl('info', 6)}`);
const codes = [...new Set(findings.map((f) => f.code))].sort((a, b) => Number(PIPELINE.has(a)) - Number(PIPELINE.has(b)) || a.localeCompare(b));
for (const c of codes) {
  const fs = findings.filter((f) => f.code === c);
  const by = (s) => fs.filter((f) => f.severity === s).length;
  console.log(`${pad(c + (PIPELINE.has(c) ? ' *' : ''), 24)}${padl(fs.length, 9)}${padl(by('error'), 7)}${padl(by('warning'), 9)}${padl(by('info'), 6)}`);
}
const rules = findings.filter((f) => !PIPELINE.has(f.code)).length;
console.log(`${pad('rules', 24)}${padl(rules, 9)}\n${pad('pipeline diagnostics *', 24)}${padl(findings.length - rules, 9)}\n(* emitted by src/extract/index.ts, not by a rule)`);
if (args.includes('--list')) for (const f of findings) console.log(`${f.doc}\tL${f.line ?? '-'}\t${f.code}\t${f.severity}\t${f.message.slice(0, 140)}`);

if (args.includes('--check')) {
  // The full list's rows: | # | document | line | rule | severity | finding | verdict | reason |
  const md = readFileSync(join(corpus, 'VALIDATE-FINDINGS.md'), 'utf8');
  const rows = [];
  for (const line of md.split('\n')) {
    const cells = line.split(/(?<!\\)\|/).map((c) => c.trim());
    if (cells.length < 9 || !/^\d+$/.test(cells[1])) continue;
    rows.push({ doc: cells[2], line: cells[3] === '–' ? null : Number(cells[3]), code: cells[4].replace(/`/g, ''), verdict: cells[7].replace(/\*/g, '') });
  }
  const key = (x) => `${x.doc}|${x.line}|${x.code}`;
  const pool = new Map();
  for (const r of rows) (pool.get(key(r)) ?? pool.set(key(r), []).get(key(r))).push(r);
  const tally = {};
  const unjudged = [];
  for (const f of findings) {
    const r = pool.get(key(f))?.shift();
    if (!r) { unjudged.push(f); continue; }
    tally[f.code] ??= { TP: 0, FP: 0, X: 0 };
    tally[f.code][r.verdict] = (tally[f.code][r.verdict] ?? 0) + 1;
  }
  const gone = [...pool.values()].flat();
  console.log(`\nJudged in VALIDATE-FINDINGS.md (${rows.length} rows):`);
  console.log(`${pad('code', 24)}${padl('TP', 5)}${padl('FP', 5)}${padl('X', 5)}`);
  const sum = { TP: 0, FP: 0, X: 0 };
  for (const c of codes) {
    const t = tally[c] ?? { TP: 0, FP: 0, X: 0 };
    for (const k of Object.keys(sum)) sum[k] += t[k] ?? 0;
    console.log(`${pad(c, 24)}${padl(t.TP ?? 0, 5)}${padl(t.FP ?? 0, 5)}${padl(t.X ?? 0, 5)}`);
  }
  const n = sum.TP + sum.FP + sum.X;
  console.log(`${pad('total', 24)}${padl(sum.TP, 5)}${padl(sum.FP, 5)}${padl(sum.X, 5)}   FP ${((100 * sum.FP) / n).toFixed(1)} % of findings, ${((100 * sum.FP) / (sum.TP + sum.FP)).toFixed(1)} % of TP+FP`);
  for (const f of unjudged) console.log(`NOT JUDGED  ${f.doc} L${f.line ?? '-'} ${f.code}: ${f.message.slice(0, 120)}`);
  for (const r of gone) console.log(`NO LONGER REPORTED  ${r.doc} L${r.line ?? '-'} ${r.code} (${r.verdict})`);
  if (unjudged.length || gone.length) process.exitCode = 1;
}
