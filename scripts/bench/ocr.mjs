#!/usr/bin/env node
// OCR throughput: `referat convert` (OCR auto) on copies of the scanned sample (samples/000_*.scanned.pdf,
// 3 image-only pages at 200 dpi), with --jobs 1 and --jobs 2. Prints a line per run and, last, the
// figures as one line of JSON (for scripts/bench.mjs). Peak memory is sampled from /proc for the whole
// process tree, so the tesseract and pdftoppm processes are counted.
//
//   node scripts/bench/ocr.mjs [--copies 4] [--jobs 1,2]
import { spawn } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { treeRssMb } from './process-memory.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const args = process.argv.slice(2);
const opt = (name, def) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : def;
};
const copies = Number(opt('--copies', 4));
const jobList = opt('--jobs', '1,2').split(',').map(Number);
const scanned = join(root, 'samples', '000_94bc2a59beba3b57.scanned.pdf');

const work = mkdtempSync(join(tmpdir(), 'referat-bench-ocr-'));
const archive = join(work, 'scans');
for (let k = 0; k < copies; k++) {
  mkdirSync(join(archive, `box-${k}`), { recursive: true });
  copyFileSync(scanned, join(archive, `box-${k}`, 'scan.pdf'));
}


function convert(jobs) {
  const out = join(work, `out-${jobs}`);
  const summaryFile = join(work, `summary-${jobs}.json`);
  return new Promise((done) => {
    const t0 = performance.now();
    const child = spawn(process.execPath, [join(root, 'bin', 'referat.js'), 'convert', archive, '--out', out, '--jobs', String(jobs), '--ocr', 'auto', '--timeout', '0', '--no-db', '--quiet', '--summary-json', summaryFile], { stdio: ['ignore', 'ignore', 'inherit'] });
    let peak = 0;
    const timer = setInterval(() => (peak = Math.max(peak, treeRssMb(child.pid))), 100);
    child.on('close', (code) => {
      clearInterval(timer);
      const wallMs = performance.now() - t0;
      const s = JSON.parse(readFileSync(summaryFile, 'utf8'));
      const ocrPages = readdirSync(out, { recursive: true })
        .filter((f) => String(f).endsWith('.pdf.json'))
        .reduce((n, f) => n + JSON.parse(readFileSync(join(out, String(f)), 'utf8')).source.pageInfo.filter((p) => p.origin === 'ocr').length, 0);
      done({ jobs, exit: code, docs: s.converted, failed: s.failed, ocrPages, wallMs: Math.round(wallMs), convertMs: Math.round(s.convertMs), ocrPagesPerSec: +(ocrPages / (s.convertMs / 1000)).toFixed(2), peakTreeMb: Math.round(peak), referatPeakMb: s.maxRssMb });
    });
  });
}

const load = readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
const runs = [];
for (const jobs of jobList) {
  const r = await convert(jobs);
  runs.push(r);
  console.log(`OCR, ${copies} x 3-page scan, --jobs ${jobs}: ${r.ocrPages} pages in ${(r.convertMs / 1000).toFixed(1)} s = ${r.ocrPagesPerSec} OCR pages/s; peak memory ${r.peakTreeMb} MB with the OCR processes (referat's own ${r.referatPeakMb} MB)${r.failed ? `; ${r.failed} failed` : ''}`);
}
console.log(`load average before: ${load}, after: ${readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ')}`);
rmSync(work, { recursive: true, force: true });
console.log(JSON.stringify({ copies, runs }));
