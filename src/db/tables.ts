/**
 * The analysis tables: one row set per output document, flat and keyed so that the tables join.
 *
 * `document_id` is the output's path relative to the output folder without ".json" (= the input's path
 * relative to the folder that was converted, e.g. "2024/udvalg/referat.pdf"); it is unique within an
 * output folder. Items are keyed by (document_id, item_number); sections, decisions, amounts and dates
 * point at their item through item_number (null when outside any item).
 *
 * `meeting_key` names the meeting a document records (date, body and level), so the same minutes
 * converted from several files (a PDF and a DOCX) can be counted once: the `meetings` view keeps one
 * document per meeting.
 */
import type { Referat, Span } from '../../schemas/referat.js';

export type ColumnType = 'VARCHAR' | 'INTEGER' | 'BIGINT' | 'BOOLEAN' | 'DATE' | 'VARCHAR[]';
export type Cell = string | number | boolean | null | string[];
export type Row = Cell[];

export interface TableDef {
  name: TableName;
  description: string;
  columns: readonly (readonly [name: string, type: ColumnType])[];
  /** the columns that identify a row (documented, not enforced: a constraint violation must not lose the whole database) */
  primaryKey: readonly string[];
}

export const TABLE_NAMES = ['documents', 'items', 'sections', 'decisions', 'amounts', 'dates', 'participants', 'diagnostics'] as const;
export type TableName = (typeof TABLE_NAMES)[number];
export type TableRows = Record<TableName, Row[]>;

const SPAN_COLUMNS = [
  ['page', 'INTEGER'],
  ['span_start', 'INTEGER'],
  ['span_end', 'INTEGER'],
] as const;

export const TABLES: Record<TableName, TableDef> = {
  documents: {
    name: 'documents',
    description: 'one row per converted document',
    columns: [
      ['document_id', 'VARCHAR'],
      ['output_file', 'VARCHAR'],
      ['source_path', 'VARCHAR'],
      ['format', 'VARCHAR'],
      ['sha256', 'VARCHAR'],
      ['bytes', 'BIGINT'],
      ['pages', 'INTEGER'],
      ['encoding', 'VARCHAR'],
      ['document_type', 'VARCHAR'],
      ['title', 'VARCHAR'],
      ['body', 'VARCHAR'],
      ['level', 'VARCHAR'],
      ['meeting_date', 'DATE'],
      ['meeting_year', 'INTEGER'],
      ['meeting_key', 'VARCHAR'],
      ['start_time', 'VARCHAR'],
      ['end_time', 'VARCHAR'],
      ['location', 'VARCHAR'],
      ['item_count', 'INTEGER'],
      ['decision_count', 'INTEGER'],
      ['participant_count', 'INTEGER'],
      ['amount_count', 'INTEGER'],
      ['error_count', 'INTEGER'],
      ['warning_count', 'INTEGER'],
      ['generator_version', 'VARCHAR'],
      ['schema_version', 'VARCHAR'],
    ],
    primaryKey: ['document_id'],
  },
  items: {
    name: 'items',
    description: 'agenda items (dagsordenspunkter)',
    columns: [
      ['document_id', 'VARCHAR'],
      ['item_number', 'INTEGER'],
      ['item_index', 'INTEGER'],
      ['number_inferred', 'BOOLEAN'],
      ['title', 'VARCHAR'],
      ['kind', 'VARCHAR'],
      ['case_number', 'VARCHAR'],
      ['closed', 'BOOLEAN'],
      ['has_decision', 'BOOLEAN'],
      ['decision_outcome', 'VARCHAR'],
      ['section_count', 'INTEGER'],
      ['decided_amount_dkk', 'BIGINT'],
      ['recommendations', 'VARCHAR[]'],
      ['attachments', 'VARCHAR[]'],
      ['absent', 'VARCHAR[]'],
      ...SPAN_COLUMNS,
    ],
    primaryKey: ['document_id', 'item_number'],
  },
  sections: {
    name: 'sections',
    description: 'the sections of each item (resume, sagsfremstilling, indstilling, beslutning, ...)',
    columns: [
      ['document_id', 'VARCHAR'],
      ['item_number', 'INTEGER'],
      ['section_index', 'INTEGER'],
      ['type', 'VARCHAR'],
      ['heading', 'VARCHAR'],
      ['text', 'VARCHAR'],
      ...SPAN_COLUMNS,
    ],
    primaryKey: ['document_id', 'item_number', 'section_index'],
  },
  decisions: {
    name: 'decisions',
    description: 'the decision of an item (at most one per item)',
    columns: [
      ['document_id', 'VARCHAR'],
      ['item_number', 'INTEGER'],
      ['outcome', 'VARCHAR'],
      ['text', 'VARCHAR'],
      ...SPAN_COLUMNS,
    ],
    primaryKey: ['document_id', 'item_number'],
  },
  amounts: {
    name: 'amounts',
    description: 'amounts of money (whole DKK) mentioned in the text; decided: the sum an item grants or approves (null for outputs of releases before it was read)',
    columns: [
      ['document_id', 'VARCHAR'],
      ['amount_index', 'INTEGER'],
      ['item_number', 'INTEGER'],
      ['raw', 'VARCHAR'],
      ['value', 'BIGINT'],
      ['approximate', 'BOOLEAN'],
      ['decided', 'BOOLEAN'],
      ...SPAN_COLUMNS,
    ],
    primaryKey: ['document_id', 'amount_index'],
  },
  dates: {
    name: 'dates',
    description: 'dates mentioned in the text',
    columns: [
      ['document_id', 'VARCHAR'],
      ['date_index', 'INTEGER'],
      ['item_number', 'INTEGER'],
      ['raw', 'VARCHAR'],
      ['date', 'DATE'],
      ['end_date', 'DATE'],
      ['year_inferred', 'BOOLEAN'],
      ...SPAN_COLUMNS,
    ],
    primaryKey: ['document_id', 'date_index'],
  },
  participants: {
    name: 'participants',
    description: 'members and others listed as present or absent at the meeting',
    columns: [
      ['document_id', 'VARCHAR'],
      ['participant_index', 'INTEGER'],
      ['name', 'VARCHAR'],
      ['affiliation', 'VARCHAR'],
      ['role', 'VARCHAR'],
      ['status', 'VARCHAR'],
      ['substitute_for', 'VARCHAR'],
      ...SPAN_COLUMNS,
    ],
    primaryKey: ['document_id', 'participant_index'],
  },
  diagnostics: {
    name: 'diagnostics',
    description: 'findings of the readers, the pipeline and the validation rules',
    columns: [
      ['document_id', 'VARCHAR'],
      ['diagnostic_index', 'INTEGER'],
      ['code', 'VARCHAR'],
      ['severity', 'VARCHAR'],
      ['message', 'VARCHAR'],
      ['item_number', 'INTEGER'],
      ['quote', 'VARCHAR'],
      ...SPAN_COLUMNS,
    ],
    primaryKey: ['document_id', 'diagnostic_index'],
  },
};

export interface ViewDef {
  name: string;
  description: string;
  sql: string;
}

/**
 * Views over the tables, created with the database. `meetings`: one row per meeting, the document that
 * stands for it (most decisions, then most items, then the first id) and how many documents record it;
 * a document with no meeting key (no body or date read) is a meeting of its own.
 */
export const VIEWS: readonly ViewDef[] = [
  {
    name: 'meetings',
    description: 'one row per meeting (meeting_key), with the document that stands for it',
    sql: `CREATE VIEW meetings AS
SELECT coalesce(meeting_key, document_id) AS meeting_key, document_id, body, level, meeting_date, meeting_year, documents, document_ids
FROM (
  SELECT *,
         row_number() OVER (PARTITION BY coalesce(meeting_key, document_id) ORDER BY decision_count DESC, item_count DESC, document_id) AS rank_in_meeting,
         count(*) OVER (PARTITION BY coalesce(meeting_key, document_id)) AS documents,
         list(document_id) OVER (PARTITION BY coalesce(meeting_key, document_id) ORDER BY document_id ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING) AS document_ids
  FROM documents
)
WHERE rank_in_meeting = 1`,
  },
];

/**
 * The meeting a document records: "2024-04-26|sundhedsklynge lillebælt|politisk" (body in lower case,
 * spaces collapsed; the level only when read), or null without a body or a date.
 */
export function meetingKey(meeting: Pick<NonNullable<Referat['meeting']>, 'body' | 'date' | 'level'> | null): string | null {
  if (!meeting?.body || !meeting.date) return null;
  const body = meeting.body.toLowerCase().replace(/\s+/g, ' ').trim();
  return [meeting.date, body, ...(meeting.level ? [meeting.level] : [])].join('|');
}

export function emptyRows(): TableRows {
  return { documents: [], items: [], sections: [], decisions: [], amounts: [], dates: [], participants: [], diagnostics: [] };
}

export function rowCount(rows: TableRows): number {
  let n = 0;
  for (const t of TABLE_NAMES) n += rows[t].length;
  return n;
}

function spanCells(span: Span | null): Cell[] {
  return span ? [span.page, span.start, span.end] : [null, null, null];
}

/** The document id of an output file ("a/b.pdf.json" -> "a/b.pdf"), with "/" separators. */
export function documentIdOf(outputRelative: string): string {
  return outputRelative.split('\\').join('/').replace(/\.json$/, '');
}

/** Flattens one output into rows for every table (column order as in TABLES). */
export function rowsFor(referat: Referat, documentId: string, outputFile: string): TableRows {
  const rows = emptyRows();
  const m = referat.meeting;
  const s = referat.source;
  rows.documents.push([
    documentId,
    outputFile,
    s.path,
    s.format,
    s.sha256,
    s.bytes,
    s.pages,
    s.encoding,
    referat.documentType,
    m?.title ?? null,
    m?.body ?? null,
    m?.level ?? null,
    m?.date ?? null,
    m?.date ? Number(m.date.slice(0, 4)) : null,
    meetingKey(m),
    m?.startTime ?? null,
    m?.endTime ?? null,
    m?.location ?? null,
    referat.items.length,
    referat.items.filter((i) => i.decision).length,
    referat.participants.length,
    referat.amounts.length,
    referat.diagnostics.filter((d) => d.severity === 'error').length,
    referat.diagnostics.filter((d) => d.severity === 'warning').length,
    referat.generator.version,
    referat.schemaVersion,
  ]);
  referat.items.forEach((item, index) => {
    rows.items.push([
      documentId,
      item.number,
      index,
      item.numberInferred,
      item.title,
      item.kind,
      item.caseNumber,
      item.closed,
      item.decision !== null,
      item.decision?.outcome ?? null,
      item.sections.length,
      item.decidedAmount ?? null,
      item.recommendations,
      item.attachments,
      item.absent,
      ...spanCells(item.span),
    ]);
    item.sections.forEach((sec, si) => {
      rows.sections.push([documentId, item.number, si, sec.type, sec.heading, sec.text, ...spanCells(sec.span)]);
    });
    if (item.decision) rows.decisions.push([documentId, item.number, item.decision.outcome, item.decision.text, ...spanCells(item.decision.span)]);
  });
  referat.amounts.forEach((a, i) => rows.amounts.push([documentId, i, a.item, a.raw, a.value, a.approximate, a.decided ?? null, ...spanCells(a.span)]));
  referat.dates.forEach((d, i) => rows.dates.push([documentId, i, d.item, d.raw, d.date, d.end, d.yearInferred, ...spanCells(d.span)]));
  referat.participants.forEach((p, i) =>
    rows.participants.push([documentId, i, p.name, p.affiliation, p.role, p.status, p.substituteFor, ...spanCells(p.span)]),
  );
  referat.diagnostics.forEach((d, i) =>
    rows.diagnostics.push([documentId, i, d.code, d.severity, d.message, d.item, d.quote, ...spanCells(d.span)]),
  );
  return rows;
}
