/** The serializer: the one place that turns the document (its tree, facts and messages) into the output JSON. */
import type { Item, Referat } from '../schemas/referat.js';
import { SCHEMA_VERSION } from '../schemas/schema-version.js';
import type { ReferatDocument } from './document.js';
import { toParticipants } from './extract/participants.js';
import { VERSION } from './version.js';

export function serialize(doc: ReferatDocument): Referat {
  const { text, tree, facts } = doc;
  const span = (start: number, end: number) => doc.span(start, end);
  // the sum each item decides, by item number
  const decidedByItem = new Map<number, number>();
  for (const i of facts.decidedAmounts) {
    const a = facts.amounts[i];
    const item = doc.itemAt(a.start);
    if (item != null) decidedByItem.set(item, (decidedByItem.get(item) ?? 0) + a.value);
  }
  const items: Item[] = facts.items.map(({ node, decision, recommendations, attachments, absent, confidence }) => ({
    number: node.number,
    numberInferred: node.numberInferred,
    title: node.title,
    kind: node.kind,
    caseNumber: node.caseNumber,
    closed: node.closed,
    span: span(node.start, node.end),
    // An item whose own text is its record: that text is its beslutning section.
    sections: node.sections.map((s) => ({ type: decision?.unheaded && !s.heading && s.type === 'sagsfremstilling' ? 'beslutning' : s.type, heading: s.heading, text: text.slice(s.bodyStart, s.bodyEnd).trim(), span: span(s.start, s.end) })),
    recommendations,
    decision: decision ? { text: decision.text, outcome: decision.outcome, span: span(decision.start, decision.end) } : null,
    attachments,
    absent,
    confidence,
    decidedAmount: decidedByItem.get(node.number) ?? null,
  }));
  const m = facts.meeting;
  const type = facts.documentType.type;
  return {
    schemaVersion: SCHEMA_VERSION,
    generator: { name: 'referat', version: VERSION },
    source: doc.source,
    text,
    documentType: type,
    meeting:
      type === 'memo'
        ? null
        : {
            title: m.title,
            body: m.body,
            level: m.level,
            date: m.date,
            startTime: m.startTime,
            endTime: m.endTime,
            location: m.location,
            span: tree.header.end > tree.header.start ? span(tree.header.start, tree.header.end) : null,
          },
    participants: type === 'memo' ? [] : toParticipants(facts.participants, span),
    toc: (tree.toc?.entries ?? []).map((e) => ({ number: e.number, title: e.title, page: e.page, span: span(e.start, e.end) })),
    structure: facts.structure,
    items,
    amounts: facts.amounts.map((a, i) => ({ raw: a.raw, value: a.value, approximate: a.approximate, item: doc.itemAt(a.start), span: span(a.start, a.end), decided: facts.decidedAmounts.has(i) })),
    dates: facts.dates.map((d) => ({ raw: d.raw, date: d.date, end: d.endDate, yearInferred: d.yearInferred, item: doc.itemAt(d.start), span: span(d.start, d.end) })),
    diagnostics: [...doc.messages],
  };
}
