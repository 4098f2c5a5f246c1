/**
 * header-incomplete: the header of minutes or an agenda must say when (meeting date), who (the body
 * that met) and where (place). One finding per missing field, pointing at the title line. A field the
 * header visibly states is not missing even when the pipeline could not read its value (a transcript
 * that runs the labels together, "Mødested: Deltagere: Borgmesterens mødelokale", a place without a
 * label, "Mødet blev afholdt i Byrådssalen", a date in English): the header's own lines, outside the
 * table of contents and before the attendance list's names, are searched with the vocabulary's header
 * labels, place words and body nouns for a label with a value or a word that names such a thing.
 */
import type { AnalysisContext } from '../../pipeline.js';
import type { Finding, Rule } from '../types.js';
import { DOCUMENT_KIND_TITLE, HEADER_LABELS, MEETING_WORD } from '../../vocabulary/structure.js';
import { ORGAN_TOKEN, PLACE_WORD, TIME_THEN_PLACE } from '../../vocabulary/meeting.js';
import { bodyItems, findName } from '../helpers.js';

function titleLine(ctx: AnalysisContext): { start: number; end: number } | null {
  const { tree, referat } = ctx;
  const header = tree.lines.slice(tree.header.firstLine, Math.max(tree.header.endLine, Math.min(tree.lines.length, 3)));
  const line =
    header.find((l) => DOCUMENT_KIND_TITLE.test(l.text)) ??
    (referat.meeting?.title ? header.find((l) => l.text === referat.meeting!.title) : undefined) ??
    header.find((l) => l.text);
  return line ? { start: line.textStart, end: line.end } : null;
}

/** A value that is itself the next label ("Mødested: Deltagere: …"): the label before it has no value. */
const NEXT_LABEL = /^[^\s:]+\s*:/u;
const YEAR_OR_NUMERIC_DATE = /(?<!\d)(19|20)\d\d(?!\d)|\d{1,2}[-./]\d{1,2}[-./]\d{2,4}/;
const PLACE_WORDS = new RegExp(PLACE_WORD.source, 'gi');
/** A dotted leader before a page number: a line of a table of contents the segmenter did not take as one. */
const CONTENTS_LEADER = /\.{3,}\s*\d/;

/**
 * The text after each place where the label stands: at the line's start, or at a word start with its
 * colon (a transcript runs the header's labels into one line; without the colon the word is prose:
 * "finder sted").
 */
function labelValues(line: string, label: RegExp): string[] {
  const out: string[] = [];
  for (let i = 0; i < line.length; i++) {
    if (i > 0 && !/\s/.test(line[i - 1])) continue;
    const m = label.exec(line.slice(i));
    if (m && (i === 0 || m[0].includes(':'))) out.push(line.slice(i + m[0].length).trim());
  }
  return out;
}

/** A place: a place label with a value, a time followed by a place, or a word that names a room or building. */
function statesPlace(line: string): boolean {
  if (labelValues(line, HEADER_LABELS.location).some((v) => v && !NEXT_LABEL.test(v))) return true;
  if (TIME_THEN_PLACE.test(line)) return true;
  // PLACE_WORD also takes the word for a meeting, which every header has: that alone names no place.
  return line.split(/\s+/).some((w) => [...w.matchAll(PLACE_WORDS)].some((m) => !MEETING_WORD.test(m[0])));
}

/** A date label with a value (or the next line) that has a year or is a numeric date. */
function statesDate(lines: string[]): boolean {
  return lines.some((l, k) => labelValues(l, HEADER_LABELS.date).some((v) => YEAR_OR_NUMERIC_DATE.test(v) || (!v && YEAR_OR_NUMERIC_DATE.test(lines[k + 1] ?? ''))));
}

/** A body: among a line's first words (where a title names it), one whose last part is a body's noun ("Økonomiudvalget"). */
function statesBody(line: string): boolean {
  return line.split(/[^\p{L}-]+/u).slice(0, 8).some((w) => w.length > 3 && ORGAN_TOKEN.test(w));
}

/**
 * The header's lines outside the table of contents, and the first item's heading line (where the
 * segmenter took a header line for the first item's heading).
 */
function headerLines(ctx: AnalysisContext): string[] {
  const { tree } = ctx;
  const toc = tree.toc;
  const first = bodyItems(tree)[0];
  const end = Math.max(tree.header.endLine, first ? Math.max(first.headingLine, first.headingLastLine) + 1 : 0);
  // A line that names a participant is the attendance list from that name on: its roles and
  // organisations ("Chef for Center for Social Indsats") are not the meeting's place or body.
  const names = ctx.referat.participants.map((p) => p.name);
  return tree.lines
    .slice(tree.header.firstLine, end)
    .filter((l) => l.text && !(toc && l.index >= toc.firstLine && l.index <= toc.lastLine) && !CONTENTS_LEADER.test(l.text))
    .map((l) => l.text.slice(0, Math.min(l.text.length, ...names.flatMap((n) => findName(l.text, n).map((f) => f.start)))));
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
    if (!meeting.body && !lines.some(statesBody)) {
      report({ ...at, item: null, message: `Det fremgår ikke af hovedet, hvilket udvalg eller forum der holdt mødet. Skriv navnet i titlen eller som »Udvalg: …«.` });
    }
    if (!meeting.location && !lines.some(statesPlace)) {
      report({ ...at, item: null, message: `Mødestedet mangler i hovedet af ${doc}. Tilføj fx »Mødested: Rådhuset, mødelokale 1« (eller »Virtuelt møde«).` });
    }
    },
};
