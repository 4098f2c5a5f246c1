/**
 * Finding the agenda items: every line that parses as an item heading is a candidate, scored by the
 * cues around it (heading style, a case number or section heading below, a separator above, a TOC
 * entry with the same title, lower-case or list-like text against it). The best chain of strictly
 * increasing numbers within one heading family wins. Items shown only in the TOC are added.
 */
import type { ItemKind } from '../../schemas/referat.js';
import { nextNonEmpty, prevNonEmpty, type Line } from './lines.js';
import { cleanTitle, parseItemHeading, type HeadingFamily, type ParsedItemHeading } from './item-heading.js';
import { classifyHeading, isMetadataLine, isSectionHeadingLine } from './sections.js';
import type { TocNode } from './toc.js';
import { BARE_CASE_NUMBER, CASE_NUMBER_LINE, CLOSED_ITEM, DECORATION_MEANING, DOCUMENT_NUMBER_LABEL, ITEM_META_LABEL, JOURNAL_NUMBER_LABEL, ITEM_SEPARATOR_LINE, ITEM_STATUS_LINE, KIND_LINES, TITLE_PREFIX } from '../vocabulary/structure.js';
import { ABBREVIATION_END } from '../vocabulary/layout.js';
import { TIME_SLOT_LINE } from '../vocabulary/calendar.js';
import { KIND_CELL_LINE, KIND_WORD_STEMS, SAG_NR_LINE, DOCUMENT_KIND_LINE, CLOCK_TIME_IN_LINE, CLOSED_TITLE, CASE_NUMBER_LABEL_ONLY, LEADING_CASE_NUMBER, CASE_TYPE_LABEL, BARE_KIND_WORDS, TITLE_KIND_SUFFIX } from '../vocabulary/structure.js';

export interface ItemHeadingNode {
  number: number;
  numberInferred: boolean;
  title: string;
  titleStart: number;
  titleEnd: number;
  kind: ItemKind | null;
  closed: boolean;
  caseNumber: string | null;
  /** Lines of the heading (first .. last, inclusive), and where the item's body starts. */
  headingLine: number;
  headingLastLine: number;
  /** A section heading glued to the title ("...formandenReferat"). */
  gluedHeading: string | null;
  fromTocOnly: boolean;
  /** The weight of the layout evidence that made this line an item heading (0 for items not headed in the body). */
  evidence: number;
}

export interface Candidate {
  line: Line;
  parsed: ParsedItemHeading;
  score: number;
  /** A decision, recommendation or resume heading stands between this line and the next candidate. */
  sectionsBelow?: boolean;
}

const ITEM_SECTION_TYPES = new Set(['beslutning', 'indstilling', 'resume']);

const BASE_SCORE: Record<HeadingFamily, number> = { punkt: 3, sagnr: 3, dash: 1.5, dot: 1, bare: 1, spaced: 0 };
const PERSON_WITH_PARTY = /^[A-ZÆØÅ][\wæøå'\-]+(\s+[A-ZÆØÅ][\wæøå'\-]+)+\s*,?\s*\([A-ZÆØÅ]{1,3}\)/;
const normKey = (s: string) => s.toLowerCase().replace(/[^a-zæøå0-9]+/g, ' ').trim().slice(0, 40);

function scoreCandidate(lines: Line[], c: Candidate, tocTitles: Set<string>, candidatesByLine: Map<number, Candidate>): number {
  const { line, parsed } = c;
  let score = BASE_SCORE[parsed.family];
  const title = parsed.title;
  if (line.headingHint) score += 3;
  if (line.runInHeading) score += 2;
  // Blank lines (web pages leave several) do not count against the cues below a heading.
  const next = nextNonEmpty(lines, line.index, 6);
  // For a bare number the cues stand under its title line.
  const below = parsed.family === 'bare' && next ? nextNonEmpty(lines, next.index, 6) : next;
  if (below && (CASE_NUMBER_LINE.test(below.text) || BARE_CASE_NUMBER.test(below.text) || ITEM_STATUS_LINE.test(below.text) || ITEM_META_LABEL.test(below.text) || isSectionHeadingLine(below.text))) score += 2;
  if (parsed.gluedHeading) score += 2;
  const prev = prevNonEmpty(lines, line.index, 2);
  if (prev && (ITEM_SEPARATOR_LINE.test(prev.text) || CASE_NUMBER_LINE.test(prev.text))) score += 1.5;
  if (tocTitles.has(normKey(title))) score += 1.5;
  // A bare number is a heading only with its title on the next line.
  if (!title && parsed.family !== 'punkt' && !(parsed.family === 'bare' && next && isTitleLine(next.text))) score -= 3;
  if (/^[a-zæøå]/.test(title) || /^at\b/i.test(title)) score -= 4;
  if (line.text.length > 220) score -= 3;
  if (/[,;]$/.test(title)) score -= 2;
  if (PERSON_WITH_PARTY.test(title)) score -= 3;
  if (prev && /:$/.test(prev.text) && !isSectionHeadingLine(prev.text)) score -= 1.5;
  // A line right under a bare Beslutning/Indstilling/... heading is that section's text, not an item.
  const prevHeading = prev && prev.index >= line.index - 2 ? classifyHeading(prev.text) : null;
  // The document's own "Referat" title line above the first item is not a decision heading.
  const documentTitle = prev && DOCUMENT_KIND_LINE.test(prev.text) && !lines.slice(0, prev.index).some((l) => l.text && classifyHeading(l.text)?.role === 'main');
  if (prevHeading && !documentTitle && prevHeading.headingLength === prev!.text.length && ['beslutning', 'indstilling', 'resume', 'sagsfremstilling'].includes(prevHeading.type)) score -= 3;
  if (/\(\s*\)\s*$/.test(line.text)) score += 1;
  if (c.sectionsBelow) score += 1.5;
  // A dense run (the next line is the next number) is a list or a TOC, not items with content.
  if (next && next.index === line.index + 1) {
    const nc = candidatesByLine.get(next.index);
    if (nc && nc.parsed.number === parsed.number + 1) score -= 1.5;
  }
  return score;
}

/**
 * Repetition across items: headings of one family that are followed by the same line ("Det
 * indstilles,", "Sagsnr.:", "Åben sag") share the document's item layout, whatever the words; each
 * gets the cue. A numbered list's points are followed by the next point, not by a shared line.
 */
function addSharedShapeCue(lines: Line[], all: Candidate[], byLine: Map<number, Candidate>) {
  const groups = new Map<string, Candidate[]>();
  for (const c of all) {
    const next = nextNonEmpty(lines, c.line.index, 6);
    if (!next || byLine.has(next.index) || next.text.length > 80) continue;
    const key = `${c.parsed.family === 'bare' ? 'dot' : c.parsed.family}|${next.text.toLowerCase().replace(/\d+/g, '0').slice(0, 30)}`;
    groups.set(key, [...(groups.get(key) ?? []), c]);
  }
  for (const group of groups.values()) {
    if (group.length < 2 || new Set(group.map((c) => c.parsed.number)).size < 2) continue;
    for (const c of group) c.score += 1;
  }
}

/**
 * A run of three or more headings of one family numbered in sequence (1, 2, 3 …), each a short title
 * with text under it, is the document's item list even without other cues (small bodies' minutes).
 * A numbered list in running text is dense (the next point on the next line) and gets no cue.
 */
function addSequenceCue(lines: Line[], all: Candidate[]) {
  const shortTitle = (c: Candidate) => c.parsed.title.length > 0 && c.parsed.title.length <= 90 && !/[.,;:]$/.test(c.parsed.title) && /^[A-ZÆØÅ0-9"«]/.test(c.parsed.title);
  const byFamily = new Map<string, Candidate[]>();
  for (const c of all) {
    const f = c.parsed.family === 'bare' ? 'dot' : c.parsed.family;
    const list = byFamily.get(f);
    if (list) list.push(c);
    else byFamily.set(f, [c]);
  }
  for (const cands of byFamily.values()) {
    let run: Candidate[] = [];
    const flush = () => {
      if (run.length >= 3) for (const c of run) c.score += 0.5;
      run = [];
    };
    for (const c of cands) {
      const prev = run[run.length - 1];
      const spaced = !prev || c.line.index - prev.line.index >= 2;
      if (prev && c.parsed.number === prev.parsed.number + 1 && spaced && shortTitle(c)) { run.push(c); continue; }
      flush();
      if (shortTitle(c)) run.push(c);
    }
    flush();
  }
}

/** The case number on a labelled case line ("Sagsnr.: 24/1234"); a document or letter number is not one. */
function caseNumberOf(text: string): string | null {
  const m = CASE_NUMBER_LINE.exec(text);
  if (!m || DOCUMENT_NUMBER_LABEL.test(text)) return null;
  return (m.groups?.value ?? m[1]).replace(/[.,;]$/, '');
}

/** A line that can be an item's title standing under its number: capitalised, short, not a heading or a value. */
function isTitleLine(text: string): boolean {
  return /^[A-ZÆØÅ"“«]/.test(text) && text.length <= 200 && !isSectionHeadingLine(text) && !isMetadataLine(text) && !parseItemHeading(text) && !/^\d/.test(text);
}

/** Cues below this mark a candidate as text, not a heading (lower case, "at …", an overlong line). */
const NOT_A_HEADING = -1.5;

/**
 * The numbers the chosen items leave out, filled from candidates of the same family standing in
 * their place: 1 and 2 before an item 3, item 5 between 4 and 6. The sequence is the evidence; an
 * agenda's items without text ("1. Godkendelse af dagsorden" / "2. Valg af formand") have no other.
 * Each gap is filled only with its own numbers, counting up by one, in document order.
 */
function fillSequence(chain: Candidate[], all: Candidate[]): Candidate[] {
  if (chain.length < 2) return chain;
  const familyOf = (c: Candidate) => (c.parsed.family === 'bare' ? 'dot' : c.parsed.family);
  const family = familyOf(chain[0]);
  const chosen = new Set(chain);
  const pool = all.filter((c) => familyOf(c) === family && c.score > NOT_A_HEADING && !chosen.has(c));
  // Only a gap filled completely counts: one filled in part is a list that happens to share numbers.
  const gap = (afterLine: number, beforeLine: number, from: number, to: number): Candidate[] => {
    if (from > to) return [];
    const found: Candidate[] = [];
    for (const c of pool) {
      if (c.line.index <= afterLine || c.line.index >= beforeLine) continue;
      // ("Pkt. 2" with its title on the next line counts: the word says it is an item)
      if (c.parsed.number === from + found.length && (c.parsed.title || c.parsed.family === 'punkt')) found.push(c);
    }
    return from + found.length > to ? found.slice(0, to - from + 1) : [];
  };
  const out = gap(-1, chain[0].line.index, 1, chain[0].parsed.number - 1);
  for (let k = 0; k < chain.length; k++) {
    out.push(chain[k]);
    if (k + 1 < chain.length) out.push(...gap(chain[k].line.index, chain[k + 1].line.index, chain[k].parsed.number + 1, chain[k + 1].parsed.number - 1));
  }
  return out;
}

/**
 * A numbered list that starts again at 1 after the items, at the same indentation and in the same
 * writing, continues them: a word processor's list broken into several lists by a sub-list or a
 * paragraph between items ("1. … 2. … 3. …" then "1. Sommerfest", "2. Siden sidst", "3. Eventuelt"
 * are items 4, 5, 6). Not a list that repeats the items' titles (an agenda printed twice).
 */
function restartedNumbering(chain: Candidate[], all: Candidate[]): { candidate: Candidate; number: number }[] {
  if (chain.length < 2 || chain[0].parsed.number > 1) return [];
  const indent = (c: Candidate) => c.line.textStart - c.line.start;
  const family = chain[0].parsed.family;
  if (family !== 'dot' && family !== 'punkt') return [];
  if (chain.some((c) => indent(c) !== indent(chain[0]) || c.parsed.family !== family)) return [];
  const last = chain[chain.length - 1];
  const titles = new Set(chain.map((c) => normKey(c.parsed.title)));
  const after = all.filter((c) => c.line.index > last.line.index && c.parsed.family === family && indent(c) === indent(chain[0]) && c.parsed.title && c.score > NOT_A_HEADING);
  const out: { candidate: Candidate; number: number }[] = [];
  let expected = 1;
  let next = last.parsed.number + 1;
  for (const c of after) {
    if (titles.has(normKey(c.parsed.title))) return [];
    if (c.parsed.number === expected) { out.push({ candidate: c, number: next++ }); expected++; continue; }
    // Another restart continues the count again.
    if (c.parsed.number === 1 && out.length) { out.push({ candidate: c, number: next++ }); expected = 2; continue; }
    break;
  }
  return out.length >= 2 ? out : [];
}

/** The better of two chain ends: the higher value, on a tie the earlier candidate (as a left-to-right scan keeps it). */
type ChainEnd = { value: number; index: number };
const better = (a: ChainEnd | undefined, b: ChainEnd): boolean => !a || b.value > a.value || (b.value === a.value && b.index < a.index);

/**
 * Weighted longest chain of strictly increasing numbers (in document order). A step over a gap of g
 * numbers costs min(2, 0.4 g): every predecessor 6 or more numbers below costs the full 2, so the best
 * of them is a prefix maximum (a Fenwick tree over the numbers); the five numbers just below are
 * looked at one by one. n log n, where comparing every pair was quadratic in the candidates.
 */
export function bestChain(cands: Candidate[]): { chain: Candidate[]; total: number } {
  const n = cands.length;
  const best = new Array<number>(n).fill(0);
  const from = new Array<number>(n).fill(-1);
  const numbers = [...new Set(cands.map((c) => c.parsed.number))].sort((a, b) => a - b);
  const rank = new Map(numbers.map((v, k) => [v, k]));
  // Fenwick tree of the best chain end per number, for prefix maxima; and the best end at each number.
  const tree: (ChainEnd | undefined)[] = new Array(numbers.length + 1);
  const atNumber = new Map<number, ChainEnd>();
  const prefixBest = (count: number): ChainEnd | undefined => {
    let found: ChainEnd | undefined;
    for (let k = count; k > 0; k -= k & -k) if (tree[k] && better(found, tree[k]!)) found = tree[k];
    return found;
  };
  // The number of distinct numbers <= v.
  const countUpTo = (v: number): number => {
    let lo = 0;
    let hi = numbers.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (numbers[mid] <= v) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  let top = -1;
  for (let i = 0; i < n; i++) {
    const number = cands[i].parsed.number;
    const score = cands[i].score;
    best[i] = score;
    let pick: ChainEnd | undefined;
    const far = prefixBest(countUpTo(number - 6));
    if (far) pick = { value: far.value + score - 2, index: far.index };
    for (let k = countUpTo(number - 6); k < numbers.length && numbers[k] < number; k++) {
      const near = atNumber.get(numbers[k]);
      if (!near) continue;
      const gap = number - numbers[k] - 1;
      const candidate = { value: near.value + score - Math.min(2, gap * 0.4), index: near.index };
      if (better(pick, candidate)) pick = candidate;
    }
    if (pick && pick.value > best[i]) {
      best[i] = pick.value;
      from[i] = pick.index;
    }
    const end = { value: best[i], index: i };
    if (better(atNumber.get(number), end)) atNumber.set(number, end);
    for (let k = rank.get(number)! + 1; k <= numbers.length; k += k & -k) if (better(tree[k], end)) tree[k] = end;
    if (top < 0 || best[i] > best[top]) top = i;
  }
  const chain: Candidate[] = [];
  for (let k = top; k >= 0; k = from[k]) chain.unshift(cands[k]);
  return { chain, total: top >= 0 ? best[top] : 0 };
}

export function findItems(lines: Line[], toc: TocNode | null): ItemHeadingNode[] {
  const inToc = (i: number) => !!toc && i >= toc.firstLine && i <= toc.lastLine;
  const tocTitles = new Set((toc?.entries ?? []).map((e) => normKey(e.title)));
  const all: Candidate[] = [];
  for (const line of lines) {
    if (!line.text || inToc(line.index)) continue;
    const parsed = parseItemHeading(line.text);
    if (parsed) all.push({ line, parsed, score: 0 });
  }
  // "Renovering af Espelunden" / "Sag nr. 130": the number stands under the title.
  for (const line of lines) {
    const m = SAG_NR_LINE.exec(line.text);
    const prev = m ? prevNonEmpty(lines, line.index, 2) : undefined;
    if (!m || !prev || inToc(prev.index) || classifyHeading(prev.text) || parseItemHeading(prev.text) || prev.text.length > 200) continue;
    all.push({ line: prev, parsed: { family: 'sagnr', number: Number(m[1]), title: cleanTitle(prev.text), titleOffset: 0, kind: null, gluedHeading: null }, score: 0 });
  }
  all.sort((a, b) => a.line.index - b.line.index);
  const byLine = new Map(all.map((c) => [c.line.index, c]));
  for (let k = 0; k < all.length; k++) {
    const until = k + 1 < all.length ? all[k + 1].line.index : lines.length;
    for (let i = all[k].line.index + 1; i < until; i++) {
      const h = lines[i].text ? classifyHeading(lines[i].text) : null;
      if (h && h.role === 'main' && ITEM_SECTION_TYPES.has(h.type)) { all[k].sectionsBelow = true; break; }
    }
  }
  for (const c of all) c.score = scoreCandidate(lines, c, tocTitles, byLine);
  addSharedShapeCue(lines, all, byLine);
  addSequenceCue(lines, all);

  // A heading printed twice in a row (PolWeb) or a TOC without a heading: keep one candidate per
  // number and title, the one with the stronger cues (the later one on a tie).
  let winner: { chain: Candidate[]; total: number } = { chain: [], total: 0 };
  for (const family of ['punkt', 'sagnr', 'dash', 'dot', 'bare', 'spaced'] as HeadingFamily[]) {
    // "3. Title" and "3." with the title below can alternate in one document: one chain for both.
    const cands = all.filter((c) => (c.parsed.family === family || (family === 'dot' && c.parsed.family === 'bare')) && c.score >= 1.5);
    const deduped: Candidate[] = [];
    const twinOf = new Map<string, number>();
    for (const c of cands) {
      const key = `${c.parsed.number}|${normKey(c.parsed.title)}`;
      const twin = twinOf.get(key) ?? -1;
      if (twin < 0) { twinOf.set(key, deduped.length); deduped.push(c); continue; }
      const d = deduped[twin];
      const adjacent = c.line.index - d.line.index <= 3;
      if (adjacent) continue; // the second copy is part of the same heading
      if (c.score >= d.score) deduped[twin] = c;
    }
    deduped.sort((a, b) => a.line.index - b.line.index);
    const result = bestChain(deduped);
    if (result.total > winner.total) winner = result;
  }

  const items: ItemHeadingNode[] = [];
  const chain = fillSequence(winner.chain, all);
  for (const c of chain) items.push(toHeadingNode(lines, c));
  for (const { candidate, number } of restartedNumbering(chain, all)) items.push({ ...toHeadingNode(lines, candidate), number, numberInferred: true });
  if (items.length === 0) {
    const unnumbered = findUnnumberedItems(lines, toc);
    if (unnumbered.length) return unnumbered;
  }
  addTocOnlyItems(items, toc);
  // After the contents' items join: their titles carry the same decorations as the body's.
  stripTitleDecorations(items);
  return items;
}

const MAIN_TYPES = new Set(['resume', 'sagsfremstilling', 'indstilling', 'beslutning', 'bilag']);
const STATUS_ONLY = /^(åben|åbent)$/i;

/**
 * Layouts whose items carry no visible number (Aarhus web, Aalborg, Ishøj): an item starts where a
 * section type comes round again (a second Beslutning, Resume ...), at an "Åben" status line, or at a
 * line the source marked as a heading. Items are numbered in order, and the caller says so.
 */
function findUnnumberedItems(lines: Line[], toc: TocNode | null): ItemHeadingNode[] {
  const inToc = (i: number) => !!toc && i >= toc.firstLine && i <= toc.lastLine;
  const firstHeading = lines.findIndex((l) => l.text && !inToc(l.index) && classifyHeading(l.text)?.role === 'main' && !DOCUMENT_KIND_LINE.test(l.text));
  const headings = lines.filter((l) => {
    if (!l.text || inToc(l.index)) return false;
    const h = classifyHeading(l.text);
    if (!h || h.role !== 'main') return false;
    // "Referat" as the document's own title line, before any section, is not a decision heading.
    return !(DOCUMENT_KIND_LINE.test(l.text) && (firstHeading < 0 || l.index < firstHeading));
  });
  const types = headings.map((l) => classifyHeading(l.text)!.type);
  if (!types.some((t) => t === 'beslutning' || t === 'indstilling')) return [];
  const starts: number[] = [];
  const statusLines = lines.filter((l) => STATUS_ONLY.test(l.text) && !inToc(l.index));
  if (statusLines.length >= 2) {
    for (const l of statusLines) starts.push(l.index);
  } else {
    let seen = new Set<string>();
    headings.forEach((h, k) => {
      const t = types[k];
      if (!MAIN_TYPES.has(t)) return;
      if (starts.length === 0 || seen.has(t)) {
        starts.push(titleLineBefore(lines, h.index) ?? h.index);
        seen = new Set();
      }
      seen.add(t);
    });
  }
  return starts.map((start, k) => {
    const line = lines[start];
    const isTitle = !classifyHeading(line.text) && !STATUS_ONLY.test(line.text);
    let titleLine = isTitle ? line : undefined;
    if (!titleLine && STATUS_ONLY.test(line.text)) {
      const next = nextNonEmpty(lines, start, 2);
      if (next && !isSectionHeadingLine(next.text) && next.text.length < 150) titleLine = next;
    }
    const last = titleLine ? titleLine.index : start - (classifyHeading(line.text) ? 1 : 0);
    return {
      number: k + 1,
      numberInferred: true,
      title: titleLine ? cleanTitle(titleLine.text) : '',
      titleStart: titleLine ? titleLine.textStart : line.textStart,
      titleEnd: titleLine ? titleLine.end : line.textStart,
      kind: null,
      closed: titleLine ? CLOSED_ITEM.test(titleLine.text) : false,
      caseNumber: null,
      headingLine: start,
      headingLastLine: Math.max(start - 1, last),
      gluedHeading: null,
      fromTocOnly: false,
      evidence: 0,
    };
  });
}

const TRAILING_DASH = /\s*[-–]$/;
/** A short line that finishes a title: capitalised, no sentence or label, not a heading, a value or a time. */
function isTitleContinuation(text: string): boolean {
  return text.length <= 60 && /^[A-ZÆØÅ0-9]/.test(text) && !/[.:?!]$/.test(text) && !isSectionHeadingLine(text) && !isMetadataLine(text) && !parseItemHeading(text) && !CLOCK_TIME_IN_LINE.test(text);
}

/** The item title standing right above a section heading: short, capitalised, not a sentence. */
function titleLineBefore(lines: Line[], index: number): number | null {
  const prev = prevNonEmpty(lines, index, 2);
  if (!prev || index - prev.index > 2) return null;
  const t = prev.text;
  // A place or time line of the header is not an item title.
  const above = prevNonEmpty(lines, prev.index, 2);
  if (above && CLOCK_TIME_IN_LINE.test(above.text) && !classifyHeading(above.text)) return null;
  if (t.length > 150 || /[:,;]$/.test(t) || /[a-zæøå]{4,}\.$/.test(t) || !/^[A-ZÆØÅ0-9]/.test(t) || classifyHeading(t) || isMetadataLine(t)) return null;
  return prev.index;
}

function toHeadingNode(lines: Line[], c: Candidate): ItemHeadingNode {
  const { line, parsed } = c;
  let title = parsed.title;
  let titleStart = line.textStart + parsed.titleOffset;
  let titleEnd = titleStart + (title ? line.text.length - parsed.titleOffset : 0);
  let last = line.index;
  // "Pkt. 14" with the title on the next line; a heading printed twice; a title broken over lines.
  const next = nextNonEmpty(lines, line.index, 3);
  // "Pkt. 3 (Malou)" / "Elevrådet har ordet": a remark in parentheses (who presents) beside the
  // number, the title on the next line.
  if (/^\([^()]{1,40}\)$/.test(title) && next && !isSectionHeadingLine(next.text) && !isMetadataLine(next.text) && !parseItemHeading(next.text)) title = '';
  if (!title && next && !isSectionHeadingLine(next.text) && !isMetadataLine(next.text)) {
    title = next.text;
    titleStart = next.textStart;
    titleEnd = next.end;
    last = next.index;
  }
  for (let k = last + 1; k < Math.min(lines.length, last + 4); k++) {
    const again = lines[k].text ? parseItemHeading(lines[k].text) : null;
    if (again && again.number === parsed.number && normKey(again.title) === normKey(title)) { last = k; break; }
    // The title printed again on its own line under the numbered heading.
    if (!again && lines[k].text && title && normKey(lines[k].text) === normKey(title)) { last = k; break; }
    if (lines[k].text && !again) break;
  }
  const follow = lines[line.index + 1];
  if (last === line.index && follow && follow.text && /^[a-zæøå]/.test(follow.text) && follow.text.length < 100 && !/[.:!?]$/.test(title) && !parsed.gluedHeading) {
    title = `${title} ${follow.text}`;
    titleEnd = follow.end;
    last = follow.index;
  }
  title = title.replace(/\s+/g, ' ').trim();
  // A run-in title is the paragraph's first sentence: its full stop ends the sentence, not the title.
  if (line.runInHeading && title.endsWith('.') && !ABBREVIATION_END.test(title)) title = title.slice(0, -1);
  // "Eventuelt –" / "Valg": a title that ends in a dash goes on on the next line where that is a short
  // title line; otherwise the dash is left over from a subtitle the export dropped.
  if (TRAILING_DASH.test(title)) {
    const rest = nextNonEmpty(lines, last, 2);
    if (rest && isTitleContinuation(rest.text)) {
      title = `${title} ${rest.text.trim()}`;
      titleEnd = rest.end;
      last = rest.index;
    } else title = title.replace(TRAILING_DASH, '');
  }
  // The number printed twice ("1.  1. Godkendelse af dagsordenen").
  const twice = new RegExp(`^${parsed.number}\\s?[.)]\\s+`).exec(title);
  if (twice) {
    title = title.slice(twice[0].length);
    titleStart += twice[0].length;
  }
  // Case number and status just below the heading.
  let caseNumber: string | null = null;
  let journalNumber = false;
  let closed = parsed.closed ?? CLOSED_ITEM.test(title);
  let kind = parsed.kind;
  kind ??= TITLE_KIND_SUFFIX.find((k) => k.pattern.test(title))?.kind ?? null;
  for (let k = last + 1, seen = 0; k < lines.length && seen < 4; k++) {
    const t = lines[k].text;
    if (!t) continue;
    seen++;
    const kindLine = KIND_LINES.find((l) => l.pattern.test(t));
    if (kindLine) {
      kind ??= kindLine.kind;
      continue;
    }
    // "Sagsgang og sagstype" / the route / "Beslutningssag": the kind stands in the block under the label.
    if (CASE_TYPE_LABEL.test(t)) {
      for (let j = k + 1, n = 0; j < lines.length && n < 3; j++) {
        const u = lines[j].text;
        if (!u) continue;
        n++;
        const found = KIND_LINES.find((l) => l.pattern.test(u)) ?? BARE_KIND_WORDS.find((l) => l.pattern.test(u));
        if (found) { kind ??= found.kind; k = j; break; }
      }
      continue;
    }
    const labelOnly = CASE_NUMBER_LABEL_ONLY.test(t) ? nextNonEmpty(lines, k, 2) : undefined;
    const status = ITEM_STATUS_LINE.exec(t);
    const m =
      caseNumberOf(t) ??
      BARE_CASE_NUMBER.exec(t)?.groups?.value ??
      (labelOnly ? BARE_CASE_NUMBER.exec(labelOnly.text)?.groups?.value : undefined) ??
      (status?.[5] ? BARE_CASE_NUMBER.exec(status[5].replace(/^\s*[-–]\s*/, '').trim())?.groups?.value : undefined) ??
      LEADING_CASE_NUMBER.exec(t)?.[1] ??
      /\b(\d{4}\/\d{4,7})\s*$/.exec(t)?.[1];
    // The case's own number ("Sagsnr.: 6628") before the archive's journal number ("J.nr.: 00.01.00-A10-1/13").
    if (m && (!caseNumber || (journalNumber && caseNumberOf(t) === m && !JOURNAL_NUMBER_LABEL.test(t)))) {
      journalNumber = JOURNAL_NUMBER_LABEL.test(t);
      caseNumber = m;
    }
    if (CLOSED_TITLE.test(t)) closed = true;
    if (!isMetadataLine(t)) break;
  }
  // An agenda table exported a cell a line: the item's time slot, then its kind cell ("Kl. 18.30-18.40" /
  // "Beslutning"); a combined cell ("Orientering og drøftelse") states no one kind.
  if (!kind) {
    for (let k = last + 1, seen = 0; k < lines.length && seen < 6; k++) {
      const t = lines[k].text;
      if (!t) continue;
      seen++;
      if (parseItemHeading(t)) break;
      if (!TIME_SLOT_LINE.test(t)) continue;
      const cell = nextNonEmpty(lines, k, 3);
      const single = cell && KIND_CELL_LINE.exec(cell.text);
      if (single && !single[3]) kind = KIND_WORD_STEMS.find((w) => w.stem.test(single[1]))?.kind ?? null;
      break;
    }
  }
  // Some layouts put the case line above the heading ("Sagnr.: 1-30-72-58-24" / "1. Title").
  if (!caseNumber) {
    const above = prevNonEmpty(lines, line.index, 2);
    // A bare number there too ("85.02.02-G01-5-17" / "131. Godkendelse af dagsorden"), as SBSYS prints it.
    if (above && above.index >= line.index - 2) caseNumber = caseNumberOf(above.text) ?? BARE_CASE_NUMBER.exec(above.text)?.groups?.value ?? null;
  }
  return {
    number: parsed.number,
    numberInferred: false,
    title,
    titleStart,
    titleEnd,
    kind,
    closed,
    caseNumber,
    headingLine: line.index,
    headingLastLine: last,
    gluedHeading: parsed.gluedHeading,
    fromTocOnly: false,
    evidence: c.score,
  };
}

/**
 * Decorations that repeat on the titles: a prefix before a colon or dash ("Beslutning - ", "Lukket
 * punkt: ") on at least two titles (the known ones counted together) is a marker. A kind prefix is
 * the item's kind, not title text; an open/closed marker sets `closed` and stays in the title, as do
 * letter markers after it ("(B)", "(C)"), whose meaning differs from publisher to publisher. A prefix
 * the vocabulary does not know is stripped only when most titles carry it.
 */
function stripTitleDecorations(items: ItemHeadingNode[]) {
  const count = new Map<string, number>();
  for (const it of items) {
    const m = TITLE_PREFIX.exec(it.title);
    if (m) count.set(m[1].toLowerCase(), (count.get(m[1].toLowerCase()) ?? 0) + 1);
  }
  // Known markers count together: "Beslutning - " on two titles makes "Orientering - " on a third one too.
  const known = [...count].filter(([p]) => DECORATION_MEANING.some((d) => d.pattern.test(p))).reduce((n, [, c]) => n + c, 0);
  for (const it of items) {
    const m = TITLE_PREFIX.exec(it.title);
    const prefix = m?.[1].toLowerCase();
    const meaning = prefix ? DECORATION_MEANING.find((d) => d.pattern.test(prefix)) : undefined;
    const n = prefix ? count.get(prefix)! : 0;
    if (m && (meaning ? known >= 2 : n >= Math.max(3, items.length * 0.6))) {
      if (meaning?.closed != null) it.closed = meaning.closed;
      // An open/closed marker says who may read the item; it stays part of the title as printed
      // ("Lukket punkt: Ejendomssag" names a different item than "Ejendomssag"). A kind is stripped.
      if (meaning?.closed == null) {
        it.title = it.title.slice(m[0].length);
        it.titleStart += m[0].length;
        if (meaning?.kind) it.kind ??= meaning.kind;
      }
    }
  }
}

/**
 * Items the table of contents lists but the body does not head (closed items, items without text, a
 * page that shows only the first items): the contents are the agenda, so each of its numbered entries
 * is an item. Where the body has items, only entries that continue or fill its sequence count, unless
 * the contents run in one sequence of their own.
 */
function addTocOnlyItems(items: ItemHeadingNode[], toc: TocNode | null) {
  if (!toc) return;
  const numbers = new Set(items.map((i) => i.number));
  const listed = toc.entries.filter((e) => e.number != null);
  // One sequence: numbers that go up, nearly all by one (an entry the export ran into the one
  // before it leaves a gap), counted in order of number (contents in parts list the closed items last).
  const sorted = listed.map((e) => e.number!).sort((a, b) => a - b);
  const steps = sorted.slice(1).map((n, k) => n - sorted[k]);
  const inSequence = listed.length >= 3 && steps.every((d) => d >= 1 && d <= 3) && steps.filter((d) => d === 1).length >= steps.length * 0.8;
  if (items.length === 0 && !inSequence) return;
  const maxNumber = Math.max(0, ...items.map((i) => i.number));
  const minNumber = Math.min(Infinity, ...items.map((i) => i.number));
  for (const e of listed) {
    if (numbers.has(e.number!)) continue;
    // Only numbers that continue or fill the body's own sequence.
    if (!inSequence && (e.number! < minNumber - 1 || e.number! > maxNumber + 3)) continue;
    items.push({
      number: e.number!,
      numberInferred: false,
      title: e.title,
      titleStart: e.start,
      titleEnd: e.end,
      kind: e.kind ?? TITLE_KIND_SUFFIX.find((k) => k.pattern.test(e.title))?.kind ?? null,
      closed: true,
      caseNumber: null,
      headingLine: e.lineIndex,
      headingLastLine: e.lineIndex,
      gluedHeading: null,
      fromTocOnly: true,
      evidence: 0,
    });
    numbers.add(e.number!);
  }
  items.sort((a, b) => a.number - b.number);
}
