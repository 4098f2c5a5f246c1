/**
 * amount-ambiguous: an amount written so that it can be read two ways ("2.5 mio. kr." with a decimal
 * point, "1. mio. kr." with a stray dot, "1,500,000 kr." with English thousands). The extractor reads it
 * one way (AmountMatch.ambiguous); the finding says how, so the writer can make it unambiguous. An
 * amount whose digits go on after it ("kr. 2.6 0 0.0 0 0" in a letter-spaced transcript) was cut out of
 * a longer number: its reading says nothing about how it is written, so it is not reported.
 */
import type { Finding, Rule } from '../types.js';
import { danishNumber } from '../helpers.js';
import { DOT_DECIMAL_WITH_SCALE } from '../../vocabulary/money.js';

function advice(raw: string): { problem: string; fix: string } {
  const dec = /(\d+)\.(\d{1,2})(?!\d)/.exec(raw);
  if (DOT_DECIMAL_WITH_SCALE.test(raw) && !dec) {
    const n = /(\d+)\./.exec(raw)?.[1] ?? '';
    return { problem: 'har et punktum efter tallet', fix: `skriv »${raw.replace(/(\d+)\.\s*/, '$1 ')}« (eller fx »${n},5 …«, hvis der mangler decimaler)` };
  }
  if (dec) return { problem: 'er skrevet med decimalpunktum', fix: `skriv decimalkomma: »${raw.replace(/(\d+)\.(\d{1,2})(?!\d)/, '$1,$2')}«` };
  if (/\d{1,3}(,\d{3}){2,}/.test(raw)) return { problem: 'er skrevet med engelske tusindtalsskilletegn', fix: `skriv »${raw.replace(/,/g, '.')}«` };
  return { problem: 'kan læses på flere måder', fix: 'skriv beløbet entydigt' };
}

export const amountAmbiguous: Rule = {
  meta: { id: 'amount-ambiguous', type: 'suggestion', defaultSeverity: 'warning', description: 'Beløb skal skrives entydigt på dansk (decimalkomma, ingen løse punktummer).' },
  check(ctx, report) {
    for (const a of ctx.facts.amounts) {
      if (!a.ambiguous) continue;
      if (/\d$/.test(a.raw) && /^[ \u00a0]?\d/.test(ctx.text.slice(a.end, a.end + 2))) continue;
      const { problem, fix } = advice(a.raw);
      report({
        start: a.start,
        end: a.end,
        message: `Beløbet »${a.raw}« ${problem}; det er læst som ${danishNumber(a.value)} kr. Er det rigtigt, så ${fix}.`,
      });
    }
    },
};
