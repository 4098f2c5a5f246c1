/** What a formatter gets: the files checked, with their findings, and the rules that were in force. */
import type { Diagnostic, DocumentType, Format, Severity } from '../../schemas/referat.js';
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
