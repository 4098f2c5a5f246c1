// For `npm run bench`: the growth table. Generates plain texts of 1, 5 and 20 MB made of the samples'
// items, texts of 1k and 10k short items and PDFs of 1, 100 and 1,000 pages (the samples' pages joined
// with pdfunite), converts each in its own process after a warm-up (scripts/bench/convert-one.mjs) and
// reports CPU per MB / per item / per page; the largest of a kind should cost within 1.3x of the
// smallest per unit. Also one end-to-end `referat convert --jobs 1` of the 20 MB text for peak memory.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const MB = 2 ** 20;

/** A plain text of about `bytes`: the heading of sample 001, then its items again and again, numbered on. */
function minutesText(samplesDir, bytes) {
  const sample = readFileSync(join(samplesDir, '001_7b1df9de962b88b2.txt'), 'utf8');
  const head = sample.slice(0, sample.indexOf('Indholdsfortegnelse'));
  const bodies = sample.slice(sample.indexOf('Punkt 1:')).split(/^Punkt \d+:/m).filter((b) => b.trim());
  const parts = [head];
  let size = head.length;
  for (let n = 1; size < bytes; n++) {
    const part = `Punkt ${n}:${bodies[(n - 1) % bodies.length]}`;
    parts.push(part);
    size += Buffer.byteLength(part);
  }
  return parts.join('');
}

/** A plain text of `count` short items, each with an amount, a date and a decision. */
function shortItems(count) {
  const parts = ['REFERAT Byrådet d. 26-04-2024\n\nMødedato Fredag d. 26. april 2024 kl. 12:30\n\nMødested Rådhuset\n\n'];
  for (let n = 1; n <= count; n++) {
    parts.push(`Punkt ${n}: Bevilling til projekt ${n}\n\nSagsfremstilling\n\nDer søges om ${n * 1000} kr. til projektet, der starter den ${(n % 28) + 1}. maj 2024.\n\nBeslutning\n\nGodkendt.\n\n`);
  }
  return parts.join('');
}

/** PDFs of 1, 100 and 1,000 pages: the text PDFs' pages (not the scanned one), in turn. */
function pdfs(samplesDir, work, counts) {
  const pagesDir = join(work, 'pages');
  mkdirSync(pagesDir, { recursive: true });
  for (const name of readdirSync(samplesDir).filter((n) => /\.pdf$/.test(n) && !/scanned/.test(n)).sort()) {
    spawnSync('pdfseparate', [join(samplesDir, name), join(pagesDir, `${name.slice(0, 3)}-%04d.pdf`)]);
  }
  const pages = readdirSync(pagesDir).sort().map((n) => join(pagesDir, n));
  return counts.map((count) => {
    const out = join(work, `pages-${count}.pdf`);
    const list = Array.from({ length: count }, (_, k) => pages[k % pages.length]);
    if (count === 1) writeFileSync(out, readFileSync(list[0]));
    else spawnSync('pdfunite', [...list, out]);
    return { count, file: out };
  });
}

export async function benchGrowth({ root, work, samplesDir, log, sizes = {} }) {
  const dir = join(work, 'growth');
  mkdirSync(dir, { recursive: true });
  const rows = [];
  const one = (kind, unit, amount, file, warmUp) => {
    const r = spawnSync(process.execPath, [join(root, 'scripts', 'bench', 'convert-one.mjs'), warmUp, file], { encoding: 'utf8', maxBuffer: 1e8 });
    if (r.status !== 0) {
      log(`    ${kind} ${amount} ${unit}: failed (exit ${r.status}): ${r.stderr.slice(0, 500)}`);
      return;
    }
    const m = JSON.parse(r.stdout.trim().split('\n').pop());
    rows.push({ kind, unit, amount, ...m, cpuMsPerUnit: m.cpuMs / amount });
    log(`    ${kind} ${amount} ${unit}: ${m.cpuMs} ms CPU, ${m.maxRssMb} MB peak`);
  };
  const warmText = join(samplesDir, '000_94bc2a59beba3b57.txt');
  const warmPdf = join(samplesDir, '000_94bc2a59beba3b57.pdf');
  for (const mb of sizes.mb ?? [1, 5, 20]) {
    const file = join(dir, `text-${mb}mb.txt`);
    writeFileSync(file, minutesText(samplesDir, mb * MB));
    one('plain text', 'MB', mb, file, warmText);
  }
  for (const count of sizes.items ?? [1000, 10000]) {
    const file = join(dir, `items-${count}.txt`);
    writeFileSync(file, shortItems(count));
    one('short items', 'items', count, file, warmText);
  }
  for (const { count, file } of pdfs(samplesDir, dir, sizes.pages ?? [1, 100, 1000])) one('PDF', 'pages', count, file, warmPdf);

  // One file end to end as a user runs it: the CLI's peak memory (all threads) for the largest text,
  // converted in the main thread (one file, no --jobs) and, for comparison, in a worker (--jobs 1).
  const largest = join(dir, `text-${Math.max(...(sizes.mb ?? [1, 5, 20]))}mb.txt`);
  const endToEnd = (jobs) => {
    const timed = spawnSync('/usr/bin/time', ['-f', '%e %U %S %M', process.execPath, join(root, 'bin', 'referat.js'), 'convert', largest, '--out', join(dir, 'out'), '--no-db', '--quiet', '--force', '--timeout', '0', ...(jobs ? ['--jobs', String(jobs)] : [])], { encoding: 'utf8' });
    const [wall, user, sys, rssKb] = (timed.stderr.trim().split('\n').pop() ?? '').split(' ').map(Number);
    return { file: largest, jobs: jobs ?? null, exit: timed.status, wallS: wall, cpuS: user + sys, maxRssMb: Math.round(rssKb / 1024) };
  };
  return { rows, endToEnd: endToEnd(null), endToEndWorker: endToEnd(1) };
}

/** The table and the figures against the goal (largest within 1.3x of the smallest per unit). */
export function growthReport({ rows, endToEnd, endToEndWorker }, log, fmt) {
  log('| input | size | CPU ms | CPU ms per unit | x smallest per unit | items found | peak RSS MB |');
  log('| --- | ---: | ---: | ---: | ---: | ---: | ---: |');
  const ratios = [];
  for (const kind of [...new Set(rows.map((r) => r.kind))]) {
    const of = rows.filter((r) => r.kind === kind);
    const smallest = of[0];
    for (const r of of) log(`| ${kind} | ${r.amount} ${r.unit} | ${r.cpuMs} | ${fmt(r.cpuMsPerUnit, 2)} per ${r.unit.replace(/s$/, '')} | ${fmt(r.cpuMsPerUnit / smallest.cpuMsPerUnit, 2)} | ${r.items} | ${r.maxRssMb} |`);
    const largest = of[of.length - 1];
    ratios.push([`growth, ${kind}: per ${largest.unit.replace(/s$/, '')} at ${largest.amount} / at ${smallest.amount}`, largest.cpuMsPerUnit / smallest.cpuMsPerUnit, '<= 1.3', (v) => v <= 1.3]);
  }
  log();
  for (const e of [endToEnd, endToEndWorker].filter(Boolean)) {
    log(`end to end, referat convert --no-db${e.jobs ? ` --jobs ${e.jobs} (in a worker)` : ' (one file: in the main thread)'} of ${e.file.split('/').pop()}: exit ${e.exit}, ${fmt(e.wallS)} s wall, ${fmt(e.cpuS)} s CPU, peak ${e.maxRssMb} MB`);
  }
  ratios.push([`peak memory, one 20 MB text, referat convert (MB)`, endToEnd.maxRssMb, '< 400', (v) => v < 400]);
  if (endToEndWorker) ratios.push([`  same, --jobs 1 (main thread and one worker, MB)`, endToEndWorker.maxRssMb, '(info)', null]);
  return ratios;
}
