/**
 * header-incomplete: the header of minutes or an agenda must say when (meeting date), who (the body
 * that met) and where (place). One finding per missing field, pointing at the title line.
 */
import type { AnalysisContext } from '../../pipeline.js';
import type { Finding, Rule } from '../types.js';
import { DOCUMENT_KIND_TITLE } from '../../vocabulary/structure.js';

function titleLine(ctx: AnalysisContext): { start: number; end: number } | null {
  const { tree, referat } = ctx;
  const header = tree.lines.slice(tree.header.firstLine, Math.max(tree.header.endLine, Math.min(tree.lines.length, 3)));
  const line =
    header.find((l) => DOCUMENT_KIND_TITLE.test(l.text)) ??
    (referat.meeting?.title ? header.find((l) => l.text === referat.meeting!.title) : undefined) ??
    header.find((l) => l.text);
  return line ? { start: line.textStart, end: line.end } : null;
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
    if (!meeting.date) {
      report({ ...at, item: null, message: `Mødedatoen mangler i hovedet af ${doc}. Skriv datoen øverst, fx »Mødedato: 25. maj 2023«.` });
    }
    if (!meeting.body) {
      report({ ...at, item: null, message: `Det fremgår ikke af hovedet, hvilket udvalg eller forum der holdt mødet. Skriv navnet i titlen eller som »Udvalg: …«.` });
    }
    if (!meeting.location) {
      report({ ...at, item: null, message: `Mødestedet mangler i hovedet af ${doc}. Tilføj fx »Mødested: Rådhuset, mødelokale 1« (eller »Virtuelt møde«).` });
    }
    },
};
