/**
 * Which PDF pages need OCR, and reading them (between the PDF reader, parsers/pdf.ts, and the OCR
 * engine, parsers/ocr.ts). A page is read by OCR when it has no usable text layer (hardly any letters)
 * and an image covers a large part of it, i.e. it is a scan; with `--ocr force` every page is.
 */
import type { Diagnostic } from '../schemas/referat.js';
import { diagnostic } from './diagnostic.js';
import { OCR_DEFAULTS, OCR_MODES, OcrError, ocrDpi, ocrEngine, ocrPdfPage, snapSizes, type OcrMode, type OcrOptions, type OcrPage } from './ocr.js';
import { assembleLines, type PdfItem, type PdfPage } from './pdf-layout.js';

export { OCR_DEFAULTS, OCR_MODES, OCR_PACKAGES, type OcrMode, type OcrOptions } from './ocr.js';

/** A page with fewer letters than this in its text layer has no usable text (a page number or a stamp at most). */
const USABLE_LETTERS = 40;
/** Images covering at least this share of the page make it a scan. */
const SCAN_COVERAGE = 0.3;

interface OperatorList {
  fnArray: number[];
  argsArray: unknown[];
}

/**
 * True when the page is a scan: (almost) no text, and images cover a large part of it. The area an
 * image covers is the determinant of the transformation it is drawn with (an image fills the unit
 * square), tracked through save/restore and form XObjects; only determinants are needed, as the
 * determinant of a product is the product of the determinants.
 */
export async function scannedPage(items: PdfItem[], operatorList: () => Promise<OperatorList>, OPS: Record<string, number>, pageArea: number): Promise<boolean> {
  let letters = 0;
  for (const it of items) letters += (it.str.match(/\p{L}/gu) ?? []).length;
  if (letters >= USABLE_LETTERS || pageArea <= 0) return false;
  const { fnArray, argsArray } = await operatorList();
  // a plain array for transform, a Float32Array for a form's matrix (null when the form has none)
  const det = (m: unknown): number => {
    const a = m as ArrayLike<number> | null;
    return a && typeof a === 'object' && a.length >= 4 ? a[0] * a[3] - a[1] * a[2] : 1;
  };
  const stack: number[] = [];
  let scale = 1;
  let covered = 0;
  for (let i = 0; i < fnArray.length; i++) {
    const fn = fnArray[i];
    const args = argsArray[i] as unknown[] | null;
    if (fn === OPS.save || fn === OPS.paintFormXObjectBegin) {
      stack.push(scale);
      if (fn === OPS.paintFormXObjectBegin) scale *= det(args?.[0]);
    } else if (fn === OPS.restore || fn === OPS.paintFormXObjectEnd) {
      scale = stack.pop() ?? 1;
    } else if (fn === OPS.transform) {
      scale *= det(args);
    } else if (fn === OPS.paintImageXObject || fn === OPS.paintInlineImageXObject || fn === OPS.paintImageMaskXObject) {
      covered += Math.abs(scale);
    } else if (fn === OPS.paintImageXObjectRepeat) {
      const [, sx, sy, positions] = (args ?? []) as [unknown, number, number, number[]];
      covered += Math.abs(scale * sx * sy) * ((positions?.length ?? 0) / 2);
    }
    if (covered >= SCAN_COVERAGE * pageArea) return true;
  }
  return false;
}

/** "3", "1-3", "1, 4-6": a list of page numbers for messages. */
export function pageList(pages: number[]): string {
  const s = [...pages].sort((a, b) => a - b);
  const parts: string[] = [];
  for (let i = 0; i < s.length; ) {
    let j = i;
    while (j + 1 < s.length && s[j + 1] === s[j] + 1) j++;
    parts.push(j > i ? `${s[i]}-${s[j]}` : String(s[i]));
    i = j + 1;
  }
  return parts.join(', ');
}

export interface ResolvedOcr extends OcrOptions {
  mode: OcrMode;
}

/** The OCR options of a read: a mode alone ("auto") or options; unknown modes are refused. */
export function resolveOcr(ocr: OcrOptions | OcrMode | undefined): ResolvedOcr {
  const o: OcrOptions = typeof ocr === 'string' ? { mode: ocr } : (ocr ?? {});
  const mode = o.mode ?? OCR_DEFAULTS.mode;
  if (!OCR_MODES.includes(mode)) throw new TypeError(`unknown OCR mode "${String(mode)}" (auto, off or force)`);
  return { ...o, mode };
}

export interface OcrOutcome {
  /** the pages, with the lines of every page read by OCR replaced */
  pages: PdfPage[];
  /** the pages read by OCR (1-based) and what OCR said about them */
  read: Map<number, OcrPage>;
  /** pages that should have been read by OCR but were not (engine missing, time limit, failure) */
  unread: number[];
  diagnostics: Diagnostic[];
}

/**
 * Reads `targets` (1-based page numbers) of the PDF by OCR, one page after another, within the read's
 * deadline (performance.now() value; 0 = none). A page that fails or passes the limit keeps what its text
 * layer had, and a diagnostic names it; the other pages are still read.
 */
export async function ocrScannedPages(pdf: Uint8Array, pages: PdfPage[], targets: number[], options: ResolvedOcr, deadline: number): Promise<OcrOutcome> {
  const diagnostics: Diagnostic[] = [];
  const read = new Map<number, OcrPage>();
  const anyText = pages.some((p, i) => p.lines.length > 0 && !targets.includes(i + 1));
  const engine = await ocrEngine(options);
  if (!engine.ok) {
    diagnostics.push(
      diagnostic(
        'ocr-unavailable',
        anyText ? 'warning' : 'error',
        `Side ${pageList(targets)} skulle OCR-læses, men OCR kan ikke køre her (${engine.reason}); ${targets.every((n) => pages[n - 1].lines.length > 0) ? 'tekstlaget er brugt i stedet' : 'indholdet af sider uden tekstlag mangler'}. Installer: apt-get install ${engine.packages.join(' ')}`,
      ),
    );
    return { pages, read, unread: targets, diagnostics };
  }
  const timedOut: number[] = [];
  const failed: [number, string][] = [];
  for (const n of targets) {
    const remaining = deadline > 0 ? deadline - performance.now() : 0;
    if (deadline > 0 && remaining <= 0) {
      timedOut.push(n);
      continue;
    }
    const pageLimit = options.pageTimeoutMs ?? 0;
    const limit = pageLimit > 0 && (remaining === 0 || pageLimit < remaining) ? pageLimit : remaining;
    try {
      read.set(n, await ocrPdfPage({ pdf, page: n, width: pages[n - 1].width, height: pages[n - 1].height, timeoutMs: limit }, options));
    } catch (e) {
      if (e instanceof OcrError && e.code === 'timeout') timedOut.push(n);
      else failed.push([n, e instanceof Error ? e.message : String(e)]);
    }
  }
  snapSizes([...read.values()].map((r) => r.lines));
  const out = pages.map((p, i) => {
    const r = read.get(i + 1);
    return r ? { ...p, lines: assembleLines(r.items) } : p;
  });

  const dpi = ocrDpi(options);
  const min = options.minConfidence ?? OCR_DEFAULTS.minConfidence;
  if (read.size > 0) {
    const confs = [...read.values()].filter((r) => r.confidence !== null);
    const words = confs.reduce((s, r) => s + r.words, 0);
    const mean = words > 0 ? Math.round(confs.reduce((s, r) => s + r.confidence! * r.words, 0) / words) : null;
    diagnostics.push(
      diagnostic(
        'ocr-pages',
        'info',
        `Side ${pageList([...read.keys()])} er læst med OCR (${engine.version}, ${options.language ?? OCR_DEFAULTS.language}, ${dpi} dpi)` +
          (mean !== null ? `, middel ordsikkerhed ${mean} %` : '') +
          '; værdier fra disse sider kan have læsefejl (source.pageInfo).',
      ),
    );
  }
  for (const [n, r] of read) {
    if (r.confidence !== null && r.confidence < min) {
      diagnostics.push(
        diagnostic(
          'ocr-low-confidence',
          'warning',
          `Side ${n} er OCR-læst med lav sikkerhed: middel ordsikkerhed ${Math.round(r.confidence)} % (under ${min} %). Kontrollér tal, datoer og navne fra siden mod originalen.`,
        ),
      );
    }
  }
  // with --ocr force a page that OCR could not read keeps its text layer
  const lost = (ns: number[]) => (ns.every((n) => pages[n - 1].lines.length > 0) ? 'tekstlaget er brugt i stedet' : ns.length > 1 ? 'deres indhold mangler' : 'sidens indhold mangler');
  if (timedOut.length > 0) {
    const limit = options.pageTimeoutMs && options.pageTimeoutMs > 0 ? `${+(options.pageTimeoutMs / 1000).toFixed(3)} s pr. side` : 'filens tidsgrænse';
    diagnostics.push(diagnostic('ocr-timeout', 'warning', `Side ${pageList(timedOut)} blev ikke OCR-læst inden for tidsgrænsen (${limit}); ${lost(timedOut)}.`));
  }
  for (const [n, why] of failed) {
    diagnostics.push(diagnostic('ocr-failed', 'warning', `OCR af side ${n} mislykkedes (${why}); ${lost([n])}.`));
  }
  return { pages: out, read, unread: [...timedOut, ...failed.map(([n]) => n)].sort((a, b) => a - b), diagnostics };
}
