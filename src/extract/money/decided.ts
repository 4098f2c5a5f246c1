/**
 * The amounts an item decides: the sums granted or approved ("der bevilges 500.000 kr.", "godkender
 * anvendelsen af 220.000 kr.", "en anlægsbevilling på 1,2 mio. kr."), apart from the other mentions of
 * money in the item (what the case costs, a pool's size), breakdowns of the sum ("(75.000 kr. i 2023 og
 * 145.000 kr. i 2024)", "heraf …") and table rows and totals.
 *
 * Where: an item whose decision is an approval. First the decision's own text; when it names no sum
 * ("Indstillingen blev godkendt"), the recommendation it approves (the item's indstilling sections).
 * A sum is decided when its sentence carries a grant word (vocabulary GRANT_CUE_STEMS) and no denial,
 * it is not in parentheses or after a breakdown word in that sentence, and its line is not a table row.
 * The same value decided twice in one item (a decision repeating its recommendation) counts once.
 */
import { BREAKDOWN_WORDS, GRANT_CUE_STEMS, GRANT_DENIAL_WORDS, TOTAL_ROW_LABELS } from '../../vocabulary/money.js';
import type { AmountMatch } from './amounts.js';
import type { DecisionFinding } from '../decision.js';
import type { SectionNode } from '../../segment/sections.js';

export interface DecidingItem {
  decision: DecisionFinding | null;
  sections: readonly Pick<SectionNode, 'type' | 'bodyStart' | 'bodyEnd'>[];
}

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const words = (list: readonly string[]) => list.map((w) => escape(w).replace(/ /g, '\\s+')).join('|');
const GRANT_CUE = new RegExp(`(?<![\\p{L}])(?:${words(GRANT_CUE_STEMS)})`, 'iu');
const DENIAL = new RegExp(`(?<![\\p{L}])(?:${words(GRANT_DENIAL_WORDS)})(?![\\p{L}])`, 'iu');
const BREAKDOWN_BEFORE = new RegExp(`(?<![\\p{L}])(?:${words(BREAKDOWN_WORDS)})(?![\\p{L}])[^.;]*$`, 'iu');
const TOTAL_ROW = new RegExp(`^\\s*(?:${words(TOTAL_ROW_LABELS)})(?![\\p{L}])`, 'iu');
/** A sentence ends at a line break or at ".", "!", "?" before a capital letter (not "kr. 900.000"). */
const SENTENCE_END = /\n|[.!?;](?=\s+[\p{Lu}])/gu;

function sentenceAround(text: string, from: number, to: number, at: number): [number, number] {
  let start = from;
  let end = to;
  SENTENCE_END.lastIndex = from;
  for (let m = SENTENCE_END.exec(text); m && m.index < to; m = SENTENCE_END.exec(text)) {
    if (m.index < at) start = m.index + 1;
    else {
      end = m.index;
      break;
    }
  }
  return [start, end];
}

function lineAround(text: string, at: number): string {
  const a = text.lastIndexOf('\n', at - 1) + 1;
  const b = text.indexOf('\n', at);
  return text.slice(a, b < 0 ? text.length : b);
}

function isTableRow(line: string): boolean {
  return line.includes('\t') || line.includes('|') || /\S {2,}\S.* {2,}\S/.test(line) || TOTAL_ROW.test(line);
}

/** Whether an open parenthesis before `at` in the sentence is still open there. */
function inParentheses(sentence: string): boolean {
  let depth = 0;
  for (const c of sentence) {
    if (c === '(') depth++;
    else if (c === ')' && depth > 0) depth--;
  }
  return depth > 0;
}

/** The indices (into `amounts`) of the sums each item decides, in the text's order. */
function decidedIn(text: string, amounts: readonly AmountMatch[], from: number, to: number, taken: Set<number>): number[] {
  const out: number[] = [];
  amounts.forEach((a, i) => {
    if (a.start < from || a.end > to || a.negative) return;
    if (isTableRow(lineAround(text, a.start))) return;
    const [s, e] = sentenceAround(text, from, to, a.start);
    const sentence = text.slice(s, e);
    if (!GRANT_CUE.test(sentence) || DENIAL.test(sentence)) return;
    const before = text.slice(s, (a.qualifier?.start ?? a.start));
    if (inParentheses(before) || BREAKDOWN_BEFORE.test(before)) return;
    if (taken.has(a.value)) return;
    taken.add(a.value);
    out.push(i);
  });
  return out;
}

export function findDecidedAmounts(text: string, amounts: readonly AmountMatch[], items: readonly DecidingItem[]): Set<number> {
  const decided = new Set<number>();
  for (const item of items) {
    const d = item.decision;
    if (!d || d.outcome !== 'approved') continue;
    const taken = new Set<number>();
    let found = decidedIn(text, amounts, d.start, d.end, taken);
    if (!found.length) {
      for (const sec of item.sections) {
        if (sec.type === 'indstilling') found = found.concat(decidedIn(text, amounts, sec.bodyStart, sec.bodyEnd, taken));
      }
    }
    for (const i of found) decided.add(i);
  }
  return decided;
}
