/**
 * Extract stage: reads the document's facts from its tree (meeting header, participants, absences per
 * item, each item's decision, recommendations and attachments, amounts, dates, the document's type)
 * into doc.facts, and adds the stage's messages. Nothing here writes output JSON; the serializer does.
 */
import type { ReferatDocument } from '../document.js';
import { extractMeeting } from './meeting.js';
import { extractParticipants } from './participants.js';
import { extractItemAbsences } from './item-absences.js';
import { DOCUMENT_KIND_WORDS, KIND_CELL_LINE } from '../vocabulary/structure.js';
import { classifyOutcome, extractDecision, LEADING_LIST_DASH, recordOf, type DecisionFinding } from './decision.js';
import { MINUTES_TITLE } from '../vocabulary/meeting.js';
import { TIME_SLOT_LAST_LINE, TIME_SLOT_LEAD, TIME_SLOT_LINE } from '../vocabulary/calendar.js';
import { PROGRAMME_BREAK_LINE } from '../vocabulary/structure.js';
import { extractRecommendations } from './recommendations.js';
import { extractAttachments } from './attachments.js';
import { classifyDocument } from './document-type.js';
import { findAmounts } from './money/amounts.js';
import { findDecidedAmounts } from './money/decided.js';
import { findDates, findImpossibleDates, findYearlessDates } from './dates/dates.js';
import { inferReferenceYear } from './reference-year.js';
import { isPoliticalByMembers } from './level.js';
import type { ItemNode } from '../segment/index.js';
import { itemConfidence, structureConfidence, tocTitleKeys } from './structure.js';

/** What the extractors found for one item of the tree. */
export interface ItemFacts {
  node: ItemNode;
  decision: DecisionFinding | null;
  recommendations: string[];
  attachments: string[];
  /** Names absent for this item, each once, in the order found. */
  absent: string[];
  /** How sure the segmenter is that this is an item, 0..1. */
  confidence: number;
}

/** Below this the document's structure gets a warning: the items are more guessed than read. */
export const STRUCTURE_UNCERTAIN_BELOW = 0.6;

/**
 * Small bodies' minutes ("1. Valg af referent" / "Jørgen blev valgt.") write no "Beslutning" heading:
 * the item's own text records what the meeting did. Only where it says what was decided or noted.
 */
function unheadedRecord(node: ItemNode, text: string, anyOutcome = false): DecisionFinding | null {
  // Up to a line that ends the record: what follows it is about the meeting, not this item.
  const firstTrailing = node.sections.findIndex((s) => s.trailing);
  const record = recordOf(firstTrailing < 0 ? node.sections : node.sections.slice(0, firstTrailing), text);
  if (!record?.text || record.text.length > 1500) return null;
  // After the agenda's time slot for the item comes the record, whatever it says.
  if (TIME_SLOT_LAST_LINE.test(record.text)) return null;
  const slot = TIME_SLOT_LEAD.exec(record.text);
  if (slot) {
    const rest = record.text.slice(slot[0].length);
    if (!rest.trim()) return null;
    const start = text.indexOf(rest, record.start);
    return { text: rest, outcome: classifyOutcome(rest), start: start < 0 ? record.start : start, end: record.end, unheaded: true };
  }
  const dash = LEADING_LIST_DASH.exec(record.text);
  const body = dash ? record.text.slice(dash[0].length) : record.text;
  const outcome = classifyOutcome(body);
  if (outcome === 'other' && !anyOutcome) return null;
  const start = dash ? text.indexOf(body, record.start) : record.start;
  return { text: body, start: start < 0 ? record.start : start, end: record.end, outcome, unheaded: true };
}

/**
 * An agenda laid out as a table (number, title, description, time, kind, record) exported one cell per
 * line: what follows the item's time-slot line, after the kind cell, is the record of the meeting.
 * The description before the slot stays the item's case text.
 */
function recordAfterTimeSlot(node: ItemNode, text: string): DecisionFinding | null {
  if (!node.sections.length) return null;
  const from = node.sections[0].bodyStart;
  const to = node.sections[node.sections.length - 1].bodyEnd;
  const body = text.slice(from, to);
  const slot = TIME_SLOT_LINE.exec(body);
  if (!slot) return null;
  const lines = body.slice(slot.index + slot[0].length).split('\n');
  let k = 0;
  while (k < lines.length && !lines[k].trim()) k++;
  if (k < lines.length && KIND_CELL_LINE.test(lines[k])) k++;
  const restOffset = lines.slice(0, k).reduce((n, l) => n + l.length + 1, 0);
  // The programme goes on after the record: a break ("PAUSE") or the next time slot is not its text.
  let end = k;
  while (end < lines.length && !PROGRAMME_BREAK_LINE.test(lines[end].trim()) && !(end > k && TIME_SLOT_LINE.test(lines[end]))) end++;
  const raw = lines.slice(k, end).join('\n');
  const record = raw.trim();
  if (!record || record.length > 1500) return null;
  const start = from + slot.index + slot[0].length + restOffset + (raw.length - raw.trimStart().length);
  return { text: record, outcome: classifyOutcome(record), start, end: start + record.length };
}

export function extract(doc: ReferatDocument): void {
  const { tree, text } = doc;
  const facts = doc.facts;
  facts.referenceYear = inferReferenceYear(doc);
  const meeting = extractMeeting(doc, facts.referenceYear.year);
  facts.meeting = meeting;
  if (meeting.dateYearInferred && meeting.date) {
    doc.message('meeting-date-year-inferred', 'info', `Mødedatoen står uden årstal; året ${meeting.date.slice(0, 4)} er udledt (${facts.referenceYear.reason}).`, meeting.dateStart != null ? { start: meeting.dateStart, end: meeting.dateEnd! } : null);
  }
  facts.participants = extractParticipants(doc);
  if (!meeting.level && isPoliticalByMembers(meeting.body, facts.participants)) meeting.level = 'politisk';
  facts.itemAbsences = extractItemAbsences(doc);

  const absentByItem = new Map<number, Set<string>>();
  for (const a of facts.itemAbsences) {
    const names = absentByItem.get(a.item) ?? new Set<string>();
    names.add(a.name);
    absentByItem.set(a.item, names);
  }
  const tocTitles = tocTitleKeys(doc);
  // Minutes (the title says so) whose items carry no headings at all: each item's text is its record,
  // whatever it says ("Regnskabet er under udarbejdelse …" records the item as much as "Godkendt").
  const minutes = MINUTES_TITLE.test(meeting.title ?? '') && tree.items.some((i) => !i.fromTocOnly) && tree.items.every((i) => i.sections.every((sec) => !sec.heading));
  // Items written as one paragraph each, the title its first sentence ("2.Valg af referent. Jørgen
  // valgt som referent."): what follows the title is what the meeting did, unless the document calls
  // itself an agenda.
  const runInRecords = !DOCUMENT_KIND_WORDS.agenda.test(meeting.title ?? text.slice(0, 600));
  facts.items = tree.items.map((node) => ({
    node,
    decision: extractDecision(node, text, meeting.date) ?? (minutes ? unheadedRecord(node, text, true) : runInRecords && tree.lines[node.headingLine]?.runInHeading ? unheadedRecord(node, text, true) : runInRecords ? recordAfterTimeSlot(node, text) : null),
    recommendations: extractRecommendations(node, text),
    attachments: extractAttachments(node, text),
    absent: [...(absentByItem.get(node.number) ?? [])],
    confidence: itemConfidence(node, tocTitles),
  }));
  for (const node of tree.items) {
    if (node.fromTocOnly) doc.message('item-only-in-toc', 'info', `Punkt ${node.number} står kun i indholdsfortegnelsen (fx et lukket punkt) og har ingen tekst i referatet.`, node, { item: node.number });
  }
  const inferred = tree.items.filter((i) => i.numberInferred);
  const inBody = tree.items.filter((i) => !i.fromTocOnly);
  // One block taken for an item says nothing about numbering: the warning needs two unnumbered items.
  if (inferred.length >= 2 && inferred.length === inBody.length) {
    doc.message('items-unnumbered', 'warning', `Dagsordenspunkterne har ingen synlige numre; de ${tree.items.length} punkter er nummereret i den rækkefølge, de står i.`);
  } else if (inferred.length) {
    // Numbers that start again at 1 (a web page's list markup): the items are numbered, only not in one count.
    const first = Math.min(...inferred.map((i) => i.number));
    doc.message('items-renumbered', 'info', `Punkternes numre begynder forfra på siden; punkterne fra og med nr. ${first} er talt videre i den rækkefølge, de står i.`);
  }
  if (tree.items.length === 0 && text.trim().length > 0) {
    doc.message('no-items-found', 'info', 'Der blev ikke fundet nummererede dagsordenspunkter; dokumentet behandles som sammenhængende tekst.');
  }

  facts.amounts = findAmounts(text);
  facts.decidedAmounts = findDecidedAmounts(text, facts.amounts, facts.items.map((i) => ({ decision: i.decision, sections: i.node.sections })));
  facts.dates = findDates(text, { referenceYear: facts.referenceYear.year, referenceDate: meeting.date });
  facts.unplacedDates = facts.referenceYear.year == null ? findYearlessDates(text) : [];
  facts.impossibleDates = findImpossibleDates(text);

  const decisions = facts.items.filter((i) => i.decision).length;
  facts.documentType = classifyDocument(doc, meeting.title, meeting.date != null, decisions);
  doc.message('document-type', 'info', `Dokumenttype: ${facts.documentType.type} (${facts.documentType.reason}).`);

  facts.structure = structureConfidence(doc, facts.items.map((i) => i.confidence));
  if (facts.structure.confidence < STRUCTURE_UNCERTAIN_BELOW) {
    doc.message('structure-uncertain', 'warning', `Dokumentets struktur er usikker (sikkerhed ${facts.structure.confidence.toFixed(2).replace('.', ',')}): ${facts.structure.reasons.join('; ') || 'svage layout-tegn'}. Kontrollér punkterne, før resultatet bruges.`);
  }
}
