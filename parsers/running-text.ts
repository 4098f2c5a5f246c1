/**
 * Running headers and footers in paged plain text (pdftotext-style text with form feeds): lines that
 * repeat at the top or bottom of most pages, digits ignored ("Dato: 09.04.2024", "Side 4"), removed
 * from the page edge inwards, each repeated line at most once per page. Page 1 keeps its top lines.
 */
import { runningKey } from './pdf-layout.js';
import { PAGE_MARKER } from '../src/vocabulary/layout.js';

const ZONE = 8;

export interface TextRunningRemoval {
  pages: string[];
  removed: number;
  example: string | null;
}

export function removeRunningTextLines(pages: string[]): TextRunningRemoval {
  if (pages.length < 2) return { pages, removed: 0, example: null };
  const minPages = Math.max(2, Math.ceil(pages.length * 0.5));
  const split = pages.map((p) => p.split('\n'));
  const zoneKeys = (lines: string[], fromEnd: boolean) => {
    const keys = new Set<string>();
    const order = fromEnd ? [...lines].reverse() : lines;
    let seen = 0;
    for (const l of order) {
      const k = runningKey(l);
      if (!k) continue;
      keys.add(k);
      if (++seen >= ZONE) break;
    }
    return keys;
  };
  const running = (fromEnd: boolean) => {
    const count = new Map<string, number>();
    for (const lines of split) for (const k of zoneKeys(lines, fromEnd)) count.set(k, (count.get(k) ?? 0) + 1);
    const nearlyAll = Math.max(minPages, Math.ceil(pages.length * 0.8));
    return new Set([...count].filter(([k, n]) => n >= (k.includes('#') ? minPages : nearlyAll)).map(([k]) => k));
  };
  const top = running(false);
  const bottom = running(true);
  let removed = 0;
  let example: string | null = null;
  const strip = (lines: string[], keys: Set<string>, fromEnd: boolean): string[] => {
    const out = fromEnd ? [...lines].reverse() : [...lines];
    const used = new Set<string>();
    let i = 0;
    let last = -1;
    for (; i < out.length; i++) {
      const k = runningKey(out[i]);
      if (!k) continue;
      if (!keys.has(k) || used.has(k)) break;
      used.add(k);
      last = i;
    }
    for (let j = 0; j <= last; j++) {
      if (runningKey(out[j])) { removed++; example ??= out[j].trim(); }
      out[j] = '';
    }
    return fromEnd ? out.reverse() : out;
  };
  // Page 1 keeps its top lines: the running header is often the document's only header block there.
  const cleaned = split.map((lines, k) => strip(k === 0 ? lines : strip(lines, top, false), bottom, true).join('\n'));
  return { pages: cleaned, removed, example };
}

/**
 * Page numbers left in unpaged text (text copied out of a PDF without form feeds): the lines are
 * blanked, so that they end no section's text ("Godkendt.\n\nSide 2 af 3"). Only when the numbers
 * count up, so a lone "- 3 -" in prose stays.
 */
export function removePageMarkerLines(text: string): { text: string; removed: number; example: string | null } {
  const found: { index: number; length: number; page: number }[] = [];
  PAGE_MARKER.lastIndex = 0;
  for (let m; (m = PAGE_MARKER.exec(text)); ) found.push({ index: m.index, length: m[0].length, page: Number(m[1] ?? m[2]) });
  const countsUp = found.length >= 2 && found.every((f, i) => i === 0 || f.page > found[i - 1].page);
  if (!countsUp) return { text, removed: 0, example: null };
  let out = '';
  let from = 0;
  for (const f of found) {
    out += text.slice(from, f.index);
    from = f.index + f.length;
  }
  out += text.slice(from);
  return { text: out, removed: found.length, example: text.slice(found[0].index, found[0].index + found[0].length).trim() };
}
