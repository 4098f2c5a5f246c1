/** Small shared pieces for the rules: title keys, Danish dates and numbers, names, lines. */
import type { DocumentTree, ItemNode } from '../segment/index.js';
import type { ReferatDocument } from '../document.js';
import type { DateMatch } from '../extract/dates/dates.js';
import type { Line } from '../segment/lines.js';

const MONTHS_DA = ['januar', 'februar', 'marts', 'april', 'maj', 'juni', 'juli', 'august', 'september', 'oktober', 'november', 'december'];
const WEEKDAYS_DA = ['søndag', 'mandag', 'tirsdag', 'onsdag', 'torsdag', 'fredag', 'lørdag'];

/** "2023-01-16" -> "16. januar 2023". */
export function danishDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `${d}. ${MONTHS_DA[m - 1]} ${y}`;
}

export function weekdayName(day: number): string {
  return WEEKDAYS_DA[day];
}

export function weekdayOfIso(iso: string): number {
  const [y, m, d] = iso.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d)).getUTCDay();
}

/** 2500000 -> "2.500.000". */
export { formatDanishNumber as danishNumber } from '../extract/danish-number.js';

/**
 * A cache for the string functions below, which rules call for the same titles over and over (the TOC
 * alignment compares every entry with every item). Emptied when it grows large; a batch never leaks.
 */
function memoized<T>(f: (s: string) => T, max = 4096): (s: string) => T {
  const cache = new Map<string, T>();
  return (s) => {
    let v = cache.get(s);
    if (v === undefined) {
      if (cache.size >= max) cache.clear();
      v = f(s);
      cache.set(s, v);
    }
    return v;
  };
}

/** Letters and digits only, lower case: for comparing titles whatever the punctuation and spacing. */
export const titleKey: (s: string) => string = memoized((s) => s.normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ''));

const wordSet = memoized((s) => new Set(words(s)));

/** Lower-case words (letters and digits). */
export function words(s: string): string[] {
  return s.normalize('NFKC').toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean);
}

/** Dice coefficient over word sets, 0..1. */
export function wordSimilarity(a: string, b: string): number {
  const A = wordSet(a);
  const B = wordSet(b);
  if (!A.size || !B.size) return 0;
  let common = 0;
  for (const w of A) if (B.has(w)) common++;
  return (2 * common) / (A.size + B.size);
}

/** The line that holds an offset. */
export function lineAt(tree: DocumentTree, offset: number): Line {
  const { lines } = tree;
  let lo = 0;
  let hi = lines.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (lines[mid].start <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lines[lo];
}

/** The heading of an item as written (all its lines), with its offsets. */
export function headingOf({ tree, text }: ReferatDocument, item: ItemNode): { text: string; start: number; end: number } {
  const first = tree.lines[item.headingLine];
  const last = tree.lines[Math.max(item.headingLine, item.headingLastLine)];
  return { text: text.slice(first.textStart, last.end), start: first.textStart, end: last.end };
}

/** Items that stand in the body (not only in the table of contents). */
export function bodyItems(tree: DocumentTree): ItemNode[] {
  return tree.items.filter((i) => !i.fromTocOnly).sort((a, b) => a.start - b.start);
}

const nameKey = (s: string) => s.normalize('NFKC').toLowerCase().replace(/[^\p{L}\s-]/gu, ' ').replace(/\s+/g, ' ').trim();

/**
 * Whether two written names are the same person: equal, or one is the other with a middle name left
 * out ("Johannes Lundsfryd" / "Johannes Lundsfryd Jensen" are NOT taken as equal: the last names differ).
 */
export function sameName(a: string, b: string): boolean {
  const A = nameKey(a).split(' ');
  const B = nameKey(b).split(' ');
  if (A.join(' ') === B.join(' ')) return true;
  if (A.length < 2 || B.length < 2) return false;
  if (A[0] !== B[0] || A[A.length - 1] !== B[B.length - 1]) return false;
  // Same first and last name; the shorter one's middle names must appear in the longer one.
  const [short, long] = A.length <= B.length ? [A, B] : [B, A];
  return short.slice(1, -1).every((w) => long.includes(w));
}

/** Occurrences of a full name in a text, whatever white space (line breaks) stands between its parts. */
export function findName(text: string, name: string): { start: number; end: number }[] {
  const parts = name.trim().split(/\s+/).map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  if (parts.length < 2) return [];
  const re = new RegExp(`(?<![\\p{L}])${parts.join('\\s+')}(?![\\p{L}])`, 'gu');
  const out: { start: number; end: number }[] = [];
  for (const m of text.matchAll(re)) out.push({ start: m.index, end: m.index + m[0].length });
  return out;
}

/**
 * The dates the pipeline read inside [start, end), with offsets relative to start, as if read from
 * that slice: rules read what the extract stage found instead of reading dates again.
 */
export function datesIn(doc: ReferatDocument, start: number, end: number): DateMatch[] {
  const dates = doc.facts.dates;
  let lo = 0;
  let hi = dates.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (dates[mid].start < start) lo = mid + 1;
    else hi = mid;
  }
  const out: DateMatch[] = [];
  for (let k = lo; k < dates.length && dates[k].start < end; k++) {
    if (dates[k].end <= end) out.push({ ...dates[k], start: dates[k].start - start, end: dates[k].end - start });
  }
  return out;
}

/**
 * Items whose headings stand three or more on one line of the source text: a real item heading starts a
 * line of its own (a transcript's page may hold two short items), so these are a list flattened onto
 * one line (a PDF transcript's table of contents) read as items. They hold no text of their own; rules
 * say nothing about their decisions or numbering. (The segmenter may break such a line into several
 * Lines, so the source text's line breaks decide.)
 */
export function runOnItems(tree: DocumentTree, text: string): Set<ItemNode> {
  const body = bodyItems(tree);
  const out = new Set<ItemNode>();
  let run: ItemNode[] = [];
  const flush = () => {
    if (run.length >= 3) for (const i of run) out.add(i);
    run = [];
  };
  for (const i of body) {
    const prev = run[run.length - 1];
    if (prev && text.slice(prev.start, i.start).includes('\n')) flush();
    run.push(i);
  }
  flush();
  return out;
}
