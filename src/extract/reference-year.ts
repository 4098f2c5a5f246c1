/**
 * The year a year-less date ("d. 12. november", "10. maj") belongs to: the year of the meeting's
 * own fully written date when the header has one, else the year most dates in the document carry,
 * else the year most often written. Returned with the reason, for the diagnostic.
 */
import type { ReferatDocument } from '../document.js';
import { findDates } from './dates/dates.js';

export function inferReferenceYear({ tree, text }: ReferatDocument): { year: number | null; reason: string } {
  const headerText = text.slice(tree.header.start, tree.header.end);
  const written = (t: string) => findDates(t, {}).filter((d) => !d.yearInferred);
  const inHeader = written(headerText);
  if (inHeader.length) return { year: Number(inHeader[0].date.slice(0, 4)), reason: 'året i mødehovedets dato' };
  const all = written(text);
  const count = (years: number[]) => {
    const m = new Map<number, number>();
    for (const y of years) m.set(y, (m.get(y) ?? 0) + 1);
    return [...m].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0];
  };
  if (all.length) {
    const [year] = count(all.map((d) => Number(d.date.slice(0, 4))));
    return { year, reason: 'det år de fleste datoer i dokumentet har' };
  }
  const years = [...text.matchAll(/(?<![\d./-])(19[89]\d|20\d\d)(?![\d/-]|\.\d)/g)].map((m) => Number(m[1]));
  if (years.length) {
    const [year] = count(years);
    return { year, reason: 'det årstal der oftest nævnes i dokumentet' };
  }
  return { year: null, reason: 'intet årstal i dokumentet' };
}
