/** Test helpers: invented passages through the real pipeline and the rules; the field samples. */
import { fileURLToPath } from 'node:url';
import { analyze, type AnalysisContext } from '../../src/pipeline.js';
import type { Diagnostic } from '../../schemas/referat.js';
import type { ParsedText } from '../../parsers/types.js';
import { runRules, RULES, type RuleConfig } from '../../src/validate/index.js';

export const samplePath = (name: string) => fileURLToPath(new URL(`../../samples/${name}`, import.meta.url));
export const fixturePath = (name: string) => fileURLToPath(new URL(`../fixtures/${name}`, import.meta.url));

export function parsed(text: string): ParsedText {
  return { format: 'txt', text, pageStarts: null, headingStarts: [], encoding: 'utf-8', diagnostics: [] };
}

export function analyzeText(text: string): AnalysisContext {
  const source = { path: 'passage.txt', format: 'txt' as const, sha256: '0'.repeat(64), bytes: text.length, pages: null, encoding: 'utf-8', pageInfo: null };
  return analyze(parsed(text), source);
}

/** The findings of one rule (or all rules) on a passage. */
export function check(text: string, ruleId?: string, config: RuleConfig = {}): Diagnostic[] {
  const ctx = analyzeText(text);
  const rules = ruleId ? RULES.filter((r) => r.meta.id === ruleId) : RULES;
  if (ruleId && !rules.length) throw new Error(`no rule ${ruleId}`);
  return runRules(ctx, config, rules);
}

export interface MinutesParts {
  title?: string;
  header?: string[];
  items?: string[];
}

/** A small, correct set of minutes; tests change one thing in it. */
export function minutes(parts: MinutesParts = {}): string {
  const header = parts.header ?? [
    'Mødedato: Tirsdag den 12. marts 2024 kl. 16:00',
    '',
    'Mødested: Rådhuset, mødelokale 2',
    '',
    'Deltagere: Anne Hansen (A), Bo Jensen (V), Carl Nielsen (C)',
    '',
    'Afbud: Dorte Madsen (O)',
  ];
  const items = parts.items ?? [item(1, 'Godkendelse af dagsorden'), item(2, 'Budgetopfølgning for 1. kvartal'), item(3, 'Eventuelt')];
  return [parts.title ?? 'Referat fra Økonomiudvalget den 12. marts 2024', '', ...header, '', ...items].join('\n') + '\n';
}

export function item(n: number, title: string, opts: { decision?: string | null; body?: string; heading?: string } = {}): string {
  const lines = [opts.heading ?? `Punkt ${n}: ${title}`, '', `Sagsnr.: 24/100${n}`, '', 'Sagsfremstilling', '', opts.body ?? `Sagen om ${title.toLowerCase()} forelægges udvalget.`, ''];
  if (opts.decision !== null) lines.push('Beslutning', '', opts.decision ?? 'Godkendt.', '');
  return lines.join('\n');
}

export const codes = (ds: Diagnostic[]) => ds.map((d) => d.code);
