/**
 * The output contract (schema version 1), as zod schemas. `schemas/referat.schema.json` is generated
 * from these by `npm run schema`; a test fails when the checked-in file is stale.
 * Absent values are `null` or `[]`, never missing keys. Fields added within a schema version are
 * additive and optional in the schema (an output of an earlier 0.x release lacks them and still
 * validates); the tool always writes them. A change that removes or redefines a field raises the version.
 */
import { z } from 'zod';
import { SCHEMA_VERSION } from './schema-version.js';

export { SCHEMA_VERSION };

export const Span = z
  .object({
    start: z.number().int().nonnegative().describe('offset of the first character in `text`'),
    end: z.number().int().nonnegative().describe('offset after the last character in `text`'),
    page: z.number().int().positive().nullable().describe('1-based page of `start` for paged formats, else null'),
  })
  .describe('[start, end) into the normalized text');

export const Severity = z.enum(['error', 'warning', 'info']);

export const Diagnostic = z.object({
  code: z.string().describe('stable rule or stage id, e.g. "item-missing-decision"'),
  severity: Severity,
  message: z.string().describe('what is wrong and what to do, in Danish for validation rules'),
  span: Span.nullable(),
  item: z.number().int().nullable().describe('the item number the finding belongs to, or null'),
  quote: z.string().nullable().describe('the offending text as written (short), or null'),
});

export const Format = z.enum(['pdf', 'docx', 'txt', 'html']);

export const PageInfo = z.object({
  page: z.number().int().positive(),
  origin: z
    .enum(['text-layer', 'ocr', 'none'])
    .describe('where the page\'s text came from: the PDF\'s text layer, OCR of a scanned page (values on it may be misread), or nowhere'),
  ocrConfidence: z.number().min(0).max(100).nullable().describe('OCR pages: mean word confidence (0-100) that Tesseract reported; else null'),
});

export const Source = z.object({
  path: z.string(),
  format: Format,
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  bytes: z.number().int().nonnegative(),
  pages: z.number().int().nonnegative().nullable(),
  encoding: z.string().nullable().describe('the text encoding detected for text inputs, else null'),
  pageInfo: z.array(PageInfo).nullable().describe('PDFs: one entry per page, saying where its text came from; null for other formats'),
});

export const DocumentType = z.enum(['minutes', 'agenda', 'memo', 'unknown']);
export const Level = z.enum(['politisk', 'fagligt strategisk']);

export const Meeting = z.object({
  title: z.string().nullable().describe('the title line as written'),
  body: z.string().nullable().describe('the forum that met, without a level suffix'),
  level: Level.nullable(),
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).nullable(),
  startTime: z.string().regex(/^\d{2}:\d{2}$/).nullable(),
  endTime: z.string().regex(/^\d{2}:\d{2}$/).nullable(),
  location: z.string().nullable(),
  span: Span.nullable().describe('the header block'),
});

export const ParticipantStatus = z.enum(['present', 'absent']);

export const Participant = z.object({
  name: z.string(),
  affiliation: z.string().nullable(),
  role: z.string().nullable(),
  status: ParticipantStatus,
  substituteFor: z.string().nullable().describe('the member this person stood in for, if stated'),
  span: Span,
});

export const SectionType = z.enum(['resume', 'sagsfremstilling', 'indstilling', 'beslutning', 'bilag', 'absent', 'other']);

export const Section = z.object({
  type: SectionType,
  heading: z.string().nullable().describe('the heading as written; null for unheaded body text'),
  text: z.string().describe('the section body without its heading'),
  span: Span,
});

export const Outcome = z.enum(['approved', 'noted', 'discussed', 'rejected', 'postponed', 'returned', 'other']);

export const Decision = z.object({
  text: z.string(),
  outcome: Outcome,
  span: Span,
});

export const ItemKind = z.enum(['beslutning', 'orientering', 'drøftelse']);

export const Item = z.object({
  number: z.number().int(),
  numberInferred: z.boolean().describe('true when the document shows no number and the item was numbered in order'),
  title: z.string(),
  kind: ItemKind.nullable(),
  caseNumber: z.string().nullable(),
  closed: z.boolean().describe('a closed item (LUKKET PUNKT)'),
  span: Span,
  sections: z.array(Section),
  recommendations: z.array(z.string()),
  decision: Decision.nullable(),
  attachments: z.array(z.string()),
  absent: z.array(z.string()),
  confidence: z.number().min(0).max(1).describe('how sure the segmenter is of this item (its heading\'s layout evidence, the table of contents, its sections); 0.5 for an item only the table of contents lists'),
  decidedAmount: z
    .number()
    .int()
    .nullable()
    .optional()
    .describe('whole DKK the item decides: the sum of its amounts with `decided` true, or null when its text grants or approves no sum (always written; optional for outputs of earlier releases)'),
});

export const Amount = z.object({
  raw: z.string(),
  value: z.number().int().describe('whole DKK'),
  approximate: z.boolean(),
  item: z.number().int().nullable(),
  span: Span,
  decided: z
    .boolean()
    .optional()
    .describe('true for a sum the item decides (granted or approved in an approved decision, or in the recommendation it approves); false for mentions, breakdowns of the sum, table rows and totals (always written; optional for outputs of earlier releases)'),
});

export const DateMention = z.object({
  raw: z.string(),
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  end: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).nullable(),
  yearInferred: z.boolean(),
  item: z.number().int().nullable(),
  span: Span,
});

export const TocEntry = z.object({
  number: z.number().int().nullable(),
  title: z.string(),
  page: z.number().int().nullable().describe('the page number printed in the TOC, if any'),
  span: Span,
});

export const Referat = z.object({
  schemaVersion: z.literal(SCHEMA_VERSION),
  generator: z.object({
    name: z.literal('referat'),
    version: z.string(),
    config: z.string().regex(/^[0-9a-f]{64}$/).optional().describe('sha256 of the rule configuration the document was validated with (batch outputs)'),
  }),
  source: Source,
  text: z.string(),
  documentType: DocumentType,
  meeting: Meeting.nullable(),
  participants: z.array(Participant),
  toc: z.array(TocEntry),
  structure: z
    .object({
      confidence: z.number().min(0).max(1).describe('how sure the segmenter is of the item structure; under 0.6 a structure-uncertain warning is added'),
      reasons: z.array(z.string()).describe('what lowered it, in Danish'),
    })
    .describe('the confidence of the document\'s structure, so the documents that need a look can be found'),
  items: z.array(Item),
  amounts: z.array(Amount),
  dates: z.array(DateMention),
  diagnostics: z.array(Diagnostic),
});

export type Span = z.infer<typeof Span>;
export type Diagnostic = z.infer<typeof Diagnostic>;
export type Severity = z.infer<typeof Severity>;
export type Format = z.infer<typeof Format>;
export type Source = z.infer<typeof Source>;
export type PageInfo = z.infer<typeof PageInfo>;
export type DocumentType = z.infer<typeof DocumentType>;
export type Meeting = z.infer<typeof Meeting>;
export type Participant = z.infer<typeof Participant>;
export type SectionType = z.infer<typeof SectionType>;
export type Section = z.infer<typeof Section>;
export type Outcome = z.infer<typeof Outcome>;
export type Decision = z.infer<typeof Decision>;
export type ItemKind = z.infer<typeof ItemKind>;
export type Item = z.infer<typeof Item>;
export type Amount = z.infer<typeof Amount>;
export type DateMention = z.infer<typeof DateMention>;
export type TocEntry = z.infer<typeof TocEntry>;
export type Referat = z.infer<typeof Referat>;
