/**
 * toc-mismatch: the table of contents must agree with the body. Entries are matched to items by number,
 * or (entries without numbers) by order and title. Reported: a date in a TOC title that differs from
 * the date in the item's heading (error); a title that differs (warning; a TOC title cut short, with or
 * without "…", is fine); an entry with no item and an item with no entry (warning). Entries missing
 * after the last item the body holds are one finding (the document ends early, or its last pages are
 * missing), not one per entry. An entry whose title heads a line of the body is not missing (the body
 * has it, under a heading the segmenter did not take), an entry whose title heads a body line other
 * than its item's heading was paired with the wrong item (no title finding), and an item whose title
 * stands in the table of contents' text is not missing from it (the contents run together on one line).
 */
import type { AnalysisContext } from '../../pipeline.js';
import type { DateMatch } from '../../extract/dates/dates.js';
import type { ItemNode } from '../../segment/index.js';
import type { TocEntryNode } from '../../segment/toc.js';
import { KIND_PREFIXES } from '../../vocabulary/structure.js';
import { parseItemHeading } from '../../segment/item-heading.js';
import type { Finding, Rule } from '../types.js';
import { bodyItems, danishDate, datesIn, headingOf, titleKey, wordSimilarity } from '../helpers.js';
import { CLOSED_OR_CONFIDENTIAL_TITLE } from '../../vocabulary/structure.js';

function stripKind(title: string): string {
  for (const p of KIND_PREFIXES) {
    const m = p.pattern.exec(title);
    if (m) return title.slice(m[0].length);
  }
  return title;
}

/** A title without the dates the pipeline read in its line. */
function withoutDates(s: string, dates: DateMatch[]): string {
  let out = s;
  for (const d of dates) out = out.replace(d.raw, '');
  return out;
}

/**
 * Same title, allowing a TOC title that is a prefix of the body's. `mayBeCut`: the TOC line shows no
 * dotted leader after the title, so the layout may have cut it mid-word (and garbled the last letters).
 */
export function titlesAgree(tocTitle: string, bodyTitle: string, mayBeCut = false): boolean {
  const toc = tocTitle.replace(/\s*(\.{2,}|…)\s*$/, '');
  const kt = titleKey(toc);
  const kb = titleKey(bodyTitle);
  if (!kt || !kb) return true;
  if (kt === kb || kb.startsWith(kt)) return true;
  // A body heading whose end the segmenter did not take (a title over two lines).
  if (kt.startsWith(kb) && kb.length >= 15) return true;
  // The TOC cut the title mid-word: "… mellem Sygehus I" for "… mellem Sygehus Lillebælt".
  const tocWords = toc.trim().split(/\s+/);
  if ((mayBeCut || /(\.{2,}|…)\s*$/.test(tocTitle)) && tocWords.length >= 3) {
    const cut = titleKey(tocWords.slice(0, -1).join(' '));
    if (cut.length >= 10 && kb.startsWith(cut) && kb.length > kt.length - tocWords[tocWords.length - 1].length) return true;
  }
  return false;
}

/** A title followed by a dotted leader ("Title.....3") is printed in full; one without may be cut. */
function mayBeCut(text: string, e: TocEntryNode): boolean {
  return !/(\.{3,}|…)\s*\d*\s*$/.test(text.slice(e.start, e.end));
}

function similarity(text: string, e: TocEntryNode, item: ItemNode): number {
  const t = stripKind(e.title);
  if (titlesAgree(t, item.title, mayBeCut(text, e))) return 1;
  return wordSimilarity(t, item.title);
}

/** Pairs of (entry, item) by order and title similarity (an alignment, like a diff). */
function align(text: string, entries: TocEntryNode[], items: ItemNode[]): [number, number][] {
  const n = entries.length;
  const m = items.length;
  const sim = entries.map((e) => items.map((i) => similarity(text, e, i)));
  const best: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let a = 1; a <= n; a++) {
    for (let b = 1; b <= m; b++) {
      const s = sim[a - 1][b - 1];
      best[a][b] = Math.max(best[a - 1][b], best[a][b - 1], s >= 0.34 ? best[a - 1][b - 1] + s : -Infinity);
    }
  }
  const pairs: [number, number][] = [];
  for (let a = n, b = m; a > 0 && b > 0; ) {
    const s = sim[a - 1][b - 1];
    if (s >= 0.34 && best[a][b] === best[a - 1][b - 1] + s) { pairs.unshift([a - 1, b - 1]); a--; b--; }
    else if (best[a][b] === best[a - 1][b]) a--;
    else b--;
  }
  // Between two matched pairs, as many unmatched entries as unmatched items: the same items, renamed.
  const out: [number, number][] = [];
  let pa = -1;
  let pb = -1;
  for (const [a, b] of [...pairs, [n, m] as [number, number]]) {
    if (a - pa - 1 === b - pb - 1) for (let k = 1; k < a - pa; k++) out.push([pa + k, pb + k]);
    if (a < n) out.push([a, b]);
    pa = a;
    pb = b;
  }
  return out.sort((x, y) => x[0] - y[0]);
}

/** The words where two titles part, for the message: "… Det Nationale Forum" / "… Det Nationale Ledelsesprogram …". */
function differingTails(a: string, b: string): [string, string] {
  const wa = a.trim().split(/\s+/);
  const wb = b.trim().split(/\s+/);
  let k = 0;
  while (k < wa.length && k < wb.length && titleKey(wa[k]) === titleKey(wb[k])) k++;
  const from = Math.max(0, k - 2);
  const pre = from > 0 ? '… ' : '';
  return [pre + wa.slice(from).join(' '), pre + wb.slice(from).join(' ')];
}

/** " (16. januar 2023)" when the date is not written that way already. */
const explain = (d: DateMatch) => (d.raw === danishDate(d.date) ? '' : ` (${danishDate(d.date)})`);
/** Subjects that are typically treated behind closed doors (and left out of the public minutes). */
const CLOSED_SUBJECT = /\b(personalesag(er)?|personalemæssig\w*|ansættelse\w*|afskedigelse\w*|tjenstlig\w*|køb\s+af|salg\s+af|ejendomshandel\w*|grundkøb|grundsalg|erstatning\w*|retssag\w*|tvist\w*|forlig|udbud|licitation|kontraktforhandling\w*|konkrete?\s+klage\w*|enkeltsag\w*)\b/i;

/** An entry listed under a "Lukket referat"/"Lukkede punkter" group line of the TOC. */
function inClosedGroup(ctx: AnalysisContext, e: TocEntryNode): boolean {
  const toc = ctx.tree.toc!;
  for (let k = e.lineIndex - 1; k >= toc.firstLine; k--) {
    const t = ctx.tree.lines[k].text;
    if (/^lukke(t|de)\b/i.test(t)) return true;
    if (/^åben(t|e)?\b/i.test(t)) return false;
  }
  return false;
}

/** At least this many letters and digits before a title is looked for in the text: shorter ones are found anywhere. */
const MIN_KEY = 8;
/** A line without its item number ("12.", "Punkt 3:", "Ad 4."), read as the segmenter reads item headings. */
const withoutNumber = (line: string) => parseItemHeading(line)?.title ?? line;
/** A transcript's page number before a numbered line ("3 1. Budget"). */
const PAGE_NUMBER_BEFORE = /^\s*\d{1,3}\s+(?=\d)/;

/**
 * The title keys each line outside the table of contents begins with (without its item number, and
 * without a transcript's page number before it), computed once per document: every unmatched entry is
 * looked up in them.
 */
const bodyLineKeysOf = new WeakMap<object, string[]>();
function bodyLineKeys(ctx: AnalysisContext): string[] {
  let keys = bodyLineKeysOf.get(ctx.tree);
  if (!keys) {
    const toc = ctx.tree.toc!;
    keys = ctx.tree.lines.filter((l) => (l.index < toc.firstLine || l.index > toc.lastLine) && l.text).flatMap((l) => lineKeys(l.text));
    bodyLineKeysOf.set(ctx.tree, keys);
  }
  return keys;
}

/** Whether a line outside the table of contents begins with the title. */
function titleHeadsBodyLine(ctx: AnalysisContext, title: string): boolean {
  const key = titleKey(title.replace(/\s*(\.{2,}|…)\s*$/, ''));
  if (key.length < MIN_KEY) return false;
  return bodyLineKeys(ctx).some((k) => k.startsWith(key));
}

/** A line's title keys: without its item number, and also without a transcript's page number before it. */
function lineKeys(line: string): string[] {
  return [titleKey(withoutNumber(line)), titleKey(withoutNumber(line.replace(PAGE_NUMBER_BEFORE, '')))];
}

/** Whether a line, without its item number (and a transcript's page number before it), begins with a title key. */
function lineStartsWith(line: string, key: string): boolean {
  return lineKeys(line).some((k) => k.startsWith(key));
}

/**
 * Whether the title stands anywhere in the table of contents' text, or in the line just before it (a
 * transcript glues the first entry to the title line above the list).
 */
const tocTextKeyOf = new WeakMap<object, string>();
function titleInTocText(ctx: AnalysisContext, title: string): boolean {
  const key = titleKey(title);
  if (key.length < MIN_KEY) return false;
  let tocText = tocTextKeyOf.get(ctx.tree);
  if (tocText === undefined) {
    const toc = ctx.tree.toc!;
    tocText = titleKey(ctx.tree.lines.slice(Math.max(0, toc.firstLine - 1), toc.lastLine + 1).map((l) => l.text).join(' '));
    tocTextKeyOf.set(ctx.tree, tocText);
  }
  return tocText.includes(key);
}

/** Whether a line of the body other than the item's heading begins with the TOC title: then the entry was paired with the wrong item. */
function headsAnotherLine(ctx: AnalysisContext, title: string, item: ItemNode): boolean {
  if (!titleHeadsBodyLine(ctx, title)) return false;
  const heading = headingOf(ctx, item).text;
  return !lineStartsWith(heading, titleKey(title.replace(/\s*(\.{2,}|…)\s*$/, '')));
}

export const tocMismatch: Rule = {
  meta: { id: 'toc-mismatch', type: 'problem', defaultSeverity: 'error', description: 'Indholdsfortegnelsen skal stemme med referatets punkter: samme punkter, samme titler og samme datoer.' },
  check(ctx, report) {
    const { tree } = ctx;
    const toc = tree.toc;
    const items = bodyItems(tree);
    if (!toc || !toc.entries.length || !items.length) return;
    const text = ctx.text;
    const pairs: [TocEntryNode, ItemNode][] = [];
    const usedItems = new Set<ItemNode>();
    const unmatchedEntries: TocEntryNode[] = [];

    // Numbered entries by number.
    const numbered = toc.entries.filter((e) => e.number != null);
    for (const e of numbered) {
      const item = items.find((i) => i.number === e.number && !usedItems.has(i));
      if (item) { pairs.push([e, item]); usedItems.add(item); }
      else unmatchedEntries.push(e);
    }
    // The rest by order and title.
    const rest = toc.entries.filter((e) => e.number == null);
    const free = items.filter((i) => !usedItems.has(i));
    if (rest.length) {
      const matched = align(text, rest, free);
      const ra = new Set(matched.map(([a]) => a));
      for (const [a, b] of matched) { pairs.push([rest[a], free[b]]); usedItems.add(free[b]); }
      rest.forEach((e, k) => { if (!ra.has(k)) unmatchedEntries.push(e); });
    }

    for (const [e, item] of pairs) {
      const entryText = text.slice(e.start, e.end);
      const heading = headingOf(ctx, item);
      const tocDates = datesIn(ctx, e.start, e.end);
      const bodyDates = datesIn(ctx, heading.start, heading.end);
      const bodySet = new Set(bodyDates.map((d) => d.date));
      let dateProblem = false;
      if (tocDates.length && bodyDates.length) {
        tocDates.forEach((d: DateMatch, k) => {
          if (bodySet.has(d.date)) return;
          const counterpart = bodyDates[Math.min(k, bodyDates.length - 1)];
          dateProblem = true;
          report({
            start: e.start + d.start,
            end: e.start + d.end,
            item: item.number,
            quote: d.raw,
            message: `Indholdsfortegnelsen skriver »${d.raw}«${explain(d)} ved punkt ${item.number}, men punktets overskrift skriver »${counterpart.raw}«${explain(counterpart)}. Ret datoen, så indholdsfortegnelse og overskrift stemmer.`,
          });
        });
      }
      const tocTitle = stripKind(e.title);
      const cut = mayBeCut(text, e);
      const agree = dateProblem
        ? titlesAgree(withoutDates(tocTitle, tocDates), withoutDates(item.title, bodyDates), cut)
        : titlesAgree(tocTitle, item.title, cut);
      if (!agree && !headsAnotherLine(ctx, tocTitle, item)) {
        const [a, b] = differingTails(tocTitle, item.title);
        report({
          start: e.start,
          end: e.end,
          item: item.number,
          quote: e.title,
          severity: 'warning',
          message: `Titlen i indholdsfortegnelsen afviger fra overskriften på punkt ${item.number}: »${a}« i indholdsfortegnelsen, men »${b}« i referatet. Ret den ene, så de er ens.`,
        });
      }
    }

    const missing = unmatchedEntries
      .filter((e) => !CLOSED_OR_CONFIDENTIAL_TITLE.test(e.title) && !inClosedGroup(ctx, e) && !titleHeadsBodyLine(ctx, e.title))
      .sort((a, b) => a.start - b.start);
    // The entries after the last one the body holds: the document stops before them.
    const lastPaired = Math.max(-1, ...pairs.map(([e]) => e.start));
    const tail = missing.filter((e) => e.start > lastPaired);
    if (tail.length >= 2) {
      const lastItem = items[items.length - 1];
      const first = tail[0];
      const last = tail[tail.length - 1];
      const name = (e: TocEntryNode) => (e.number != null ? `${e.number} »${e.title}«` : `»${e.title}«`);
      report({
        start: first.start,
        end: last.end,
        item: first.number,
        quote: `${first.title} … ${last.title}`,
        severity: 'warning',
        message: `De sidste ${tail.length} punkter i indholdsfortegnelsen (${name(first)} til ${name(last)}) findes ikke i referatet, som slutter med punkt ${lastItem.number} »${lastItem.title}«. Mangler der en del af dokumentet? Tilføj punkterne, eller ret indholdsfortegnelsen.`,
      });
    }
    for (const e of missing) {
      if (tail.length >= 2 && tail.includes(e)) continue;
      const which = e.number != null ? `Punkt ${e.number} »${e.title}«` : `»${e.title}«`;
      const closedSubject = CLOSED_SUBJECT.test(e.title);
      report({
        start: e.start,
        end: e.end,
        item: e.number,
        quote: e.title,
        severity: closedSubject ? 'info' : 'warning',
        message: closedSubject
          ? `${which} står i indholdsfortegnelsen, men ikke i referatet. Er det et lukket punkt, er det i orden; marker det gerne som »Lukket punkt« i indholdsfortegnelsen.`
          : `${which} står i indholdsfortegnelsen, men findes ikke i referatet. Tilføj punktet (et lukket punkt skal stå som »Lukket punkt«), eller fjern det fra indholdsfortegnelsen.`,
      });
    }
    // An item with no entry (only when the TOC lists about as many entries: a partial TOC says nothing).
    for (const item of items) {
      if (usedItems.has(item)) continue;
      if (toc.entries.length < items.length / 2) break;
      if (titleInTocText(ctx, item.title)) continue;
      const h = headingOf(ctx, item);
      report({
        start: h.start,
        end: h.end,
        item: item.number,
        severity: 'warning',
        message: `Punkt ${item.number} »${item.title}« mangler i indholdsfortegnelsen. Opdatér indholdsfortegnelsen.`,
      });
    }
    },
};
