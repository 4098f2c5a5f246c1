/**
 * PDF reader: text per page from pdf.js (the engine inside pdf-parse 2.x), with positions, then
 * layout clean-up (running headers/footers, hyphenation, wrapped lines; see pdf-layout.ts).
 *
 * pdf-parse's own getText() returns page text without coordinates; telling a running header (same
 * height on every page) from a body line that happens to repeat at the end of pages needs them, so
 * the text items are read from the pdf.js document directly, through one shared worker.
 */
import type { PDFWorker, TextItem } from 'pdfjs-dist/types/src/display/api.js';
import type { Diagnostic } from '../schemas/referat.js';
import { diagnostic } from '../src/diagnostics.js';
import { DEFAULT_LIMITS } from '../src/limits.js';
import { IngestError, type ParsedText } from '../src/types.js';
import { shortReason } from './errors.js';
import {
  assembleLines,
  columnEdges,
  joinWrappedLines,
  learnLineGaps,
  removeRunningLines,
  type PdfItem,
  type PdfPage,
} from './pdf-layout.js';

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');

interface Engine {
  pdfjs: PdfJs;
  worker: PDFWorker;
}

let engine: Promise<Engine> | null = null;

/** The process-wide pdf.js engine: module and worker are set up once and reused for every document. */
function getEngine(): Promise<Engine> {
  engine ??= (async () => {
    // the same pdf.js build that pdf-parse loads
    const pdfjs = (await import('pdfjs-dist/legacy/build/pdf.mjs')) as PdfJs;
    const worker = new pdfjs.PDFWorker({ verbosity: pdfjs.VerbosityLevel.ERRORS });
    await worker.promise;
    return { pdfjs, worker };
  })().catch((e: unknown) => {
    engine = null;
    throw e;
  });
  return engine;
}

/** Frees the shared pdf.js worker (a later read starts a new one). */
export async function closePdfEngine(): Promise<void> {
  const e = engine;
  engine = null;
  if (!e) return;
  try {
    (await e).worker.destroy();
  } catch {
    // engine never started
  }
}


/** True when "%%EOF" is among the last 1 KB of the file (a PDF cut short in a download or copy lacks it). */
export function hasEofMarker(bytes: Uint8Array): boolean {
  const tail = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).subarray(Math.max(0, bytes.byteLength - 1024));
  return tail.includes('%%EOF', 0, 'latin1');
}

function toIngestError(e: unknown, bytes: Uint8Array): IngestError {
  if (e instanceof IngestError) return e;
  const name = e instanceof Error ? e.name : '';
  if (name === 'PasswordException') return new IngestError('password-protected PDF', 'encrypted');
  const cut = hasEofMarker(bytes) ? '' : ' (truncated? no %%EOF at the end)';
  return new IngestError(`corrupt PDF: ${shortReason(e).slice(0, 160 - cut.length)}${cut}`, 'corrupt');
}

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;

interface RawPages {
  pages: PdfPage[];
}

export interface PdfLimits {
  /** refuse PDFs with more pages, right after opening them */
  maxPages: number;
  /** give up when reading takes longer (ms; 0 = no limit); checked after opening and between pages */
  timeoutMs: number;
}

const yieldToEventLoop = () => new Promise<void>((r) => setImmediate(r));

async function extractPages(bytes: Uint8Array, limits: PdfLimits): Promise<RawPages> {
  const started = performance.now();
  const checkTime = () => {
    if (limits.timeoutMs > 0 && performance.now() - started > limits.timeoutMs) {
      throw new IngestError(`PDF reading took longer than ${+(limits.timeoutMs / 1000).toFixed(3)} s (limit)`, 'timeout');
    }
  };
  const { pdfjs, worker } = await getEngine();
  // pdf.js takes ownership of the array: give it a copy so the caller's Buffer stays intact
  const task = pdfjs.getDocument({
    data: new Uint8Array(bytes),
    worker,
    verbosity: pdfjs.VerbosityLevel.ERRORS,
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    stopAtErrors: false,
  });
  // No task.onPassword: with a handler pdf.js waits for it to supply a password; without one it rejects
  // at once with a PasswordException (reported as "password-protected PDF").
  try {
    const doc = await task.promise;
    if (doc.numPages > limits.maxPages) {
      throw new IngestError(`too many pages: ${doc.numPages} (limit ${limits.maxPages})`, 'too-many-pages');
    }
    checkTime();
    const pages: PdfPage[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      // pdf.js runs on this thread (its messages are microtasks): let timers and I/O in between pages
      if (n > 1) await yieldToEventLoop();
      checkTime();
      const page = await doc.getPage(n);
      const viewport = page.getViewport({ scale: 1 });
      const content = await page.getTextContent();
      const items: PdfItem[] = [];
      for (const raw of content.items) {
        if (!('str' in raw)) continue;
        const it = raw as TextItem;
        if (it.str === '') continue;
        const m = pdfjs.Util.transform(viewport.transform, it.transform) as number[];
        const size = Math.hypot(m[2], m[3]) || it.height || 1;
        items.push({
          str: it.str.replace(CONTROL, ''),
          x: m[4],
          y: m[5],
          width: it.width,
          size,
          rotated: Math.abs(m[1]) > 0.1 * Math.abs(m[0]) || Math.abs(m[0]) < 1e-6,
        });
      }
      pages.push({ lines: assembleLines(items), width: viewport.width, height: viewport.height });
      page.cleanup();
    }
    return { pages };
  } catch (e) {
    throw toIngestError(e, bytes);
  } finally {
    await task.destroy().catch(() => undefined);
  }
}

/** Reads a PDF. A PDF without a text layer is not an error: it yields empty text and a "no-text-layer" diagnostic. */
export async function readPdf(input: Uint8Array, limits: Partial<PdfLimits> = {}): Promise<ParsedText> {
  const { pages: raw } = await extractPages(input, {
    maxPages: limits.maxPages ?? DEFAULT_LIMITS.maxPages,
    timeoutMs: limits.timeoutMs ?? DEFAULT_LIMITS.readTimeoutMs,
  });
  const diagnostics: Diagnostic[] = [];
  const empty = raw.map((p, i) => (p.lines.length === 0 ? i + 1 : 0)).filter((n) => n > 0);
  if (raw.length === 0 || empty.length === raw.length) {
    diagnostics.push(
      diagnostic(
        'no-text-layer',
        'error',
        `The PDF has no text layer (${raw.length} page(s) of images only); it needs OCR before it can be read.`,
      ),
    );
    return { format: 'pdf', text: '', pageStarts: raw.map(() => 0), headingStarts: [], encoding: null, diagnostics };
  }
  if (empty.length > 0) {
    diagnostics.push(
      diagnostic('page-without-text', 'warning', `Page(s) ${empty.join(', ')} have no text layer (scanned images?); their content is missing.`),
    );
  }

  const running = removeRunningLines(raw);
  if (running.removed > 0) {
    diagnostics.push(
      diagnostic('running-lines-removed', 'info', `Removed ${running.removed} running header/footer line(s) repeated across pages.`, {
        quote: running.example,
      }),
    );
  }
  const pages = running.pages;
  const edges = columnEdges(pages);
  const ctx = { ...edges, ...learnLineGaps(pages) };

  const pageStarts: number[] = [];
  let text = '';
  pages.forEach((p, i) => {
    if (i > 0) text += '\n';
    pageStarts.push(text.length);
    text += joinWrappedLines(p.lines, ctx).join('\n');
  });
  return { format: 'pdf', text, pageStarts, headingStarts: [], encoding: null, diagnostics };
}
