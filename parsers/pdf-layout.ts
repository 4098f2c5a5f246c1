/**
 * Layout clean-up for PDF text, on positioned lines (pure functions, no pdf.js):
 * line assembly from text items, running header/footer removal, and re-joining of lines that the
 * page layout broke (including words hyphenated at a line end).
 */
import { isDanishWord } from './dictionary.js';
import { PUNKT, DATE_START, ABBREVIATION_END } from '../src/vocabulary/layout.js';

/** A text item from pdf.js, in top-down page coordinates (y = baseline distance from the page top). */
export interface PdfItem {
  str: string;
  x: number;
  y: number;
  width: number;
  size: number;
  /** not horizontal (rotated stamps, vertical margin text) */
  rotated?: boolean;
}

export interface PdfLine {
  text: string;
  x0: number;
  x1: number;
  /** baseline, top-down */
  y: number;
  /** font size of the line's main text */
  size: number;
  /** mean advance per character, for estimating word widths */
  charW: number;
  /** x where each tab-separated cell starts (cells[0] = x0) */
  cells: number[];
  /** x where each tab-separated cell ends */
  cellEnds: number[];
  /** for a line that starts with a list marker: x of the text after the marker, else x0 */
  textX: number;
  rotated?: boolean;
}

export interface PdfPage {
  lines: PdfLine[];
  width: number;
  height: number;
}

/** Private-use and other bullet glyphs that some fonts map to odd code points. */
const ODD_BULLETS = /^[\uf0b7\uf0a7\uf076\uf0d8\uf0fc\uf06e\uf0a8\u25aa\u25cf\u2022\u00b7](?=\s|$)/;

/** A text item that is only a list marker ("•", "1.", "a)", "–"). */
const MARKER_ITEM = /^(?:[-–—•●▪◦·*\uf0b7\uf0a7\uf076\uf0d8\uf0fc\uf06e\uf0a8]|\d{1,3}[.)]|[a-zæøå][.)]|\(\d{1,3}\))$/i;

const BULLET_GLYPH = /^[-–—•●▪◦·*\uf0b7\uf0a7\uf076\uf0d8\uf0fc\uf06e\uf0a8]$/;

/** Groups a page's text items into lines: items on (almost) the same baseline, left to right. */
export function assembleLines(items: PdfItem[]): PdfLine[] {
  const flat = items.filter((i) => !i.rotated && i.str.trim() !== '').sort((a, b) => a.y - b.y || a.x - b.x);
  const groups: PdfItem[][] = [];
  let cur: PdfItem[] = [];
  let refY = 0;
  let refSize = 0;
  for (const it of flat) {
    const tol = 0.4 * Math.max(it.size, refSize, 1);
    if (cur.length > 0 && it.y - refY > tol) {
      groups.push(cur);
      cur = [];
    }
    if (cur.length === 0) {
      refY = it.y;
      refSize = it.size;
    } else if (it.size > refSize) {
      // the larger text defines the baseline (superscripts sit above it)
      refY = it.y;
      refSize = it.size;
    }
    cur.push(it);
  }
  if (cur.length > 0) groups.push(cur);

  const lines: PdfLine[] = [];
  for (const g of groups) {
    g.sort((a, b) => a.x - b.x);
    let text = '';
    let prevEnd = -Infinity;
    let prev: PdfItem | null = null;
    let chars = 0;
    let width = 0;
    let main = g[0];
    const cells: number[] = [g[0].x];
    const cellEnds: number[] = [];
    let textX = g[0].x;
    for (const it of g) {
      // overprinted duplicates (fake bold)
      if (prev && prev.str === it.str && Math.abs(prev.x - it.x) < 1.5) continue;
      const gap = it.x - prevEnd;
      const size = Math.max(it.size, prev?.size ?? 0, 1);
      if (prev) {
        if (prev === g[0] && MARKER_ITEM.test(prev.str.trim())) textX = it.x;
        if (gap > 1.5 * size) {
          text = text.trimEnd() + '\t';
          cellEnds.push(prevEnd);
          cells.push(it.x);
        }
        else if ((gap > 0.12 * size || /\s$/.test(text) || /^\s/.test(it.str)) && !text.endsWith('\t')) text = text.trimEnd() + ' ';
      }
      text += text.endsWith('\t') || text.endsWith(' ') ? it.str.trimStart() : it.str;
      prevEnd = it.x + it.width;
      prev = it;
      chars += it.str.length;
      width += it.width;
      if (it.str.length > main.str.length) main = it;
    }
    text = text.replace(/[ \u00a0]{2,}/g, ' ').trim().replace(ODD_BULLETS, '-');
    // a bullet glyph set apart from its text (a list marker, not a dash in running text) is written "- "
    if (textX !== g[0].x && BULLET_GLYPH.test(g[0].str.trim())) text = text.replace(/^\S+\s*/, '- ');
    if (text === '') continue;
    lines.push({
      text,
      x0: g[0].x,
      x1: prevEnd,
      y: main.y,
      size: main.size,
      charW: chars > 0 ? width / chars : main.size * 0.5,
      cells,
      cellEnds: [...cellEnds, prevEnd],
      textX,
    });
  }
  // rotated text: one line per item, after the page's horizontal text
  for (const it of items) {
    if (!it.rotated || it.str.trim() === '') continue;
    lines.push({
      text: it.str.trim(),
      x0: it.x,
      x1: it.x,
      y: Number.POSITIVE_INFINITY,
      size: it.size,
      charW: it.size * 0.5,
      cells: [it.x],
      cellEnds: [it.x],
      textX: it.x,
      rotated: true,
    });
  }
  return lines;
}

// ---------------------------------------------------------------------------------------------
// Running headers and footers

/** Comparison key of a line: digits collapsed (page numbers, dates), white space and case folded. */
export function runningKey(text: string): string {
  return text.toLowerCase().replace(/\d+/g, '#').replace(/\s+/g, ' ').trim();
}

export interface RunningRemoval {
  pages: PdfPage[];
  removed: number;
  example: string | null;
}

const ZONE = 8;
const Y_TOL = 3;
const MAX_SHIFT = 12;

/**
 * Lines that differ only in their numbers repeat as a running header/footer only when one of the
 * numbers counts the pages ("Side 3 af 21" on page 3, "Side 1" on page 2); "Punkt 4" at the top of
 * several pages is not a header.
 */
function numbersFollowPages(occ: { page: number; text: string }[]): boolean {
  if (occ.every((o) => o.text === occ[0].text)) return true;
  const nums = occ.map((o) => (o.text.match(/\d+/g) ?? []).map(Number));
  const n = Math.min(...nums.map((a) => a.length));
  for (let k = 0; k < n; k++) {
    const offset = nums[0][k] - occ[0].page;
    if (occ.every((o, i) => nums[i][k] - o.page === offset)) return true;
  }
  return false;
}

/**
 * Removes lines that repeat at the top or bottom of the pages: same text (digits ignored) at the same
 * height on at least half of the pages (and at least 2), counted only in a run that starts at the page
 * edge (so a repeated body line below the header, like a case number under each item heading, stays),
 * within the top or bottom 30% of the page.
 * On a page laid out with other margins the same lines may sit up to ~12pt higher or lower.
 * A title that is both the running header and the first body line survives on page 1 because the
 * body copy sits lower on the page than the header.
 */
export function removeRunningLines(pages: PdfPage[]): RunningRemoval {
  if (pages.length < 2) return { pages, removed: 0, example: null };
  const minPages = Math.max(2, Math.ceil(pages.length * 0.5));
  const sorted = pages.map((p) => p.lines.filter((l) => !l.rotated).slice().sort((a, b) => a.y - b.y));

  const patterns = (zone: 'top' | 'bottom'): Map<string, number[]> => {
    const seen = new Map<string, { page: number; y: number; text: string }[]>();
    sorted.forEach((lines, page) => {
      const h = pages[page].height;
      const z = zone === 'top' ? lines.slice(0, ZONE).filter((l) => l.y <= h * 0.3) : lines.slice(-ZONE).filter((l) => l.y >= h * 0.7);
      for (const l of z) {
        const k = runningKey(l.text);
        if (k === '') continue;
        let arr = seen.get(k);
        if (!arr) seen.set(k, (arr = []));
        arr.push({ page, y: l.y, text: l.text });
      }
    });
    const out = new Map<string, number[]>();
    for (const [k, occ] of seen) {
      const ys: number[] = [];
      for (const o of occ) {
        if (ys.some((y) => Math.abs(y - o.y) <= Y_TOL)) continue;
        const at = occ.filter((p) => Math.abs(p.y - o.y) <= Y_TOL);
        const pagesAt = new Set(at.map((p) => p.page));
        if (pagesAt.size >= minPages && numbersFollowPages(at)) ys.push(o.y);
      }
      if (ys.length > 0) out.set(k, ys);
    }
    return out;
  };
  const top = patterns('top');
  const bottom = patterns('bottom');
  // A page may be laid out slightly differently (another section's margins): allow a small shift.
  const matches = (pats: Map<string, number[]>, l: PdfLine): boolean => {
    const ys = pats.get(runningKey(l.text));
    const shift = Math.max(MAX_SHIFT, 1.2 * l.size);
    return ys !== undefined && ys.some((y) => Math.abs(y - l.y) <= shift);
  };

  let removed = 0;
  let example: string | null = null;
  const result = pages.map((page, i) => {
    const lines = sorted[i];
    const drop = new Set<PdfLine>();
    for (let j = 0; j < Math.min(ZONE, lines.length) && matches(top, lines[j]); j++) drop.add(lines[j]);
    for (let j = lines.length - 1; j >= Math.max(0, lines.length - ZONE) && matches(bottom, lines[j]); j--) drop.add(lines[j]);
    if (drop.size === 0) return page;
    removed += drop.size;
    example ??= [...drop][0].text;
    return { ...page, lines: page.lines.filter((l) => !drop.has(l)) };
  });
  return { pages: result, removed, example };
}

// ---------------------------------------------------------------------------------------------
// Re-joining lines broken by the layout

const LIST_ITEM = /^(?:[-–—•●▪◦·*]\s|\d{1,3}[.)]\s|[a-zæøå][.)]\s|\(\d{1,3}\)\s|\(?[ivx]+\)\s)/i;
const NUMBERED_TITLE = /^\d{1,3}\s*[-–.]\s+\S/;
const HYPHEN_END = /[\p{L}\p{N}][-\u2010\u2011\u00ad]$/u;
const SUSPENDED_NEXT = new Set(['og', 'eller', 'samt', 'til', 'and', 'or', '&', 'og/eller', 'hhv.', 'henholdsvis']);

/** True when the line ends a sentence (. ! ? ;), not counting abbreviations such as "d." and "kl.". */
export function endsSentence(text: string): boolean {
  if (!/[.!?;]["”’)]*$/.test(text)) return false;
  return !ABBREVIATION_END.test(text);
}

function startsLower(text: string): boolean {
  return /^[\p{Ll}(]/u.test(text);
}

export interface LineGaps {
  /** baseline distance of wrapped lines inside a paragraph, for a font size */
  lineGap(size: number): number;
  /** true when the document separates paragraphs by extra space (so a normal line gap means "same paragraph") */
  paragraphSpacing(size: number): boolean;
}

/** Learns the in-paragraph line distance per font size from the document (the smallest frequent gap). */
export function learnLineGaps(pages: PdfPage[]): LineGaps {
  const bySize = new Map<number, Map<number, number>>();
  for (const p of pages) {
    const lines = p.lines.filter((l) => !l.rotated);
    for (let i = 1; i < lines.length; i++) {
      const a = lines[i - 1];
      const b = lines[i];
      if (Math.abs(a.size - b.size) > 0.5) continue;
      const gap = b.y - a.y;
      if (gap <= 0 || gap > 2.5 * a.size) continue;
      const size = Math.round(a.size);
      const key = Math.round(gap * 2) / 2;
      let m = bySize.get(size);
      if (!m) bySize.set(size, (m = new Map()));
      m.set(key, (m.get(key) ?? 0) + 1);
    }
  }
  const cache = new Map<number, { gap: number; spacing: boolean }>();
  const get = (size: number): { gap: number; spacing: boolean } => {
    const s = Math.round(size);
    const hit = cache.get(s);
    if (hit) return hit;
    const m = bySize.get(s);
    // few samples for this size: allow generous line spacing (the other join conditions still apply)
    let res = { gap: 1.7 * size, spacing: false };
    if (m) {
      const total = [...m.values()].reduce((a, b) => a + b, 0);
      const frequent = [...m.entries()]
        .filter(([, c]) => c >= Math.max(3, total * 0.1))
        .map(([g]) => g)
        .sort((a, b) => a - b);
      if (frequent.length > 0) {
        const gap = frequent[0];
        res = { gap, spacing: frequent.some((g) => g >= gap * 1.15) };
      }
    }
    cache.set(s, res);
    return res;
  };
  return { lineGap: (size) => get(size).gap, paragraphSpacing: (size) => get(size).spacing };
}

/** Column edges: the median over pages of the leftmost start and rightmost end of non-table lines. */
export function columnEdges(pages: PdfPage[]): { left: number; right: number } {
  const lefts: number[] = [];
  const rights: number[] = [];
  for (const p of pages) {
    const lines = p.lines.filter((l) => !l.rotated && !l.text.includes('\t'));
    if (lines.length < 3) continue;
    lefts.push(Math.min(...lines.map((l) => l.x0)));
    rights.push(Math.max(...lines.map((l) => l.x1)));
  }
  const median = (a: number[]): number => {
    const s = a.slice().sort((x, y) => x - y);
    return s[Math.floor(s.length / 2)];
  };
  if (rights.length === 0) {
    const all = pages.flatMap((p) => p.lines);
    return { left: Math.min(...all.map((l) => l.x0), 0), right: Math.max(...all.map((l) => l.x1), 1) };
  }
  return { left: median(lefts), right: median(rights) };
}

/** How a line-final hyphen is resolved when the next line continues the word. */
export function joinHyphenated(a: string, b: string): string {
  const firstWord = b.split(/\s/, 1)[0];
  if (a.endsWith('\u00ad')) return a.slice(0, -1) + b; // soft hyphen: always a word break
  // suspended hyphen: "Social- og Sundhedsudvalget"
  if (SUSPENDED_NEXT.has(firstWord.toLowerCase()) || /^[,/]/.test(b)) return `${a} ${b}`;
  const m = /([\p{L}\p{N}]+)[-\u2010\u2011]$/u.exec(a);
  const before = m ? m[1] : '';
  const cont = firstWord.replace(/[^\p{L}\p{N}]+$/u, '');
  // abbreviations and numbers before the hyphen, capitalised continuations: a real hyphen ("PPR-lederne")
  if (before === '' || /^[\p{Lu}\p{N}]+$/u.test(before) || !/^\p{Ll}/u.test(cont)) return a + b;
  if (isDanishWord(before + cont)) return a.slice(0, -1) + b;
  return a + b;
}

function appendText(a: string, b: string): string {
  return HYPHEN_END.test(a) ? joinHyphenated(a, b) : `${a} ${b}`;
}

export interface JoinContext extends LineGaps {
  /** the right edge of the text column */
  right: number;
  /** the left edge of the text column */
  left: number;
}

/** The paragraph being built: where its first line started and what it is. */
interface Paragraph {
  first: PdfLine;
  listItem: boolean;
  tableRow: boolean;
}

type Join = 'no' | 'text' | 'tab' | { cell: number };

/**
 * Joins lines of one page that the layout wrapped inside a paragraph. Conservative: both lines have the
 * same size and the document's normal in-paragraph line distance, the second does not start a list item,
 * "Punkt N", numbered title or table row, and the first line was (nearly) full. Across a sentence end
 * (". " + capital) lines are joined only in documents that separate paragraphs by extra space, where the
 * line distance itself says "same paragraph". Also: a wrapped table cell goes back into its cell, and a
 * TOC page number pushed onto its own line goes back behind a tab.
 */
export function joinWrappedLines(lines: PdfLine[], ctx: JoinContext): string[] {
  const out: string[] = [];
  let prev: PdfLine | null = null;
  let para: Paragraph | null = null;
  for (const line of lines) {
    const how: Join = prev && para && !line.rotated && !prev.rotated ? joinKind(prev, line, para, ctx) : 'no';
    if (how === 'no') {
      out.push(line.text);
      para = { first: line, listItem: LIST_ITEM.test(line.text), tableRow: line.text.includes('\t') };
    } else if (how === 'text') {
      out[out.length - 1] = appendText(out[out.length - 1], line.text);
    } else if (how === 'tab') {
      out[out.length - 1] = `${out[out.length - 1]}\t${line.text}`;
    } else {
      const cells = out[out.length - 1].split('\t');
      cells[how.cell] = appendText(cells[how.cell], line.text);
      out[out.length - 1] = cells.join('\t');
    }
    prev = line;
  }
  return out;
}

/** The line stops inside a sentence: a lower-case word, a comma, an abbreviation, an open parenthesis. */
function stopsMidSentence(text: string): boolean {
  if (/[\p{Ll},(–]$/u.test(text) || ABBREVIATION_END.test(text)) return true;
  const open = (text.match(/\(/g) ?? []).length;
  const close = (text.match(/\)/g) ?? []).length;
  return open > close && /:$/.test(text);
}

function startsBlock(text: string): boolean {
  return LIST_ITEM.test(text) || PUNKT.test(text) || NUMBERED_TITLE.test(text);
}

function joinKind(a: PdfLine, b: PdfLine, para: Paragraph, ctx: JoinContext): Join {
  if (Math.abs(a.size - b.size) > 0.6) return 'no';
  const gap = b.y - a.y;
  if (gap <= 0 || gap > ctx.lineGap(a.size) * 1.1 + 0.6) return 'no';
  const width = Math.max(1, ctx.right - ctx.left);

  const sameX = Math.abs(b.x0 - a.x0) <= 2;
  const hanging = para.listItem && Math.abs(b.x0 - para.first.textX) <= 2 && b.x0 > para.first.x0 + 3;
  const wordW = b.text.split(/\s/, 1)[0].length * b.charW;
  const space = 0.3 * a.size;

  // a wrapped table cell: the continuation sits inside one cell's column, and the cell's previous line was full
  if (para.tableRow) {
    if (b.text.includes('\t') || startsBlock(b.text)) return 'no';
    const cells = para.first.cells;
    for (let k = 0; k < cells.length; k++) {
      const next = cells[k + 1] ?? ctx.right;
      if (Math.abs(b.x0 - cells[k]) > 2 || b.x1 > next - 2) continue;
      const prevEnd = a === para.first ? (a.cellEnds[k] ?? a.x1) : a.x1;
      // (the column's right edge is unknown: the next cell may be right-aligned, so measure the fill)
      if (prevEnd + space + 1.2 * wordW - cells[k] >= 0.65 * (next - cells[k])) return { cell: k };
    }
    return 'no';
  }
  // a TOC entry whose page number was pushed onto the next line
  if (/^\d{1,3}$/.test(b.text) && b.x1 >= ctx.right - 0.1 * width && b.x0 > a.x0 + width * 0.5) return 'tab';
  // a TOC entry wrapped before its tab and page number: "6. Prioritering ... for" + "ældre<TAB>10"
  if (b.text.includes('\t')) {
    if (!/^[^\t]+\t\d{1,4}$/.test(b.text) || startsBlock(b.text) || !(sameX || hanging) || a.x1 - ctx.left < 0.5 * width) return 'no';
    return a.x1 + space + 1.2 * wordW >= (b.cells[1] ?? ctx.right) - 2 ? 'text' : 'no';
  }

  if (!sameX && !hanging && !(b.x0 > a.x0 && b.x0 <= a.x0 + 30)) return 'no';

  if (startsBlock(b.text)) {
    // not a new block after all: a date ("20. januar 2023)"), a continuation at a list item's hanging
    // indent, or a dash inside running text at the paragraph's own left edge
    const dateStart = DATE_START.test(b.text) && (sameX || hanging);
    const atHanging = hanging && !/^[-–—•]/.test(b.text);
    const dashInText = /^–\s/.test(b.text) && !para.listItem && sameX;
    if (!dateStart && !atHanging && !dashInText) return 'no';
  }

  if (a.x1 - ctx.left < 0.5 * width) return 'no'; // a short line ends where its author ended it
  // would the next word have fitted? (+20%: the width is estimated from mean character widths)
  const full = a.x1 + space + 1.2 * wordW >= ctx.right - 1;
  const nearFull = a.x1 + space + 1.2 * wordW >= ctx.right - 0.12 * width;
  const lower = startsLower(b.text);
  if (HYPHEN_END.test(a.text)) return nearFull || lower ? 'text' : 'no';
  if (lower) return nearFull || a.x1 - ctx.left >= 0.7 * width ? 'text' : 'no';
  // a capital after a line that stops mid-sentence ("... i" + "Middelfart Kommune"); not after a number or
  // a capitalised word or colon, which is how headings end ("... den 04.12.2012 Punkt 2" + "Indstillingen godkendt")
  if (!endsSentence(a.text)) return full && stopsMidSentence(a.text) ? 'text' : 'no';
  // a sentence ends at the line end and a capital follows: the same paragraph only when the document
  // marks paragraphs by spacing and this line was full
  return full && ctx.paragraphSpacing(a.size) ? 'text' : 'no';
}
