/**
 * The pipeline: file -> text with pages (parsers/) -> one document object (src/document.ts) that flows
 * one way through the stages: normalize (in the document's constructor), segment (the tree), extract
 * (the facts), serialize (the output JSON) and validate (the rules' findings). Each stage takes the
 * document and adds to it.
 */
import type { Diagnostic, Source } from '../schemas/referat.js';
import type { ParsedText } from '../parsers/types.js';
import { ReferatDocument } from './document.js';
import { segment } from './segment/index.js';
import { extract } from './extract/index.js';
import { serialize } from './serialize.js';

/** What the validation rules and the callers see: the document with its tree, facts and output. */
export type AnalysisContext = ReferatDocument;

export type Validator = (doc: ReferatDocument) => Diagnostic[];

export interface AnalyzeOptions {
  /** Validation stage; by default none (the CLI passes the rule engine). */
  validate?: Validator;
}

export function analyze(parsed: ParsedText, source: Source, options: AnalyzeOptions = {}): ReferatDocument {
  const doc = new ReferatDocument(parsed, source);
  doc.tree = segment(doc);
  extract(doc);
  doc.referat = serialize(doc);
  if (options.validate) {
    const findings = options.validate(doc);
    doc.messages.push(...findings);
    doc.referat.diagnostics.push(...findings);
  }
  return doc;
}
