#!/usr/bin/env node
// Scanned renderings of the field documents, converted and scored: how well OCR reads minutes.
//
//   node scripts/ocr-renderings.mjs [--field DIR] [--gold DIR] [--work DIR] [--sets 200dpi,300dpi,skew-noise,field-scanned]
//                                  [--jobs N] [--timeout s] [--dpi N (OCR resolution)] [--build-only] [--json]
//
// For each field document's PDF (text layer), every page is rendered to a grey image with pdftoppm and
// the images are wrapped back into an image-only PDF (no text layer), in sets:
//   200dpi       rendered at 200 dpi
//   300dpi       rendered at 300 dpi
//   skew-noise   200 dpi, each page turned by 0.4-1.2 degrees (either way), with grey noise and dark specks
//   field-scanned  the corpus's own 000_*.scanned.pdf (200 dpi, made with img2pdf), as 000_*.pdf
// Each set is converted with `referat convert` (OCR auto) into WORK/out/<set> and scored with the shared
// scorer; the script prints per set: overall, amounts, dates, the weakest fields, pages and OCR pages/s.
// Needs poppler-utils and tesseract-ocr(-dan) (scripts/system-deps.mjs installs them).
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { tmpdir } from 'node:os';
import { random, renderPages, skewAndNoise, writeImagePdf } from './scan-images.mjs';
import { treeRssMb } from './bench/process-memory.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const opt = (name, def) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : def;
};
const field = resolve(opt('--field', join(root, '..', 'shared', 'corpus', 'field')));
const gold = resolve(opt('--gold', join(root, '..', 'shared', 'corpus', 'gold')));
const scorer = resolve(opt('--scorer', join(root, '..', 'shared', 'tools', 'score.mjs')));
const work = resolve(opt('--work', join(tmpdir(), 'referat-ocr-renderings')));
const sets = opt('--sets', '200dpi,300dpi,skew-noise,field-scanned').split(',').filter(Boolean);
const jobs = opt('--jobs', '2');
const timeout = opt('--timeout', '600');
const buildOnly = args.includes('--build-only');

if (!existsSync(field)) {
  console.error(`ocr-renderings: no field documents at ${field} (--field DIR)`);
  process.exit(2);
}
for (const [tool, pkg] of [['pdftoppm', 'poppler-utils'], ['tesseract', 'tesseract-ocr tesseract-ocr-dan']]) {
  if (spawnSync('sh', ['-c', `command -v ${tool}`], { stdio: 'ignore' }).status !== 0) {
    console.error(`ocr-renderings: ${tool} is missing; install: apt-get install ${pkg}`);
    process.exit(2);
  }
}


// ---------------------------------------------------------------------------------------------

const documents = readdirSync(field).filter((f) => /^\d{3}_[0-9a-f]+\.pdf$/.test(f)).sort();

function buildSet(set) {
  const dir = join(work, 'scans', set);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  if (set === 'field-scanned') {
    for (const f of readdirSync(field).filter((n) => n.endsWith('.scanned.pdf'))) copyFileSync(join(field, f), join(dir, f.replace('.scanned.pdf', '.pdf')));
    return dir;
  }
  const dpi = set === '300dpi' ? 300 : 200;
  documents.forEach((doc, d) => {
    const tmp = join(work, 'tmp', set, doc);
    rmSync(tmp, { recursive: true, force: true });
    let images = renderPages(join(field, doc), dpi, tmp);
    if (set === 'skew-noise') {
      const rnd = random(1000 + d);
      images = images.map((img) => {
        const mag = 0.4 + rnd() * 0.8;
        return skewAndNoise(img, rnd() < 0.5 ? -mag : mag, rnd);
      });
    }
    writeImagePdf(join(dir, doc), images, dpi);
    rmSync(tmp, { recursive: true, force: true });
  });
  return dir;
}


/** `referat convert` on a set, sampling the memory of the whole process tree (tesseract and pdftoppm included). */
function convert(dir, out, summaryFile) {
  return new Promise((resolveRun) => {
    const env = { ...process.env, ...(opt('--dpi') ? { REFERAT_OCR_DPI: opt('--dpi') } : {}) };
    const child = spawn(process.execPath, [join(root, 'bin', 'referat.js'), 'convert', dir, '--out', out, '--no-db', '--quiet', '--jobs', jobs, '--timeout', timeout, '--summary-json', summaryFile], {
      stdio: ['ignore', 'inherit', 'inherit'],
      env,
    });
    let peak = 0;
    const timer = setInterval(() => (peak = Math.max(peak, treeRssMb(child.pid))), 200);
    child.on('close', (status) => {
      clearInterval(timer);
      resolveRun({ status, peakTreeMb: Math.round(peak) });
    });
  });
}

const report = [];
for (const set of sets) {
  const t0 = performance.now();
  const dir = buildSet(set);
  console.error(`ocr-renderings: ${set}: built ${readdirSync(dir).length} image-only PDFs in ${((performance.now() - t0) / 1000).toFixed(1)} s (${dir})`);
  if (buildOnly) continue;
  const out = join(work, 'out', set);
  rmSync(out, { recursive: true, force: true });
  const summaryFile = join(work, `summary-${set}.json`);
  const c = await convert(dir, out, summaryFile);
  if (c.status !== 0 && c.status !== 1) throw new Error(`referat convert failed on ${set} (exit ${c.status})`);
  const summary = JSON.parse(readFileSync(summaryFile, 'utf8'));
  const s = spawnSync(process.execPath, [scorer, '--gold', gold, '--out', out, '--json'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (s.status !== 0) throw new Error(`scorer failed: ${s.stderr}`);
  const scored = JSON.parse(s.stdout);
  const pdf = scored.summary.pdf;
  const weak = Object.entries(pdf.total)
    .filter(([k, v]) => v < 1 && k !== 'provenance')
    .map(([k, v]) => `${k}=${v}`)
    .join(' ');
  const perDoc = scored.documents
    .filter((r) => r.format === 'pdf')
    .map((r) => {
      const vals = Object.entries(r.scores).filter(([k]) => k !== 'provenance').map(([, v]) => v);
      return `${r.doc.slice(0, 3)}=${(vals.reduce((a, b) => a + b, 0) / vals.length).toFixed(3)}`;
    })
    .join(' ');
  // the wall time of the run (building the database is off; start-up is included)
  const row = {
    set,
    overall: pdf.overall,
    amounts: pdf.total.amounts,
    dates: pdf.total.dates,
    pages: summary.pages,
    seconds: summary.seconds ?? summary.wallSeconds,
    pagesPerSec: summary.pagesPerSec,
    peakMb: summary.maxRssMb,
    peakTreeMb: c.peakTreeMb,
    perDoc,
    weak,
  };
  report.push(row);
  console.log(
    `${set}: overall ${row.overall}, amounts ${row.amounts}, dates ${row.dates}; ${row.pages} pages at ${row.pagesPerSec} pages/s (${jobs} job(s)), peak memory ${row.peakTreeMb} MB with the OCR processes (referat alone ${row.peakMb} MB); per document ${perDoc}${weak ? `; below 1: ${weak}` : ''}`,
  );
}
if (args.includes('--json')) console.log(JSON.stringify(report, null, 2));
