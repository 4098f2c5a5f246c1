/**
 * The validation stage: runs the rules (rules/index.ts) over an analysis and returns their diagnostics,
 * with the severity the configuration gives each rule. `referat convert` and `referat validate` both
 * use validator(); the formatters (src/formatters/) present the result.
 */
import type { Diagnostic, Severity } from '../../schemas/referat.js';
import type { AnalysisContext, Validator } from '../pipeline.js';
import { RULES } from './rules/index.js';
import type { Finding, Rule } from './types.js';
import type { RuleConfig } from './config.js';

export type { RuleConfig } from './config.js';
export type { Finding, Rule, Level } from './types.js';
export { RULES } from './rules/index.js';

const QUOTE_MAX = 160;

/** The offending text, on one line and at most QUOTE_MAX characters. */
export function shortQuote(s: string): string {
  const one = s.replace(/\s+/g, ' ').trim();
  return one.length > QUOTE_MAX ? one.slice(0, QUOTE_MAX - 1).trimEnd() + '…' : one;
}

/** The severity a finding gets: the configured one, else the finding's own, else the rule's default. */
export function severityOf(rule: Rule, finding: Finding, config: RuleConfig): Severity | null {
  const configured = config[rule.meta.id];
  if (configured === 'off') return null;
  return configured ?? finding.severity ?? rule.meta.defaultSeverity;
}

export function toDiagnostic(rule: Rule, f: Finding, severity: Severity, ctx: AnalysisContext): Diagnostic {
  const { text } = ctx;
  const hasSpan = f.start != null && f.end != null && f.start >= 0 && f.end >= f.start && f.end <= text.length;
  const span = hasSpan ? ctx.span(f.start!, f.end!) : null;
  let item = f.item;
  if (item === undefined) {
    item = hasSpan ? ctx.itemAt(f.start!) : null;
  }
  let quote = f.quote;
  if (quote === undefined) quote = hasSpan && f.end! > f.start! ? text.slice(f.start!, f.end!) : null;
  return { code: rule.meta.id, severity, message: f.message, span, item, quote: quote == null ? null : shortQuote(quote) };
}

/** Runs every rule that is not off; a rule that throws is reported as an internal problem, not fatal. */
export function runRules(ctx: AnalysisContext, config: RuleConfig = {}, rules: Rule[] = RULES): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const rule of rules) {
    if (config[rule.meta.id] === 'off') continue;
    const findings: Finding[] = [];
    try {
      rule.check(ctx, (f) => findings.push(f));
    } catch (e) {
      out.push({ code: 'rule-failed', severity: 'warning', message: `Reglen ${rule.meta.id} kunne ikke køres (intern fejl: ${(e as Error)?.message?.split('\n')[0] ?? String(e)}).`, span: null, item: null, quote: null });
      continue;
    }
    for (const f of findings) {
      const severity = severityOf(rule, f, config);
      if (severity) out.push(toDiagnostic(rule, f, severity, ctx));
    }
  }
  // Document order; findings without a place first.
  return out
    .map((d, i) => ({ d, i }))
    .sort((a, b) => (a.d.span?.start ?? -1) - (b.d.span?.start ?? -1) || a.i - b.i)
    .map((x) => x.d);
}

export function validator(config: RuleConfig = {}): Validator {
  return (ctx: AnalysisContext): Diagnostic[] => runRules(ctx, config);
}
