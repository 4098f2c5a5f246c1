/**
 * header-incomplete: the header of minutes or an agenda must say when (meeting date), who (the body
 * that met) and where (place). One finding per missing field, pointing at the title line. A field the
 * header visibly states is not missing even when the pipeline could not read its value (a transcript
 * that runs the labels together, "Mødested: Deltagere: Borgmesterens mødelokale", a place without a
 * label, "Mødet blev afholdt i Byrådssalen", a date in English): the header's own lines, outside the
 * table of contents, are searched for a label with a value or a word that names such a thing.
 */
import type { AnalysisContext } from '../../pipeline.js';
import type { Finding, Rule } from '../types.js';
import { DOCUMENT_KIND_TITLE } from '../../vocabulary/structure.js';
import { bodyItems } from '../helpers.js';

function titleLine(ctx: AnalysisContext): { start: number; end: number } | null {
  const { tree, referat } = ctx;
  const header = tree.lines.slice(tree.header.firstLine, Math.max(tree.header.endLine, Math.min(tree.lines.length, 3)));
  const line =
    header.find((l) => DOCUMENT_KIND_TITLE.test(l.text)) ??
    (referat.meeting?.title ? header.find((l) => l.text === referat.meeting!.title) : undefined) ??
    header.find((l) => l.text);
  return line ? { start: line.textStart, end: line.end } : null;
}

const L = '(?<!\\p{L})';
const R = '(?!\\p{L})';
/** A place: its label with a value (not the next label), a room or building word, "afholdt i/på/hos", a meeting held by phone or video, "hos <Name>". */
const PLACE_EVIDENCE = new RegExp(
  `${L}(møde)?sted\\s*:\\s*(?!\\p{L}+\\s*:)[\\p{L}\\d]|${L}(møde)?lokale(r|rne|t)?${R}|${L}\\p{L}*sal(en)?${R}|${L}rådhus(et)?${R}|${L}\\p{L}*kontor(et)?${R}|${L}afholdt\\s+(i|på|hos|som)${R}|${L}(telefon|video|online|virtuelt)\\s*møde${R}|${L}videokonference${R}|^hos\\s+\\p{Lu}`,
  'iu',
);
/** A date label followed by a value with a year. */
const DATE_LABEL = /^(møde)?dato\s*:?\s*(?<value>.*)$/iu;
const HAS_YEAR = /(?<!\d)(19|20)\d\d(?!\d)|\d{1,2}[-./]\d{1,2}[-./]\d{2,4}/;
/** A body: a word ending in a body's name ("Økonomiudvalget", "Handicaprådet", "Organisationsbestyrelsen"). */
const BODY_EVIDENCE = new RegExp(`${L}\\p{L}*(udvalg(et)?|råd(et)?|bestyrelse(n)?|komit[eé](en)?|repræsentantskab(et)?|styregruppe(n)?)${R}`, 'iu');

/**
 * The header's lines outside the table of contents, and the first item's heading line (where the
 * segmenter took a header line for the first item's heading).
 */
function headerLines(ctx: AnalysisContext): string[] {
  const { tree } = ctx;
  const toc = tree.toc;
  const first = bodyItems(tree)[0];
  const end = Math.max(tree.header.endLine, first ? Math.max(first.headingLine, first.headingLastLine) + 1 : 0);
  return tree.lines
    .slice(tree.header.firstLine, end)
    .filter((l) => l.text && !(toc && l.index >= toc.firstLine && l.index <= toc.lastLine))
    .map((l) => l.text);
}

function statesDate(lines: string[]): boolean {
  return lines.some((l, k) => {
    const m = DATE_LABEL.exec(l);
    if (!m) return false;
    return HAS_YEAR.test(m.groups!.value) || (!m.groups!.value && HAS_YEAR.test(lines[k + 1] ?? ''));
  });
}

export const headerIncomplete: Rule = {
  meta: { id: 'header-incomplete', type: 'suggestion', defaultSeverity: 'warning', description: 'Referatets eller dagsordenens hoved skal angive mødedato, hvilket udvalg/forum der holdt mødet, og mødested.' },
  check(ctx, report) {
    const { referat } = ctx;
    if (referat.documentType !== 'minutes' && referat.documentType !== 'agenda') return;
    const meeting = referat.meeting;
    if (!meeting) return;
    const at = titleLine(ctx) ?? {};
    const doc = referat.documentType === 'minutes' ? 'referatet' : 'dagsordenen';
    const lines = headerLines(ctx);
    if (!meeting.date && !statesDate(lines)) {
      report({ ...at, item: null, message: `Mødedatoen mangler i hovedet af ${doc}. Skriv datoen øverst, fx »Mødedato: 25. maj 2023«.` });
    }
    if (!meeting.body && !lines.some((l) => BODY_EVIDENCE.test(l))) {
      report({ ...at, item: null, message: `Det fremgår ikke af hovedet, hvilket udvalg eller forum der holdt mødet. Skriv navnet i titlen eller som »Udvalg: …«.` });
    }
    if (!meeting.location && !lines.some((l) => PLACE_EVIDENCE.test(l))) {
      report({ ...at, item: null, message: `Mødestedet mangler i hovedet af ${doc}. Tilføj fx »Mødested: Rådhuset, mødelokale 1« (eller »Virtuelt møde«).` });
    }
    },
};
