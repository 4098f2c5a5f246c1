#!/usr/bin/env node
// Reference for `npm run bench`: the PDFs listed in argv[2] (one path a line) through pdf-parse alone
// (raw text, no pipeline), in this one process, with one pdf.js worker reused for every document.
// Prints one JSON line: documents, pages, times (ms) and peak memory.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';

const t0 = performance.now();
const { PDFParse } = await import('pdf-parse');
// pdf-parse's own pdf.js, as the reader (parsers/pdf.ts) loads it
const fromPdfParse = createRequire(createRequire(import.meta.url).resolve('pdf-parse'));
const pdfjs = await import(pathToFileURL(fromPdfParse.resolve('pdfjs-dist/legacy/build/pdf.mjs')).href);
const worker = new pdfjs.PDFWorker({ verbosity: pdfjs.VerbosityLevel.ERRORS });
await worker.promise;
const files = readFileSync(process.argv[2], 'utf8').split('\n').filter(Boolean);
const loaded = performance.now();
let pages = 0;
let chars = 0;
let failed = 0;
for (const file of files) {
  const parser = new PDFParse({ data: new Uint8Array(readFileSync(file)), worker });
  try {
    const result = await parser.getText();
    pages += result.total;
    chars += result.text.length;
  } catch {
    failed++;
  } finally {
    await parser.destroy();
  }
}
const end = performance.now();
worker.destroy();
console.log(
  JSON.stringify({
    documents: files.length,
    failed,
    pages,
    chars,
    setupMs: Math.round(loaded - t0),
    loopMs: Math.round(end - loaded),
    totalMs: Math.round(end - t0),
    maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
  }),
);
