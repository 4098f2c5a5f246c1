/**
 * Participants: the meeting's attendance record, from labelled lists in the header (or in item 1,
 * where some families put it) and the attendance sentences around them. Names only, with
 * affiliation, role, status and substitutes; every name carries the span where it stands.
 */
import type { Participant } from '../../schemas/referat.js';
import type { ReferatDocument } from '../document.js';
import type { Line } from '../segment/lines.js';
import { classifyHeading, isMetadataLine } from '../segment/sections.js';
import { parseItemHeading } from '../segment/item-heading.js';
import { PARTICIPANT_LABELS, ROLE_WORDS } from '../vocabulary/structure.js';
import { isPersonName, parseNameEntry, parseNameList } from './names.js';
import { preambleRanges } from '../segment/index.js';
import { parseNumberList } from './item-absences.js';
import { NAME_LIST_WORDS } from '../vocabulary/people.js';
import { NEXT_HEADER_LABEL } from '../vocabulary/meeting.js';
import { ABSENT_MARK, PARTLY_PRESENT_MARK, SUBSTITUTE_FOR, ATTENDANCE_CUE, SENTENCE_NOT_LIST_START, ATTENDANCE_SENTENCE_VERB, LABELLED_STATUS, ABSENT_FOR_ITEMS, ABSENCE_OR_EXCEPTION_PHRASE } from '../vocabulary/attendance.js';
import { NAME, PARTY_OPT, NAMES, SENTENCES, SUBSTITUTION, PARTY_NAME_RUN, INLINE_ATTENDANCE_LABEL, ABSENCE_LABEL_WORD } from '../vocabulary/attendance.js';

export interface ParticipantFinding {
  name: string;
  affiliation: string | null;
  role: string | null;
  status: 'present' | 'absent';
  substituteFor: string | null;
  start: number;
  end: number;
  /** Stronger evidence wins when the same person is named twice. */
  strength: number;
  /** Items an entry under an absence label names ("Name (A), sag 129-131"). */
  absentItems?: number[];
}

const BULLET = /^([-•·*–]|\d{1,2}\.(?!\d))\s*/;

function entryStatus(text: string, listStatus: 'present' | 'absent'): { status: 'present' | 'absent'; substitute: string | null; substituteFor: string | null } {
  let status = listStatus;
  let substitute: string | null = null;
  let substituteFor: string | null = null;
  if (ABSENT_MARK.test(text)) status = 'absent';
  // Missing only some items ("Name (A), sag 130-131", "- deltog ikke i behandlingen af punkt: 4"): present.
  else if (PARTLY_PRESENT_MARK.test(text)) status = 'present';
  else if (/[:\-–]\s*deltog\b(?!\s+ikke)|[:\-–]\s*til\s+stede\b/i.test(text)) status = 'present';
  const sub = /[Ss]tedfortræder\s+([A-ZÆØÅ][\wæøåéü'\-]+(?:\s+[A-ZÆØÅ][\wæøåéü'\-]+){1,4})/.exec(text);
  const forWhom = SUBSTITUTE_FOR.exec(text);
  if (forWhom) substituteFor = forWhom[1];
  else if (sub && status === 'absent') substitute = sub[1];
  return { status, substitute, substituteFor };
}

function labelOf(text: string): { status: 'present' | 'absent'; length: number } | null {
  const t = text.replace(BULLET, '');
  const offset = text.length - t.length;
  for (const l of PARTICIPANT_LABELS) {
    const m = l.pattern.exec(t);
    if (!m) continue;
    const rest = t.slice(m[0].length);
    // A label is the whole line, or followed by ":" / a list; not a sentence that starts with the word.
    if (rest.trim() && !/^\s*:/.test(rest) && !m[0].endsWith(':') && !/^\s*[A-ZÆØÅ][\wæøå'\-]+\s+[A-ZÆØÅ]/.test(rest)) continue;
    if (/^\s*(var|er|blev|havde)\b/i.test(rest)) continue;
    // "Afbud fra X stedfortræder Y. Afbud fra Z." is a sentence, not a label with a list.
    if (!m[0].trimEnd().endsWith(':') && /(^|\s)[a-zæøå]{3,}\b/.test(rest.replace(/\b(og|samt)\b/g, ''))) continue;
    return { status: l.status, length: offset + m[0].length };
  }
  return null;
}

export function extractParticipants(doc: ReferatDocument): ParticipantFinding[] {
  const tree = doc.tree;
  const { lines } = tree;
  const ranges = preambleRanges(tree);
  const first = tree.items.find((i) => !i.fromTocOnly);
  // Item 1 holds the attendance record in some families ("Deltagere:", "Fremmøde og inhabilitet",
  // "Der var afbud fra ..."); a plain "Fraværende:" under its decision is only that item's absence.
  const holdsAttendance = (from: number, to: number) =>
    lines.slice(from, to).some((l) => labelOf(l.text)?.status === 'present' || ATTENDANCE_CUE.test(l.text));
  if (first && holdsAttendance(first.bodyFirstLine, first.bodyEndLine)) ranges.push([first.bodyFirstLine, first.bodyEndLine]);
  const found: ParticipantFinding[] = [];
  for (const [from, to] of ranges) scanRange(lines, from, to, found);
  inferSubstitutions(doc.text, found);
  // Absent from every item of the meeting is absent from the meeting.
  const numbers = tree.items.filter((i) => !i.fromTocOnly).map((i) => i.number);
  for (const f of found) {
    if (f.absentItems && numbers.length && numbers.every((n) => f.absentItems!.includes(n))) f.status = 'absent';
  }
  return merge(found);
}

/**
 * "Hanne Bro deltog som stedfortræder for Kirsten Nissum" anywhere in the document: when the member
 * stood on the attendance list, the member was absent and the substitute present.
 */
function inferSubstitutions(text: string, found: ParticipantFinding[]) {
  if (found.length === 0) return;
  SUBSTITUTION.lastIndex = 0;
  for (let m; (m = SUBSTITUTION.exec(text)); ) {
    const member = found.find((f) => key(f.name) === key(m![2].trim()));
    if (!member) continue;
    if (member.strength <= 3) { member.status = 'absent'; member.strength = 3; }
    if (!found.some((f) => key(f.name) === key(m![1].trim()))) {
      const at = m.index;
      found.push({ name: m[1].trim(), affiliation: null, role: 'stedfortræder', status: 'present', substituteFor: member.name, start: at, end: at + m[1].trim().length, strength: 3 });
    }
  }
}

function scanRange(lines: Line[], from: number, to: number, found: ParticipantFinding[]) {
  let listStatus: 'present' | 'absent' | null = null;
  let blankRun = 0;
  for (let i = from; i < to; i++) {
    const line = lines[i];
    const text = line.text;
    if (!text) { blankRun++; if (blankRun > 2) listStatus = null; continue; }
    blankRun = 0;
    const label = labelOf(text);
    if (label) {
      listStatus = label.status;
      const rest = text.slice(label.length).replace(/^\s*:?\s*/, '');
      const restStart = line.textStart + text.length - rest.length;
      if (rest) {
        const list = continuedList(lines, i, rest, restStart, to);
        addList(list.text, restStart, listStatus, found, 2);
        i = list.lastLine;
      }
      continue;
    }
    // "Bestyrelsen: Niels O. Pedersen, Villum Christensen, …": a label the vocabulary does not know, over a
    // list of three names or more and nothing else, is the members' list.
    const unknown = UNKNOWN_LABEL.exec(text);
    if (unknown) {
      const rest = text.slice(unknown[0].length);
      // Under a known label ("Afbud:" / "Bestyrelsen: …" / "Observatører: …") it is a group of that list.
      if (commaCount(rest) >= 2 && onlyNamesAndRoles(rest) && parseNameList(rest).length >= 3) {
        listStatus ??= 'present';
        addList(rest, line.textStart + unknown[0].length, listStatus, found, 2);
        continue;
      }
    }
    if (listStatus) {
      // Names laid out in table cells: "Jesper Mathiesen (A)<tab>Ole Bjerregaard (V)", "X (A) Y (A)".
      const cells = splitCells(text);
      if (cells.length > 1 && cells.every((c) => isListEntry(c.text))) {
        for (const c of cells) addEntry(c.text, line.textStart + c.offset, listStatus, found);
        continue;
      }
      // A run-on list under the label: "Jens Ole Hvid, Birte Lund, Karsten Bøg".
      const many = /[,;]/.test(text) && onlyNamesAndRoles(text) ? parseNameList(text.replace(/;/g, ','), { givenNames: true }) : [];
      // A full stop may close the list ("…, Arne Nielsen, Jytte von Seelen."): with three names or more it
      // is still a list, as no other lower-case word stands in it.
      // Lines of two pieces in a row are an entry a line, "Name, affiliation" ("Ruth Jensen,
      // LyngbyGuiderne" / "Bjarne Olsen, Lyngby Frivillignet"), unless both pieces are first names.
      const onePair = (l: Line | undefined) => !!l && commaCount(l.text) === 1;
      const entryLines = many.length === 2 && !many.every((n) => !/\s/.test(n.name)) && (onePair(lines[i - 1]) || onePair(lines[i + 1]));
      if (many.length >= 2 && !entryLines && (!/[.!?]$/.test(text) || many.length >= 3)) {
        const list = continuedList(lines, i, text, line.textStart, to);
        addList(list.text, line.textStart, listStatus, found, 3);
        i = list.lastLine;
        continue;
      }
      if (isListEntry(text)) {
        const body = text.replace(BULLET, '');
        const bodyStart = line.textStart + text.length - body.length;
        addEntry(body, bodyStart, listStatus, found);
        continue;
      }
    }
    if (classifyHeading(text) || parseItemHeading(text)?.family === 'punkt') listStatus = null;
    else if (listStatus && !isMetadataLine(text)) listStatus = text.length > 140 || /[.!?]$/.test(text) ? null : listStatus;
    addPartyRuns(text, line.textStart, found);
    addInlineLists(text, line.textStart, found);
    addSentences(text, line.textStart, found);
  }
}

/**
 * A comma-separated list that goes on on the next lines ("Medlemmer: …, Niels Dueholm, Mette" /
 * "Nielsen, Søren Gytz Olesen, …"): one text, so that a name broken at the line end stays whole. The
 * line breaks become spaces, so offsets into the text stay those of the document.
 */
function continuedList(lines: Line[], at: number, text: string, start: number, to: number): { text: string; lastLine: number } {
  let joined = text;
  let lastLine = at;
  // Three pieces or more make a run-on list; "Ruth Jensen, LyngbyGuiderne" is one entry a line.
  if (commaCount(text) < 2) return { text, lastLine };
  for (let k = at + 1; k < to; k++) {
    const next = lines[k];
    if (!next.text || /[.!?]$/.test(joined.trimEnd()) || !next.text.includes(',') && !/,\s*$/.test(joined)) break;
    if (next.text.length > 260 || labelOf(next.text) || classifyHeading(next.text) || parseItemHeading(next.text) || !onlyNamesAndRoles(next.text)) break;
    joined += ' '.repeat(next.textStart - (start + joined.length)) + next.text;
    lastLine = k;
  }
  return { text: joined, lastLine };
}

const UNKNOWN_LABEL = /^[A-ZÆØÅ][\wæøå-]*(?:\s+[\wæøå-]+){0,3}\s*:\s*(?=[A-ZÆØÅ])/;

function splitCells(text: string): { text: string; offset: number }[] {
  const cells: { text: string; offset: number }[] = [];
  const re = /[^\t]+?(?=\t|(?<=\))\s+(?=[A-ZÆØÅ])|$)/g;
  for (let m; (m = re.exec(text)); ) {
    if (m[0].length === 0) { re.lastIndex++; continue; }
    const lead = m[0].length - m[0].trimStart().length;
    if (m[0].trim()) cells.push({ text: m[0].trim(), offset: m.index + lead });
  }
  return cells;
}

/** A run-on list has names, organisations and role words, no other lower-case words ("tilforordnet for"). */
function onlyNamesAndRoles(text: string): boolean {
  const words = text.replace(/\([^)]*\)/g, ' ').match(/(?<![\wæøåÆØÅ])[a-zæøå][a-zæøå-]{2,}/g) ?? [];
  return words.every((w) => NAME_LIST_WORDS.includes(w) || ROLE_WORDS.test(w));
}

function isListEntry(text: string): boolean {
  const body = text.replace(BULLET, '');
  if (!body || body.length > 260) return false;
  if (/^ingen\.?$/i.test(body)) return false;
  const entry = parseNameEntry(body);
  if (!entry) return false;
  // Prose that merely starts with a name is not a list entry (the sentence patterns read it).
  if (SENTENCE_NOT_LIST_START.test(body)) return false;
  return !ATTENDANCE_SENTENCE_VERB.test(body) || LABELLED_STATUS.test(body);
}

function addEntry(body: string, start: number, listStatus: 'present' | 'absent', found: ParticipantFinding[]) {
  const entry = parseNameEntry(body);
  if (!entry) return;
  const { status, substitute, substituteFor } = entryStatus(body, listStatus);
  const range = listStatus === 'absent' ? ABSENT_FOR_ITEMS.exec(body) : null;
  found.push({ name: entry.name, affiliation: entry.affiliation, role: entry.role, status, substituteFor, start: start + entry.offset, end: start + entry.offset + entry.name.length, strength: 3, absentItems: range ? parseNumberList(range[1].trim()) : undefined });
  if (substitute) {
    const at = body.indexOf(substitute);
    found.push({ name: substitute, affiliation: null, role: 'stedfortræder', status: 'present', substituteFor: entry.name, start: start + at, end: start + at + substitute.length, strength: 2 });
  }
}

function addList(text: string, start: number, status: 'present' | 'absent', found: ParticipantFinding[], strength: number) {
  if (/^ingen\.?$/i.test(text.trim())) return;
  const names = parseNameList(text, { givenNames: true });
  if (names.length <= 1) {
    const one = parseNameEntry(text);
    if (one) {
      const s = entryStatus(text, status);
      found.push({ name: one.name, affiliation: one.affiliation, role: one.role, status: s.status, substituteFor: s.substituteFor, start: start + one.offset, end: start + one.offset + one.name.length, strength });
      return;
    }
  }
  for (const n of names) {
    const absent = n.marker != null || status === 'absent';
    found.push({ name: n.name, affiliation: n.affiliation, role: n.role, status: absent ? 'absent' : 'present', substituteFor: null, start: start + n.offset, end: start + n.offset + n.name.length, strength });
  }
}

/**
 * Names with party letters run together inside a line, away from any label of their own line: the
 * status is that of the last attendance label before the run in the line, present where there is none.
 */
function addPartyRuns(text: string, start: number, found: ParticipantFinding[]) {
  if (!text.includes('(')) return;
  PARTY_NAME_RUN.lastIndex = 0;
  for (let m; (m = PARTY_NAME_RUN.exec(text)); ) {
    let status: 'present' | 'absent' = 'present';
    INLINE_ATTENDANCE_LABEL.lastIndex = 0;
    for (let l; (l = INLINE_ATTENDANCE_LABEL.exec(text.slice(0, m.index + 1))); ) status = ABSENCE_LABEL_WORD.test(l[1]) ? 'absent' : 'present';
    // "Ole Find Jensen (A) John Schmidt Andersen (V)": each party letter ends a name (a comma in its place, same length)
    for (const n of parseNameList(m[0].replace(/\)\s(?=\s*[A-ZÆØÅ])/g, '),'))) {
      found.push({ name: n.name, affiliation: n.affiliation, role: n.role, status: n.marker ? 'absent' : status, substituteFor: null, start: start + m.index + n.offset, end: start + m.index + n.offset + n.name.length, strength: 1 });
    }
  }
}

/** Where a list ends in a run-together line: the first lower-case word that is no joining word or particle. */
const LIST_END_WORD = new RegExp(String.raw`\s(?!(?:${NAME_LIST_WORDS.join('|')})\b)[a-zæøå]{3,}`);
const commaCount = (text: string) => (text.match(/,/g) ?? []).length;

/**
 * A comma list after an attendance label inside a run-together header line ("… Mødet hævet: Deltagere:
 * Peder Chr. Kirkegaard, Anna-Lise Vestergaard, …, Bent Dyrberg Fraværende:"), up to the next label.
 * Three names or more, and nothing but names and role words: a sentence is not a list.
 */
function addInlineLists(text: string, start: number, found: ParticipantFinding[]) {
  if (!text.includes(',')) return;
  INLINE_ATTENDANCE_LABEL.lastIndex = 0;
  for (let l; (l = INLINE_ATTENDANCE_LABEL.exec(text)); ) {
    if (l.index === 0) continue; // a label that starts the line is read as a label
    const from = l.index + l[0].length;
    // up to the next label ("… Bent Dyrberg Fraværende:", "… Gale Referent:")
    const next = NEXT_HEADER_LABEL.exec(text.slice(from));
    let segment = next ? text.slice(from, from + next.index) : text.slice(from);
    // The list ends where other words begin ("… Vibeke Rindom åben …").
    const prose = LIST_END_WORD.exec(segment);
    if (prose) segment = segment.slice(0, prose.index);
    if (commaCount(segment) < 2 || !onlyNamesAndRoles(segment) || parseNameList(segment).length < 3) continue;
    addList(segment, start + from, ABSENCE_LABEL_WORD.test(l[1]) ? 'absent' : 'present', found, 1);
  }
}

function addSentences(text: string, start: number, found: ParticipantFinding[]) {
  for (const { re, apply } of SENTENCES) {
    re.lastIndex = 0;
    for (let m; (m = re.exec(text)); ) {
      for (const r of apply(m)) {
        const groupStart = m.index + m[0].indexOf(m[r.group]);
        if (r.list || (r.group === 1 && ABSENCE_OR_EXCEPTION_PHRASE.test(m[0]) && r.status === 'absent')) {
          for (const n of parseNameList(r.name, { givenNames: true })) {
            found.push({ name: n.name, affiliation: n.affiliation, role: null, status: r.status, substituteFor: null, start: start + groupStart + n.offset, end: start + groupStart + n.offset + n.name.length, strength: 1 });
          }
          continue;
        }
        const name = r.name.trim();
        if (!isPersonName(name)) continue;
        found.push({ name, affiliation: null, role: null, status: r.status, substituteFor: r.substituteFor ?? null, start: start + groupStart, end: start + groupStart + name.length, strength: 1 });
      }
    }
  }
}

const key = (name: string) => name.toLowerCase().replace(/\s+/g, ' ');

/** One entry per person: the first place it stands, the strongest status evidence. */
function merge(found: ParticipantFinding[]): ParticipantFinding[] {
  const byName = new Map<string, ParticipantFinding>();
  for (const f of found) {
    const k = key(f.name);
    const seen = byName.get(k);
    if (!seen) { byName.set(k, { ...f }); continue; }
    // A name under an absence label ("Fraværende: X") outweighs the same name on the member list, which
    // often lists every member; a partial absence ("X, punkt 3-4") does not, as X attended the rest.
    const labelledAbsence = f.status === 'absent' && f.strength >= 2 && !f.absentItems && seen.status === 'present';
    if (f.strength > seen.strength || labelledAbsence || (f.strength === seen.strength && f.status === 'absent' && seen.status !== 'absent')) {
      seen.status = f.status;
      seen.strength = f.strength;
    }
    seen.affiliation ??= f.affiliation;
    seen.role ??= f.role;
    seen.substituteFor ??= f.substituteFor;
  }
  return [...byName.values()];
}

export function toParticipants(found: ParticipantFinding[], span: (s: number, e: number) => { start: number; end: number; page: number | null }): Participant[] {
  return found.map((f) => ({ name: f.name, affiliation: f.affiliation, role: f.role, status: f.status, substituteFor: f.substituteFor, span: span(f.start, f.end) }));
}
