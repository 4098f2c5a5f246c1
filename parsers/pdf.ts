/**
 * PDF reader: text per page from pdf.js (the engine inside pdf-parse 2.x), with positions, then
 * layout clean-up (running headers/footers, hyphenation, wrapped lines; see pdf-layout.ts).
 *
 * pdf-parse's own getText() returns page text without coordinates; telling a running header (same
 * height on every page) from a body line that happens to repeat at the end of pages needs them, so
 * the text items are read from the pdf.js document directly, through one shared worker. That pdf.js is
 * pdf-parse's own (resolved from pdf-parse's folder, see pdfjsFile()): one copy, at the version
 * pdf-parse pins, and no pdfjs-dist dependency of our own that could resolve to another.
 */
import Module, { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
// types only (erased in the build): pdf-parse's pdfjs-dist, which npm installs beside it
import type { PDFWorker, TextItem } from 'pdfjs-dist/types/src/display/api.js';
import type { Diagnostic } from '../schemas/referat.js';
import { diagnostic } from './diagnostic.js';
import { DEFAULT_LIMITS, PDF_THREAD_HEAP_MB } from './limits.js';
import { IngestError, type PageInfo, type ParsedText } from './types.js';
import { shortReason } from './errors.js';
import { ocrScannedPages, pageList, resolveOcr, scannedPage, type OcrMode, type OcrOptions } from './ocr-pages.js';
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

/**
 * pdf.js parses in its own thread. In Node, pdf.js would otherwise run its "worker" on the calling
 * thread, where a hostile PDF (a content stream that inflates to gigabytes of operators) blocks the
 * event loop for minutes and no time limit can fire. In a thread of its own, a read that passes its
 * time limit is ended by terminating the thread, and one that exhausts the thread's heap fails alone.
 * The thread is created from this source text (no separate file to build or ship).
 */
const PDF_THREAD = `
// pdf.js's own leftover rejections (see isPdfJsLeftover) are dropped; anything else unhandled ends this thread
process.on('unhandledRejection', (reason) => {
  let leftover = false;
  if (reason instanceof Error && !Object.hasOwn(reason, 'stack') && /(?:Exception|Error)$/.test(reason.name)) {
    for (let p = Object.getPrototypeOf(reason); p && p !== Error.prototype; p = Object.getPrototypeOf(p)) if (Object.hasOwn(p, 'stack')) leftover = true;
  }
  if (!leftover) throw reason;
});
// only dynamic import(): this runs as CommonJS, or as ESM when the process has --input-type=module
import('node:worker_threads').then(async ({ parentPort, workerData }) => {
  const push = Array.prototype.push, parse = JSON.parse;
  const { WorkerMessageHandler } = await import(workerData.workerUrl);
  // see keepNativeBuiltins() below
  Array.prototype.push = push;
  JSON.parse = parse;
  const wrapped = new Map();
  WorkerMessageHandler.initializeFromPort({
    postMessage: (data, transfer) => parentPort.postMessage(data, transfer),
    addEventListener: (type, fn, opts) => {
      if (type !== 'message') return;
      const w = (data) => fn({ data });
      wrapped.set(fn, w);
      parentPort.on('message', w);
      // pdf.js removes its listeners by aborting the signal it passed
      opts?.signal?.addEventListener('abort', () => { parentPort.off('message', w); wrapped.delete(fn); }, { once: true });
    },
    removeEventListener: (type, fn) => {
      const w = wrapped.get(fn);
      if (w) parentPort.off('message', w);
      wrapped.delete(fn);
    },
  });
});
`;

/**
 * A rejection that pdf.js itself leaves unhandled. pdf.js 5.4 does so on a damaged cross-reference table:
 * Catalog.getPageDict prefetches the top-level page dictionaries into a cache without a catch, the
 * fetches fail ("Bad (uncompressed) XRef entry: 31R"), pdf.js rebuilds the table, clears the cache and
 * reads the document. Those rejections belong to the document being opened, which pdf.js has read or
 * failed through the requests this reader awaits; they carry nothing more. Left to Node they would end
 * the thread some time later, blaming whatever it was doing then (in the batch: the next file).
 * pdf.js's exceptions are recognisable by their shape: a BaseException is an object whose prototype is
 * an Error *instance* (BaseException.prototype = new Error()), with no stack of its own.
 */
export function isPdfJsLeftover(reason: unknown): boolean {
  if (!(reason instanceof Error) || Object.hasOwn(reason, 'stack') || !/(?:Exception|Error)$/.test(reason.name)) return false;
  for (let p = Object.getPrototypeOf(reason) as object | null; p && p !== Error.prototype; p = Object.getPrototypeOf(p) as object | null) {
    if (Object.hasOwn(p, 'stack')) return true;
  }
  return false;
}

let leftoversDropped = false;
/**
 * Inline pdf.js runs on the caller's thread, so its leftover rejections surface there: they are dropped.
 * Any other unhandled rejection is left to the host: when it has no listener of its own, it is thrown as
 * Node would (ending the thread or process).
 */
function dropPdfJsLeftovers(): void {
  if (leftoversDropped) return;
  leftoversDropped = true;
  process.on('unhandledRejection', (reason) => {
    if (isPdfJsLeftover(reason)) return;
    if (process.listenerCount('unhandledRejection') === 1) throw reason;
  });
}

interface Engine {
  pdfjs: PdfJs;
  worker: PDFWorker;
  thread: Worker;
  /**
   * Called with the reason when the thread ends (terminated, crashed, out of memory). Reads subscribe
   * for their own duration: racing every wait against one promise that lives as long as the engine
   * would leave a reaction per wait on it, each holding that wait's result (every page's text, for good).
   */
  onDeath: Set<(reason: IngestError) => void>;
  /** reads in progress (the thread keeps the process alive only while there are some) */
  busy: number;
  /** the thread was ended because a read passed its time limit (other reads on it are not at fault) */
  killed: boolean;
}

let engine: Promise<Engine> | null = null;

let isolation: 'thread' | 'inline' = 'thread';
/**
 * 'inline' parses on the calling thread. For callers that are themselves a thread the batch can end on
 * a time limit (the batch workers): no second thread per worker, so two workers use two cores and the
 * memory of one pdf.js heap each. Library callers keep the default 'thread'.
 */
export function setPdfIsolation(mode: 'thread' | 'inline'): void {
  if (mode !== isolation) void closePdfEngine();
  isolation = mode;
}

/**
 * pdf.js's Node ("legacy") build carries core-js, which on loading replaces Array.prototype.push and
 * JSON.parse with script versions because V8 differs from the spec in edge cases no code here meets
 * (a length past 2^53 - 1, JSON.parse's source-text reviver). Every push in the thread, pdf.js's own
 * parser included, then runs through the replacement: reading text is 30-50 % slower. Runs `load` and
 * puts the engine's natives back afterwards; the features core-js only adds (Promise.withResolvers,
 * Uint8Array.toBase64 and the like) stay, since pdf.js needs those on Node 20.
 */
async function keepNativeBuiltins<T>(load: () => Promise<T>): Promise<T> {
  const push = Array.prototype.push;
  const parse = JSON.parse;
  try {
    return await load();
  } finally {
    Array.prototype.push = push;
    JSON.parse = parse;
  }
}

/**
 * pdf.js's files as it publishes them minified: the same build, about half the source text for V8 to
 * scan and compile when a process first reads a PDF (pdf.worker ~100 ms instead of ~160 ms here, the API
 * module ~90 ms instead of ~110 ms).
 */
const PDFJS_API = 'legacy/build/pdf.min.mjs';
const PDFJS_WORKER = 'legacy/build/pdf.worker.min.mjs';

/**
 * Loads pdf.js's API module without the native @napi-rs/canvas (~30 ms, a native library). pdf.js's
 * Node build requires it at load only to set DOMMatrix, ImageData and Path2D on globalThis, which it
 * needs for rendering pages; this reader only extracts text (OCR renders with pdftoppm), and pdf.js
 * builds one DOMMatrix at load. So while the module loads, its require of the canvas is answered with
 * stand-ins; afterwards any of the three globals that is a stand-in becomes a getter that loads the real
 * canvas at first use, so other code in the process (and pdf.js, were it ever to render) gets the real
 * classes. Where the canvas is not installed, pdf.js loads as before (and warns as before).
 */
let apiLoaded = false;
/** pdf.js's own (optional) dependency, resolved from pdf.js's folder as pdf.js resolves it; not one of ours. */
const PDFJS_CANVAS = '@napi-rs/canvas';
async function withoutCanvas<T>(load: () => Promise<T>): Promise<T> {
  if (apiLoaded) return load(); // evaluated once: a later import asks for nothing
  const requireFromPdfjs = createRequire(pdfjsFile(PDFJS_API));
  let canvasPath: string;
  try {
    canvasPath = requireFromPdfjs.resolve(PDFJS_CANVAS);
  } catch {
    return load();
  }
  const cache = requireFromPdfjs.cache;
  if (cache[canvasPath]) return load(); // loaded already: nothing to save
  class DOMMatrixStandIn {
    a = 1; b = 0; c = 0; d = 1; e = 0; f = 0;
  }
  class ImageDataStandIn {}
  class Path2DStandIn {}
  const standIns = { DOMMatrix: DOMMatrixStandIn, ImageData: ImageDataStandIn, Path2D: Path2DStandIn };
  const stub = new Module(canvasPath);
  stub.filename = canvasPath;
  stub.loaded = true;
  stub.exports = standIns;
  cache[canvasPath] = stub;
  try {
    const loaded = await load();
    apiLoaded = true;
    return loaded;
  } finally {
    if (cache[canvasPath] === stub) delete cache[canvasPath];
    const g = globalThis as Record<string, unknown>;
    for (const [name, standIn] of Object.entries(standIns)) {
      // the descriptor, not g[name]: reading a getter set here before would load the canvas
      if (Object.getOwnPropertyDescriptor(g, name)?.value !== standIn) continue;
      Object.defineProperty(g, name, {
        configurable: true,
        enumerable: false,
        get() {
          const real = (requireFromPdfjs(PDFJS_CANVAS) as Record<string, unknown>)[name];
          Object.defineProperty(g, name, { configurable: true, enumerable: false, writable: true, value: real });
          return real;
        },
        set(value: unknown) {
          Object.defineProperty(g, name, { configurable: true, enumerable: false, writable: true, value });
        },
      });
    }
  }
}

/**
 * A file of the pdf.js that pdf-parse depends on, resolved as pdf-parse itself resolves it (from its
 * own folder), so that reader and pdf-parse share one pdf.js whatever else is installed beside them.
 */
export function pdfjsFile(subpath: string): string {
  const pdfParse = createRequire(import.meta.url).resolve('pdf-parse');
  return createRequire(pdfParse).resolve(`pdfjs-dist/${subpath}`);
}

/**
 * Starts pdf.js: the module here, the parser in a thread of its own, connected through a port.
 * `onEnd` is called when that thread ends.
 */
async function startEngine(onEnd: () => void): Promise<Engine> {
  const loadPdfjs = () => keepNativeBuiltins(() => withoutCanvas(async () => (await import(pathToFileURL(pdfjsFile(PDFJS_API)).href)) as PdfJs));
  if (isolation === 'inline') {
    // the same pdf.js that pdf-parse loads (its minified files)
    const pdfjs = await loadPdfjs();
    dropPdfJsLeftovers();
    // the fake worker imports its parser from here (by default "./pdf.worker.mjs", the unminified file)
    pdfjs.GlobalWorkerOptions.workerSrc = pathToFileURL(pdfjsFile(PDFJS_WORKER)).href;
    // pdf.js's own in-thread ("fake") worker; nothing to terminate, the caller's thread is the limit
    const worker = new pdfjs.PDFWorker({ verbosity: pdfjs.VerbosityLevel.ERRORS });
    // the fake worker imports pdf.worker.mjs now, with core-js again
    await keepNativeBuiltins(() => worker.promise);
    const inlineThread = { ref() {}, unref() {}, terminate: async () => 0 } as unknown as Worker;
    return { pdfjs, worker, thread: inlineThread, onDeath: new Set(), busy: 0, killed: false };
  }
  // The parser's thread first: it starts and loads pdf.worker.mjs while this thread loads pdf.mjs.
  const thread = startThread();
  const onDeath = new Set<(reason: IngestError) => void>([onEnd]);
  let ended: IngestError | null = null;
  const end = (reason: IngestError) => {
    ended ??= reason;
    for (const f of onDeath) f(reason);
    onDeath.clear();
  };
  thread.on('error', (e: Error & { code?: string }) =>
    end(new IngestError(e.code === 'ERR_WORKER_OUT_OF_MEMORY' ? 'the PDF reader ran out of memory' : `the PDF reader crashed: ${shortReason(e)}`, 'crashed')),
  );
  thread.on('exit', () => end(new IngestError('the PDF reader stopped', 'crashed')));
  let pdfjs: PdfJs;
  try {
    pdfjs = await loadPdfjs();
  } catch (e) {
    void thread.terminate();
    throw e;
  }
  // a thread that ended while pdf.mjs loaded answers nothing: this engine fails now, the next read starts another
  if (ended) throw ended;
  // pdf.js talks to a web Worker; a Node thread gets a small adapter (messages arrive as { data })
  const wrapped = new Map<(e: { data: unknown }) => void, (data: unknown) => void>();
  const port = {
    postMessage: (data: unknown, transfer?: Transferable[]) => thread.postMessage(data, transfer as never),
    addEventListener: (type: string, fn: (e: { data: unknown }) => void, opts?: { signal?: AbortSignal }) => {
      if (type !== 'message') return;
      const w = (data: unknown) => fn({ data });
      wrapped.set(fn, w);
      thread.on('message', w);
      // pdf.js 5 removes its listeners by aborting the signal it passed (else one leaks per document)
      opts?.signal?.addEventListener('abort', () => { thread.off('message', w); wrapped.delete(fn); }, { once: true });
    },
    removeEventListener: (_type: string, fn: (e: { data: unknown }) => void) => {
      const w = wrapped.get(fn);
      if (w) thread.off('message', w);
      wrapped.delete(fn);
    },
  };
  const worker = new pdfjs.PDFWorker({ port, verbosity: pdfjs.VerbosityLevel.ERRORS } as never);
  await worker.promise;
  // the 'message' listeners pdf.js just added keep the thread referenced: an engine started early
  // (preparePdfEngine) that reads nothing, for a file that turns out unchanged, must not keep the process
  thread.unref();
  return { pdfjs, worker, thread, onDeath, busy: 0, killed: false };
}

/** pdf.js's parser thread (see PDF_THREAD). */
function startThread(): Worker {
  const workerUrl = pathToFileURL(pdfjsFile(PDFJS_WORKER)).href;
  const thread = new Worker(PDF_THREAD, { eval: true, workerData: { workerUrl }, resourceLimits: { maxOldGenerationSizeMb: PDF_THREAD_HEAP_MB } });
  thread.unref(); // referenced only while a read waits for it
  return thread;
}

/** The pdf.js engine, set up once and reused for every document; started again after its thread ended. */
function getEngine(): Promise<Engine> {
  if (!engine) {
    const forget = () => {
      if (engine === p) engine = null;
    };
    const p = startEngine(forget);
    engine = p;
    p.catch(forget);
  }
  return engine;
}

/**
 * Starts the engine without waiting for it (see preparePdfReader in index.ts). A start that fails is
 * forgotten (getEngine) and the read that follows starts again and reports why.
 */
export function preparePdfEngine(): void {
  getEngine().catch(() => {});
}

/** Ends the pdf.js thread now (a later read starts a new one; other reads in flight on it fail with "the PDF reader stopped"). */
function killEngine(e: Engine, pending: Promise<Engine> | null): void {
  if (engine === pending) engine = null;
  e.killed = true;
  try {
    e.worker.destroy();
  } catch {
    // already gone
  }
  void e.thread.terminate();
}

/** Frees the pdf.js thread (a later read starts a new one). Safe to call more than once. */
export async function closePdfEngine(): Promise<void> {
  const pending = engine;
  engine = null;
  if (!pending) return;
  try {
    const e = await pending;
    e.worker.destroy();
    await e.thread.terminate();
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
  /** per page: little or no text, and an image over a large part of the page (a scan) */
  scanned: boolean[];
}

export interface PdfLimits {
  /** refuse PDFs with more pages, right after opening them */
  maxPages: number;
  /** give up when reading takes longer (ms; 0 = no limit): the pdf.js thread is terminated */
  timeoutMs: number;
}

const RESTARTED = 'reader-restarted';

async function extractPages(bytes: Uint8Array, limits: PdfLimits, lookForScans: boolean): Promise<RawPages> {
  const pending = getEngine();
  const e = await pending;
  const { pdfjs, worker } = e;
  // the reader's time limit and the thread's death end every wait on pdf.js (a promise of this read's own)
  let timer: NodeJS.Timeout | null = null;
  let timedOut = false;
  let stop!: (reason: IngestError) => void;
  const stopped = new Promise<never>((_, reject) => (stop = reject));
  stopped.catch(() => undefined);
  e.onDeath.add(stop);
  if (limits.timeoutMs > 0) {
    timer = setTimeout(() => {
      timedOut = true;
      stop(new IngestError(`PDF reading took longer than ${+(limits.timeoutMs / 1000).toFixed(3)} s (limit)`, 'timeout'));
      killEngine(e, pending); // stops the parse that is running away
    }, limits.timeoutMs);
  }
  const guard = <T>(p: Promise<T>): Promise<T> => Promise.race([p, stopped]);

  if (e.busy++ === 0) e.thread.ref();
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
    const doc = await guard(task.promise);
    if (doc.numPages > limits.maxPages) {
      throw new IngestError(`too many pages: ${doc.numPages} (limit ${limits.maxPages})`, 'too-many-pages');
    }
    const pages: PdfPage[] = [];
    const scanned: boolean[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await guard(doc.getPage(n));
      const viewport = page.getViewport({ scale: 1 });
      const content = await guard(page.getTextContent());
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
      // only pages with (almost) no text are looked at for images: the operator list costs time
      scanned.push(lookForScans && (await scannedPage(items, () => guard(page.getOperatorList()), pdfjs.OPS, viewport.width * viewport.height)));
      page.cleanup();
    }
    return { pages, scanned };
  } catch (err) {
    if (!timedOut && e.killed) throw new IngestError('the PDF reader was restarted', RESTARTED);
    throw toIngestError(err, bytes);
  } finally {
    if (timer) clearTimeout(timer);
    // a killed thread answers nothing: do not wait for it
    if (!timedOut) await guard(task.destroy()).catch(() => undefined);
    e.onDeath.delete(stop);
    if (--e.busy === 0) e.thread.unref();
  }
}

export interface PdfReadOptions extends Partial<PdfLimits> {
  /** OCR of pages without a usable text layer: a mode ("auto" by default, "off", "force") or options */
  ocr?: OcrOptions | OcrMode;
}

/**
 * Reads a PDF. Pages that are scans (no usable text layer, a large image) are read by OCR (parsers/ocr.ts)
 * unless `ocr` is "off". A PDF that ends up without any text is not an error: it yields empty text and a
 * "no-text-layer" diagnostic.
 */
export async function readPdf(input: Uint8Array, limits: PdfReadOptions = {}): Promise<ParsedText> {
  const t0 = performance.now();
  const lim = { maxPages: limits.maxPages ?? DEFAULT_LIMITS.maxPages, timeoutMs: limits.timeoutMs ?? DEFAULT_LIMITS.readTimeoutMs };
  const ocr = resolveOcr(limits.ocr);
  let extracted: RawPages;
  try {
    extracted = await extractPages(input, lim, ocr.mode === 'auto');
  } catch (e) {
    // another read on the same pdf.js thread passed its time limit and the thread was ended: read again
    if (!(e instanceof IngestError && e.code === RESTARTED)) throw e;
    extracted = await extractPages(input, lim, ocr.mode === 'auto');
  }
  let raw = extracted.pages;
  const diagnostics: Diagnostic[] = [];
  const targets = ocr.mode === 'off' ? [] : raw.map((_, i) => i + 1).filter((n) => ocr.mode === 'force' || extracted.scanned[n - 1]);
  const outcome = targets.length > 0 ? await ocrScannedPages(input, raw, targets, ocr, lim.timeoutMs > 0 ? t0 + lim.timeoutMs : 0) : null;
  if (outcome) {
    raw = outcome.pages;
    diagnostics.push(...outcome.diagnostics);
  }
  const pageInfo: PageInfo[] = raw.map((p, i) => {
    const r = outcome?.read.get(i + 1);
    return { page: i + 1, origin: r ? 'ocr' : p.lines.length > 0 ? 'text-layer' : 'none', ocrConfidence: r ? r.confidence : null };
  });
  const empty = raw.map((p, i) => (p.lines.length === 0 ? i + 1 : 0)).filter((n) => n > 0);
  if (raw.length === 0 || empty.length === raw.length) {
    const why =
      ocr.mode === 'off'
        ? `${raw.length} side(r) med kun billeder, fx en scanning); OCR er slået fra (--ocr off), brug --ocr auto for at læse den.`
        : outcome && outcome.read.size > 0
          ? `${raw.length} side(r)), og OCR fandt ingen tekst.`
          : `${raw.length} side(r) med kun billeder, fx en scanning); den skal OCR-behandles, før den kan læses.`;
    diagnostics.push(diagnostic('no-text-layer', 'error', `PDF'en har intet tekstlag (${why}`));
    return { format: 'pdf', text: '', pageStarts: raw.map(() => 0), headingStarts: [], encoding: null, diagnostics, pages: pageInfo };
  }
  // pages the OCR diagnostics do not already name: scans left unread with --ocr off, or blank pages
  const unexplained = empty.filter((n) => !targets.includes(n));
  if (unexplained.length > 0) {
    diagnostics.push(
      ocr.mode === 'off'
        ? diagnostic('page-without-text', 'warning', `Side ${pageList(unexplained)} har intet tekstlag (scannede billeder?); deres indhold mangler (OCR er slået fra: --ocr off).`)
        : diagnostic('page-without-text', 'info', `Side ${pageList(unexplained)} er tom (hverken tekst eller et scannet billede).`),
    );
  }

  const running = removeRunningLines(raw);
  if (running.removed > 0) {
    diagnostics.push(
      diagnostic('running-lines-removed', 'info', `Fjernede ${running.removed} gentagne sidehoved-/sidefodslinjer.`, {
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
  return { format: 'pdf', text, pageStarts, headingStarts: [], encoding: null, diagnostics, pages: pageInfo };
}
