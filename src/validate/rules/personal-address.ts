/**
 * personal-address: a citizen's street address ("Vestergade 12, 2. tv.") in the same sentence as, and
 * close to, a person's name or a word for the citizen ("borgeren", "klager"): warning. Officials'
 * names (participants, a name with a party letter or a title) and addresses without a person (the
 * meeting place, a local plan's area) give nothing; nor do closed items, which are not published.
 */
import type { Finding, Rule } from '../types.js';
import { STREET_NAME, FLOOR_AFTER_NUMBER, CITIZEN_WORD } from '../../vocabulary/personal-data.js';
import { itemAt, personMentions, sentenceAround } from '../persons.js';

/** A capitalised word and a house number: "Skolevej 3", "Lindevænget 14B". The word must be a street name. */
const WORD_AND_NUMBER = /(?<![\p{L}\d])(\p{Lu}\p{Ll}+)[ \u00a0]+(\d{1,4}(?: ?[A-Z])?)(?![\d\p{L}]|[.,]\d)/gu;
/** How far (characters) the name may stand from the address. */
const NEAR = 90;

export const personalAddress: Rule = {
  meta: { id: 'personal-address', type: 'problem', defaultSeverity: 'warning', description: 'En borgers adresse må ikke stå i et åbent referat.' },
  check(ctx, report) {
    const { text } = ctx;
    const persons = personMentions(ctx).filter((p) => !p.official);
    for (const m of text.matchAll(WORD_AND_NUMBER)) {
      if (!STREET_NAME.test(m[1])) continue;
      const start = m.index;
      let end = start + m[0].length;
      const floor = FLOOR_AFTER_NUMBER.exec(text.slice(end, end + 14));
      if (floor && floor[0].trim().length > 1) end += floor[0].length;
      const item = itemAt(ctx, start);
      if (!item || item.closed) continue;
      const [a, b] = sentenceAround(text, start, end);
      const near = (s: number, e: number) => s >= a && e <= b && Math.min(Math.abs(s - end), Math.abs(start - e)) <= NEAR;
      const person = persons.find((p) => near(p.start, p.end));
      let who = person?.name;
      if (!who) {
        const around = text.slice(Math.max(a, start - NEAR), Math.min(b, end + NEAR));
        who = CITIZEN_WORD.exec(around)?.[0];
      }
      if (!who) continue;
      const finding: Finding = {
        start,
        end,
        message: `En adresse (»${text.slice(start, end).trim()}«) står ved en person (»${who}«). En borgers adresse må ikke offentliggøres i et åbent referat: fjern adressen, eller flyt oplysningen til et lukket punkt.`,
      };
      report(finding);
    }
  },
};
