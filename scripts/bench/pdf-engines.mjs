#!/usr/bin/env node
// For `npm run bench` and the README's engine decision (issue 18, section 3): the project's PDF reader
// (pdf.js, in this process, warm) against `pdftotext -bbox-layout` (poppler, one process per file) on
// the PDFs given: CPU per page, and how far the words they extract agree, page by page (the reader's
// layout clean-up -- running headers, hyphenation -- counts as disagreement, so 100 % is not expected).
// Prints one JSON line: { pages, pdfjsCpuMsPerPage, pdftotextCpuMsPerPage, wordAgreement, samePages }.
//
//   node scripts/bench/pdf-engines.mjs a.pdf b.pdf ...
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const { readPdf, setPdfIsolation } = await import(join(root, 'dist', 'parsers', 'pdf.js'));
setPdfIsolation('inline'); // the batch workers' mode: the CPU is this thread's
const files = process.argv.slice(2).map((f) => resolve(f));
const rounds = 3;

const words = (s) => s.split(/\s+/).filter(Boolean);
/** Words in common (as multisets) over the larger count. */
function agreement(a, b) {
  const count = new Map();
  for (const w of a) count.set(w, (count.get(w) ?? 0) + 1);
  let common = 0;
  for (const w of b) {
    const n = count.get(w) ?? 0;
    if (n > 0) {
      common++;
      count.set(w, n - 1);
    }
  }
  return { common, of: Math.max(a.length, b.length) };
}
const unescape = (s) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&#39;/g, "'").replace(/&amp;/g, '&');

await readPdf(readFileSync(files[0]), { ocr: 'off', timeoutMs: 0 }); // warm-up: engine loaded, code compiled
let pages = 0;
let pdfjsCpu = 0;
let popplerCpu = 0;
let common = 0;
let of = 0;
let samePages = 0;
for (const file of files) {
  const bytes = readFileSync(file);
  let parsed;
  const cpu = process.cpuUsage();
  for (let r = 0; r < rounds; r++) parsed = await readPdf(bytes, { ocr: 'off', timeoutMs: 0 });
  const used = process.cpuUsage(cpu);
  pdfjsCpu += (used.user + used.system) / 1000 / rounds;

  let xhtml = '';
  for (let r = 0; r < rounds; r++) {
    const t = spawnSync('/usr/bin/time', ['-f', '%U %S', 'pdftotext', '-q', '-bbox-layout', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8', maxBuffer: 1e9 });
    const [user, sys] = t.stderr.trim().split('\n').pop().split(' ').map(Number);
    popplerCpu += ((user + sys) * 1000) / rounds;
    xhtml = t.stdout;
  }
  const popplerPages = xhtml.split(/<page\b/).slice(1).map((p) => [...p.matchAll(/<word[^>]*>([^<]*)<\/word>/g)].map((m) => unescape(m[1])));
  const starts = parsed.pageStarts;
  const ours = starts.map((s, i) => words(parsed.text.slice(s, i + 1 < starts.length ? starts[i + 1] : parsed.text.length)));
  pages += ours.length;
  ours.forEach((w, i) => {
    const a = agreement(w, popplerPages[i] ?? []);
    common += a.common;
    of += a.of;
    if (w.join(' ') === (popplerPages[i] ?? []).join(' ')) samePages++;
  });
}
process.stdout.write(
  JSON.stringify({
    files: files.length,
    pages,
    pdfjsCpuMsPerPage: +(pdfjsCpu / pages).toFixed(2),
    pdftotextCpuMsPerPage: +(popplerCpu / pages).toFixed(2),
    wordAgreement: +(common / Math.max(1, of)).toFixed(4),
    samePages,
  }) + '\n',
);
