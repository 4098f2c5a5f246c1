/**
 * The table of contents: kept as entries, never mistaken for items. Found from a TOC heading
 * ("Indholdsfortegnelse", "Punkter på dagsordenen", glued "Indholdsfortegnelse1. ...") followed by
 * entry lines (numbered, or with dotted leaders / page numbers).
 */
import type { ItemKind } from '../../schemas/referat.js';
import { nextNonEmpty, type Line } from './lines.js';
import { parseItemHeading, cleanTitle } from './item-heading.js';
import { BARE_CASE_NUMBER, CASE_NUMBER_LINE, EMPTIED_PARENTHESES_END, ITEM_META_LABEL, ITEM_STATUS_LINE, TOC_HEADING } from '../vocabulary/structure.js';
import { isSectionHeadingLine } from './sections.js';
import { AGENDA_BREAK_LINE, EXPLICIT_TOC_HEADING, GROUP_LINE, GLUED_TOC, TOC_ENTRY_NUMBERED, TOC_ENTRY_BULLET, TOC_COLUMN_HEADER } from '../vocabulary/structure.js';

export interface TocEntryNode {
  number: number | null;
  title: string;
  /** A kind the entry states before its title ("14. Beslutning: …"). */
  kind?: ItemKind | null;
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

/**
 * Whether the line right after a numbered entry shows it is already the body of an item. A case line
 * followed by a heading numbered below the entry ("10. Eventuelt" / "Sagsnr. 11/6228" / "1. …") is the
 * body's first item's, standing above its heading: the entry is the contents' last.
 */
function startsItemBody(lines: Line[], index: number, entryNumber: number): boolean {
  const next = nextNonEmpty(lines, index, 3);
  if (!next) return false;
  const caseLine = CASE_NUMBER_LINE.test(next.text) || BARE_CASE_NUMBER.test(next.text);
  if (caseLine) {
    const after = nextNonEmpty(lines, next.index, 2);
    const heading = after ? parseItemHeading(after.text) : null;
    if (heading && heading.number < entryNumber) return false;
  }
  // A metadata label alone ("Sagsnr" / "Dok.nr" with their values lost) stands under an item's heading too.
  return caseLine || ITEM_STATUS_LINE.test(next.text) || ITEM_META_LABEL.test(next.text) || isSectionHeadingLine(next.text);
}

function entryFrom(line: Line, text: string, offsetInLine: number): TocEntryNode | null {
  const leader = LEADER_PAGE.exec(text);
  const page = leader ? Number(leader[2] ?? leader[3] ?? leader[4]) || null : null;
  const at = line.textStart + offsetInLine;
  const heading = parseItemHeading(text);
  if (heading && heading.title) return { number: heading.number, title: heading.title, kind: heading.kind, page, start: at, end: line.end, lineIndex: line.index };
  const numbered = TOC_ENTRY_NUMBERED.exec(text);
  if (numbered) {
    const title = cleanTitle(text.slice(numbered[0].length));
    if (title) return { number: Number(numbered[1]), title, page, start: at, end: line.end, lineIndex: line.index };
  }
  const bullet = TOC_ENTRY_BULLET.exec(text);
  if (bullet) {
    const title = cleanTitle(text.slice(bullet[0].length));
    if (title) return { number: null, title, page, start: at, end: line.end, lineIndex: line.index };
  }
  // a number without a title ("Pkt. 1" with its title below) is an item's heading, not a contents entry
  if (heading && heading.title) return { number: heading.number, title: heading.title, page, start: at, end: line.end, lineIndex: line.index };
  if (!leader) return null;
  const title = cleanTitle(text);
  if (!title) return null;
  return { number: null, title, page, start: at, end: line.end, lineIndex: line.index };
}

/** Entries from line `from` on: numbered, bulleted or with leaders, titles broken over two lines joined. */
function collectEntries(lines: Line[], from: number, entries: TocEntryNode[], seen: Set<number>): number {
  let last = from - 1;
  for (let i = from; i < lines.length; i++) {
    const text = lines[i].text;
    if (!text) continue;
    if (GROUP_LINE.test(text) || (AGENDA_BREAK_LINE.test(text) && entries.length) || (TOC_COLUMN_HEADER.test(text) && !entries.length)) { last = i; continue; }
    // A table exported one cell per line: the number, the title (one or more lines), the page.
    // A page number on its own line under an entry that has none ("Punkt 1: Title ....." / "2").
    const before = entries[entries.length - 1];
    if (NUMBER_CELL.test(text) && !text.endsWith('.') && before && before.page == null && before.lineIndex === previousNonEmpty(lines, i)) {
      before.page = Number(text);
      before.end = lines[i].end;
      last = i;
      continue;
    }
    if (NUMBER_CELL.test(text)) {
      const cell = numberCellEntry(lines, i, entries[entries.length - 1]?.page ?? null);
      if (!cell || seen.has(cell.entry.number!)) break;
      seen.add(cell.entry.number!);
      entries.push(cell.entry);
      last = i = cell.lastLine;
      continue;
    }
    // A title broken over two lines: an indented or lower-case continuation of the previous entry.
    const prev = entries[entries.length - 1];
    if (prev && prev.lineIndex === i - 1 && prev.page == null && /^[a-zæøå(]/.test(text) && text.length < 120 && !TOC_ENTRY_NUMBERED.test(text)) {
      const leader = LEADER_PAGE.exec(text);
      prev.title = cleanTitle(prev.title + ' ' + text);
      prev.page = leader ? Number(leader[2] ?? leader[3] ?? leader[4]) || null : null;
      prev.end = lines[i].end;
      last = i;
      continue;
    }
    // An entry whose number the export dropped: it ends as the entries before it do, in the emptied "( )"
    // an export gives every entry ("Høring: Skybrudsplan ( )" under "9. Høring: … ( )"), so it is the
    // next one in the sequence.
    if (prev?.number != null && EMPTIED_PARENTHESES_END.test(text) && !parseItemHeading(text) && entries.length >= 2 && entries.slice(-2).every((e) => EMPTIED_PARENTHESES_END.test(lines[e.lineIndex].text))) {
      const title = cleanTitle(text);
      if (title && title.length <= 160 && /^[A-ZÆØÅ]/.test(title) && !seen.has(prev.number + 1)) {
        entries.push({ number: prev.number + 1, title, page: Number(/(\d{1,4})\s*$/.exec(text)?.[1]) || null, start: lines[i].textStart, end: lines[i].end, lineIndex: i });
        seen.add(prev.number + 1);
        last = i;
        continue;
      }
    }
    const entry = entryFrom(lines[i], text, 0);
    if (entry) {
      if (entry.number != null && (seen.has(entry.number) || (entry.page == null && startsItemBody(lines, i, entry.number)))) break;
      // The contents count up: a lower number is the body starting again at its first item.
      if (entry.number != null && prev?.number != null && entry.number < prev.number) break;
      // One kind of entry in one list: numbered, or bulleted.
      if (prev && (prev.number == null) !== (entry.number == null) && prev.page == null && entry.page == null) break;
      if (entry.number != null) seen.add(entry.number);
      entries.push(entry);
      last = i;
      continue;
    }
    break;
  }
  return last;
}

function previousNonEmpty(lines: Line[], i: number): number {
  let k = i - 1;
  while (k >= 0 && !lines[k].text) k--;
  return k;
}

// "4" or "4." (an entry's number cell; a page cell has no dot).
const NUMBER_CELL = /^\d{1,4}\.?$/;

/** An entry of a table exported one cell per line: "4" / "Revidering af …" / "hjemmehjælp" / "9" (its page). */
function numberCellEntry(lines: Line[], i: number, previousPage: number | null): { entry: TocEntryNode; lastLine: number } | null {
  return sequencedCellEntry(lines, i, previousPage) ?? loneCellEntry(lines, i);
}

const cellValue = (t: string) => Number(t.replace(/\.$/, ''));

/**
 * Where the next entry's number cell (this number + 1, followed by its title) comes within a few lines,
 * the cells between are this entry's: its title, which may hold a number of its own ("… resultatmål
 * for" / "2014"), then its page, then page furniture (a footer's date and page number, a running header,
 * a group line). The page is the first number cell that a page can be: at most three digits and not
 * before the previous entry's page.
 */
function sequencedCellEntry(lines: Line[], i: number, previousPage: number | null): { entry: TocEntryNode; lastLine: number } | null {
  const number = cellValue(lines[i].text);
  const dotted = lines[i].text.endsWith('.');
  const cells: Line[] = [];
  let nextEntry = -1;
  for (let k = i + 1; k < lines.length && cells.length < 12; k++) {
    const t = lines[k].text;
    if (!t) continue;
    if (NUMBER_CELL.test(t) && cellValue(t) === number + 1 && cells.length) {
      const after = nextNonEmpty(lines, k, 3);
      if (after && !NUMBER_CELL.test(after.text)) { nextEntry = k; break; }
    }
    // Where the numbers carry a dot and pages none, a dotted cell is another entry: out of sequence.
    if (dotted && t.endsWith('.') && NUMBER_CELL.test(t)) return null;
    cells.push(lines[k]);
  }
  if (nextEntry < 0) return null;
  const pageAt = cells.findIndex((c, k) => k > 0 && NUMBER_CELL.test(c.text) && !c.text.endsWith('.') && cellValue(c.text) <= 999 && (previousPage == null || cellValue(c.text) >= previousPage));
  const title = pageAt > 0 ? cells.slice(0, pageAt) : cells.filter((c) => !NUMBER_CELL.test(c.text));
  if (!title.length || title.length > 4 || title[0].text.length > 200 || NUMBER_CELL.test(title[0].text)) return null;
  const page = pageAt > 0 ? cellValue(cells[pageAt].text) : null;
  const entry: TocEntryNode = { number, title: cleanTitle(title.map((l) => l.text).join(' ')), page, start: lines[i].textStart, end: (pageAt > 0 ? cells[pageAt] : title[title.length - 1]).end, lineIndex: i };
  return { entry, lastLine: lines[nextEntry - 1].index };
}

/** The last entry, or one whose successor is not in sight: the title lines, then a page cell. */
function loneCellEntry(lines: Line[], i: number): { entry: TocEntryNode; lastLine: number } | null {
  const title: Line[] = [];
  let k = i + 1;
  for (; k < lines.length && title.length < 4; k++) {
    const t = lines[k].text;
    if (!t) continue;
    if (NUMBER_CELL.test(t)) break;
    title.push(lines[k]);
  }
  if (!title.length || title[0].text.length > 200) return null;
  let end = title[title.length - 1];
  let page: number | null = null;
  const pageCell = k < lines.length && NUMBER_CELL.test(lines[k].text) ? lines[k] : undefined;
  const after = pageCell ? nextNonEmpty(lines, pageCell.index, 3) : undefined;
  // The number after the title is its page where another number (the next entry), another part of the
  // contents or the end follows, or where the entries' numbers carry a dot ("4.") and this one none.
  const dotted = (t: string) => t.endsWith('.');
  if (pageCell && (!after || NUMBER_CELL.test(after.text) || TOC_HEADING.test(after.text) || (dotted(lines[i].text) && !dotted(pageCell.text)))) {
    page = cellValue(pageCell.text);
    end = pageCell;
  }
  const entry: TocEntryNode = { number: cellValue(lines[i].text), title: cleanTitle(title.map((l) => l.text).join(' ')), page, start: lines[i].textStart, end: end.end, lineIndex: i };
  return { entry, lastLine: end.index };
}

const titleKey = (s: string) => s.toLowerCase().replace(/[^a-zæøå0-9]+/g, ' ').trim().slice(0, 24);

/**
 * A table of contents without a heading: three or more entries in a row (numbered in sequence, or
 * bulleted) whose first title comes round again below them, as the first item's heading. Web pages
 * list the items at the top under a "Referat" or no heading at all.
 */
function findHeadlessToc(lines: Line[]): TocNode | null {
  for (let i = 0; i < lines.length; i++) {
    if (!lines[i].text) continue;
    const first = entryFrom(lines[i], lines[i].text, 0);
    if (!first || !first.title) continue;
    const entries: TocEntryNode[] = [];
    const last = collectEntries(lines, i, entries, new Set());
    const numbered = entries.filter((e) => e.number != null);
    const inSequence = numbered.length === entries.length && numbered.every((e, k) => k === 0 || e.number === numbered[k - 1].number! + 1);
    const bulleted = numbered.length === 0;
    if (entries.length < 3 || !(inSequence || bulleted)) {
      i = Math.max(i, last);
      continue;
    }
    const key = titleKey(entries[0].title);
    // The title again as a heading below, after its number in any form ("1. …", "Punkt 1: …").
    const again = key.length >= 8 && lines.slice(last + 1, last + 400).some((l) => l.text && titleKey(parseItemHeading(l.text)?.title || l.text.replace(/^\S*\d+\s*[.:)\-–]?\s*/, '')).startsWith(key));
    if (!again) {
      i = Math.max(i, last);
      continue;
    }
    // Bulleted entries are the items in order.
    if (bulleted) entries.forEach((e, k) => (e.number = k + 1));
    return { headingLine: i, firstLine: i, lastLine: last, entries };
  }
  return null;
}

export function findToc(lines: Line[]): TocNode | null {
  for (let h = 0; h < lines.length; h++) {
    const line = lines[h];
    if (!line.text) continue;
    const glued = GLUED_TOC.exec(line.text);
    if (!glued && !TOC_HEADING.test(line.text)) continue;
    const entries: TocEntryNode[] = [];
    const seen = new Set<number>();
    if (glued) {
      const entry = entryFrom(line, line.text.slice(glued[0].length), glued[0].length);
      if (entry) {
        entries.push(entry);
        if (entry.number != null) seen.add(entry.number);
      }
    }
    // The contents' own header lines (the body's name, the date, "Punkter til dagsorden Side") may stand
    // between the heading and the first entry.
    let from = h + 1;
    for (let k = h + 1, skipped = 0; !entries.length && EXPLICIT_TOC_HEADING.test(line.text) && k < lines.length && skipped < 4; k++) {
      if (!lines[k].text) continue;
      if (entryFrom(lines[k], lines[k].text, 0) || NUMBER_CELL.test(lines[k].text)) { from = k; break; }
      if (lines[k].text.length > 60) break;
      skipped++;
    }
    let last = Math.max(h, collectEntries(lines, from, entries, seen));
    if (entries.length === 0) continue;
    // Contents in parts, one heading each ("Indholdsfortegnelse åbent møde" … "… lukket møde"): one list.
    for (let next = nextNonEmpty(lines, last, 3); next && TOC_HEADING.test(next.text); next = nextNonEmpty(lines, last, 3)) {
      const more = collectEntries(lines, next.index + 1, entries, seen);
      if (more <= next.index) break;
      last = more;
    }
    return { headingLine: h, firstLine: h, lastLine: last, entries };
  }
  return findHeadlessToc(lines);
}
