/**
 * Flattened text: a PDF transcript or a web page's text export that put a whole page on one line,
 * headings, labels and paragraphs run together ("1. Godkendelse af dagsorden Dok.nr.: 1965 Sagsid.:
 * 14/40 Åben sag Beslutning Økonomiudvalget den Godkendt."). The layout evidence a heading normally
 * has (a line of its own) is gone; what is left is the document's own sequence: item numbers that
 * count up 1, 2, 3 … through the text, and the field's headings and labels standing between
 * sentences. Line breaks are put back there, and every later stage reads the lines as usual. The text
 * itself is not changed.
 */
import type { Line } from './lines.js';
import { isMetadataLine, isSectionHeadingLine } from './sections.js';
import { RUN_IN_ITEM_MARKER } from '../vocabulary/structure.js';
import { ABBREVIATION_END } from '../vocabulary/layout.js';
import { parseItemHeading } from './item-heading.js';

/** A line this long is a page or block run together, when headings or labels stand inside it. */
const FLAT_LINE = 160;
/** Headings, labels or items inside a long line that make it run together, not a paragraph. */
const RUN_TOGETHER_BREAKS = 2;
/** A document is flattened when this share of its text stands in run-together lines. */
const FLAT_SHARE = 0.4;
/** Item numbers that count up at least this far are the document's items, not a list inside a paragraph. */
const MIN_CHAIN = 3;
/** A heading or label is at most this many words ("Beslutning", "Forvaltningens indstilling", "Dok.nr.: 1965"). */
const MAX_LABEL_WORDS = 4;

/**
 * Offsets in the text where a flattened document's lines break: before run-in items, around headings
 * and labels. A document with long paragraphs is not flattened: its long lines have no headings or
 * labels inside them.
 */
export function flattenedBreaks(lines: Line[]): number[] {
  const texts = lines.filter((l) => l.text);
  const long = texts.filter((l) => l.text.length >= FLAT_LINE);
  if (!long.length) return [];
  // The item sequence runs through every line; headings and labels are looked for in the long lines
  // first (each word is tried as a heading: costly), and in the short ones only once the document is
  // known to be flattened.
  const items = itemBreaks(texts);
  const inLong = [...items, ...labelBreaks(long), ...placeholderBreaks(long)].sort((a, b) => a - b);
  let all = 0;
  for (const line of texts) all += line.text.length;
  let runTogether = 0;
  let k = 0;
  for (const line of long) {
    let inside = 0;
    while (k < inLong.length && inLong[k] < line.end) if (inLong[k++] > line.textStart) inside++;
    if (inside >= RUN_TOGETHER_BREAKS) runTogether += line.text.length;
  }
  if (runTogether / all < FLAT_SHARE) return [];
  // Every line of a flattened document is read so: a short page is as run together as a long one.
  const short = texts.filter((l) => l.text.length < FLAT_LINE);
  return [...inLong, ...labelBreaks(short), ...placeholderBreaks(short)].sort((a, b) => a - b);
}

interface Marker {
  number: number;
  at: number;
  /** Led by an item word ("PKT. 2.", "Ad 3."): evidence enough with one neighbour in the sequence. */
  worded: boolean;
}
/** A sequence this long is enough where the markers are led by an item word. */
const MIN_WORDED_CHAIN = 2;

/**
 * Run-in item markers that belong to a sequence counting up by one (1, 2, 3 … in the contents and
 * again in the body): the longest such chain through each marker, forwards and backwards, is at least
 * MIN_CHAIN long. Linear: the best chain ending (or starting) at each number is kept per number.
 */
function itemBreaks(long: Line[]): number[] {
  const markers: Marker[] = [];
  for (const line of long) {
    RUN_IN_ITEM_MARKER.lastIndex = 0;
    for (let m = RUN_IN_ITEM_MARKER.exec(line.text); m; m = RUN_IN_ITEM_MARKER.exec(line.text)) markers.push({ number: Number(m[2]), at: line.textStart + m.index, worded: !!m[1] });
  }
  const forward = chainLengths(markers, 1);
  const backward = chainLengths([...markers].reverse(), -1).reverse();
  return markers.filter((m, k) => forward[k] + backward[k] - 1 >= (m.worded ? MIN_WORDED_CHAIN : MIN_CHAIN)).map((m) => m.at);
}

function chainLengths(markers: Marker[], step: 1 | -1): number[] {
  const best = new Map<number, number>();
  return markers.map((m) => {
    const length = (best.get(m.number - step) ?? 0) + 1;
    if (length > (best.get(m.number) ?? 0)) best.set(m.number, length);
    return length;
  });
}

const WORD = /\S+/g;

/**
 * Section headings ("Beslutning", "Sagsfremstilling:", "Forvaltningens indstilling") and metadata
 * labels with their value ("Dok.nr.: 1965", "Initialer: dosko", "Åben sag") standing between sentences:
 * a line of their own again, so the text after them is their section's text. A heading starts with a
 * capital and is followed by a capital, a digit or a colon; the shortest phrase that is one counts.
 */
function labelBreaks(long: Line[]): number[] {
  const out: number[] = [];
  for (const line of long) {
    const words: { at: number; end: number }[] = [];
    WORD.lastIndex = 0;
    for (let m = WORD.exec(line.text); m; m = WORD.exec(line.text)) words.push({ at: m.index, end: m.index + m[0].length });
    for (let i = 0; i < words.length; i++) {
      if (!/^["«„]?[A-ZÆØÅ]/.test(line.text.slice(words[i].at, words[i].at + 2))) continue;
      let last = -1;
      for (let k = i; k < Math.min(words.length, i + MAX_LABEL_WORDS); k++) {
        const phrase = line.text.slice(words[i].at, words[k].end);
        const after = line.text.slice(words[k].end).trimStart();
        const opensNext = after === '' || /^[A-ZÆØÅ0-9"«„]/.test(after);
        // A heading is followed by its text's first word; "Indstilling 1 og 2 blev godkendt" is a sentence.
        if (isSectionHeadingLine(phrase) && (phrase.endsWith(':') || after === '' || /^["«„]?[A-ZÆØÅ]/.test(after))) {
          last = k;
          break;
        }
        // A label with its value ("Dok.nr.: 1965", "Åben sag"): the longest phrase with one label in it
        // that the next label or sentence follows.
        // An item number ends the label's value: "Sagsbehandler: lip 3. Valg …".
        if (/^\d{1,3}\.$/.test(line.text.slice(words[k].at, words[k].end))) break;
        if (isMetadataLine(phrase) && opensNext && (phrase.match(/:(\s|$)/g)?.length ?? 0) <= 1) last = k;
      }
      if (last < 0) continue;
      if (words[i].at > 0) out.push(line.textStart + words[i].at);
      if (last + 1 < words.length) out.push(line.textStart + words[last + 1].at);
      i = last;
    }
  }
  return out;
}

// Not before a page number ("( ) 2 3. Meddelelser" in the contents): that belongs to the heading.
const EMPTY_PARENTHESES = /\(\s*\)[ \t]+(?=\S)(?!\d{1,4}(?:\s|$))/g;

/**
 * An empty "( )" closes a heading: the case number an export left out ("2. Godkendelse af dagsorden
 * ( ) 1. at Lokaludvalget godkender …"). The text after it starts a line.
 */
function placeholderBreaks(lines: Line[]): number[] {
  const out: number[] = [];
  for (const line of lines) {
    EMPTY_PARENTHESES.lastIndex = 0;
    for (let m = EMPTY_PARENTHESES.exec(line.text); m; m = EMPTY_PARENTHESES.exec(line.text)) out.push(line.textStart + m.index + m[0].length);
  }
  return out;
}

/** A run-in heading's title is one short sentence. */
const MAX_RUN_IN_TITLE = 100;
const SENTENCE_END = /[.!?](?=[ \t]+["«„]?[A-ZÆØÅ0-9])/g;
/** A wide gap inside the line (two spaces or a tab) ends the title where a web page's cells ran together. */
const TITLE_GAP = /\S(?=(?: {2,}|\t)\S)/;

export interface RunInHeadings {
  /** Offsets where the text after each run-in title starts (the line breaks there). */
  breaks: number[];
  /** Offsets of the heading lines' starts. */
  headings: number[];
}

/**
 * Run-in headings: small bodies' minutes write each item as one paragraph, its title the first
 * sentence ("1.Valg af mødeleder og ordstyrer. Lisbet valgt som mødeleder …"). Where three or more
 * paragraphs in a row start so, numbered 0 or 1, 2, 3 … in order, each title gets a line of its own
 * and is marked as a heading.
 */
export function runInHeadings(lines: Line[]): RunInHeadings {
  const found: { line: Line; number: number; titleEnd: number }[] = [];
  for (const line of lines) {
    if (!line.text) continue;
    const parsed = parseItemHeading(line.text);
    if (!parsed || (parsed.family !== 'dot' && parsed.family !== 'punkt') || !parsed.title) continue;
    const rest = line.text.slice(parsed.titleOffset);
    SENTENCE_END.lastIndex = 0;
    let end = -1;
    for (let m = SENTENCE_END.exec(rest); m && m.index <= MAX_RUN_IN_TITLE; m = SENTENCE_END.exec(rest)) {
      if (ABBREVIATION_END.test(rest.slice(0, m.index + 1))) continue;
      end = m.index + 1;
      break;
    }
    const gap = TITLE_GAP.exec(rest.slice(0, MAX_RUN_IN_TITLE));
    if (gap && (end < 0 || gap.index + 1 < end)) end = gap.index + 1;
    if (end > 3) found.push({ line, number: parsed.number, titleEnd: line.textStart + parsed.titleOffset + end });
  }
  const out: RunInHeadings = { breaks: [], headings: [] };
  let run: typeof found = [];
  const flush = () => {
    if (run.length >= 3) for (const f of run) { out.breaks.push(f.titleEnd); out.headings.push(f.line.start); }
    run = [];
  };
  for (const f of found) {
    const prev = run[run.length - 1];
    if (prev && f.number === prev.number + 1) { run.push(f); continue; }
    flush();
    if (f.number <= 1) run.push(f);
  }
  flush();
  return out;
}
