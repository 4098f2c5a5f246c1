/**
 * Per-item absences: names under an absence label inside the item ("Fraværende:", "Følgende deltog
 * ikke i behandlingen af punktet:"), absence sentences inside the item ("X deltog ikke i sagens
 * behandling", "A og B var fraværende", "X var inhabil"), and sentences anywhere that tie a person to
 * items by number ("deltog ikke i behandlingen af punkt 4", "punkterne 5-7", "fraværende ved sag 1-4",
 * "forlod mødet ... efter punkt 6", which covers every later item).
 */
import type { ReferatDocument } from '../document.js';
import { parseNameList, isPersonName, trailingName } from './names.js';
import { ABSENCE_ITEM_TITLE, ITEM_REFERENCE_IN_LABEL, ITEM_REFERENCE_AFTER_LABEL, SENTENCE_VERB, ABSENT_SUBJECT_GATE, SUBSTITUTE_CLAUSE } from '../vocabulary/attendance.js';
import { NAME_RUN, NAME_LIST, NUMBERS, ITEM_WORD, CROSS_REFERENCES, IN_ITEM } from '../vocabulary/attendance.js';
import { ABSENT_SUBJECT } from '../vocabulary/attendance.js';

export interface ItemAbsence {
  item: number;
  name: string;
  start: number;
  end: number;
}

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

export function extractItemAbsences(doc: ReferatDocument): ItemAbsence[] {
  const tree = doc.tree;
  const out: ItemAbsence[] = [];
  const numbers = tree.items.map((i) => i.number);
  const text = withoutHistory(doc);
  for (const item of tree.items) {
    // An item titled "Fraværende"/"Afbud" (cookie-banner template): its decision lists the absent.
    const absenceItem = ABSENCE_ITEM_TITLE.test(item.title);
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
        if (ITEM_REFERENCE_IN_LABEL.test(m[0]) || ITEM_REFERENCE_AFTER_LABEL.test(body.slice(m.index + m[0].length))) continue;
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
  const cut = chunk.search(SUBSTITUTE_CLAUSE);
  const list = cut >= 0 ? chunk.slice(0, cut) : chunk;
  for (const n of parseNameList(list.replace(/\s[-–]\s/g, ', '))) out.push({ item, name: n.name, start: start + n.offset, end: start + n.offset + n.name.length });
}

/**
 * The text with the items' history blocks blanked (same length, so offsets hold): "Afbud: X" or "X
 * deltog ikke i behandlingen" there is an earlier meeting's.
 */
function withoutHistory({ tree, text }: ReferatDocument): string {
  const blocks = tree.items.flatMap((i) => i.sections.filter((s) => s.history));
  if (!blocks.length) return text;
  let out = '';
  let at = 0;
  for (const b of blocks) {
    out += text.slice(at, b.start) + text.slice(b.start, b.end).replace(/[^\n]/g, ' ');
    at = b.end;
  }
  return out + text.slice(at);
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
