/** Internal types shared by the pipeline stages (the output types live in schemas/referat.ts). */
import type { Diagnostic, Format, PageInfo } from '../schemas/referat.js';

export type { PageInfo };

/** What a parser hands to the pipeline: plain text with pages and structural hints. */
export interface ParsedText {
  format: Format;
  /** Plain text, lines separated by "\n". */
  text: string;
  /** Offset in `text` where each page starts (page 1 at 0); null for formats without pages. */
  pageStarts: number[] | null;
  /** Offsets of line starts that the source marked as headings (DOCX Heading styles, HTML h1-h6). */
  headingStarts: number[];
  /** Detected text encoding for text inputs (e.g. "utf-8", "windows-1252"), else null. */
  encoding: string | null;
  /** Findings of the reader (no text layer, repaired mojibake, removed running headers ...); span is null here. */
  diagnostics: Diagnostic[];
  /** PDFs: where each page's text came from (text layer, OCR, none) */
  pages?: PageInfo[];
}

/** A reader failed: the file is not a readable document. `reason` is one line, for the user. */
export class IngestError extends Error {
  constructor(
    readonly reason: string,
    readonly code: string = 'unreadable',
  ) {
    super(reason);
    this.name = 'IngestError';
  }
}

/**
 * A reader failed on a document it should have read: a bug in referat or in a library it uses (mammoth,
 * parse5, pdf.js), not the input's fault. Not an IngestError: the batch labels it an internal error and
 * asks for a report with the file.
 */
export class ReaderBugError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ReaderBugError';
  }
}

/** Errors the JavaScript engine throws on a programming mistake (reading a property of null, a bad length), as opposed to a library's own error for bad input. */
export function isProgrammingError(e: unknown): boolean {
  return e instanceof TypeError || e instanceof RangeError || e instanceof ReferenceError;
}
