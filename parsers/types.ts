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
