#!/usr/bin/env node
// Builds the OCR test fixtures in test/fixtures/ocr/ from samples/000_94bc2a59beba3b57.pdf (3 pages):
//   mixed.pdf           pages 1-2 with their text layer, page 3 a scan (200 dpi image, no text layer)
//   text-page.pdf       page 1 alone, text layer (for --ocr force)
//   low-resolution.pdf  page 1 as a 60 dpi scan turned by 0.8 degrees: OCR reads it with low confidence
// Needs poppler-utils (pdftoppm, pdfseparate, pdfunite).   node scripts/ocr-fixtures.mjs
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { random, renderPages, skewAndNoise, writeImagePdf } from './scan-images.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const source = join(root, 'samples', '000_94bc2a59beba3b57.pdf');
const out = join(root, 'test', 'fixtures', 'ocr');
const tmp = mkdtempSync(join(tmpdir(), 'referat-ocr-fixtures-'));
mkdirSync(out, { recursive: true });
const run = (cmd, ...a) => {
  const r = spawnSync(cmd, a, { stdio: 'inherit' });
  if (r.status !== 0) throw new Error(`${cmd} failed`);
};

run('pdfseparate', source, join(tmp, 'page-%d.pdf'));
writeImagePdf(join(tmp, 'scan-3.pdf'), renderPages(source, 200, join(tmp, 'r3'), [3, 3]), 200);
run('pdfunite', join(tmp, 'page-1.pdf'), join(tmp, 'page-2.pdf'), join(tmp, 'scan-3.pdf'), join(out, 'mixed.pdf'));
run('cp', join(tmp, 'page-1.pdf'), join(out, 'text-page.pdf'));
const low = renderPages(source, 60, join(tmp, 'r1'), [1, 1]).map((img) => skewAndNoise(img, 0.8, random(7), { noise: 0, specks: 0, contrast: 1 }));
writeImagePdf(join(out, 'low-resolution.pdf'), low, 60);
rmSync(tmp, { recursive: true, force: true });
console.log(`wrote ${out}/mixed.pdf, text-page.pdf, low-resolution.pdf`);
