/**
 * Segment stage: normalized text -> document tree (header, table of contents, items with sections),
 * every node carrying offsets into the text.
 */
import { breakLinesAt, splitLines, type Line } from './lines.js';
import { findToc, type TocNode } from './toc.js';
import { findItems, type ItemHeadingNode } from './items.js';
import { parseItemHeading } from './item-heading.js';
import { classifyHeading, isMetadataLine, segmentSections, type SectionNode } from './sections.js';
import type { ReferatDocument } from '../document.js';
import { inferHeadings } from './evidence.js';
import { flattenedBreaks, runInHeadings } from './flattened.js';
import { GLUED_TOC_HEADING } from '../vocabulary/structure.js';
import { PAGE_LABEL_BEFORE_HEADING } from '../vocabulary/layout.js';

export interface ItemNode extends ItemHeadingNode {
  start: number;
  end: number;
  /** Line range of the body (after the heading), [bodyFirstLine, bodyEndLine). */
  bodyFirstLine: number;
  bodyEndLine: number;
  sections: SectionNode[];
}

export interface DocumentTree {
  lines: Line[];
  header: { firstLine: number; endLine: number; start: number; end: number };
  toc: TocNode | null;
  items: ItemNode[];
}

export function segment(doc: Pick<ReferatDocument, 'text' | 'hints'>): DocumentTree {
  let lines = splitLines(doc.text, doc.hints.headingStarts);
  // A contents heading glued to the line before it starts a line of its own.
  GLUED_TOC_HEADING.lastIndex = 0;
  lines = breakLinesAt(lines, doc.text, [...doc.text.matchAll(GLUED_TOC_HEADING)].map((m) => m.index));
  // A page run together on one line (a PDF transcript) gets its line breaks back first.
  lines = breakLinesAt(lines, doc.text, flattenedBreaks(lines));
  // A page label run into the heading below it ("Side 1 1. KB - Spørgetid") stands on a line of its own.
  lines = breakLinesAt(lines, doc.text, pageLabelBreaks(lines));
  // Items written as paragraphs whose first sentence is the title.
  const runIn = runInHeadings(lines);
  if (runIn.breaks.length) {
    lines = breakLinesAt(lines, doc.text, runIn.breaks);
    const starts = new Set(runIn.headings);
    for (const line of lines) if (starts.has(line.start)) line.runInHeading = true;
  }
  let toc = findToc(lines);
  // An item heading glued to the line before it ("…Sagsfremstilling2. Godkendelse af dagsorden"), as
  // web pages' text exports leave them: the table of contents names the item, so the line breaks there.
  const glued = toc ? [...gluedHeadings(doc.text, lines, toc), ...runOnHeadings(lines, toc)] : [];
  if (glued.length) {
    lines = breakLinesAt(lines, doc.text, glued);
    toc = findToc(lines);
  }
  const headings = findItems(lines, toc);
  const bodyHeadings = headings.filter((h) => !h.fromTocOnly).sort((a, b) => a.headingLine - b.headingLine);

  // Each body item's line range first: the headings inferred from the document's own evidence need
  // all of them (a line that recurs in several items is a heading).
  const ranges = new Map<ItemHeadingNode, [number, number]>();
  for (const [k, h] of bodyHeadings.entries()) {
    let endLine = k + 1 < bodyHeadings.length ? bodyHeadings[k + 1].headingLine : lines.length;
    // Separators and the next item's case-number line belong to the next item, not to this one.
    while (endLine - 1 > h.headingLastLine && (!lines[endLine - 1].text || (isMetadataLine(lines[endLine - 1].text) && !classifyHeading(lines[endLine - 1].text)))) endLine--;
    ranges.set(h, [h.headingLastLine + 1, endLine]);
  }
  const inferred = inferHeadings(lines, [...ranges.values()], (t) => !!classifyHeading(t) || isMetadataLine(t));

  const items: ItemNode[] = [];
  for (const h of headings) {
    if (h.fromTocOnly) {
      const line = lines[h.headingLine];
      items.push({ ...h, start: line.textStart, end: line.end, bodyFirstLine: h.headingLine + 1, bodyEndLine: h.headingLine + 1, sections: [] });
      continue;
    }
    const [bodyFirstLine, endLine] = ranges.get(h)!;
    const glued = h.gluedHeading ? classifyHeading(h.gluedHeading) : null;
    const headingEnd = lines[h.headingLine].end;
    const sections = segmentSections(lines, bodyFirstLine, endLine, glued ? { type: glued.type, heading: h.gluedHeading!, at: headingEnd - h.gluedHeading!.length } : null, inferred);
    const startLine = lines[h.headingLine];
    const lastLine = lines[Math.max(h.headingLastLine, endLine - 1)];
    items.push({ ...h, start: startLine.textStart, end: Math.max(lastLine.end, startLine.end), bodyFirstLine, bodyEndLine: endLine, sections });
  }

  const firstBody = bodyHeadings[0]?.headingLine ?? lines.length;
  // Without items in the body, the header is what stands above the table of contents (a page that shows
  // only the contents); without either, only the opening lines can hold one.
  const headerEndLine = bodyHeadings.length ? firstBody : Math.max(openingLines(lines, 12), toc ? toc.firstLine : 0);
  const header = {
    firstLine: 0,
    endLine: headerEndLine,
    start: 0,
    end: headerEndLine > 0 ? lines[headerEndLine - 1].end : 0,
  };
  return { lines, header, toc, items };
}

function openingLines(lines: Line[], nonEmpty: number): number {
  let seen = 0;
  for (let i = 0; i < lines.length; i++) if (lines[i].text && ++seen >= nonEmpty) return i + 1;
  return lines.length;
}

/** Offsets where a numbered TOC entry's heading stands glued to the text before it, in the body. */
function gluedHeadings(text: string, lines: Line[], toc: TocNode): number[] {
  // The first words of each numbered entry's title, white space collapsed, by number.
  const titles = new Map<number, string>();
  for (const e of toc.entries) {
    const words = e.title.slice(0, 24).trim().replace(/\s+/g, ' ');
    if (e.number != null && words.length >= 6) titles.set(e.number, words);
  }
  const out: number[] = [];
  if (!titles.size) return out;
  // One pass over the text: a number glued to the letter or sign before it, then the entry's title.
  const GLUED_NUMBER = /(?<=[\p{L}\p{P}])(\d{1,4})\.\s*/gu;
  GLUED_NUMBER.lastIndex = lines[toc.firstLine].start;
  for (let m = GLUED_NUMBER.exec(text); m; m = GLUED_NUMBER.exec(text)) {
    const words = titles.get(Number(m[1]));
    if (!words) continue;
    const after = m.index + m[0].length;
    if (text.slice(after, after + words.length * 2).replace(/\s+/g, ' ').startsWith(words)) out.push(m.index);
  }
  return out;
}

function pageLabelBreaks(lines: Line[]): number[] {
  const out: number[] = [];
  for (const line of lines) {
    const m = PAGE_LABEL_BEFORE_HEADING.exec(line.text);
    if (m && parseItemHeading(line.text.slice(m[0].length))) out.push(line.textStart + m[0].length);
  }
  return out;
}

/** A heading this long has run on into its item's text (a transcript's page on one line). */
const RUN_ON_HEADING = 120;

/**
 * Offsets where a body heading that ran on into its text ("Punkt 1: Velkomst … v. Anne Neergaard Anne
 * Neergard bød velkommen. Deltagere: …") ends: right after its contents entry's title, where the line
 * repeats it word for word.
 */
function runOnHeadings(lines: Line[], toc: TocNode): number[] {
  const titles = new Map<number, string>();
  for (const e of toc.entries) if (e.number != null && e.title.length >= 8) titles.set(e.number, e.title.replace(/\s+/g, ' '));
  const out: number[] = [];
  for (const line of lines) {
    if (line.text.length < RUN_ON_HEADING || (line.index >= toc.firstLine && line.index <= toc.lastLine)) continue;
    const parsed = parseItemHeading(line.text);
    const title = parsed ? titles.get(parsed.number) : undefined;
    if (!parsed || !title) continue;
    const rest = line.text.slice(parsed.titleOffset);
    if (rest.replace(/\s+/g, ' ').startsWith(title + ' ')) {
      // the entry's title may hold runs of spaces the line collapses: count its words in the line
      let at = 0;
      for (const word of title.split(' ')) at = rest.indexOf(word, at) + word.length;
      out.push(line.textStart + parsed.titleOffset + at);
    }
  }
  return out;
}

/** Line ranges of the part before the first item, without the table of contents. */
export function preambleRanges(tree: DocumentTree): [number, number][] {
  const { firstLine, endLine } = tree.header;
  const toc = tree.toc;
  if (!toc || toc.firstLine >= endLine) return [[firstLine, endLine]];
  return [[firstLine, toc.firstLine], [toc.lastLine + 1, endLine]].filter(([a, b]) => b > a) as [number, number][];
}

