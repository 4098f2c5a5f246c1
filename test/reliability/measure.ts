/**
 * Time and peak memory of every bad input, each converted in a child process of its own (the compiled
 * code in dist/, as the CLI runs it), printed as a Markdown table; then one CLI batch over the whole
 * corpus. Not a test: run `npm run build && npx tsx test/reliability/measure.ts`.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { addWalkTraps, buildCorpus, GOOD, ROOT } from './corpus.js';
import { streamBombPdf } from './generate.js';
import { tempDir } from './helpers.js';

const CHILD = `
const [file, name, mode, timeoutMs] = process.argv.slice(1);
const dist = ${JSON.stringify(join(ROOT, 'dist') + '/')};
const { readFileSync } = await import('node:fs');
const { convertBuffer } = await import(dist + 'src/convert.js');
const { readFile } = await import(dist + 'parsers/index.js');
const { validator } = await import(dist + 'src/validate/index.js');
const { DEFAULT_LIMITS } = await import(dist + 'parsers/limits.js');
const baseline = process.memoryUsage().rss;
const t0 = performance.now();
let outcome;
try {
  if (mode === 'readFile') { await readFile(file, { maxBytes: DEFAULT_LIMITS.maxBytes }); outcome = 'read'; }
  else if (mode === 'timeout') {
    const { readDocument } = await import(dist + 'parsers/index.js');
    await readDocument(readFileSync(file), { path: name, timeoutMs: Number(timeoutMs) });
    outcome = 'read';
  } else {
    const ctx = await convertBuffer(readFileSync(file), name, { validate: validator() });
    const r = ctx.referat;
    outcome = 'result: ' + r.source.format + (r.source.encoding ? ' ' + r.source.encoding : '') + ', ' + r.items.length + ' items' +
      (r.diagnostics.some((d) => d.code === 'no-text-layer') ? ', no-text-layer' : '') +
      (r.diagnostics.some((d) => d.code === 'nul-bytes-removed') ? ', nul-bytes-removed' : '');
  }
} catch (e) {
  outcome = (e.name === 'IngestError' ? 'IngestError: ' : 'OTHER ' + e.name + ': ') + (e.reason ?? e.message);
}
const ms = performance.now() - t0;
console.log(JSON.stringify({ outcome, ms, maxRssMb: process.resourceUsage().maxRSS / 1024, baselineMb: baseline / 1024 / 1024 }));
process.exit(0);
`;

function measure(file: string, name: string, mode = 'convert', timeoutMs = 0) {
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', CHILD, file, name, mode, String(timeoutMs)], { encoding: 'utf8', timeout: 300_000 });
  const line = r.stdout.trim().split('\n').pop() ?? '';
  try {
    return JSON.parse(line) as { outcome: string; ms: number; maxRssMb: number; baselineMb: number };
  } catch {
    return { outcome: `child failed: ${r.status ?? r.signal} ${r.stderr.split('\n')[0]}`, ms: NaN, maxRssMb: NaN, baselineMb: NaN };
  }
}

const dir = tempDir('measure');
try {
  execFileSync(process.execPath, [join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.build.json'], { cwd: ROOT, stdio: 'inherit' });
  const corpus = join(dir, 'corpus');
  const cases = await buildCorpus(corpus, { bigFile: true });
  const bomb = join(dir, 'stream-bomb-1GB.pdf');
  writeFileSync(bomb, streamBombPdf(1024));
  const rows: string[] = ['| input | what happened | time | peak RSS |', '| --- | --- | ---: | ---: |'];
  const row = (kind: string, m: ReturnType<typeof measure>) =>
    rows.push(`| ${kind} | ${m.outcome.replace(/\|/g, '\\|')} | ${m.ms < 1000 ? `${Math.round(m.ms)} ms` : `${(m.ms / 1000).toFixed(1)} s`} | ${Math.round(m.maxRssMb)} MB |`);
  const base = join(dir, 'baseline.txt');
  copyFileSync(join(ROOT, 'samples', '003_e413edb90be0967c.txt'), base);
  row('(baseline: a good 8 kB text file)', measure(base, 'baseline.txt'));
  for (const c of cases) row(`${c.kind} (\`${c.file}\`)`, measure(join(corpus, c.file), c.file, c.viaReadFile ? 'readFile' : 'convert'));
  row('PDF content stream inflating to 1 GB, library, timeoutMs 10 s', measure(bomb, 'bomb.pdf', 'timeout', 10_000));
  row('PDF content stream inflating to 1 GB, library, default limit (600 s)', measure(bomb, 'bomb.pdf'));
  console.log(rows.join('\n'));

  // the whole corpus through the CLI batch
  for (const g of GOOD) copyFileSync(join(ROOT, 'samples', g), join(corpus, `good-${g}`));
  addWalkTraps(corpus);
  const out = join(dir, 'out');
  const summary = join(dir, 'summary.json');
  const t0 = performance.now();
  const r = spawnSync(process.execPath, [join(ROOT, 'bin', 'referat.js'), 'convert', corpus, '--out', out, '--jobs', '2', '--summary-json', summary], { encoding: 'utf8', timeout: 300_000 });
  const s = JSON.parse(readFileSync(summary, 'utf8')) as { files: number; converted: number; failed: number; maxRssMb: number };
  console.log(
    `\nCLI batch (--jobs 2): exit ${r.status}, ${s.files} files, ${s.converted} converted, ${s.failed} failed, ${((performance.now() - t0) / 1000).toFixed(1)} s, peak RSS ${s.maxRssMb} MB`,
  );
  console.log(readFileSync(join(out, 'errors.ndjson'), 'utf8').split('\n').filter(Boolean).map((l) => {
    const e = JSON.parse(l) as { input: string; reason: string };
    return `  ${e.input.slice(corpus.length + 1)}: ${e.reason}`;
  }).join('\n'));
} finally {
  rmSync(dir, { recursive: true, force: true });
}
