/**
 * The pipeline: file -> text with pages (parsers/) -> normalized text -> document tree with spans
 * (segment) -> extracted values (extract) -> validated JSON plus diagnostics (validate). Data flows one
 * way; each stage is its own module.
 */
import { SCHEMA_VERSION, type Diagnostic, type Item, type Referat, type Section, type Source, type Span } from '../schemas/referat.js';
import type { ParsedText } from '../parsers/types.js';
import { normalize, pageAt } from './normalize.js';
import { segment, type DocumentTree } from './segment/index.js';
import { diagnostic } from '../parsers/diagnostic.js';
import { extractMeeting } from './extract/meeting.js';
import { extractParticipants, toParticipants } from './extract/participants.js';
import { extractItemAbsences } from './extract/item-absences.js';
import { extractDecision } from './extract/decision.js';
import { extractRecommendations } from './extract/recommendations.js';
import { extractAttachments } from './extract/attachments.js';
import { classifyDocument } from './extract/document-type.js';
import { findAmounts, type AmountMatch } from './extract/money/amounts.js';
import { findDates, type DateMatch } from './extract/dates/dates.js';
import { inferReferenceYear } from './extract/reference-year.js';
import { VERSION } from './version.js';

/** What the validation rules see: the output plus the internals it was built from. */
export interface AnalysisContext {
  referat: Referat;
  tree: DocumentTree;
  amountMatches: AmountMatch[];
  dateMatches: DateMatch[];
  referenceYear: number | null;
}

export type Validator = (ctx: AnalysisContext) => Diagnostic[];

export interface AnalyzeOptions {
  /** Validation stage; by default none (the CLI passes the rule engine). */
  validate?: Validator;
}

export function analyze(parsed: ParsedText, source: Source, options: AnalyzeOptions = {}): AnalysisContext {
  const normalized = normalize(parsed);
  const tree = segment(normalized);
  const { text, pageStarts } = normalized;
  const span = (start: number, end: number): Span => ({ start, end, page: pageAt(pageStarts, start) });
  const diagnostics: Diagnostic[] = [...parsed.diagnostics];
  const itemAt = (offset: number): number | null => {
    const it = tree.items.find((i) => !i.fromTocOnly && i.start <= offset && offset < i.end);
    return it ? it.number : null;
  };

  const referenceYear = inferReferenceYear(tree);
  const meetingFound = extractMeeting(tree, referenceYear.year);
  if (meetingFound.dateYearInferred && meetingFound.date) {
    diagnostics.push(diagnostic('meeting-date-year-inferred', 'info', `Mødedatoen står uden årstal; året ${meetingFound.date.slice(0, 4)} er udledt (${referenceYear.reason}).`, { span: meetingFound.dateStart != null ? span(meetingFound.dateStart, meetingFound.dateEnd!) : null }));
  }

  const participants = toParticipants(extractParticipants(tree), span);
  // Members with party letters make a political forum even where the header does not say so.
  if (!meetingFound.level && !/lokaludvalg|styregruppe|arbejdsgruppe|følgegruppe|netværk|brugerråd|seniorråd|ældreråd|handicapråd/i.test(meetingFound.body ?? '') && participants.filter((p) => /^[A-ZÆØÅ]{1,2}$/.test(p.affiliation ?? '')).length >= 2) meetingFound.level = 'politisk';
  const absences = extractItemAbsences(tree);

  const items: Item[] = [];
  let decisions = 0;
  for (const node of tree.items) {
    const sections: Section[] = node.sections.map((s) => ({
      type: s.type,
      heading: s.heading,
      text: text.slice(s.bodyStart, s.bodyEnd).trim(),
      span: span(s.start, s.end),
    }));
    const decision = extractDecision(node, text, meetingFound.date);
    if (decision) decisions++;
    items.push({
      number: node.number,
      numberInferred: node.numberInferred,
      title: node.title,
      kind: node.kind,
      caseNumber: node.caseNumber,
      closed: node.closed,
      span: span(node.start, node.end),
      sections,
      recommendations: extractRecommendations(node, text),
      decision: decision ? { text: decision.text, outcome: decision.outcome, span: span(decision.start, decision.end) } : null,
      attachments: extractAttachments(node, text),
      absent: [...new Set(absences.filter((a) => a.item === node.number).map((a) => a.name))],
    });
    if (node.fromTocOnly) {
      diagnostics.push(diagnostic('item-only-in-toc', 'info', `Punkt ${node.number} står kun i indholdsfortegnelsen (fx et lukket punkt) og har ingen tekst i referatet.`, { span: span(node.start, node.end), item: node.number }));
    }
  }
  if (tree.items.some((i) => i.numberInferred)) {
    diagnostics.push(diagnostic('items-unnumbered', 'warning', `Dagsordenspunkterne har ingen synlige numre; de ${tree.items.length} punkter er nummereret i den rækkefølge, de står i.`));
  }
  if (tree.items.length === 0 && text.trim().length > 0) {
    diagnostics.push(diagnostic('no-items-found', 'info', 'Der blev ikke fundet nummererede dagsordenspunkter; dokumentet behandles som sammenhængende tekst.'));
  }

  const amountMatches = findAmounts(text);
  const amounts = amountMatches.map((a) => ({ raw: a.raw, value: a.value, approximate: a.approximate, item: itemAt(a.start), span: span(a.start, a.end) }));
  const dateMatches = findDates(text, { referenceYear: referenceYear.year });
  const dates = dateMatches.map((d) => ({ raw: d.raw, date: d.date, end: d.endDate, yearInferred: d.yearInferred, item: itemAt(d.start), span: span(d.start, d.end) }));

  const documentType = classifyDocument(tree, meetingFound.title, meetingFound.date != null, decisions);
  diagnostics.push(diagnostic('document-type', 'info', `Dokumenttype: ${documentType.type} (${documentType.reason}).`));
  const meeting =
    documentType.type === 'memo'
      ? null
      : {
          title: meetingFound.title,
          body: meetingFound.body,
          level: meetingFound.level,
          date: meetingFound.date,
          startTime: meetingFound.startTime,
          endTime: meetingFound.endTime,
          location: meetingFound.location,
          span: tree.header.end > tree.header.start ? span(tree.header.start, tree.header.end) : null,
        };

  const referat: Referat = {
    schemaVersion: SCHEMA_VERSION,
    generator: { name: 'referat', version: VERSION },
    source,
    text,
    documentType: documentType.type,
    meeting,
    participants: documentType.type === 'memo' ? [] : participants,
    toc: (tree.toc?.entries ?? []).map((e) => ({ number: e.number, title: e.title, page: e.page, span: span(e.start, e.end) })),
    items,
    amounts,
    dates,
    diagnostics,
  };
  const ctx: AnalysisContext = { referat, tree, amountMatches, dateMatches, referenceYear: referenceYear.year };
  if (options.validate) referat.diagnostics.push(...options.validate(ctx));
  return ctx;
}

