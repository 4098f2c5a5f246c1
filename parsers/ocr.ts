/**
 * OCR of PDF pages: poppler's `pdftoppm` renders a page to a grey image, Tesseract (Debian packages
 * tesseract-ocr + tesseract-ocr-dan) reads it in Danish, and its hOCR output (words with boxes,
 * baselines and confidences) becomes positioned text items in PDF points, so the OCR page goes through
 * the same layout clean-up as a page with a text layer (parsers/pdf-layout.ts).
 *
 * Both tools run as child processes: the native Tesseract is several times faster than a WebAssembly
 * build, and a process can be killed when a page passes the time limit. Nothing here is loaded or
 * started unless a page needs OCR.
 */
import { spawn } from 'node:child_process';
import type { PdfItem } from './pdf-layout.js';

/** auto: OCR pages without a usable text layer; off: never; force: every page, ignoring the text layer. */
export type OcrMode = 'auto' | 'off' | 'force';
export const OCR_MODES: readonly OcrMode[] = ['auto', 'off', 'force'];

export interface OcrOptions {
  mode?: OcrMode;
  /** rendering resolution (dpi) */
  dpi?: number;
  /** a page whose mean word confidence (0-100) is below this gets a warning */
  minConfidence?: number;
  /** give up on a page after this long (ms; default: only the read's own time limit applies) */
  pageTimeoutMs?: number;
  /** Tesseract language(s), e.g. "dan" or "dan+eng" */
  language?: string;
  /** the programs (default: found on PATH; REFERAT_TESSERACT / REFERAT_PDFTOPPM override) */
  tesseract?: string;
  pdftoppm?: string;
}

/**
 * 300 dpi: on the field documents rendered at 200 and 300 dpi, reading at 300 dpi gave fewer
 * misread digits and words than 200 dpi at about 1.3 x the time (scripts/ocr-renderings.mjs; README, "Scanned PDFs").
 */
export const OCR_DEFAULTS = Object.freeze({ mode: 'auto' as OcrMode, dpi: 300, minConfidence: 80, language: 'dan' });

/** The rendering resolution: the option, else REFERAT_OCR_DPI (for measuring), else the default. */
export function ocrDpi(options: OcrOptions): number {
  const env = Number(process.env.REFERAT_OCR_DPI);
  return options.dpi ?? (Number.isInteger(env) && env >= 50 && env <= 1200 ? env : OCR_DEFAULTS.dpi);
}

/** What to install when OCR cannot run (Debian/Ubuntu package names). */
export const OCR_PACKAGES = ['tesseract-ocr', 'tesseract-ocr-dan', 'poppler-utils'] as const;

export type EngineStatus =
  | { ok: true; version: string }
  | { ok: false; reason: string; packages: string[] };

export class OcrError extends Error {
  constructor(
    message: string,
    readonly code: 'missing' | 'timeout' | 'failed',
  ) {
    super(message);
    this.name = 'OcrError';
  }
}

const binaries = (o: OcrOptions) => ({
  tesseract: o.tesseract ?? process.env.REFERAT_TESSERACT ?? 'tesseract',
  pdftoppm: o.pdftoppm ?? process.env.REFERAT_PDFTOPPM ?? 'pdftoppm',
});

/**
 * Tesseract's OpenMP threads make it slower, not faster, on a small machine (a 300 dpi page: 18 s with
 * the default threads against 4 s with one on 2 cores, the rest spent spinning); parallelism comes from
 * the batch's jobs instead.
 */
const CHILD_ENV = { ...process.env, OMP_THREAD_LIMIT: '1' };

const STDERR_KEEP = 4096;

/** Runs a program with `input` on stdin; resolves with stdout. Kills it after `timeoutMs` (0 = no limit). */
function run(cmd: string, args: string[], input: Uint8Array | null, timeoutMs: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { env: CHILD_ENV, stdio: [input ? 'pipe' : 'ignore', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    let err = '';
    let timedOut = false;
    const timer =
      timeoutMs > 0
        ? setTimeout(() => {
            timedOut = true;
            child.kill('SIGKILL');
          }, timeoutMs)
        : null;
    child.stdout!.on('data', (b: Buffer) => out.push(b));
    child.stderr!.on('data', (b: Buffer) => {
      if (err.length < STDERR_KEEP) err += b.toString('utf8');
    });
    child.on('error', (e: NodeJS.ErrnoException) => {
      if (timer) clearTimeout(timer);
      reject(e.code === 'ENOENT' ? new OcrError(`${cmd} not found`, 'missing') : new OcrError(`${cmd}: ${e.message}`, 'failed'));
    });
    child.on('close', (code, signal) => {
      if (timer) clearTimeout(timer);
      if (timedOut) return reject(new OcrError(`${cmd} was stopped at the time limit`, 'timeout'));
      if (code !== 0) {
        const why = err.split('\n').map((l) => l.trim()).filter(Boolean).slice(-1)[0] ?? (signal ? `killed by ${signal}` : `exit code ${code}`);
        return reject(new OcrError(`${cmd}: ${why.slice(0, 160)}`, 'failed'));
      }
      resolve(Buffer.concat(out));
    });
    if (input) {
      // a program that exits early (bad input) closes its stdin: not an error of ours
      child.stdin!.on('error', () => undefined);
      child.stdin!.end(input);
    }
  });
}

const engines = new Map<string, Promise<EngineStatus>>();

/** Whether OCR can run here (checked once per pair of programs and language). */
export function ocrEngine(options: OcrOptions = {}): Promise<EngineStatus> {
  const bins = binaries(options);
  const language = options.language ?? OCR_DEFAULTS.language;
  const key = `${bins.tesseract}\0${bins.pdftoppm}\0${language}`;
  let p = engines.get(key);
  if (!p) {
    p = probeEngine(bins, language);
    engines.set(key, p);
  }
  return p;
}

async function probeEngine(bins: { tesseract: string; pdftoppm: string }, language: string): Promise<EngineStatus> {
  const problems: string[] = [];
  const packages = new Set<string>();
  let version = '';
  try {
    version = (await run(bins.tesseract, ['--version'], null, 10_000)).toString('utf8').split('\n')[0].trim();
    const langs = (await run(bins.tesseract, ['--list-langs'], null, 10_000)).toString('utf8').split('\n').map((l) => l.trim());
    const absent = language.split('+').filter((l) => !langs.includes(l));
    if (absent.length > 0) {
      problems.push(`Tesseract mangler sprogdata for ${absent.join(', ')}`);
      for (const l of absent) packages.add(`tesseract-ocr-${l}`);
    }
  } catch (e) {
    problems.push(e instanceof OcrError && e.code === 'missing' ? `${bins.tesseract} findes ikke` : (e as Error).message);
    packages.add('tesseract-ocr');
    for (const l of language.split('+')) packages.add(`tesseract-ocr-${l}`);
  }
  try {
    await run(bins.pdftoppm, ['-v'], null, 10_000);
  } catch (e) {
    problems.push(e instanceof OcrError && e.code === 'missing' ? `${bins.pdftoppm} findes ikke` : (e as Error).message);
    packages.add('poppler-utils');
  }
  if (problems.length > 0) return { ok: false, reason: problems.join('; '), packages: [...packages] };
  return { ok: true, version: version || 'tesseract' };
}

/** One page read by OCR: text items in PDF points (top-down), ready for assembleLines(). */
export interface OcrPage {
  items: PdfItem[];
  /** the same items, by OCR line */
  lines: PdfItem[][];
  /** mean word confidence, 0-100 (null: no words found) */
  confidence: number | null;
  words: number;
  /** skew the text was straightened by (degrees, positive = clockwise in the image) */
  skewDeg: number;
  /** the scan was noisy and cleaned before OCR */
  despeckled: boolean;
  ms: number;
}

export interface OcrPageRequest {
  /** the whole PDF file */
  pdf: Uint8Array;
  /** 1-based page number */
  page: number;
  /** the page's size in PDF points (as pdf.js reports it, rotation applied) */
  width: number;
  height: number;
  /** give up after this long (ms; 0 = no limit) */
  timeoutMs: number;
}

/** Renders and reads one page. Throws OcrError (missing program, timeout, failure). */
export async function ocrPdfPage(req: OcrPageRequest, options: OcrOptions = {}): Promise<OcrPage> {
  const t0 = performance.now();
  const bins = binaries(options);
  const dpi = ocrDpi(options);
  const language = options.language ?? OCR_DEFAULTS.language;
  const left = () => (req.timeoutMs > 0 ? Math.max(1, req.timeoutMs - (performance.now() - t0)) : 0);
  // PGM on stdout (no output name), not PNG: the same pixels without 0.5-0.7 s of PNG compression per page
  const image = await run(bins.pdftoppm, ['-r', String(dpi), '-f', String(req.page), '-l', String(req.page), '-singlefile', '-gray', '-'], req.pdf, left());
  if (image.length === 0) throw new OcrError(`pdftoppm rendered nothing for page ${req.page}`, 'failed');
  const cleaned = despeckle(image);
  const hocr = (await run(bins.tesseract, ['stdin', 'stdout', '-l', language, '--dpi', String(dpi), '--psm', '3', 'hocr'], cleaned?.image ?? image, left())).toString('utf8');
  const parsed = parseHocr(hocr);
  // hOCR is in image pixels; the page may not be exactly dpi-sized (rounding), so scale by the real ratio
  const sx = parsed.width > 0 ? req.width / parsed.width : 72 / dpi;
  const sy = parsed.height > 0 ? req.height / parsed.height : 72 / dpi;
  return { ...toItems(parsed, sx, sy), despeckled: cleaned !== null, ms: Math.round(performance.now() - t0) };
}

// ---------------------------------------------------------------------------------------------
// noisy scans

/** Isolated dark pixels per million above which a page counts as noisy (a clean rendering has a handful). */
const NOISY_PER_MPIXEL = 50;

/**
 * Cleans a noisy scan (dust, toner specks, grain) before OCR: a 3x3 median filter, then the paper made
 * white. Tesseract reads specks as punctuation and words ("; : i er"), which break lines into table
 * cells and hide running headers, and on a sparse page it may take the noise for a photo and read
 * nothing. Only pages with many isolated dark pixels are touched. `pgm`: 8-bit grey P5 (pdftoppm -gray);
 * returns null when the page is clean or the image is not a plain PGM.
 */
export function despeckle(pgm: Buffer): { image: Buffer; isolatedPerMPixel: number } | null {
  const m = /^P5\s+(\d+)\s+(\d+)\s+255\s/.exec(pgm.subarray(0, 40).toString('latin1'));
  if (!m) return null;
  const w = +m[1];
  const h = +m[2];
  const off = m[0].length;
  if (pgm.length < off + w * h || w < 3 || h < 3) return null;
  const px = pgm.subarray(off, off + w * h);
  const hist = new Uint32Array(256);
  let isolated = 0;
  for (let y = 1; y < h - 1; y++) {
    for (let x = 1, i = y * w + 1; x < w - 1; x++, i++) {
      hist[px[i]]++;
      if (px[i] < 128 && px[i - 1] >= 128 && px[i + 1] >= 128 && px[i - w] >= 128 && px[i + w] >= 128) isolated++;
    }
  }
  const perM = (isolated / (w * h)) * 1e6;
  if (perM < NOISY_PER_MPIXEL) return null;
  // the paper's grey: the most frequent light value; what is within 20 % of it becomes white
  let paper = 128;
  for (let v = 129; v < 256; v++) if (hist[v] > hist[paper]) paper = v;
  const white = Math.round(paper * 0.8);
  const out = Buffer.from(pgm);
  const dst = out.subarray(off);
  const v = new Uint8Array(9);
  for (let y = 1; y < h - 1; y++) {
    for (let x = 1; x < w - 1; x++) {
      const i = y * w + x;
      v[0] = px[i - w - 1];
      v[1] = px[i - w];
      v[2] = px[i - w + 1];
      v[3] = px[i - 1];
      v[4] = px[i];
      v[5] = px[i + 1];
      v[6] = px[i + w - 1];
      v[7] = px[i + w];
      v[8] = px[i + w + 1];
      v.sort();
      dst[i] = v[4] >= white ? 255 : v[4];
    }
  }
  return { image: out, isolatedPerMPixel: Math.round(perM) };
}

// ---------------------------------------------------------------------------------------------
// hOCR

export interface HocrWord {
  text: string;
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  conf: number;
}

export interface HocrLine {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  /** baseline: y = y1 + offset + slope * (x - x0) */
  slope: number;
  offset: number;
  /** Tesseract's text height of the line (ascender to descender), pixels */
  size: number;
  words: HocrWord[];
}

export interface Hocr {
  width: number;
  height: number;
  lines: HocrLine[];
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
function decode(s: string): string {
  return s
    .replace(/<[^>]*>/g, '') // <strong>, <em> around a word
    .replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (m, e: string) =>
      e[0] === '#' ? String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10)) : (ENTITIES[e] ?? m),
    );
}

const num = (title: string, key: string): number[] | null => {
  const m = new RegExp(`(?:^|;)\\s*${key}\\s+([-\\d.\\s]+)`).exec(title);
  return m ? m[1].trim().split(/\s+/).map(Number) : null;
};

/** Reads Tesseract's hOCR: the page size, and lines (ocr_line, ocr_header, ocr_caption, ocr_textfloat) with their words. */
export function parseHocr(hocr: string): Hocr {
  // titles are quoted with ' or " and hold the other quote (title='image "stdin"; bbox 0 0 2480 3508')
  const page = /class=['"]ocr_page['"][^>]*title=(?:'([^']*)'|"([^"]*)")/.exec(hocr);
  const pb = page ? num(page[1] ?? page[2], 'bbox') : null;
  const lines: HocrLine[] = [];
  const tag = /<span class=['"](ocr_line|ocr_header|ocr_caption|ocr_textfloat|ocrx_word)['"][^>]*title=(?:'([^']*)'|"([^"]*)")[^>]*>/g;
  let cur: HocrLine | null = null;
  for (let m = tag.exec(hocr); m; m = tag.exec(hocr)) {
    const cls = m[1];
    const title = m[2] ?? m[3];
    const bbox = num(title, 'bbox');
    if (!bbox || bbox.length < 4) continue;
    if (cls !== 'ocrx_word') {
      const base = num(title, 'baseline') ?? [0, 0];
      cur = { x0: bbox[0], y0: bbox[1], x1: bbox[2], y1: bbox[3], slope: base[0] ?? 0, offset: base[1] ?? 0, size: num(title, 'x_size')?.[0] ?? bbox[3] - bbox[1], words: [] };
      lines.push(cur);
      continue;
    }
    const end = hocr.indexOf('</span>', tag.lastIndex);
    const text = decode(hocr.slice(tag.lastIndex, end < 0 ? undefined : end)).trim();
    if (!cur || text === '') continue;
    cur.words.push({ text, x0: bbox[0], y0: bbox[1], x1: bbox[2], y1: bbox[3], conf: num(title, 'x_wconf')?.[0] ?? 0 });
  }
  return { width: pb ? pb[2] - pb[0] : 0, height: pb ? pb[3] - pb[1] : 0, lines: lines.filter((l) => l.words.length > 0) };
}

/**
 * The page's skew: the median baseline slope of its longer lines (Tesseract finds the lines of a
 * slightly skewed scan but reports them in the image's own, tilted, coordinates).
 */
export function pageSkew(hocr: Hocr): number {
  const slopes = hocr.lines.filter((l) => l.x1 - l.x0 > hocr.width * 0.25 && l.words.length >= 3).map((l) => l.slope).sort((a, b) => a - b);
  if (slopes.length < 3) return 0;
  return slopes[Math.floor(slopes.length / 2)];
}

/**
 * A list bullet: Tesseract reads "•" and "–" as letters or signs ("e", "et", "«+", "-…"), but their ink is
 * small (a dot, or a short thin bar) and stands apart from the next word. Letters are taller than
 * 0.45 of the line's text height (x-height and up); digits and letters that stand for an item marker
 * ("1.", "a)") are left alone.
 */
function isListMarker(w: HocrWord, line: HocrLine): boolean {
  if (/^[\p{N}]|^[\p{L}][.)]$/u.test(w.text)) return false;
  const h = w.y1 - w.y0;
  const width = w.x1 - w.x0;
  const next = line.words[1];
  return h <= 0.45 * line.size && width <= 0.7 * line.size && next.x0 - w.x1 >= 0.4 * line.size;
}

/**
 * Words as text items in points: each word at its line's baseline, straightened by the page's skew
 * (rotated back about the page centre) so that lines of one paragraph start at the same x again, which
 * is what re-joining wrapped lines and removing running headers rely on.
 */
function toItems(hocr: Hocr, sx: number, sy: number): Omit<OcrPage, 'ms' | 'despeckled'> {
  const slope = pageSkew(hocr);
  const theta = Math.atan(slope);
  const cos = Math.cos(theta);
  const sin = Math.sin(theta);
  const cx = hocr.width / 2;
  const cy = hocr.height / 2;
  const level = (x: number, y: number): [number, number] => [cx + (x - cx) * cos + (y - cy) * sin, cy - (x - cx) * sin + (y - cy) * cos];
  const lines: PdfItem[][] = [];
  let confSum = 0;
  let words = 0;
  for (const line of hocr.lines) {
    const items: PdfItem[] = [];
    lines.push(items);
    // one baseline per line (the line's own, at its start, after straightening) keeps its words together
    const [, y] = level(line.x0, line.y1 + line.offset);
    // x_size spans ascender to descender, about 0.87 of the font size for Latin text fonts (Carlito/Calibri, Arial, Times)
    const size = (line.size / 0.87) * sy;
    line.words.forEach((w, k) => {
      const [x] = level(w.x0, line.y1 + line.offset + line.slope * (w.x0 - line.x0));
      const marker = k === 0 && line.words.length > 1 && isListMarker(w, line);
      // a speck read as a sign (";", "'", ":"), with little confidence: not text
      if (!marker && w.conf < 50 && /^[^\p{L}\p{N}]+$/u.test(w.text)) return;
      const str = marker ? '•' : w.text;
      items.push({ str, x: x * sx, y: y * sy, width: (w.x1 - w.x0) * sx, size });
      confSum += w.conf;
      words++;
    });
  }
  return { items: lines.flat(), lines, confidence: words > 0 ? Math.round((confSum / words) * 10) / 10 : null, words, skewDeg: Math.round(((theta * 180) / Math.PI) * 100) / 100 };
}

/** Lines with fewer characters than this have no reliable text height ("12", "Side 3"). */
const SHORT_LINE = 8;

/**
 * Snaps the font sizes of OCR lines to the document's few real sizes. Tesseract measures each line
 * anew, so lines of one paragraph differ by a few tenths of a point, while the layout clean-up treats
 * lines whose sizes differ by more than 0.6 pt as different paragraphs. The sizes of longer lines
 * (weighted by their words) within 8 % of each other are one size: their median. A short line, whose
 * height says little (a page number has no descenders), takes the size of the line before it on the page
 * when within 35 % (a TOC page number pushed onto a line of its own), else the nearest size within 35 %.
 * `pages`: per page, its lines' items.
 */
export function snapSizes(pages: PdfItem[][][]): void {
  const lines = pages.flat().filter((l) => l.length > 0);
  const long = (l: PdfItem[]) => l.reduce((n, i) => n + i.str.length, 0) >= SHORT_LINE;
  const sizes = lines.filter(long).flatMap((l) => l.map((i) => i.size)).sort((a, b) => a - b);
  const groups: number[][] = [];
  for (const s of sizes) {
    const g = groups[groups.length - 1];
    if (g && s <= g[0] * 1.08) g.push(s);
    else groups.push([s]);
  }
  const medians = groups.map((g) => Math.round(g[Math.floor(g.length / 2)] * 100) / 100);
  const cluster = (v: number): number => medians[groups.findIndex((x) => v >= x[0] && v <= x[x.length - 1])];
  const nearest = (v: number): number => {
    let best = v;
    let dist = Infinity;
    for (const m of medians) {
      const d = Math.abs(m - v);
      if (d <= 0.35 * m && d < dist) [best, dist] = [m, d];
    }
    return best;
  };
  for (const page of pages) {
    let above: number | null = null;
    for (const l of page) {
      if (l.length === 0) continue;
      if (long(l)) {
        const size = cluster(l[0].size) ?? l[0].size;
        for (const i of l) i.size = cluster(i.size) ?? i.size;
        above = size;
        continue;
      }
      // a short line (in reading order) belongs with the line before it: a TOC page number pushed down
      const own = l[0].size;
      const size = above !== null && Math.abs(above - own) <= 0.35 * above ? above : nearest(own);
      for (const i of l) i.size = size;
    }
  }
}
