/**
 * date-without-year: a date written without a year ("10. maj") is read with a year inferred from the
 * document, which a reader of the published minutes cannot check. The meeting date in the header is a
 * warning; other dates are info, one finding per list of dates. A date that shares a year written on its neighbour ("14. maj og
 * 11. juni 2024") is not reported, nor is the meeting's date repeated without its year in the header when
 * the document writes it in full (a page title that drops the year above the header that has it): a
 * reader sees the year there. In the body the meeting date without a year is still info. (A year elsewhere in the sentence is not taken as the
 * date's: "Budget 2025 behandles den 9. april" may be said in 2024.)
 */
import type { AnalysisContext } from '../../pipeline.js';
import type { DateMatch } from '../../extract/dates/dates.js';
import type { Finding, Rule } from '../types.js';
import { bodyItems, danishDate, headingOf } from '../helpers.js';

export const dateWithoutYear: Rule = {
  meta: { id: 'date-without-year', type: 'suggestion', defaultSeverity: 'warning', description: 'Datoer skal skrives med årstal; en dato uden årstal læses med et udledt år.' },
  check(ctx, report) {
    const { tree, referat } = ctx;
    const headerEnd = tree.header.end;
    const meetingDate = referat.meeting?.date ?? null;
    const isMeetingDate = (start: number, iso: string | null) => start < headerEnd && iso != null && iso === meetingDate;
    // The header, or the first item's heading where the segmenter took a header line for it.
    const first = bodyItems(tree)[0];
    const headerReach = Math.max(headerEnd, first ? headingOf(ctx, first).end : 0);
    const meetingWrittenInFull = meetingDate != null && ctx.facts.dates.some((d) => d.date === meetingDate && d.yearSource === 'written');
    const others: DateMatch[] = [];
    for (const d of ctx.facts.dates) {
      if (d.yearSource !== 'reference') continue;
      if (meetingWrittenInFull && d.date === meetingDate && d.start < headerReach) continue;
      // A bare list day ("26." in "26. og 27. april") goes with the day that carries the month.
      if (!/\p{L}/u.test(d.raw.replace(/^\p{L}+\s*(den|d\.)?\s*/u, '')) && !/[-/.]\d/.test(d.raw)) continue;
      if (!isMeetingDate(d.start, d.date)) { others.push(d); continue; }
      const year = d.date.slice(0, 4);
      report({
        start: d.start,
        end: d.end,
        severity: 'warning',
        message: `Mødedatoen »${d.raw}« står uden årstal; den er læst som ${danishDate(d.date)} (året er udledt af dokumentet). Skriv årstallet: »${d.raw} ${year}«.`,
      });
    }
    // Other dates: one finding per list ("14. maj, 11. juni og 13. august"): dates with only a comma or "og" between them.
    const groups: DateMatch[][] = [];
    for (const d of others) {
      const g = groups[groups.length - 1];
      const prev = g?.[g.length - 1];
      if (prev && /^\s*(,|og|samt|&|eller)?\s*((den|d\.)\s*)?$/i.test(ctx.text.slice(prev.end, d.start))) g.push(d);
      else groups.push([d]);
    }
    for (const ds of groups) {
      const first = ds[0];
      const last = ds[ds.length - 1];
      const years = [...new Set(ds.map((d) => d.date.slice(0, 4)))].join('/');
      report({
        start: first.start,
        end: last.end,
        severity: 'info',
        message:
          ds.length === 1
            ? `Datoen »${first.raw}« står uden årstal og er læst som ${danishDate(first.date)}. Skriv årstallet, hvis det ikke er entydigt.`
            : `Datoerne ${ds.map((d) => `»${d.raw}«`).join(', ')} står uden årstal og er læst som ${years}. Skriv årstallet, hvis det ikke er entydigt.`,
      });
    }
    // Without a reference year the pipeline cannot place them at all.
    if (ctx.facts.referenceYear.year == null) {
      for (const d of ctx.facts.unplacedDates) {
        if (!/\p{L}/u.test(d.raw)) continue;
        report({
          start: d.start,
          end: d.end,
          severity: d.start < headerEnd ? 'warning' : 'info',
          message: `Datoen »${d.raw}« står uden årstal, og året kan ikke udledes af dokumentet. Skriv årstallet.`,
        });
      }
    }
    },
};
