/**
 * Structure from the document's own evidence: headings that no vocabulary rule knows, found by their
 * shape (a short noun phrase on a line of its own, no closing full stop), by typography (the reader
 * marked the line as a heading or bold), and by repetition (the same line opens a block in several
 * items). A heading found this way ends the section before it; the vocabulary's head words give it a
 * canonical type where its words say one ("Byrådets beslutning", "Indstillingen"), else it is `other`.
 */
import type { SectionType } from '../../schemas/referat.js';
import type { Line } from './lines.js';
import {
  END_OF_MINUTES_LINE,
  HEAD_WORD_ENDINGS,
  HEADING_HEAD_WORDS,
  HISTORY_HEADINGS,
  INLINE_ABSENT_LABEL,
  ITEM_SEPARATOR_LINE,
  NON_HEADING_WORDS,
  PARTICIPANT_LABELS,
  RECOMMENDATION_LEAD_IN,
} from '../vocabulary/structure.js';

export interface InferredHeading {
  type: SectionType;
  /** The block retells the case's earlier treatment. */
  history: boolean;
  /** What made it a heading: the strongest cue found. */
  evidence: 'repetition' | 'typography' | 'label' | 'layout' | 'words';
}

const MAX_HEADING_WORDS = 6;

/** The canonical type a heading's words give it: by its last word's head (compounds), or history. */
export function headingTypeFromWords(text: string): { type: SectionType; history: boolean } {
  return knownHeadWord(text) ?? { type: 'other', history: false };
}

/** The type the vocabulary's head words give a heading's last word (or a history heading), null when none does. */
function knownHeadWord(text: string): { type: SectionType; history: boolean } | null {
  const t = text.replace(/\s*:\s*$/, '').trim();
  if (HISTORY_HEADINGS.test(t)) return { type: 'other', history: true };
  const last = (t.split(/\s+/).pop() ?? '').toLowerCase();
  const forms = [last, ...HEAD_WORD_ENDINGS.filter((e) => last.endsWith(e) && last.length > e.length + 3).map((e) => last.slice(0, -e.length))];
  for (const form of forms) {
    const hit = HEADING_HEAD_WORDS.find((h) => form.endsWith(h.ending));
    // "Sagsforløb", "Sagens forløb"; but "Anbefaling om yderligere forløb" is a course of treatment.
    if (hit) return { type: hit.type, history: (hit.history ?? false) && t.split(/\s+/).length <= 2 };
  }
  return null;
}

/** A line shaped like a heading: a short capitalised noun phrase, no sentence, no number, no name. */
export function hasHeadingShape(text: string): boolean {
  const t = text.replace(/\s*:\s*$/, '').trim();
  if (t.length < 3 || t.length > 60) return false;
  if (!/^[A-ZÆØÅ]/.test(t) || /[.,;!?)\]]$/.test(t) || /^[-•·*–]/.test(t)) return false;
  if (/\d{2,}|\d[.,]\d/.test(t)) return false;
  const words = t.split(/\s+/);
  if (words.length > MAX_HEADING_WORDS) return false;
  if (words.some((w) => NON_HEADING_WORDS.has(w.toLowerCase().replace(/[^a-zæøåé]/g, '')))) return false;
  // Every word capitalised: a name or an organisation ("Jens Hansen", "Sundhedsklynge Lillebælt").
  if (words.length >= 2 && words.slice(1).every((w) => /^[A-ZÆØÅ(]/.test(w))) return false;
  if (ITEM_SEPARATOR_LINE.test(t) || END_OF_MINUTES_LINE.test(t) || INLINE_ABSENT_LABEL.test(text) || RECOMMENDATION_LEAD_IN.test(text)) return false;
  if (PARTICIPANT_LABELS.some((l) => l.pattern.test(t))) return false;
  return true;
}

const key = (text: string) => text.replace(/\s*:\s*$/, '').replace(/\s+/g, ' ').trim().toLowerCase();

/**
 * Headings inferred in the items' bodies (line ranges [from, to)). `known(text)` says whether the
 * vocabulary already reads the line as a heading or metadata; such lines are left to it.
 */
export function inferHeadings(lines: Line[], bodies: [number, number][], known: (text: string) => boolean): Map<number, InferredHeading> {
  const candidates: { line: number; body: number; key: string }[] = [];
  const itemsWith = new Map<string, Set<number>>();
  bodies.forEach(([from, to], body) => {
    for (let i = from; i < to; i++) {
      const text = lines[i].text;
      if (!text || known(text) || !hasHeadingShape(text)) continue;
      const k = key(text);
      candidates.push({ line: i, body, key: k });
      let set = itemsWith.get(k);
      if (!set) itemsWith.set(k, (set = new Set()));
      set.add(body);
    }
  });
  const out = new Map<number, InferredHeading>();
  for (const c of candidates) {
    const [from, to] = bodies[c.body];
    const line = lines[c.line];
    let prev = c.line - 1;
    while (prev >= from && !lines[prev].text) prev--;
    let next = c.line + 1;
    while (next < to && !lines[next].text) next++;
    // A heading has a body: some text under it, not a continuation of a broken sentence.
    if (next >= to || /^[a-zæøå]/.test(lines[next].text)) continue;
    // The first line under a heading is that section's text (a verdict such as "Indstillingen godkendt").
    if (prev >= from && (known(lines[prev].text) || out.has(prev)) && !line.headingHint) continue;
    const repeated = (itemsWith.get(c.key)?.size ?? 0) >= 2;
    const words = c.key.split(' ').length;
    // A short label with a colon that opens a new paragraph (after a blank line or a finished sentence).
    const label = /:\s*$/.test(line.text) && words <= 3 && (prev < from || prev < c.line - 1 || /[.!?]$/.test(lines[prev].text));
    // A paragraph of its own after a finished sentence, with a paragraph under it: the layout of a heading.
    const isolated = prev >= from && prev < c.line - 1 && next > c.line + 1 && /[.!?]$/.test(lines[prev].text);
    // The vocabulary knows its head word ("Direktionens påtegning", "Sagsforløb") and a finished sentence
    // stands before it: a heading even without a blank line around it.
    const worded = prev >= from && /[.!?]$/.test(lines[prev].text) && words <= 3 && knownHeadWord(line.text) !== null;
    const evidence = repeated ? 'repetition' : line.headingHint ? 'typography' : label ? 'label' : isolated ? 'layout' : worded ? 'words' : null;
    if (!evidence) continue;
    out.set(c.line, { ...headingTypeFromWords(line.text), evidence });
  }
  return out;
}
