/**
 * The decision of an item: the text of its last decision block (a "Beslutning"/"Referat"/"Behandling i
 * ..." section plus what continues after an inline absence line), and its outcome. A closed item whose
 * decision says only "Lukket punkt" has no decision to report.
 */
import type { Outcome } from '../../schemas/referat.js';
import type { ItemNode } from '../segment/index.js';
import type { SectionNode } from '../segment/sections.js';
import { findDates } from './dates/dates.js';

export interface DecisionFinding {
  text: string;
  outcome: Outcome;
  start: number;
  end: number;
}

/** Outcome vocabulary, checked in this order within a sentence: the specific verdicts before the general ones. */
const OUTCOMES: { outcome: Outcome; re: RegExp }[] = [
  { outcome: 'returned', re: /\b(sendes|sendt|blev\s+sendt|sende\w*)\s+(\w+\s+){0,6}(tilbage|retur)\b|\btilbagesend\w*|\b(tilbage|retur)\s+til\s+(forvaltningen|administrationen|projektgruppen|udvalget|sekretariatet)\b/i },
  { outcome: 'postponed', re: /\b(udsat|udsættes|udsætte|udskudt|udskydes|genoptages|tages\s+op\s+(igen\s+)?på\s+(et\s+)?(senere|næste|kommende)\s+møde)\b/i },
  { outcome: 'rejected', re: /\b(ikke\s+godkendt|blev\s+ikke\s+godkendt|ikke\s+vedtaget|kunne\s+ikke\s+godkendes|afvist|afvises|afslag|forkastet|forkastes|nedstemt|stemt\s+ned|kan\s+ikke\s+(godkende|anbefale|tiltræde)|ikke\s+tiltrådt|faldt)\b/i },
  { outcome: 'approved', re: /\b(godkend\w*|tiltrådt|tiltræde\w*|vedtaget|vedtog|anbefale[rst]?\b|anbefalede|indstillingen\s+(blev\s+)?fulgt|bevilget|bevilgede|besluttede|beslutter|blev\s+besluttet|indstilles\s+til\s+godkendelse)/i },
  { outcome: 'noted', re: /\b(til\s+efterretning|taget\s+til\s+orientering|til\s+orientering|orienteringen\s+blev|blev\s+orienteret|noteret|intet\s+at\s+bemærke|intet\b)/i },
  { outcome: 'discussed', re: /\b(drøftet|drøftede|drøftelse|diskuteret|diskuterede|debatteret)\b/i },
];

/**
 * A sentence that records a minority or a vote ("Et mindretal (Ø) stemte imod", "X (O) kunne ikke
 * anbefale", "Ø kan ikke godkende"): not the body's decision.
 */
const MINORITY = /\bmindretal|\bstemte\s+imod|\btog\s+forbehold|\([A-ZÆØÅ]{1,2}(,\s*[A-ZÆØÅ]{1,2})*\)|^\s*[A-ZÆØÅ]{1,2}\s+(kan|kunne|ønsker|ønskede)\s+ikke\b/;

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

const CLOSED_ONLY = /^\s*(lukket(\s+punkt|\s+sag)?|behandlet\s+for\s+lukkede\s+døre)\.?\s*$/i;

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
export function extractDecision(item: ItemNode, text: string, meetingDate: string | null = null): DecisionFinding | null {
  const all = blocks(item.sections);
  if (meetingDate && all.length > 1) {
    const own = all.filter((b) => b[0].heading && findDates(b[0].heading, {}).some((d) => d.date === meetingDate));
    if (own.length) all.splice(0, all.length, ...all.filter((b) => !own.includes(b)), ...own);
  }
  for (let k = all.length - 1; k >= 0; k--) {
    const parts = all[k].filter((s) => s.bodyEnd > s.bodyStart);
    if (!parts.length) continue;
    const body = parts.map((s) => text.slice(s.bodyStart, s.bodyEnd).trim()).filter(Boolean).join('\n').replace(/^[-•·*–]\s+/, '');
    if (!body) continue;
    if (CLOSED_ONLY.test(body)) return null;
    return { text: body, outcome: classifyOutcome(body), start: parts[0].bodyStart, end: parts[parts.length - 1].bodyEnd };
  }
  return null;
}
