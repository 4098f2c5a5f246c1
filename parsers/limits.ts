/**
 * Resource limits on one input document, with defaults that a real archive of minutes never reaches
 * (a 2000-page PDF, a DOCX that expands to 200 MB). They exist so that a hostile or broken file fails
 * with a one-line reason instead of taking a process's memory or time. README.md, "Limits", lists them.
 *
 * Who enforces what:
 * - the readers (parsers/index.ts readDocument options): maxPages, maxUncompressed, maxXmlDepth,
 *   maxZipEntries, readTimeoutMs (timeoutMs), and maxBytes when the caller passes it;
 * - the batch (referat convert): maxBytes (--max-size) before a file is read, perFileTimeoutMs (--timeout)
 *   by ending the worker thread that converts the file.
 */

export interface Limits {
  /** Largest input file in bytes. CLI: --max-size. The library applies it only when passed (readDocument/readFile maxBytes). */
  maxBytes: number;
  /** Most pages a PDF may have; checked right after the PDF is opened, before any page is read. */
  maxPages: number;
  /** Most bytes a DOCX may expand to, all parts together: the declared sizes, then the actual inflated bytes, before any part is parsed. */
  maxUncompressed: number;
  /** Deepest element nesting in a DOCX XML part (Word's own documents stay below 100). */
  maxXmlDepth: number;
  /** Most parts (zip entries) in a DOCX (Word's own documents have a few dozen). */
  maxZipEntries: number;
  /** Per-file time limit of the batch in ms (CLI: --timeout); a file over it fails and its worker thread is replaced. */
  perFileTimeoutMs: number;
  /**
   * Time limit of one PDF read in ms (readDocument timeoutMs; 0 = none), for library use: pdf.js runs in
   * a thread of its own, which is terminated when a read passes it. In the batch, --timeout (shorter by
   * default) ends the whole worker first.
   */
  readTimeoutMs: number;
}

/** Heap limit of the pdf.js thread in MB (parsers/pdf.ts): a PDF that exhausts it fails alone ("the PDF reader ran out of memory"). */
export const PDF_THREAD_HEAP_MB = 2048;

export const MB = 1024 * 1024;

export const DEFAULT_LIMITS: Readonly<Limits> = Object.freeze({
  maxBytes: 100 * MB,
  maxPages: 2000,
  maxUncompressed: 200 * MB,
  maxXmlDepth: 500,
  maxZipEntries: 10_000,
  perFileTimeoutMs: 60_000,
  readTimeoutMs: 600_000,
});

/** "200 MB", "1.5 GB", "512 kB", "12 bytes": sizes in limit messages. */
export function formatSize(n: number): string {
  const fmt = (v: number) => (Number.isInteger(v) ? String(v) : v.toFixed(1));
  if (n >= 1024 * MB) return `${fmt(Math.round((n / 1024 / MB) * 10) / 10)} GB`;
  if (n >= MB) return `${fmt(Math.round((n / MB) * 10) / 10)} MB`;
  if (n >= 1024) return `${fmt(Math.round((n / 1024) * 10) / 10)} kB`;
  return `${n} bytes`;
}
