/**
 * The table of contents: kept as entries, never mistaken for items. Found from a TOC heading
 * ("Indholdsfortegnelse", "Punkter på dagsordenen", glued "Indholdsfortegnelse1. ...") followed by
 * entry lines (numbered, or with dotted leaders / page numbers).
 */
import { nextNonEmpty, type Line } from './lines.js';
import { parseItemHeading, cleanTitle } from './item-heading.js';
import { BARE_CASE_NUMBER, CASE_NUMBER_LINE, ITEM_STATUS_LINE, TOC_HEADING } from '../vocabulary/structure.js';
import { isSectionHeadingLine } from './sections.js';
import { GROUP_LINE, GLUED_TOC } from '../vocabulary/structure.js';

export interface TocEntryNode {
  number: number | null;
  title: string;
  page: number | null;
  start: number;
  end: number;
  lineIndex: number;
}

export interface TocNode {
  headingLine: number;
  /** Line range [firstLine, lastLine] of the whole TOC, heading included. */
  firstLine: number;
  lastLine: number;
  entries: TocEntryNode[];
}

const LEADER_PAGE = /(\.{3,}|…+)\s*(\d{1,4})?\s*$|\t+\s*(\d{1,4})\s*$|\s{3,}(\d{1,4})\s*$/;

/** Whether the line right after a numbered entry shows it is already the body of an item. */
function startsItemBody(lines: Line[], index: number): boolean {
  const next = nextNonEmpty(lines, index, 3);
  if (!next) return false;
  return CASE_NUMBER_LINE.test(next.text) || BARE_CASE_NUMBER.test(next.text) || ITEM_STATUS_LINE.test(next.text) || isSectionHeadingLine(next.text);
}

function entryFrom(line: Line, text: string, offsetInLine: number): TocEntryNode | null {
  const leader = LEADER_PAGE.exec(text);
  const page = leader ? Number(leader[2] ?? leader[3] ?? leader[4]) || null : null;
  const heading = parseItemHeading(text);
  if (heading) {
    return { number: heading.number, title: heading.title, page, start: line.textStart + offsetInLine, end: line.end, lineIndex: line.index };
  }
  if (!leader) return null;
  const title = cleanTitle(text);
  if (!title) return null;
  return { number: null, title, page, start: line.textStart + offsetInLine, end: line.end, lineIndex: line.index };
}

export function findToc(lines: Line[]): TocNode | null {
  for (let h = 0; h < lines.length; h++) {
    const line = lines[h];
    if (!line.text) continue;
    const glued = GLUED_TOC.exec(line.text);
    if (!glued && !TOC_HEADING.test(line.text)) continue;
    const entries: TocEntryNode[] = [];
    const seen = new Set<number>();
    let last = h;
    if (glued) {
      const entry = entryFrom(line, line.text.slice(glued[0].length), glued[0].length);
      if (entry) {
        entries.push(entry);
        if (entry.number != null) seen.add(entry.number);
      }
    }
    for (let i = h + 1; i < lines.length; i++) {
      const text = lines[i].text;
      if (!text) continue;
      if (GROUP_LINE.test(text)) { last = i; continue; }
      // A title broken over two lines: an indented or lower-case continuation of the previous entry.
      const prev = entries[entries.length - 1];
      if (prev && prev.lineIndex === i - 1 && prev.page == null && /^[a-zæøå(]/.test(text) && text.length < 120) {
        const leader = LEADER_PAGE.exec(text);
        prev.title = cleanTitle(prev.title + ' ' + text);
        prev.page = leader ? Number(leader[2] ?? leader[3] ?? leader[4]) || null : null;
        prev.end = lines[i].end;
        last = i;
        continue;
      }
      const entry = entryFrom(lines[i], text, 0);
      if (entry) {
        if (entry.number != null && (seen.has(entry.number) || (entry.page == null && startsItemBody(lines, i)))) break;
        if (entry.number != null) seen.add(entry.number);
        entries.push(entry);
        last = i;
        continue;
      }
      break;
    }
    if (entries.length === 0) continue;
    return { headingLine: h, firstLine: h, lastLine: last, entries };
  }
  return null;
}
