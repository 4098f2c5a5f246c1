/**
 * The decision of an item: the text of its last decision block (a "Beslutning"/"Referat"/"Behandling i
 * ..." section plus what continues after an inline absence line), and its outcome. A closed item whose
 * decision says only "Lukket punkt" has no decision to report.
 */
import type { Outcome } from '../../schemas/referat.js';
import type { ItemNode } from '../segment/index.js';
import type { SectionNode } from '../segment/sections.js';
import { findDates } from './dates/dates.js';
import { CLOSED_ONLY, DECISION_ATTRIBUTION } from '../vocabulary/outcomes.js';
import { OUTCOMES, MINORITY } from '../vocabulary/outcomes.js';

export interface DecisionFinding {
  text: string;
  outcome: Outcome;
  start: number;
  end: number;
  /** The record is the item's own text, under no heading: that text is the item's beslutning section. */
  unheaded?: boolean;
}

function firstOutcome(text: string, rules: typeof OUTCOMES): Outcome | null {
  let best: { outcome: Outcome; index: number } | null = null;
  for (const { outcome, re } of rules) {
    const m = re.exec(text);
    if (m && (!best || m.index < best.index)) best = { outcome, index: m.index };
  }
  return best?.outcome ?? null;
}

/**
 * A specific verdict (returned, postponed, rejected) anywhere in the decision wins over the general
 * ones ("Drøftet. Sagen genoptages på næste møde." is postponed); otherwise the first general verdict.
 * Sentences that record a minority or a vote count only when no other sentence states an outcome.
 */
export function classifyOutcome(text: string): Outcome {
  const sentences = text.split(/(?<=[.!?])\s+(?=[A-ZÆØÅ])|\n+/).filter((s) => s.trim());
  const main = sentences.filter((s) => !MINORITY.test(s)).join(' ');
  for (const body of [main, text]) {
    for (const { outcome, re } of OUTCOMES.slice(0, 3)) if (re.test(body)) return outcome;
    const general = firstOutcome(body, OUTCOMES.slice(3));
    if (general) return general;
  }
  return 'other';
}

function blocks(sections: SectionNode[]): SectionNode[][] {
  const out: SectionNode[][] = [];
  for (const s of sections) {
    if (s.type !== 'beslutning') continue;
    if (s.continued && out.length) out[out.length - 1].push(s);
    else out.push([s]);
  }
  return out;
}

/**
 * The decision block of this meeting: the one whose heading carries the meeting's date when several
 * committees' decisions are chained (newest first in First Agenda, last in Acadre), else the last one.
 */
/** The text of a run of sections (their bodies, trimmed, one per line) with where it starts and ends. */
/** A list's dash or bullet before a record's first line ("– Formandens beretning blev drøftet"): not part of it. */
export const LEADING_LIST_DASH = /^[-•·*–]\s+/;

export function recordOf(sections: SectionNode[], text: string): { text: string; start: number; end: number } | null {
  const parts = sections.filter((s) => s.bodyEnd > s.bodyStart);
  if (!parts.length) return null;
  const body = parts.map((s) => text.slice(s.bodyStart, s.bodyEnd).trim()).filter(Boolean).join('\n');
  return { text: body, start: parts[0].bodyStart, end: parts[parts.length - 1].bodyEnd };
}

export function extractDecision(item: ItemNode, text: string, meetingDate: string | null = null): DecisionFinding | null {
  const all = blocks(item.sections);
  if (meetingDate && all.length > 1) {
    const own = all.filter((b) => b[0].heading && findDates(b[0].heading, {}).some((d) => d.date === meetingDate));
    if (own.length) all.splice(0, all.length, ...all.filter((b) => !own.includes(b)), ...own);
  }
  for (let k = all.length - 1; k >= 0; k--) {
    const record = recordOf(all[k], text);
    let body = record?.text.replace(LEADING_LIST_DASH, '');
    if (!record || !body) continue;
    // "Kultur- og Demokratiudvalget, 03.09.2018" first: who decided and when, not what.
    const attribution = DECISION_ATTRIBUTION.exec(body);
    let start = record.start;
    if (attribution && body.length > attribution[0].length) {
      body = body.slice(attribution[0].length);
      const at = text.indexOf(body, record.start);
      if (at >= 0) start = at;
    }
    if (CLOSED_ONLY.test(body)) return null;
    return { text: body, outcome: classifyOutcome(body), start, end: record.end };
  }
  return null;
}
