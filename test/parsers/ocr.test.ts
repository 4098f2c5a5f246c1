/**
 * OCR of scanned PDF pages (parsers/ocr.ts, parsers/ocr-pages.ts, through readPdf and convertBuffer).
 * Fixtures (scripts/ocr-fixtures.mjs, from samples/000): mixed.pdf = pages 1-2 with a text layer and
 * page 3 a 200 dpi scan; text-page.pdf = page 1 with its text layer; low-resolution.pdf = page 1 as a
 * 60 dpi scan. Each test that runs Tesseract reads one page, and the mixed PDF is read once.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { Referat } from '../../schemas/referat.js';
import { convertBuffer } from '../../src/convert.js';
import { despeckle, ocrEngine, pageSkew, parseHocr, snapSizes } from '../../parsers/ocr.js';
import { pageList, resolveOcr, scannedPage } from '../../parsers/ocr-pages.js';
import { closePdfEngine, readPdf } from '../../parsers/pdf.js';
import type { ParsedText } from '../../parsers/types.js';
import { fixture, repoPath, sample } from './paths.js';

afterAll(() => closePdfEngine());

const engine = await ocrEngine();
const withTesseract = describe.skipIf(!engine.ok);
if (!engine.ok) console.warn(`OCR tests skipped: ${engine.reason} (install: apt-get install ${engine.packages.join(' ')})`);

const mixed = () => fixture('ocr/mixed.pdf');
let mixedAuto: Promise<ParsedText> | null = null;
const readMixed = () => (mixedAuto ??= readPdf(mixed()));
const pageText = (r: ParsedText, page: number) => r.text.slice(r.pageStarts![page - 1], r.pageStarts![page] ?? r.text.length);
const codes = (r: ParsedText) => r.diagnostics.map((d) => d.code);

/** Share of the words of `want` found in `got` (as a multiset), case and punctuation ignored. */
function wordRecall(want: string, got: string): number {
  const words = (s: string) => s.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter((w) => w.length > 1);
  const pool = new Map<string, number>();
  for (const w of words(got)) pool.set(w, (pool.get(w) ?? 0) + 1);
  const all = words(want);
  let hit = 0;
  for (const w of all) {
    const n = pool.get(w) ?? 0;
    if (n > 0) {
      hit++;
      pool.set(w, n - 1);
    }
  }
  return hit / all.length;
}

withTesseract('--ocr auto on a PDF with two text pages and one scanned page', () => {
  test('only the scanned page is read by OCR, and its words match the text layer it was made from', async () => {
    const r = await readMixed();
    expect(r.pages).toEqual([
      { page: 1, origin: 'text-layer', ocrConfidence: null },
      { page: 2, origin: 'text-layer', ocrConfidence: null },
      { page: 3, origin: 'ocr', ocrConfidence: expect.any(Number) },
    ]);
    expect(r.pages![2].ocrConfidence).toBeGreaterThan(85);
    const ocr = r.diagnostics.find((d) => d.code === 'ocr-pages')!;
    expect(ocr.message).toMatch(/^Side 3 er læst med OCR/);
    expect(codes(r)).not.toContain('ocr-low-confidence');
    expect(codes(r)).not.toContain('page-without-text');
    // the same page from the original PDF's text layer
    const original = await readPdf(sample('000_94bc2a59beba3b57.pdf'), { ocr: 'off' });
    expect(wordRecall(pageText(original, 3), pageText(r, 3))).toBeGreaterThan(0.97);
    // the running header and footer of the OCR page went with those of the text pages
    expect(pageText(r, 3)).not.toMatch(/Side 3 af 3/);
    // the OCR page's bullets are list items, as on the text layer
    expect(pageText(r, 3)).toMatch(/^- Projektperioden er kort/m);
  });

  test('values on the OCR page go through the pipeline with their page, and the source marks the page', async () => {
    const bytes = mixed();
    const ctx = await convertBuffer(bytes, 'mixed.pdf');
    const ref = Referat.parse(ctx.referat);
    expect(ref.source.pageInfo?.map((p) => p.origin)).toEqual(['text-layer', 'text-layer', 'ocr']);
    const onOcrPage = (page: number | null) => ref.source.pageInfo![(page ?? 0) - 1]?.origin === 'ocr';
    // "afsat 700.000 kr." and "den 26. juni 2023" stand only on page 3
    const amount = ref.amounts.find((a) => a.value === 700000 && a.span.page === 3);
    expect(amount && onOcrPage(amount.span.page)).toBe(true);
    expect(ref.dates.some((d) => d.date === '2023-06-26' && d.span.page === 3)).toBe(true);
    // the decision of item 1 is on the scanned page
    expect(ref.items[0].decision?.text).toMatch(/^Fagligt Strategisk niveau besluttede at sende projektbeskrivelsen tilbage/);
    expect(ref.items[0].decision?.span.page).toBe(3);
  });
});

withTesseract('--ocr off and force', () => {
  test('off: no OCR; the scanned page is reported as missing, naming the option', async () => {
    const r = await readPdf(mixed(), { ocr: 'off' });
    expect(r.pages!.map((p) => p.origin)).toEqual(['text-layer', 'text-layer', 'none']);
    expect(codes(r)).not.toContain('ocr-pages');
    const d = r.diagnostics.find((x) => x.code === 'page-without-text')!;
    expect(d).toMatchObject({ severity: 'warning' });
    expect(d.message).toMatch(/Side 3 .*--ocr off/);
  });

  test('force: a page with a text layer is read by OCR instead, with the same words', async () => {
    const layer = await readPdf(fixture('ocr/text-page.pdf'), { ocr: 'auto' });
    expect(layer.pages).toEqual([{ page: 1, origin: 'text-layer', ocrConfidence: null }]);
    const forced = await readPdf(fixture('ocr/text-page.pdf'), { ocr: 'force' });
    expect(forced.pages![0]).toMatchObject({ page: 1, origin: 'ocr' });
    expect(wordRecall(layer.text, forced.text)).toBeGreaterThan(0.95);
    expect(forced.text).toMatch(/Mødedato Torsdag d\. 25\. maj 2023 kl\. 17:15/);
  });
});

withTesseract('OCR problems: low confidence, time limit', () => {
  test('a 60 dpi scan is read with low confidence: a warning names the page', async () => {
    const r = await readPdf(fixture('ocr/low-resolution.pdf'));
    const conf = r.pages![0].ocrConfidence!;
    expect(r.pages![0].origin).toBe('ocr');
    expect(conf).toBeLessThan(80);
    const warn = r.diagnostics.find((d) => d.code === 'ocr-low-confidence')!;
    expect(warn.severity).toBe('warning');
    expect(warn.message).toContain(`Side 1 er OCR-læst med lav sikkerhed: middel ordsikkerhed ${Math.round(conf)} %`);
    // a lower threshold accepts the same page
    const lenient = await readPdf(fixture('ocr/low-resolution.pdf'), { ocr: { minConfidence: Math.floor(conf) - 1 } });
    expect(codes(lenient)).not.toContain('ocr-low-confidence');
  });

  test('a page past its time limit is skipped with a warning; the text pages are still read', async () => {
    const t0 = performance.now();
    const r = await readPdf(mixed(), { ocr: { mode: 'auto', pageTimeoutMs: 50 } });
    expect(performance.now() - t0).toBeLessThan(5000);
    expect(r.pages!.map((p) => p.origin)).toEqual(['text-layer', 'text-layer', 'none']);
    const d = r.diagnostics.find((x) => x.code === 'ocr-timeout')!;
    expect(d.severity).toBe('warning');
    expect(d.message).toMatch(/^Side 3 blev ikke OCR-læst inden for tidsgrænsen/);
    expect(r.text).toContain('Mødedato Torsdag d. 25. maj 2023');
  });

  test("the read's own time limit stops OCR too", async () => {
    // pdf.js reads the three pages well within 1.5 s; OCR of the scanned page does not fit in what is left
    const r = await readPdf(mixed(), { timeoutMs: 1500 });
    expect(codes(r)).toContain('ocr-timeout');
    expect(r.diagnostics.find((x) => x.code === 'ocr-timeout')!.message).toContain('filens tidsgrænse');
  });
});

describe('OCR without the engine', () => {
  test('a missing tesseract gives a diagnostic naming the packages; the text pages are still converted', async () => {
    const r = await readPdf(mixed(), { ocr: { tesseract: '/nonexistent/bin/tesseract' } });
    const d = r.diagnostics.find((x) => x.code === 'ocr-unavailable')!;
    expect(d.severity).toBe('warning');
    expect(d.message).toContain('Side 3 skulle OCR-læses');
    expect(d.message).toContain('apt-get install tesseract-ocr tesseract-ocr-dan');
    expect(r.pages!.map((p) => p.origin)).toEqual(['text-layer', 'text-layer', 'none']);
    expect(r.text).toContain('Mødedato Torsdag d. 25. maj 2023');
  });

  test('an image-only PDF without the engine: an error, and also what to install', async () => {
    const r = await readPdf(sample('000_94bc2a59beba3b57.scanned.pdf'), { ocr: { tesseract: '/nonexistent/bin/tesseract', pdftoppm: '/nonexistent/bin/pdftoppm' } });
    expect(r.text).toBe('');
    expect(r.diagnostics.find((x) => x.code === 'ocr-unavailable')).toMatchObject({ severity: 'error' });
    expect(r.diagnostics.find((x) => x.code === 'ocr-unavailable')!.message).toContain('tesseract-ocr tesseract-ocr-dan poppler-utils');
    expect(codes(r)).toContain('no-text-layer');
  });

  test('the CLI with neither tesseract nor pdftoppm on PATH: one line on stderr, the output written, exit 0', () => {
    const out = mkdtempSync(join(tmpdir(), 'referat-ocr-missing-'));
    try {
      const r = spawnSync(process.execPath, [repoPath('bin/referat.js'), 'convert', repoPath('test/fixtures/ocr/mixed.pdf'), '--out', out, '--no-db', '--jobs', '1'], {
        encoding: 'utf8',
        env: { ...process.env, PATH: '/nonexistent' },
      });
      expect(r.status).toBe(0);
      expect(r.stderr).toMatch(/mixed\.pdf: Side 3 skulle OCR-læses.*Installer: apt-get install tesseract-ocr tesseract-ocr-dan poppler-utils/);
      const json = JSON.parse(readFileSync(join(out, 'mixed.pdf.json'), 'utf8'));
      expect(json.source.pageInfo.map((p: { origin: string }) => p.origin)).toEqual(['text-layer', 'text-layer', 'none']);
      expect(json.items.length).toBe(1);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });

  test('an unknown mode is refused', () => {
    expect(() => resolveOcr('sometimes' as never)).toThrow(/unknown OCR mode "sometimes"/);
    expect(resolveOcr(undefined).mode).toBe('auto');
  });
});

describe('hOCR, skew and sizes (no engine needed)', () => {
  const hocr = `<div class='ocr_page' id='page_1' title='image "stdin"; bbox 0 0 2000 3000; ppageno 0; scan_res 300 300'>
    <span class='ocr_line' id='line_1_1' title="bbox 100 200 1900 240; baseline 0.01 -8; x_size 40; x_descenders 8; x_ascenders 10">
      <span class='ocrx_word' id='w1' title='bbox 100 200 116 214; x_wconf 40'>e</span>
      <span class='ocrx_word' id='w2' title='bbox 160 200 400 240; x_wconf 95'>Bel&#248;bet</span>
      <span class='ocrx_word' id='w3' title='bbox 420 200 700 240; x_wconf 91'><strong>3,9&amp;mio.</strong></span>
    </span>
    <span class='ocr_header' id='line_1_2' title="bbox 100 300 1900 340; baseline 0.01 -8; x_size 41">
      <span class='ocrx_word' id='w4' title='bbox 100 300 900 340; x_wconf 90'>Overskrift</span>
      <span class='ocrx_word' id='w5' title='bbox 950 300 1200 340; x_wconf 90'>her</span>
      <span class='ocrx_word' id='w6' title='bbox 1250 300 1900 340; x_wconf 90'>igen</span>
    </span>
    <span class='ocr_line' id='line_1_3' title="bbox 100 400 1900 440; baseline 0.01 -8; x_size 40">
      <span class='ocrx_word' id='w7' title='bbox 100 400 900 440; x_wconf 90'>a</span>
      <span class='ocrx_word' id='w8' title='bbox 950 400 1200 440; x_wconf 90'>b</span>
      <span class='ocrx_word' id='w9' title='bbox 1250 400 1900 440; x_wconf 90'>c</span>
    </span>
  </div>`;

  test('lines of every kind with their words, entities and inner tags decoded', () => {
    const h = parseHocr(hocr);
    expect(h).toMatchObject({ width: 2000, height: 3000 });
    expect(h.lines.map((l) => l.words.map((w) => w.text).join(' '))).toEqual(['e Beløbet 3,9&mio.', 'Overskrift her igen', 'a b c']);
    expect(h.lines[0]).toMatchObject({ slope: 0.01, offset: -8, size: 40 });
    expect(h.lines[0].words[0]).toMatchObject({ x0: 100, y0: 200, x1: 116, y1: 214, conf: 40 });
    expect(pageSkew(h)).toBe(0.01);
  });

  test('sizes within 8 % of each other become one size; others stay apart; a short line takes the nearest size', () => {
    const line = (size: number, str = 'Sagsfremstilling') => [{ str, x: 0, y: 0, width: 1, size }];
    const pages = [
      [line(10.1), line(9.8), line(10.0), line(7.6, '12'), line(14.2), line(10.9, '12'), line(8.6, 'Side 1 af 17')],
      [line(5, '3'), line(9.9), line(14.0)],
    ];
    snapSizes(pages);
    // each "12" takes the size of the line before it (10 and 14.2), not the nearest size (8.6, 10);
    // "3" (5) has no line before it and is near no size: it keeps its own
    expect(pages.flat().map((l) => l[0].size)).toEqual([10, 10, 10, 10, 14.2, 14.2, 8.6, 5, 10, 14.2]);
  });

  test('a page is a scan only with hardly any text and an image over a large part of it', async () => {
    const OPS = { save: 10, restore: 11, transform: 12, paintFormXObjectBegin: 74, paintFormXObjectEnd: 75, paintImageXObject: 85, paintInlineImageXObject: 86, paintImageMaskXObject: 83, paintImageXObjectRepeat: 88 };
    const A4 = 595 * 842;
    const fullPage = async () => ({ fnArray: [10, 12, 85, 11], argsArray: [null, [595, 0, 0, 842, 0, 0], ['img'], null] });
    const logo = async () => ({ fnArray: [10, 12, 85, 11], argsArray: [null, [100, 0, 0, 50, 0, 700], ['img'], null] });
    // a form XObject scaled down by half around a full-page image: a quarter of the page
    const inForm = async () => ({ fnArray: [74, 12, 85, 75], argsArray: [[new Float32Array([0.5, 0, 0, 0.5, 0, 0]), null], [595, 0, 0, 842, 0, 0], ['img'], null] });
    const fullInForm = async () => ({ fnArray: [74, 12, 85, 75], argsArray: [[new Float32Array([1, 0, 0, 1, 0, 0]), null], [595, 0, 0, 842, 0, 0], ['img'], null] });
    const item = (str: string) => ({ str, x: 0, y: 0, width: 10, size: 10 });
    expect(await scannedPage([], fullPage, OPS, A4)).toBe(true);
    expect(await scannedPage([item('Side 3 af 3')], fullPage, OPS, A4)).toBe(true);
    expect(await scannedPage([item('Det indstilles, at udvalget godkender budgettet for 2024')], fullPage, OPS, A4)).toBe(false);
    expect(await scannedPage([], logo, OPS, A4)).toBe(false);
    expect(await scannedPage([], inForm, OPS, A4)).toBe(false);
    expect(await scannedPage([], fullInForm, OPS, A4)).toBe(true);
  });

  test('a noisy scan is cleaned before OCR (specks gone, paper white, text kept); a clean one is left alone', () => {
    const w = 400;
    const h = 300;
    const pgm = (fill: (x: number, y: number) => number) => {
      const px = Buffer.alloc(w * h);
      for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) px[y * w + x] = fill(x, y);
      return Buffer.concat([Buffer.from(`P5\n${w} ${h}\n255\n`), px]);
    };
    // a thick bar (text) on grey paper (230), with or without a speck every 37 pixels
    const bar = (x: number, y: number) => y >= 100 && y < 110 && x >= 50 && x < 350;
    const clean = pgm((x, y) => (bar(x, y) ? 20 : 230));
    expect(despeckle(clean)).toBeNull();
    const noisy = pgm((x, y) => (bar(x, y) ? 20 : (x * 7 + y * 13) % 37 === 0 ? 60 : 230));
    const r = despeckle(noisy)!;
    expect(r.isolatedPerMPixel).toBeGreaterThan(1000);
    const at = (x: number, y: number) => r.image[r.image.length - w * h + y * w + x];
    expect(at(200, 105)).toBe(20); // the bar stays
    let dark = 0;
    for (let y = 1; y < h - 1; y++) for (let x = 1; x < w - 1; x++) if (!bar(x, y) && at(x, y) < 255) dark++;
    expect(dark).toBe(0); // no speck left, the paper is white
    expect(despeckle(Buffer.from('P6\n2 2\n255\n............'))).toBeNull();
  });

  test('page lists for messages', () => {
    expect(pageList([3])).toBe('3');
    expect(pageList([5, 1, 2, 3])).toBe('1-3, 5');
  });
});
