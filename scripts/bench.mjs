#!/usr/bin/env node
// `npm run bench`: end-to-end throughput of `referat convert` on a generated archive (samples/ replicated
// to >= 1,000 documents in nested folders), with --jobs 1 and --jobs 2; the same PDFs through the
// pipeline, through pdf-parse alone and through pdftotext (poppler) as references; a warm worker's time
// for the 3-page sample PDF; peak memory. Prints every figure and the ratios against the targets.
//
//   npm run bench                  # 1,008 documents
//   npm run bench -- --docs 200    # a smaller archive (quicker, noisier)
//   npm run bench -- --keep        # keep the archive and outputs (path printed)
//   npm run bench -- --json f.json # also write the figures as JSON
//   npm run bench -- --repeat 3    # run each measurement 3 times and keep the fastest (a busy machine)
//   npm run bench -- --no-queue    # without the job-queue runs (scripts/bench/queue.mjs)
//   npm run bench -- --no-ocr      # skip step 6, OCR pages/s (scripts/bench/ocr.mjs; needs tesseract-ocr-dan)
//   npm run bench -- --no-growth   # skip step 7, the growth table (1/5/20 MB texts, 1k/10k items, 1/100/1,000-page PDFs)
//   npm run bench -- --no-startup  # skip step 8, single-file start-up times (median of 10 processes each)
// Beside step 7, the PDF engine comparison (scripts/bench/pdf-engines.mjs) when pdftotext is installed.
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir, totalmem, cpus } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sampleThreads } from './bench/thread-cpu.mjs';
import { benchQueue } from './bench/queue.mjs';
import { benchGrowth, growthReport } from './bench/growth.mjs';
import { benchStartup } from './bench/startup.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const samplesDir = join(root, 'samples');
const cli = join(root, 'bin', 'referat.js');
const args = process.argv.slice(2);
const opt = (name, def) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : def;
};
const targetDocs = Number(opt('--docs', 1000));
const keep = args.includes('--keep');
const jsonOut = opt('--json', null);
const repeat = Math.max(1, Number(opt('--repeat', 1)));

function log(line = '') {
  process.stdout.write(line + '\n');
}

// --- build -------------------------------------------------------------------------------------------
function newest(dir) {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : e.name.endsWith('.ts') ? statSync(p).mtimeMs : 0);
  }
  return t;
}
const builtFile = join(root, 'dist', 'src', 'batch', 'worker.js');
const sourcesNewest = Math.max(...['src', 'parsers', 'schemas'].map((d) => newest(join(root, d))));
if (!existsSync(builtFile) || statSync(builtFile).mtimeMs < sourcesNewest) {
  log('building dist/ ...');
  spawnSync(process.execPath, [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.build.json'], { cwd: root, stdio: 'inherit' });
  spawnSync(process.execPath, [join(root, 'scripts', 'prepare-dictionary.mjs')], { cwd: root, stdio: 'inherit' });
  if (!existsSync(builtFile)) {
    log('build failed');
    process.exit(1);
  }
}

// --- archive -----------------------------------------------------------------------------------------
const work = mkdtempSync(join(tmpdir(), 'referat-bench-'));
const archive = join(work, 'archive');
const samples = readdirSync(samplesDir).filter((n) => /\.(pdf|docx|txt|html?)$/i.test(n)).sort();
const copies = Math.ceil(targetDocs / samples.length);
const pdfs = [];
for (let k = 0; k < copies; k++) {
  const dir = join(archive, `region-${k % 5}`, `year-${2015 + (k % 9)}`, `copy-${String(k).padStart(3, '0')}`);
  mkdirSync(dir, { recursive: true });
  for (const name of samples) {
    const dest = join(dir, name);
    if (/\.(txt|html?)$/i.test(name)) {
      // vary the bytes so that every copy has its own hash (trailing blank lines change no content)
      writeFileSync(dest, Buffer.concat([readFileSync(join(samplesDir, name)), Buffer.from('\n'.repeat(k + 1))]));
    } else copyFileSync(join(samplesDir, name), dest);
    if (/\.pdf$/i.test(name)) pdfs.push(dest);
  }
}
const docs = copies * samples.length;
// the PDFs alone, as a folder of links, for the like-for-like comparison with pdf-parse and pdftotext
const pdfOnly = join(work, 'pdf-only');
pdfs.forEach((p, i) => {
  const d = join(pdfOnly, String(i % 20));
  mkdirSync(d, { recursive: true });
  symlinkSync(p, join(d, `${i}-${p.split('/').pop()}`));
});
const pdfList = join(work, 'pdfs.txt');
writeFileSync(pdfList, pdfs.join('\n') + '\n');

log(`referat bench: ${cpus().length} cores (${cpus()[0]?.model ?? '?'}), ${Math.round(totalmem() / 2 ** 30)} GiB, node ${process.version}`);
log(`archive: ${docs} documents (${samples.length} samples x ${copies} copies, ${pdfs.length} PDFs) in ${work}`);
const load = readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
log(`load average before: ${load} (other work on the machine skews every figure)`);
log();

// --- runs --------------------------------------------------------------------------------------------
function run(cmd, argv, opts = {}) {
  return new Promise((resolveRun) => {
    const t = performance.now();
    const child = spawn(cmd, argv, { cwd: root, stdio: ['ignore', opts.stdout ?? 'ignore', 'pipe'] });
    const threads = opts.workers ? sampleThreads(child.pid, opts.workers) : null;
    let stderr = '';
    let stdout = '';
    child.stderr.on('data', (d) => (stderr += d));
    child.stdout?.on('data', (d) => (stdout += d));
    child.on('close', (code) => resolveRun({ code, ms: performance.now() - t, stderr, stdout, threads: threads?.stop() ?? null }));
  });
}

async function convertOnce(input, jobs, label) {
  const out = join(work, `out-${label}`);
  rmSync(out, { recursive: true, force: true });
  const summaryFile = join(work, `summary-${label}.json`);
  // the PDF-only folder links into the archive: --follow-symlinks, or the links would be skipped as leaving it.
  // text layers only: the scanned sample's copies would otherwise make this an OCR benchmark (that is step 6)
  const r = await run(process.execPath, [cli, 'convert', input, '--out', out, '--jobs', String(jobs), '--quiet', '--ocr', 'off', '--summary-json', summaryFile, '--follow-symlinks'], { workers: jobs });
  if (!existsSync(summaryFile)) {
    log(`convert ${label} failed (exit ${r.code}): ${r.stderr.slice(0, 2000)}`);
    process.exit(1);
  }
  const s = JSON.parse(readFileSync(summaryFile, 'utf8'));
  rmSync(summaryFile);
  // time spent converting inside the workers, without each worker's first (cold) PDF
  const entries = readFileSync(join(out, '.referat-manifest.ndjson'), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
  const warmEntries = entries.filter((e) => e.status === 'ok').sort((a, b) => (b.ms ?? 0) - (a.ms ?? 0)).slice(jobs);
  const steadyMs = warmEntries.reduce((a, e) => a + (e.ms ?? 0), 0);
  const steadyPages = warmEntries.reduce((a, e) => a + (e.pages ?? 0), 0);
  return {
    label,
    jobs,
    exit: r.code,
    docs: s.converted,
    failed: s.failed,
    pages: s.pages,
    wallMs: r.ms,
    insideMs: s.wallMs,
    dbMs: s.dbMs,
    cpuMs: s.cpuMs,
    docsPerSec: s.converted / (r.ms / 1000),
    pagesPerSec: s.pages / (r.ms / 1000),
    steadyPagesPerSec: steadyPages / (steadyMs / 1000),
    maxRssMb: s.maxRssMb,
    mainBusyPct: s.mainBusyPct,
    // CPU seconds by thread: the runner, the conversion workers, V8's and libuv's helper threads
    threads: r.threads,
  };
}

async function convert(input, jobs, label) {
  let best = null;
  for (let i = 0; i < repeat; i++) {
    const r = await convertOnce(input, jobs, label);
    if (!best || r.wallMs < best.wallMs) best = { ...r, maxRssMb: Math.max(r.maxRssMb, best?.maxRssMb ?? 0) };
    else best.maxRssMb = Math.max(best.maxRssMb, r.maxRssMb);
  }
  return best;
}

const fmt = (n, d = 1) => (n == null || !Number.isFinite(n) ? 'n/a' : n.toFixed(d));

log('1/8 convert, whole archive, --jobs 1 ...');
const j1 = await convert(archive, 1, 'jobs1');
log('2/8 convert, whole archive, --jobs 2 ...');
const j2 = await convert(archive, 2, 'jobs2');
log('3/8 convert, the PDFs only, --jobs 1 ...');
const pj1 = await convert(pdfOnly, 1, 'pdf-jobs1');

let queueRuns = null;
if (!args.includes('--no-queue')) {
  log('    queue: the archive through Redis, 1, 2 and 3 worker processes (referat worker --jobs 1) ...');
  queueRuns = await benchQueue({ root, cli, work, archive, warmInput: samplesDir, reference: join(work, 'out-jobs1'), log });
}

log('4/8 references: pdf-parse alone, pdftotext ...');
let raw = null;
for (let i = 0; i < repeat; i++) {
  const rawRun = await run(process.execPath, [join(root, 'scripts', 'bench', 'raw-pdf-parse.mjs'), pdfList], { stdout: 'pipe' });
  const r = JSON.parse(rawRun.stdout.trim().split('\n').pop());
  r.wallMs = rawRun.ms;
  if (!raw || r.wallMs < raw.wallMs) raw = r;
}

function havePdftotext() {
  return spawnSync('pdftotext', ['-v'], { stdio: 'ignore' }).error === undefined;
}
let poppler = null;
if (!havePdftotext() && process.getuid?.() === 0) {
  log('    pdftotext is missing: apt-get install -y poppler-utils ...');
  spawnSync('apt-get', ['update', '-qq'], { stdio: 'ignore' });
  spawnSync('apt-get', ['install', '-y', '-qq', 'poppler-utils'], { stdio: 'ignore', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
}
if (havePdftotext()) {
  const t = performance.now();
  let failed = 0;
  for (const p of pdfs) if (spawnSync('pdftotext', ['-q', '-enc', 'UTF-8', p, '-'], { stdio: ['ignore', 'ignore', 'ignore'] }).status !== 0) failed++;
  const ms = performance.now() - t;
  poppler = { ms, failed, pagesPerSec: raw.pages / (ms / 1000), docsPerSec: pdfs.length / (ms / 1000) };
} else log('    pdftotext is not installed (and cannot be installed here): that column is skipped');

log('5/8 warm worker, 3-page sample PDF ...');
const threePage = join(samplesDir, samples.find((n) => /^000_.*(?<!scanned)\.pdf$/.test(n)));
const warmRun = await run(process.execPath, [join(root, 'scripts', 'bench', 'warm-worker.mjs'), threePage, '40'], { stdout: 'pipe' });
const warm = JSON.parse(warmRun.stdout.trim().split('\n').pop());

let ocr = null;
if (!args.includes('--no-ocr')) {
  log('6/8 OCR of scanned pages, --jobs 1 and 2 ...');
  const ocrRun = await run(process.execPath, [join(root, 'scripts', 'bench', 'ocr.mjs'), '--copies', opt('--ocr-copies', '4')], { stdout: 'pipe' });
  if (ocrRun.code === 0) ocr = JSON.parse(ocrRun.stdout.trim().split('\n').pop());
  else log(`    OCR run failed (exit ${ocrRun.code}): ${ocrRun.stderr.slice(0, 500)}`);
}

let growth = null;
if (!args.includes('--no-growth')) {
  log('7/8 growth: 1, 5, 20 MB texts, 1k and 10k items, 1, 100, 1,000-page PDFs (one process each, after a warm-up) ...');
  growth = await benchGrowth({ root, work, samplesDir, log });
}
// Section 3 of issue 18: the optional faster engine considered (README, "PDF engine"): pdftotext
// -bbox-layout against the project's pdf.js reader, CPU per page and agreement of the words per page.
let engines = null;
if (havePdftotext()) {
  log('    PDF engines: pdf.js (the reader) and pdftotext -bbox-layout on the sample PDFs ...');
  const textPdfs = samples.filter((n) => /\.pdf$/i.test(n) && !/scanned/.test(n)).map((n) => join(samplesDir, n));
  const er = await run(process.execPath, [join(root, 'scripts', 'bench', 'pdf-engines.mjs'), ...textPdfs], { stdout: 'pipe' });
  if (er.code === 0) engines = JSON.parse(er.stdout.trim().split('\n').pop());
  else log(`    PDF engine comparison failed (exit ${er.code}): ${er.stderr.slice(0, 500)}`);
}
let startup = null;
if (!args.includes('--no-startup')) {
  log('8/8 start-up: one process per command, median of 10 ...');
  startup = benchStartup({ cli, threePagePdf: threePage, text: join(samplesDir, samples.find((n) => /^000_.*\.txt$/.test(n))), havePdftotext: havePdftotext() });
}

// --- report ------------------------------------------------------------------------------------------
const rawPagesPerSec = raw.pages / (raw.wallMs / 1000);
const rawLoopPagesPerSec = raw.pages / (raw.loopMs / 1000);
const pipeSteady = pj1.steadyPagesPerSec;
log();
log('| run | docs | pages | wall s | docs/s | pages/s | peak RSS MB | main thread busy |');
log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
for (const r of [j1, j2, pj1]) {
  log(`| convert ${r.label === 'pdf-jobs1' ? 'PDFs only, --jobs 1' : `archive, --jobs ${r.jobs}`} | ${r.docs} | ${r.pages} | ${fmt(r.wallMs / 1000)} | ${fmt(r.docsPerSec)} | ${fmt(r.pagesPerSec)} | ${r.maxRssMb} | ${r.mainBusyPct} % |`);
}
log(`| pdf-parse alone (1 process, engine reused) | ${raw.documents} | ${raw.pages} | ${fmt(raw.wallMs / 1000)} | ${fmt(raw.documents / (raw.wallMs / 1000))} | ${fmt(rawPagesPerSec)} | ${raw.maxRssMb} | - |`);
if (poppler) log(`| pdftotext (one process per file) | ${pdfs.length} | ${raw.pages} | ${fmt(poppler.ms / 1000)} | ${fmt(poppler.docsPerSec)} | ${fmt(poppler.pagesPerSec)} | - | - |`);
log();
if (j1.failed || j2.failed || pj1.failed) log(`note: failed files: jobs1 ${j1.failed}, jobs2 ${j2.failed}, pdf-only ${pj1.failed}`);

const ratios = [
  ['jobs 2 / jobs 1 docs/s', j2.docsPerSec / j1.docsPerSec, '>= 1.7', (v) => v >= 1.7],
  ['pipeline / pdf-parse pages/s (PDFs, 1 job, wall incl. start-up and tables)', pj1.pagesPerSec / rawPagesPerSec, '>= 0.9', (v) => v >= 0.9],
  ['  same, steady state (in-worker time per PDF without the cold first one / pdf-parse loop without start-up)', pipeSteady / rawLoopPagesPerSec, '(info)', null],
  ['pipeline / pdftotext pages/s', poppler ? pj1.pagesPerSec / poppler.pagesPerSec : NaN, '(info)', null],
  [`warm worker, ${warm.pages}-page PDF, ms per document (round trip; in worker ${warm.warmInWorkerMedianMs})`, warm.warmRoundTripMedianMs, '<= 40', (v) => v <= 40],
  ['peak memory, whole archive, --jobs 1 (MB)', j1.maxRssMb, '< 500', (v) => v < 500],
  ['peak memory, whole archive, --jobs 2 (MB)', j2.maxRssMb, '< 500', (v) => v < 500],
];
// How far 2 jobs can scale at all: one job already keeps more than one core busy (the worker, plus V8's
// compiler and garbage-collector threads and the runner on the other core), and N jobs share the cores.
const cores = availableParallelism();
const coresBusy = (r) => (r.threads ? (r.threads.main + r.threads.workers + r.threads.helpers) / (r.wallMs / 1000) : r.cpuMs / r.wallMs);
const ceiling = Math.min(j2.jobs, cores) / coresBusy(j1);
ratios.splice(1, 0, [`  ceiling: ${Math.min(j2.jobs, cores)} cores / cores kept busy by 1 job (${fmt(coresBusy(j1), 2)})`, ceiling, '(info)', null]);
ratios.push(
  ['CPU seconds per document, --jobs 1 (all threads)', j1.cpuMs / 1000 / j1.docs, '(info)', null],
  ['CPU seconds per document, --jobs 2 (all threads)', j2.cpuMs / 1000 / j2.docs, '(info)', null],
);
if (growth) {
  log('Growth (CPU of one conversion in its own process, engines loaded by a warm-up first):');
  log();
  ratios.push(...growthReport(growth, log, fmt));
  log();
}
if (startup) {
  log('| single file, one process | median wall s (of 10) |');
  log('| --- | ---: |');
  for (const r of startup) log(`| ${r.name} | ${fmt(r.s, 3)} |`);
  log();
  for (const r of startup) if (r.target) ratios.push([`start-up: ${r.name} (s wall; node -e 0 ${fmt(startup[0].s, 3)})`, r.s, `<= ${r.target}`, (v) => v <= r.target]);
}
if (engines) {
  log(`PDF engines on ${engines.files} sample PDFs (${engines.pages} pages): pdf.js reader ${fmt(engines.pdfjsCpuMsPerPage, 2)} ms CPU per page (warm), ` +
    `pdftotext -bbox-layout ${fmt(engines.pdftotextCpuMsPerPage, 2)} ms per page (a process per file); words in common per page ${fmt(engines.wordAgreement * 100)} %, ${engines.samePages} of ${engines.pages} pages word for word the same`);
  ratios.push(['pdftotext -bbox-layout / pdf.js reader, CPU per page', engines.pdftotextCpuMsPerPage / engines.pdfjsCpuMsPerPage, '(info)', null]);
  log();
}
log('| figure | value | target | met |');
log('| --- | ---: | --- | --- |');
for (const [name, v, target, ok] of ratios) log(`| ${name} | ${fmt(v, 2)} | ${target} | ${ok ? (ok(v) ? 'yes' : 'NO') : ''} |`);
log();
log(`steady state: pipeline ${fmt(pipeSteady)} pages/s in a worker, pdf-parse ${fmt(rawLoopPagesPerSec)} pages/s; CPU per run: jobs 1 ${fmt(j1.cpuMs / 1000)} s, jobs 2 ${fmt(j2.cpuMs / 1000)} s (all threads)`);
for (const r of [j1, j2]) {
  const t = r.threads;
  if (!t) continue;
  log(`CPU by thread, --jobs ${r.jobs}: workers ${fmt(t.workers)} s, V8/libuv helper threads ${fmt(t.helpers)} s, runner ${fmt(t.main)} s over ${fmt(r.wallMs / 1000)} s wall: ${fmt(coresBusy(r), 2)} cores busy`);
}
log(`cold first document in a new worker: ${warm.coldMs} ms (loads pdf.js and the Danish word list)`);
log(`tables (DuckDB) built in ${j1.dbMs} ms (jobs 1) / ${j2.dbMs} ms (jobs 2) at the end of the run`);
if (queueRuns) {
  // The queue against the local pool: throughput, and the CPU each document costs in every process
  // (the coordinator, Redis, the worker processes) beside a local run's one process.
  const per = (ms, n) => ms / Math.max(1, n);
  log();
  log('| run | docs | wall s | docs/s | coordinator CPU ms/doc (main thread busy) | Redis CPU ms/doc | worker processes CPU ms/doc | all CPU ms/doc | JSON as local |');
  log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |');
  for (const r of [j1, j2]) log(`| local --jobs ${r.jobs} | ${r.docs} | ${fmt(r.wallMs / 1000)} | ${fmt(r.docsPerSec)} | - | - | - | ${fmt(per(r.cpuMs, r.docs), 2)} | - |`);
  for (const q of queueRuns) {
    const all = q.coordinatorCpuMs + q.redisCpuMs + q.workerCpuMs;
    log(`| queue, ${q.workers} worker(s) | ${q.docs} | ${fmt(q.wallMs / 1000)} | ${fmt(q.docsPerSec)} | ${fmt(per(q.coordinatorCpuMs, q.docs), 2)} (${q.coordinatorBusyPct} %) | ${fmt(per(q.redisCpuMs, q.docs), 2)} | ${fmt(per(q.workerCpuMs, q.docs), 2)} | ${fmt(per(all, q.docs), 2)} | ${q.differing === 0 ? 'identical' : `${q.differing} differ`} |`);
  }
  const q1 = queueRuns[0];
  const all1 = q1.coordinatorCpuMs + q1.redisCpuMs + q1.workerCpuMs;
  log();
  log(`queue cost per document: ${fmt(per(all1, q1.docs) - per(j1.cpuMs, j1.docs), 2)} ms CPU more than local --jobs 1 (all processes), ` +
    `${fmt(per(q1.wallMs, q1.docs) - per(j1.wallMs, j1.docs), 2)} ms wall per document (1 worker vs --jobs 1; the local run includes starting its worker)`);
  log(`ceilings of one coordinator and one Redis at these costs: ${fmt(1000 / per(q1.coordinatorCpuMs, q1.docs), 0)} docs/s (coordinator), ${fmt(1000 / per(q1.redisCpuMs, q1.docs), 0)} docs/s (Redis)`);
  log(`queue docs/s, 2 and 3 workers / 1 worker: ${fmt(queueRuns[1]?.docsPerSec / q1.docsPerSec, 2)}, ${fmt(queueRuns[2]?.docsPerSec / q1.docsPerSec, 2)} (on ${availableParallelism()} cores)`);
}
for (const r of ocr?.runs ?? []) log(`OCR (scanned sample x ${ocr.copies}, --jobs ${r.jobs}): ${r.ocrPagesPerSec} OCR pages/s, ${r.ocrPages} pages in ${fmt(r.convertMs / 1000)} s; peak memory ${r.peakTreeMb} MB with the tesseract/pdftoppm processes (referat alone ${r.referatPeakMb} MB)`);
log(`load average after: ${readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ')}`);

if (jsonOut) writeFileSync(jsonOut, JSON.stringify({ docs, pdfs: pdfs.length, j1, j2, pdfOnly: pj1, raw, poppler, warm, queue: queueRuns, ocr, growth, startup, engines, cores: availableParallelism() }, null, 2) + '\n');
if (keep) log(`kept: ${work}`);
else rmSync(work, { recursive: true, force: true });
