/**
 * item-numbering: the items' numbers run 1, 2, 3 … without gaps, repeats or disorder. The segmenter
 * keeps the best increasing chain of headings; headings it left out that look just as much like item
 * headings (same numbering style, followed by a case number or a section heading) show a repeated or
 * misplaced number. A gap is a warning (a closed item is sometimes left out of the public version);
 * a repeated or misplaced number is an error. Numbered lines set in deeper than the item headings (the
 * points of a list inside an item) and items read from a flattened table of contents are left out.
 */
import type { AnalysisContext } from '../../pipeline.js';
import { parseItemHeading } from '../../segment/item-heading.js';
import { nextNonEmpty, prevNonEmpty } from '../../segment/lines.js';
import { classifyHeading } from '../../segment/sections.js';
import { BARE_CASE_NUMBER, CASE_NUMBER_LINE, ITEM_STATUS_LINE } from '../../vocabulary/structure.js';
import type { ItemNode } from '../../segment/index.js';
import type { Finding, Rule } from '../types.js';
import { bodyItems, headingOf, runOnItems } from '../helpers.js';

interface Extra {
  number: number;
  start: number;
  end: number;
  line: number;
}

/**
 * Whether an offset lies in any of the spans [start, end): the spans by start with the running maximum
 * of their ends, and a binary search (one scan of every item's sections per line was quadratic).
 */
function insideAny(spans: { start: number; end: number }[]): (offset: number) => boolean {
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  const maxEnd: number[] = [];
  sorted.forEach((s, k) => maxEnd.push(Math.max(s.end, k ? maxEnd[k - 1] : -Infinity)));
  return (offset) => {
    let lo = 0;
    let hi = sorted.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (sorted[mid].start <= offset) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return found >= 0 && offset < maxEnd[found];
  };
}

/** Lines that are item headings by every cue but were not taken into the chain of items. */
function extraHeadings(ctx: AnalysisContext, items: ItemNode[]): Extra[] {
  const { tree } = ctx;
  if (!items.length) return [];
  const first = tree.lines[items[0].headingLine];
  const family = parseItemHeading(first.text)?.family;
  if (!family) return [];
  // A numbered line set in deeper than the item headings is a point of a list inside an item (the
  // numbered points of an Indstilling), not an item heading.
  const headingIndent = Math.max(...items.map((i) => tree.lines[i.headingLine].textStart - tree.lines[i.headingLine].start));
  const taken = new Set<number>();
  for (const i of tree.items) for (let k = i.headingLine; k <= Math.max(i.headingLine, i.headingLastLine); k++) taken.add(k);
  const toc = tree.toc;
  const inAttachments = insideAny(tree.items.flatMap((i) => i.sections.filter((s) => s.type === 'bilag')));
  const out: Extra[] = [];
  for (const line of tree.lines) {
    if (!line.text || taken.has(line.index)) continue;
    if (toc && line.index >= toc.firstLine && line.index <= toc.lastLine) continue;
    if (line.index < items[0].headingLine) continue;
    if (line.textStart - line.start > headingIndent) continue;
    const parsed = parseItemHeading(line.text);
    if (!parsed || parsed.family !== family || !parsed.title) continue;
    if (!/^[\p{Lu}\d"“”»«'(]/u.test(parsed.title) || parsed.title.length > 200 || /[.,;:]$/.test(parsed.title)) continue;
    // Attachment lists ("Bilag" / "Bilagsnr" above, or inside an item's attachment section) are numbered too.
    const prev = prevNonEmpty(tree.lines, line.index, 3);
    if (prev && classifyHeading(prev.text)?.type === 'bilag') continue;
    if (inAttachments(line.textStart)) continue;
    const next = nextNonEmpty(tree.lines, line.index, 3);
    const nextHeading = next ? classifyHeading(next.text) : null;
    const cue =
      line.headingHint ||
      (next && (CASE_NUMBER_LINE.test(next.text) || BARE_CASE_NUMBER.test(next.text) || ITEM_STATUS_LINE.test(next.text))) ||
      (nextHeading && nextHeading.role === 'main' && nextHeading.headingLength === next!.text.length && ['resume', 'sagsfremstilling', 'indstilling', 'beslutning'].includes(nextHeading.type));
    if (!cue) continue;
    out.push({ number: parsed.number, start: line.textStart, end: line.end, line: line.index + 1 });
  }
  return out;
}

export const itemNumbering: Rule = {
  meta: { id: 'item-numbering', type: 'problem', defaultSeverity: 'error', description: 'Punkterne skal være nummereret fortløbende: ingen huller, ingen numre brugt to gange og ingen punkter i forkert rækkefølge.' },
  check(ctx, report) {
    const { tree } = ctx;
    // Items read from a flattened table of contents carry its numbers, not the body's.
    const runOn = runOnItems(tree, ctx.text);
    const items = bodyItems(tree).filter((i) => !runOn.has(i));
    if (items.length < 2 || items.some((i) => i.numberInferred)) return;
    const extras = extraHeadings(ctx, items);

    // Repeated and misplaced numbers.
    for (const x of extras) {
      const twin = items.find((i) => i.number === x.number);
      if (twin) {
        const other = tree.lines[twin.headingLine];
        report({
          start: x.start,
          end: x.end,
          item: x.number,
          message: `Punktnummer ${x.number} er brugt to gange (også ved »${other.text.slice(0, 80)}«, linje ${other.index + 1}). Giv punkterne hvert sit nummer.`,
        });
        continue;
      }
      const before = items.filter((i) => i.start < x.start).pop();
      if (before && before.number > x.number) {
        report({
          start: x.start,
          end: x.end,
          item: x.number,
          message: `Punkt ${x.number} står efter punkt ${before.number}: punkterne står ikke i nummerorden. Flyt punktet, eller ret nummereringen.`,
        });
      }
    }

    // Gaps (numbers in the table of contents and misplaced headings count as present).
    const present = new Set([...tree.items.map((i) => i.number), ...extras.map((x) => x.number)]);
    for (let k = 1; k < items.length; k++) {
      const prev = items[k - 1].number;
      const cur = items[k];
      const missing: number[] = [];
      for (let n = prev + 1; n < cur.number; n++) if (!present.has(n)) missing.push(n);
      if (!missing.length) continue;
      const h = headingOf(ctx, cur);
      const what = missing.length === 1 ? `Punkt ${missing[0]} mangler` : `Punkterne ${missing[0]}-${missing[missing.length - 1]} mangler`;
      report({
        start: h.start,
        end: h.end,
        item: cur.number,
        severity: 'warning',
        message: `${what}: nummereringen springer fra punkt ${prev} til punkt ${cur.number}. Tjek, om et punkt er faldet ud (eller er et lukket punkt, der skal stå som »Lukket punkt«), ellers ret nummereringen.`,
      });
    }
    },
};
