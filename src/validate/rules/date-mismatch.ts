/**
 * date-mismatch: dates that must agree with the meeting date. (1) Decision headings of the meeting's
 * own body ("Beslutning i Sundhedsklynge Lillebælt den 26-04-2024", "Udvalgets beslutning den …");
 * headings that name another body are earlier steps of the case and may carry other dates. When all
 * such headings agree with each other but not with the header, the header date is reported once.
 * (2) A date in the title line that differs from the meeting date. (3) A written weekday that does
 * not fall on the date ("fredag den 25. maj 2023").
 */
import type { AnalysisContext } from '../../pipeline.js';
import type { DateMatch } from '../../extract/dates/dates.js';
import type { Finding, Rule } from '../types.js';
import { danishDate, datesIn, titleKey, weekdayName, weekdayOfIso, wordSimilarity } from '../helpers.js';
import { DECISION_IN_BODY_HEADING, BODY_S_DECISION_HEADING, MEETING_WORD, GENERIC_BODY_WORD } from '../../vocabulary/structure.js';

/** The body named in a decision heading, or null when it names none. */
function organOf(heading: string): string | null {
  const m =
    DECISION_IN_BODY_HEADING.exec(heading) ??
    BODY_S_DECISION_HEADING.exec(heading);
  if (!m) return null;
  const organ = m[1].replace(/\s+(den|d\.)$/i, '').trim();
  return organ && !MEETING_WORD.test(organ) ? organ : null;
}

function sameBody(organ: string, body: string): boolean {
  const a = titleKey(organ);
  const b = titleKey(body);
  if (!a || !b) return false;
  return a.includes(b) || b.includes(a) || wordSimilarity(organ, body) >= 0.6 || GENERIC_BODY_WORD.test(organ.trim());
}

interface HeadingDate {
  date: DateMatch;
  start: number;
  item: number;
  heading: string;
}

export const dateMismatch: Rule = {
  meta: { id: 'date-mismatch', type: 'problem', defaultSeverity: 'error', description: 'Datoer, der skal være mødedatoen (beslutningsoverskrifter, titlen), skal stemme med mødedatoen, og en skrevet ugedag skal passe til datoen.' },
  check(ctx, report) {
    const { referat, tree } = ctx;
    const meetingDate = referat.meeting?.date ?? null;
    const body = referat.meeting?.body ?? null;

    if (meetingDate) {
      // (1) Decision headings.
      const headings: HeadingDate[] = [];
      for (const item of tree.items) {
        for (const s of item.sections) {
          if (s.type !== 'beslutning' || !s.heading || s.headingStart == null) continue;
          const dates = datesIn(ctx, s.headingStart, s.headingStart + s.heading.length);
          if (dates.length !== 1) continue;
          const organ = organOf(s.heading);
          if (organ && (!body || !sameBody(organ, body))) continue;
          headings.push({ date: dates[0], start: s.headingStart, item: item.number, heading: s.heading });
        }
      }
      // An item may show the case's history: earlier decisions of the same body on earlier dates. The
      // item's last decision heading is today's; a decision dated after the meeting is always wrong.
      const byItem = new Map<number, HeadingDate[]>();
      for (const h of headings) byItem.set(h.item, [...(byItem.get(h.item) ?? []), h]);
      const current = [...byItem.values()].map((hs) => hs[hs.length - 1]);
      const wrong: { h: HeadingDate; later: boolean }[] = [];
      for (const hs of byItem.values()) {
        for (const h of hs) if (h.date.date > meetingDate) wrong.push({ h, later: true });
        const last = hs[hs.length - 1];
        if (!hs.some((h) => h.date.date === meetingDate) && last.date.date < meetingDate) wrong.push({ h: last, later: false });
      }
      const distinct = new Set(current.map((h) => h.date.date));
      if (current.length >= 2 && distinct.size === 1 && !distinct.has(meetingDate)) {
        const m = referat.diagnostics.find((d) => d.code === 'meeting-date-year-inferred');
        const span = referat.meeting?.span;
        const d = current[0].date.date;
        report({
          start: m?.span?.start ?? span?.start,
          end: m?.span?.end ?? (span ? Math.min(span.end, span.start + 80) : undefined),
          item: null,
          message: `Mødedatoen i hovedet (${danishDate(meetingDate)}) stemmer ikke med datoen i alle ${current.length} beslutningsoverskrifter (${danishDate(d)}). Ret den dato, der er forkert.`,
        });
      } else {
        for (const { h, later } of wrong.sort((a, b) => a.h.start - b.h.start)) {
          report({
            start: h.start + h.date.start,
            end: h.start + h.date.end,
            item: h.item,
            quote: h.heading,
            message: later
              ? `Beslutningen i punkt ${h.item} er dateret »${h.date.raw}« (${danishDate(h.date.date)}), efter mødet ${danishDate(meetingDate)}. Ret datoen i overskriften.`
              : `Den seneste beslutning i punkt ${h.item} er dateret »${h.date.raw}« (${danishDate(h.date.date)}), men mødet blev holdt ${danishDate(meetingDate)}. Ret datoen i overskriften (eller tilføj mødets egen beslutning).`,
          });
        }
      }

      // (2) The title line.
      const title = referat.meeting?.title;
      const titleLine = title ? tree.lines.slice(tree.header.firstLine, tree.header.endLine).find((l) => l.text === title) : undefined;
      if (titleLine) {
        const dates = datesIn(ctx, titleLine.textStart, titleLine.end).filter((d) => d.endDate === null);
        if (dates.length === 1 && dates[0].date !== meetingDate) {
          const d = dates[0];
          report({
            start: titleLine.textStart + d.start,
            end: titleLine.textStart + d.end,
            item: null,
            quote: titleLine.text,
            message: `Datoen i titlen »${d.raw}« (${danishDate(d.date)}) er ikke mødedatoen ${danishDate(meetingDate)}. Ret den ene, så titel og mødedato stemmer.`,
          });
        }
      }
    }

    // (3) Weekday and date.
    for (const d of ctx.facts.dates) {
      if (!d.weekdayMismatch || d.yearSource !== 'written' || d.weekday == null) continue;
      const actual = weekdayOfIso(d.date);
      report({
        start: d.start,
        end: d.end,
        message: `Ugedag og dato passer ikke sammen: ${danishDate(d.date)} er en ${weekdayName(actual)}, men der står »${weekdayName(d.weekday)}«. Ret ugedagen eller datoen.`,
      });
    }
    },
};
