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

/** Outcome vocabulary, checked in this order: the specific verdicts before the general ones. */
const OUTCOMES: { outcome: Outcome; re: RegExp }[] = [
  { outcome: 'returned', re: /\b(sendes|sendt|blev\s+sendt|sende\w*)\s+(\w+\s+){0,6}tilbage\b|\btilbagesend\w*|\btilbage\s+til\s+(forvaltningen|administrationen|projektgruppen|udvalget)\b/i },
  { outcome: 'postponed', re: /\b(udsat|udsættes|udskudt|udskydes|genoptages|tages\s+op\s+(igen\s+)?på\s+(et\s+)?(senere|næste|kommende)\s+møde)\b/i },
  { outcome: 'rejected', re: /\b(ikke\s+godkendt|blev\s+ikke\s+godkendt|afvist|afvises|afslag|forkastet|forkastes|kan\s+ikke\s+(godkende|anbefale|tiltræde)|ikke\s+tiltrådt|faldt)\b/i },
  { outcome: 'approved', re: /\b(godkend\w*|tiltrådt|tiltræde\w*|vedtaget|vedtog|anbefale[rs]?\b|anbefalede|indstillingen\s+(blev\s+)?fulgt|bevilget|bevilgede|besluttede|beslutter|blev\s+besluttet|indstilles\s+til\s+godkendelse)/i },
  { outcome: 'noted', re: /\b(til\s+efterretning|taget\s+til\s+orientering|til\s+orientering|orienteringen\s+blev|blev\s+orienteret|noteret|intet\s+at\s+bemærke|intet\b)/i },
  { outcome: 'discussed', re: /\b(drøftet|drøftede|drøftelse|diskuteret|diskuterede|debatteret)\b/i },
];

export function classifyOutcome(text: string): Outcome {
  let best: { outcome: Outcome; index: number } | null = null;
  for (const { outcome, re } of OUTCOMES.slice(0, 3)) {
    const m = re.exec(text);
    if (m) return outcome;
  }
  for (const { outcome, re } of OUTCOMES.slice(3)) {
    const m = re.exec(text);
    if (m && (!best || m.index < best.index)) best = { outcome, index: m.index };
  }
  return best?.outcome ?? 'other';
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
