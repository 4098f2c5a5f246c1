/**
 * The document: one object that flows one way through the stages (normalize, segment, extract,
 * validate, serialize) and that each stage adds to, in the manner of vfile. It carries the source, the
 * normalized text with its pages, the offset map back to the reader's text, the reader's typographic
 * hints, the tree the segmenter read, the facts the extractors found and the messages of every stage.
 * It is the one place that turns offsets into spans, finds the item at an offset and adds a message
 * with its place.
 */
import type { Diagnostic, Format, Referat, Severity, Source, Span } from '../schemas/referat.js';
import type { ParsedText } from '../parsers/types.js';
import { normalizeText, pageAt } from './normalize.js';
import type { DocumentTree, ItemNode } from './segment/index.js';
import type { MeetingFindings } from './extract/meeting.js';
import type { ParticipantFinding } from './extract/participants.js';
import type { ItemAbsence } from './extract/item-absences.js';
import type { AmountMatch } from './extract/money/amounts.js';
import type { DateMatch, ImpossibleDate, YearlessDate } from './extract/dates/dates.js';
import type { DocumentType } from '../schemas/referat.js';
import type { ItemFacts } from './extract/index.js';
import type { StructureConfidence } from './extract/structure.js';

/** What the readers saw of the layout, in offsets of the normalized text. */
export interface TypographicHints {
  /** Line starts the source marked as headings: DOCX heading styles and bold paragraphs, HTML h1-h6, bold lines, accordion buttons. */
  headingStarts: number[];
}

/** What the extractors found: the facts the output and the rules are made from. */
export interface Facts {
  referenceYear: { year: number | null; reason: string };
  meeting: MeetingFindings;
  participants: ParticipantFinding[];
  itemAbsences: ItemAbsence[];
  amounts: AmountMatch[];
  /** Indices into `amounts` of the sums the items decide (granted or approved), see extract/money/decided.ts. */
  decidedAmounts: Set<number>;
  /** Every date read, with the year the document gave those written without one. */
  dates: DateMatch[];
  /** Dates written without a year that could not be placed (no reference year). */
  unplacedDates: YearlessDate[];
  /** Well-formed dates that do not exist ("31-02-2024"). */
  impossibleDates: ImpossibleDate[];
  documentType: { type: DocumentType; reason: string };
  items: ItemFacts[];
  structure: StructureConfidence;
}

/** A place in the text: offsets [start, end) of the normalized text. */
export interface Place {
  start: number;
  end: number;
}

export class ReferatDocument {
  readonly source: Source;
  readonly format: Format;
  /** The normalized text; every span in the output points into it. */
  readonly text: string;
  /** Offset where each page starts, or null for formats without pages. */
  readonly pageStarts: number[] | null;
  readonly hints: TypographicHints;
  /** Messages of every stage, in the order they were added. */
  readonly messages: Diagnostic[] = [];
  /** Set by the segment stage. */
  tree!: DocumentTree;
  /** Filled by the extract stage. */
  facts = {} as Facts;
  /** Set by the serializer: the output, valid against the schema. */
  referat!: Referat;
  // The body items by start offset, ascending, and by number (built once the tree is there).
  private itemIndex: { nodes: ItemNode[]; starts: number[]; byNumber: Map<number, ItemNode> } | null = null;

  constructor(parsed: ParsedText, source: Source) {
    this.source = source;
    this.format = parsed.format;
    // map[i] is the offset in `text` of offset i of the reader's text: needed only here, and not kept
    // (four bytes per character: 80 MB for a 20 MB text)
    const { text, map } = normalizeText(parsed.text);
    this.text = text;
    const fromReader = (offset: number) => map[Math.max(0, Math.min(offset, map.length - 1))];
    this.pageStarts = parsed.pageStarts ? parsed.pageStarts.map(fromReader) : null;
    this.hints = { headingStarts: [...new Set(parsed.headingStarts.map(fromReader))].sort((a, b) => a - b) };
    // The readers' messages, their places mapped from the reader's text into this one.
    for (const d of parsed.diagnostics) {
      this.messages.push(d.span ? { ...d, span: this.span(fromReader(d.span.start), fromReader(d.span.end)) } : d);
    }
  }

  span(start: number, end: number): Span {
    return { start, end, page: pageAt(this.pageStarts, start) };
  }

  page(offset: number): number | null {
    return pageAt(this.pageStarts, offset);
  }

  /** The number of the body item that contains an offset, or null. */
  itemAt(offset: number): number | null {
    return this.itemNodeAt(offset)?.number ?? null;
  }

  /** The body item that contains an offset, or null (binary search: linear documents stay linear). */
  itemNodeAt(offset: number): ItemNode | null {
    const index = this.bodyIndex();
    if (!index) return null;
    const { nodes, starts } = index;
    let lo = 0;
    let hi = starts.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (starts[mid] <= offset) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return found >= 0 && offset < nodes[found].end ? nodes[found] : null;
  }

  /** The first body item (not one the table of contents alone names) with this number, or null. */
  bodyItem(number: number): ItemNode | null {
    return this.bodyIndex()?.byNumber.get(number) ?? null;
  }

  private bodyIndex(): { nodes: ItemNode[]; starts: number[]; byNumber: Map<number, ItemNode> } | null {
    if (!this.tree) return null;
    if (!this.itemIndex) {
      const body = this.tree.items.filter((i) => !i.fromTocOnly);
      const byNumber = new Map<number, ItemNode>();
      for (const i of body) if (!byNumber.has(i.number)) byNumber.set(i.number, i);
      const nodes = [...body].sort((a, b) => a.start - b.start);
      this.itemIndex = { nodes, starts: nodes.map((i) => i.start), byNumber };
    }
    return this.itemIndex;
  }

  /** Adds a message; its span, page and item follow from the place. */
  message(code: string, severity: Severity, reason: string, place: Place | null = null, extra: { item?: number | null; quote?: string | null } = {}): Diagnostic {
    const d: Diagnostic = {
      code,
      severity,
      message: reason,
      span: place ? this.span(place.start, place.end) : null,
      item: extra.item ?? null,
      quote: extra.quote ?? null,
    };
    this.messages.push(d);
    return d;
  }
}
