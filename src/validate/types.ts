/**
 * The rule contract. A rule is one module in rules/<id>.ts: its meta (id, type, default severity, Danish
 * description) and check(doc, report), which reports each finding through report(). The engine (index.ts) turns
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

/** What a rule declares of itself, in the manner of an ESLint rule's meta. */
export interface RuleMeta {
  /** English, kebab-case; the file is rules/<id>.ts. */
  id: string;
  /** 'problem': the minutes are wrong or not publishable; 'suggestion': they could be clearer. */
  type: 'problem' | 'suggestion';
  defaultSeverity: Severity;
  /** One Danish sentence: what the rule checks. */
  description: string;
}

/** The one way a rule tells what it found. */
export type Report = (finding: Finding) => void;

/**
 * A rule reads the document (its tree, its facts and its output) and reports findings; it reads no
 * text again that the pipeline has read, and returns nothing.
 */
export interface Rule {
  meta: RuleMeta;
  check(doc: AnalysisContext, report: Report): undefined;
}
