/** What a formatter gets: the files checked, with their findings, and the rules that were in force. */
import type { Diagnostic, DocumentType, Format, Referat, Severity } from '../../schemas/referat.js';
import type { Level } from '../validate/types.js';

export interface FileReport {
  /** The path as shown to the user (relative to the working folder when inside it). */
  path: string;
  format: Format | null;
  documentType: DocumentType | null;
  /** The normalized text the spans point into (for line and column), or null for an unreadable file. */
  text: string | null;
  diagnostics: Diagnostic[];
  /** Why the file could not be read, or null. */
  error: string | null;
  /** Set when the file does not look like minutes (no items, no minutes or agenda header): the reason. */
  notMinutes?: string | null;
}

export interface RuleInfo {
  id: string;
  description: string;
  defaultSeverity: Severity;
  /** The level in force after configuration. */
  level: Level;
}

export interface Report {
  files: FileReport[];
  rules: RuleInfo[];
  /** The tool version, for SARIF. */
  version: string;
  /** The working folder, for relative URIs in SARIF. */
  cwd: string;
}

export interface FormatOptions {
  color?: boolean;
  /** Show only errors (human format). */
  quiet?: boolean;
}

export type Formatter = (report: Report, options?: FormatOptions) => string;

export function counts(diagnostics: Diagnostic[]): { errors: number; warnings: number; infos: number } {
  let errors = 0;
  let warnings = 0;
  let infos = 0;
  for (const d of diagnostics) {
    if (d.severity === 'error') errors++;
    else if (d.severity === 'warning') warnings++;
    else infos++;
  }
  return { errors, warnings, infos };
}

/**
 * Why a converted file is not minutes, or null: no items and neither a minutes nor an agenda header
 * ("hello world", a memo). The rules look for the faults of minutes, so "no findings" would mislead.
 */
export function notMinutesReason(r: Pick<Referat, 'documentType' | 'items' | 'diagnostics'>): string | null {
  if (r.items.length > 0 || r.documentType === 'minutes' || r.documentType === 'agenda') return null;
  const typeMessage = r.diagnostics.find((d) => d.code === 'document-type')?.message ?? '';
  return /\((.*)\)\.?$/.exec(typeMessage)?.[1] ?? 'ingen dagsordenspunkter og intet referat- eller dagsordenshoved';
}

/** Where a finding is, as a person finds it: for paged or word-processor files the page and item (line:column of the extracted text opens in no editor), else line:column too. */
export function placeOf(f: Pick<FileReport, 'format'>, d: Diagnostic, index: { at(offset: number): { line: number; column: number } } | null): { lineColumn: { line: number; column: number } | null; words: string[] } {
  const words: string[] = [];
  if (d.span?.page != null) words.push(`side ${d.span.page}`);
  if (d.item != null) words.push(`punkt ${d.item}`);
  const textual = f.format !== 'pdf' && f.format !== 'docx';
  return { lineColumn: textual && d.span && index ? index.at(d.span.start) : null, words };
}
