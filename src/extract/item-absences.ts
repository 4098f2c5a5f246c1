/**
 * Per-item absences: names under an absence label inside the item ("Fraværende:", "Følgende deltog
 * ikke i behandlingen af punktet:"), absence sentences inside the item ("X deltog ikke i sagens
 * behandling", "A og B var fraværende", "X var inhabil"), and sentences anywhere that tie a person to
 * items by number ("deltog ikke i behandlingen af punkt 4", "punkterne 5-7", "fraværende ved sag 1-4",
 * "forlod mødet ... efter punkt 6", which covers every later item).
 */
import type { DocumentTree } from '../segment/index.js';
import { parseNameList, isPersonName, trailingName } from './names.js';

export interface ItemAbsence {
  item: number;
  name: string;
  start: number;
  end: number;
}

const NAME_RUN = String.raw`((?:[A-ZÆØÅ][\wæøåéü'’\-]+\s+){1,4}[A-ZÆØÅ][\wæøåéü'’\-]+)(?:\s*\([^)]{1,15}\))?`;
const NAME_LIST = String.raw`((?:[A-ZÆØÅ][\wæøåéü'’\-]+(?:[ \t]*\([^)]{1,15}\))?(?:,[ \t]*|[ \t]+og[ \t]+|[ \t]+))+?)`;
const NUMBERS = String.raw`(\d{1,4}(?:\s*(?:[-–]|,|og|til)\s*\d{1,4})*)`;
const ITEM_WORD = String.raw`(?:punkt(?:erne|et)?|pkt\.?|dagsordens?punkt(?:erne)?|dagsordenens\s+pkt\.?|sag(?:erne)?)`;

/** "5, 6, 7", "5-7", "6 – 9", "1 og 2", "12-15" -> the item numbers. */
export function parseNumberList(s: string): number[] {
  const out: number[] = [];
  for (const part of s.split(/\s*(?:,|og)\s*/)) {
    const range = /^(\d{1,4})\s*(?:[-–]|til)\s*(\d{1,4})$/.exec(part.trim());
    if (range) {
      const a = Number(range[1]);
      const b = Number(range[2]);
      if (b >= a && b - a < 200) for (let n = a; n <= b; n++) out.push(n);
      continue;
    }
    if (/^\d{1,4}$/.test(part.trim())) out.push(Number(part.trim()));
  }
  return out;
}

/**
 * Sentences that tie names to item numbers anywhere in the document. Each pattern has a gate: a word
 * every match must contain, looked for first. A pattern that starts with a run of names is tried at
 * every capital letter of the text, so most documents, which have none of these sentences, skip it.
 */
const CROSS_REFERENCES: { re: RegExp; gate: RegExp; scope: 'listed' | 'after' }[] = [
  { re: new RegExp(String.raw`${NAME_RUN}(?:[^.\n]|\.(?=\s?\d)){0,80}?\bdeltog\s+(?:derfor\s+)?ikke\s+(?:i\s+|under\s+)?(?:behandling(?:en)?\s+af\s+)?${ITEM_WORD}\s*:?\s*${NUMBERS}`, 'g'), gate: /deltog/, scope: 'listed' },
  { re: new RegExp(String.raw`${NAME_RUN}(?:(?![Ss]tedfortræder)[^.\n]){0,40}?\bfraværende\s+(?:ved|under|i)\s+${ITEM_WORD}\s*${NUMBERS}`, 'g'), gate: /fraværende/, scope: 'listed' },
  // "Nikolaj Dam (A), sag 130-131" under a Fraværende label (Rødovre).
  { re: new RegExp(String.raw`${NAME_RUN},\s*(?:sag|sagerne|punkt|punkterne|pkt\.)\s*${NUMBERS}\s*$`, 'gm'), gate: /,\s*(?:sag|punkt|pkt\.)/, scope: 'listed' },
  // "Inger Sloth til kl. 19.45 i punkt 2": gone from the next item on.
  { re: new RegExp(String.raw`${NAME_RUN}\s+(?:til|indtil)\s+kl\.?\s*\d{1,2}[.:]\d{2}\s+(?:i|under)\s+${ITEM_WORD}\s*(\d{1,4})`, 'g'), gate: /til\s+kl/, scope: 'after' },
  { re: new RegExp(String.raw`stedfortræder\s+${NAME_RUN},?\s*fraværende\s+(?:ved|under|i)\s+${ITEM_WORD}\s*${NUMBERS}`, 'gi'), gate: /stedfortræder/i, scope: 'listed' },
  { re: new RegExp(String.raw`${NAME_RUN}[^.\n]{0,60}?\binhabil[^.\n]{0,80}?\(?(?:under\s+)?${ITEM_WORD}\s*${NUMBERS}`, 'g'), gate: /inhabil/, scope: 'listed' },
  { re: new RegExp(String.raw`${NAME_RUN}\s+forlod\s+mødet[^\n]{0,40}?\befter\s+(?:behandlingen\s+af\s+)?${ITEM_WORD}\s*(\d{1,4})`, 'g'), gate: /forlod/, scope: 'after' },
];

/** Absence sentences that apply to the item they stand in (gated like CROSS_REFERENCES). */
const IN_ITEM: { re: RegExp; gate: RegExp }[] = [
  { re: new RegExp(String.raw`${NAME_LIST}\s*deltog\s+ikke\s+(?:i|under)\s+(?:[^.\n]{0,80}?\s)?(?:behandling(?:en)?\s+af\s+(?:sagen|punktet)|sagens\s+behandling|punktet|behandlingen)\b`, 'g'), gate: /deltog/ },
  { re: new RegExp(String.raw`${NAME_LIST}\s*var\s+fraværende\b`, 'g'), gate: /fraværende/ },
  { re: new RegExp(String.raw`${NAME_LIST}\s*var\s+inhabil\b`, 'g'), gate: /inhabil/ },
  { re: new RegExp(String.raw`${NAME_LIST}\s*deltog\s+ikke\s+(?:på|i)\s+mødet\b`, 'g'), gate: /deltog/ },
  { re: /[Dd]er\s+var\s+(?:modtaget\s+)?afbud\s+fra\s*:?\s*([A-ZÆØÅ][^.:;\n]{2,300}?)(?=\.|\n|$)/g, gate: /afbud/ },
];

export function extractItemAbsences(tree: DocumentTree): ItemAbsence[] {
  const out: ItemAbsence[] = [];
  const numbers = tree.items.map((i) => i.number);
  const text = withoutHistory(tree);
  for (const item of tree.items) {
    // An item titled "Fraværende"/"Afbud" (cookie-banner template): its decision lists the absent.
    const absenceItem = /^(fraværende|afbud|fravær)\b/i.test(item.title);
    for (const s of item.sections) {
      if (absenceItem && s.type === 'beslutning') addNames(out, item.number, text.slice(s.bodyStart, s.bodyEnd), s.bodyStart);
      if (s.type !== 'absent') continue;
      // Under an absence label: a list of names, or sentences whose subjects are absent.
      const body = text.slice(s.bodyStart, s.bodyEnd);
      if (!SENTENCE_VERB.test(body)) { addNames(out, item.number, body, s.bodyStart); continue; }
      let offset = s.bodyStart;
      for (const line of body.split('\n')) {
        if (!SENTENCE_VERB.test(line) || !addSubjects(out, item.number, line, offset)) addNames(out, item.number, line, offset);
        offset += line.length + 1;
      }
    }
    const body = text.slice(item.start, item.end);
    addSubjects(out, item.number, body, item.start);
    for (const { re, gate } of IN_ITEM) {
      if (!gate.test(body)) continue;
      re.lastIndex = 0;
      for (let m; (m = re.exec(body)); ) {
        // "... deltog ikke i behandlingen af punkt 4" names other items: a cross-reference, not this item.
        if (/\b(punkt|pkt|sag)\w*\s*\d/.test(m[0]) || /^\s*af\s+(punkt|pkt|sag|dagsorden)\w*\.?\s*:?\s*\d/i.test(body.slice(m.index + m[0].length))) continue;
        addNames(out, item.number, m[1], item.start + m.index);
      }
    }
  }
  for (const { re, gate, scope } of CROSS_REFERENCES) {
    if (!gate.test(text)) continue;
    re.lastIndex = 0;
    for (let m; (m = re.exec(text)); ) {
      const found = trailingName(m[1]) ?? (isPersonName(m[1]) ? { name: m[1], offset: 0 } : null);
      if (!found) continue;
      const at = m.index + m[0].indexOf(m[1]) + found.offset;
      const targets = scope === 'listed' ? parseNumberList(m[2]) : numbers.filter((n) => n > Number(m[2]));
      for (const n of targets) if (numbers.includes(n)) out.push({ item: n, name: found.name, start: at, end: at + found.name.length });
    }
  }
  return dedupe(out);
}

/** Verbs that make a line under an absence label a sentence rather than a list of names. */
const SENTENCE_VERB = /\b(havde|har|var|er|blev|udeblev|mødte|deltog|ankom|forlod|erklærede|sluttede|meldte)\b/;
const ABSENT_SUBJECT = new RegExp(String.raw`${NAME_RUN}\s+(?:havde\s+meldt\s+afbud|har\s+meldt\s+afbud|meldte\s+afbud|udeblev|var\s+indkaldt,?\s+men\s+mødte\s+ikke|mødte\s+ikke|var\s+fraværende|er\s+fraværende|deltog\s+ikke\s+(?:i|på)\s+mødet)`, 'g');

/** Every ABSENT_SUBJECT match contains one of these (the gate, as for CROSS_REFERENCES). */
const ABSENT_SUBJECT_GATE = /afbud|udeblev|mødte|fraværende|deltog/;

function addSubjects(out: ItemAbsence[], item: number, line: string, start: number): boolean {
  if (!ABSENT_SUBJECT_GATE.test(line)) return false;
  ABSENT_SUBJECT.lastIndex = 0;
  const before = out.length;
  for (let m; (m = ABSENT_SUBJECT.exec(line)); ) {
    const found = trailingName(m[1]) ?? (isPersonName(m[1]) ? { name: m[1], offset: 0 } : null);
    if (!found) continue;
    const at = start + m.index + found.offset;
    out.push({ item, name: found.name, start: at, end: at + found.name.length });
  }
  return out.length > before;
}

function addNames(out: ItemAbsence[], item: number, chunk: string, start: number) {
  // "X (V) - Y (V) mødte som stedfortræder": the substitute is not absent.
  const cut = chunk.search(/\s[-–]\s[^-–]*\bmødte\s+som\s+stedfortræder|\bmødte\s+som\s+stedfortræder|\bi\s+stedet\s+mødte/);
  const list = cut >= 0 ? chunk.slice(0, cut) : chunk;
  for (const n of parseNameList(list.replace(/\s[-–]\s/g, ', '))) out.push({ item, name: n.name, start: start + n.offset, end: start + n.offset + n.name.length });
}

/**
 * The text with the items' history blocks blanked (same length, so offsets hold): "Afbud: X" or "X
 * deltog ikke i behandlingen" there is an earlier meeting's.
 */
function withoutHistory(tree: DocumentTree): string {
  const blocks = tree.items.flatMap((i) => i.sections.filter((s) => s.history));
  if (!blocks.length) return tree.text;
  let out = '';
  let at = 0;
  for (const b of blocks) {
    out += tree.text.slice(at, b.start) + tree.text.slice(b.start, b.end).replace(/[^\n]/g, ' ');
    at = b.end;
  }
  return out + tree.text.slice(at);
}

function dedupe(list: ItemAbsence[]): ItemAbsence[] {
  const seen = new Set<string>();
  return list.filter((a) => {
    const k = `${a.item}|${a.name.toLowerCase()}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
