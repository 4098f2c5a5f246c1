/** Document readers: one entry point that detects the format from the bytes and dispatches. */
import { readFile as readFileBytes, stat } from 'node:fs/promises';
import { DEFAULT_LIMITS } from './limits.js';
import { IngestError, isProgrammingError, ReaderBugError, type ParsedText } from './types.js';
import { detectFormat } from './detect.js';
import { shortReason } from './errors.js';
import type { OcrMode, OcrOptions } from './ocr.js';
import { readText } from './text.js';

export { detectFormat } from './detect.js';
export { warmDictionary } from './dictionary.js';
export { OCR_DEFAULTS, OCR_MODES, OCR_PACKAGES, ocrEngine, type OcrMode, type OcrOptions } from './ocr.js';

// The PDF, DOCX and HTML readers (pdf.js's wrapper and the layout code, mammoth and JSZip, the HTML
// parser) load when a document of their format is read: a process that reads one text file loads none.
let pdfReader: Promise<typeof import('./pdf.js')> | null = null;
let pdfLoaded: typeof import('./pdf.js') | null = null;
let pdfIsolation: 'thread' | 'inline' = 'thread';
function loadPdfReader(): Promise<typeof import('./pdf.js')> {
  pdfReader ??= import('./pdf.js').then((m) => {
    m.setPdfIsolation(pdfIsolation);
    pdfLoaded = m;
    return m;
  });
  return pdfReader;
}

/**
 * Starts the PDF engine now, without waiting: a process about to read one PDF lets pdf.js's thread start
 * and load pdf.js's parser (~0.3 s on this project's 2-core machine) on the other core while this thread
 * loads the rest of its code. Nothing is read; a failure is reported by the read.
 */
export function preparePdfReader(): void {
  loadPdfReader().then((m) => m.preparePdfEngine(), () => {});
}

/** A rejection that is one of pdf.js's own leftovers (see isPdfJsLeftover in pdf.ts); there are none before the PDF reader is loaded. */
export function isPdfJsLeftover(reason: unknown): boolean {
  return pdfLoaded?.isPdfJsLeftover(reason) ?? false;
}

/** Where pdf.js parses (see setPdfIsolation in pdf.ts); applies to the reader whether or not it is loaded yet. */
export function setPdfIsolation(mode: 'thread' | 'inline'): void {
  pdfIsolation = mode;
  void pdfReader?.then((m) => m.setPdfIsolation(mode));
}

/** Limits on one read (defaults in src/limits.ts, DEFAULT_LIMITS; README.md, "Limits"). */
export interface ReadLimits {
  /** refuse larger inputs (bytes); no limit unless given (the CLI's --max-size applies it before reading) */
  maxBytes?: number;
  /** refuse PDFs with more pages (default 2000) */
  maxPages?: number;
  /** refuse DOCX files that expand to more bytes, all parts together (default 200 MB) */
  maxUncompressed?: number;
  /** refuse DOCX files whose XML nests deeper (default 500) */
  maxXmlDepth?: number;
  /** refuse DOCX files with more parts (default 10000) */
  maxZipEntries?: number;
  /** give up on a PDF whose reading takes longer, in ms: its pdf.js thread is ended (default 600000; 0 = no limit); OCR stops at it too */
  timeoutMs?: number;
  /** OCR of scanned PDF pages: "auto" (default: pages without a usable text layer), "off", "force" (every page), or options */
  ocr?: OcrMode | OcrOptions;
}

export interface ReadOptions extends ReadLimits {
  /** the file's path (for messages; the format is never taken from the extension) */
  path: string;
}

/** Reads a document of any supported format. Every failure is an IngestError with a one-line reason. */
export async function readDocument(input: Buffer, opts: ReadOptions): Promise<ParsedText> {
  if (opts.maxBytes !== undefined && input.length > opts.maxBytes) {
    throw new IngestError(`file too large: ${input.length} bytes (limit ${opts.maxBytes})`, 'too-large');
  }
  const format = detectFormat(input);
  try {
    switch (format) {
      case 'pdf':
        return await (await loadPdfReader()).readPdf(input, { maxPages: opts.maxPages ?? DEFAULT_LIMITS.maxPages, timeoutMs: opts.timeoutMs ?? DEFAULT_LIMITS.readTimeoutMs, ocr: opts.ocr });
      case 'docx':
        return await (await import('./docx.js')).readDocx(input, {
          maxUncompressed: opts.maxUncompressed ?? DEFAULT_LIMITS.maxUncompressed,
          maxXmlDepth: opts.maxXmlDepth ?? DEFAULT_LIMITS.maxXmlDepth,
          maxZipEntries: opts.maxZipEntries ?? DEFAULT_LIMITS.maxZipEntries,
        });
      case 'html':
        return (await import('./html.js')).readHtml(input);
      case 'txt':
        return readText(input);
    }
  } catch (e) {
    if (e instanceof IngestError || e instanceof ReaderBugError) throw e;
    const what = format === 'txt' ? 'text file' : format.toUpperCase();
    // a TypeError in a reader is a bug in it, whatever the input: not "unreadable"
    if (isProgrammingError(e)) throw new ReaderBugError(`the ${what} reader failed: ${shortReason(e)}`);
    throw new IngestError(`unreadable ${what}: ${shortReason(e)}`, 'unreadable');
  }
}

function ioError(e: unknown): IngestError {
  const code = (e as NodeJS.ErrnoException).code;
  const reason =
    code === 'ENOENT'
      ? 'file not found'
      : code === 'EISDIR'
        ? 'a directory, not a file'
        : code === 'EACCES' || code === 'EPERM'
          ? 'permission denied'
          : `cannot read file: ${shortReason(e)}`;
  return new IngestError(reason, 'io');
}

/**
 * Reads a document from disk. Only regular files are read (a FIFO or a device would block or never
 * end), and a file over maxBytes is refused before it is read.
 */
export async function readFile(path: string, opts: ReadLimits = {}): Promise<ParsedText> {
  let bytes: Buffer;
  try {
    const info = await stat(path);
    if (info.isDirectory()) throw Object.assign(new Error('directory'), { code: 'EISDIR' });
    if (!info.isFile()) throw new IngestError('not a regular file (a pipe, socket or device)', 'io');
    if (opts.maxBytes !== undefined && info.size > opts.maxBytes) {
      throw new IngestError(`file too large: ${info.size} bytes (limit ${opts.maxBytes})`, 'too-large');
    }
    bytes = await readFileBytes(path);
  } catch (e) {
    if (e instanceof IngestError) throw e;
    throw ioError(e);
  }
  return readDocument(bytes, { ...opts, path });
}

/** Frees reader resources held for reuse (the pdf.js worker). Safe to call more than once. */
export async function closeReaders(): Promise<void> {
  if (pdfReader) await (await pdfReader).closePdfEngine();
}
