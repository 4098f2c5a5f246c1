/**
 * The rule contract. A rule is one module in rules/<id>.ts: an id (English, kebab-case), a default
 * severity, a Danish description, and check(ctx) returning findings. The engine (index.ts) turns
 * findings into diagnostics: it adds the page, the item and the quote where the rule left them out,
 * and applies the configured severity.
 */
import type { Severity } from '../../schemas/referat.js';
import type { AnalysisContext } from '../pipeline.js';

export type Level = Severity | 'off';

export interface Finding {
  /** What is wrong, where, and what to do, in Danish. */
  message: string;
  /** [start, end) in referat.text; leave out for a finding about the whole document. */
  start?: number;
  end?: number;
  /** The item the finding belongs to; by default the item that contains `start`. */
  item?: number | null;
  /** The offending text as written; by default the text at [start, end), shortened. */
  quote?: string | null;
  /**
   * A grade for this finding other than the rule's default (e.g. a numbering gap is a warning, a
   * duplicate number an error). A severity set in the configuration overrides it.
   */
  severity?: Severity;
}

export interface Rule {
  id: string;
  defaultSeverity: Severity;
  /** One Danish sentence: what the rule checks. */
  description: string;
  check(ctx: AnalysisContext): Finding[];
}
