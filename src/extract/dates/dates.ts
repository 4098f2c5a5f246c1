/**
 * Calendar dates and times of day in Danish minutes. Pure functions over the normalized text.
 *
 * Exported:
 *  - findDates(text, { referenceYear })  every valid calendar date, in text order
 *  - findYearlessDates(text)             dates written without a year that no neighbour supplies one for
 *  - findImpossibleDates(text)           well-formed but impossible dates ("31-02-2024", "30. februar 2023")
 *  - findTimes(text)                     times of day ("kl. 13:00", "kl. 15.30", "14:00-16:30", "kl. 13-16")
 *
 * Year-less dates ("d. 12. november", "tirsdag den 9. april"):
 *  1. a year written on a neighbour in the same list or range is shared ("14. maj, 11. juni og
 *     10. september 2024", "fra 2. april til 3. maj 2024"): yearSource "shared", yearInferred true;
 *  2. otherwise ctx.referenceYear is used (yearSource "reference", yearInferred true). A written
 *     weekday is checked: if it does not fit the reference year, referenceYear-1 and +1 are tried and
 *     the fitting one is taken; if none fits the reference year is kept and weekdayMismatch is true;
 *  3. without a referenceYear such dates are left out of findDates; findYearlessDates returns them
 *     (day, month, weekday) so the caller can infer a year from item or section context.
 *
 * Spans: `text.slice(start, end) === raw` for every match. raw starts at a written weekday when there
 * is one ("tirsdag den 9. april"), otherwise at the day number; "den"/"d." alone are not part of raw.
 * A day range written as one expression ("3.-4. januar 2023", "26. - 27. april 2012", or two full
 * dates joined by a dash) is ONE match with endDate set. Days listed with "og"/"," ("d. 26. og 27.
 * april") are separate matches; the bare day's raw is just "26.". "fra X til Y" gives two matches.
 */
import { MONTHS, WEEKDAYS, WEEKDAY_ABBREVIATIONS, COMPACT_DATE_CUES, IDENTIFIER_LABELS, TIME_CUES, alternation } from '../../vocabulary/calendar.js';
import { DATE_LIST_GAP, TIME_CUE_START } from '../../vocabulary/calendar.js';

export interface DateMatch {
  raw: string;
  start: number;
  end: number;
  /** ISO YYYY-MM-DD */
  date: string;
  /** last day of a range written as one expression, else null */
  endDate: string | null;
  /** true when the year is not written on this mention (shared from a neighbour or the reference year) */
  yearInferred: boolean;
  /** 0 = Sunday .. 6 = Saturday when a weekday is written, else null */
  weekday: number | null;
  /** where the year came from */
  yearSource: 'written' | 'shared' | 'reference';
  /** a weekday is written and does not fall on this date */
  weekdayMismatch: boolean;
}

export interface YearlessDate {
  raw: string;
  start: number;
  end: number;
  day: number;
  month: number;
  /** last day of a day range in the same month ("3.-4. januar"), else null */
  endDay: number | null;
  weekday: number | null;
}

export interface ImpossibleDate {
  raw: string;
  start: number;
  end: number;
  reason: string;
}

export interface TimeMatch {
  raw: string;
  start: number;
  end: number;
  /** HH:MM */
  time: string;
  /** HH:MM for a range ("kl. 15:00 - 17:00"), else null */
  endTime: string | null;
}

// ---------------------------------------------------------------------------------------------
// Calendar helpers

const MIN_YEAR = 1900;
const MAX_YEAR = 2100;

function isLeap(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

function daysInMonth(y: number | null, m: number): number {
  if (m === 2) return y === null ? 29 : isLeap(y) ? 29 : 28;
  return [4, 6, 9, 11].includes(m) ? 30 : 31;
}

function iso(y: number, m: number, d: number): string {
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

function weekdayOf(y: number, m: number, d: number): number {
  return new Date(Date.UTC(y, m - 1, d)).getUTCDay();
}

const MONTH_NAMES_DA = ['', 'januar', 'februar', 'marts', 'april', 'maj', 'juni', 'juli', 'august', 'september', 'oktober', 'november', 'december'];

// ---------------------------------------------------------------------------------------------
// Regular expressions (built once from the vocabulary)

const MONTH_ALT = alternation(Object.keys(MONTHS));
const WEEKDAY_ALT = alternation(Object.keys(WEEKDAYS));
const HS = '[ \\t\\u00A0]'; // horizontal space

/** "26. april 2024", "d. 10 februar 2022", "15-maj-2002", "28. februar, 2025", "5. okt. 2023", "1.\njanuar 2007" */
const TEXTUAL = new RegExp(
  `(?<![\\p{L}\\d,:/]|\\d[.])(\\d{1,2})(\\.)?(\\s*|-)(${MONTH_ALT})(?![\\p{L}])(\\.)?(?:(,?\\s+|-)(\\d{4})(?![\\d]))?`,
  'giu',
);
/** DD-MM-YYYY, DD.MM.YYYY, DD/MM/YYYY */
const NUMERIC4 = /(?<![\p{L}\d.,/:-])(\d{1,2})([-./])(\d{1,2})\2(\d{4})(?!\d|[.,/-]\d)/gu;
/** D/M YYYY, D/M-YYYY */
const SLASH_SPACE = /(?<![\p{L}\d.,/:-])(\d{1,2})\/(\d{1,2})(?:[ \u00A0]+|-)(\d{4})(?!\d|[.,/-]\d)/gu;
/** DD-MM-YY, DD.MM.YY (two-digit year, read as 20YY) */
// not when a letter code follows: KLE journal numbers such as "24.10.00-G01" are not dates
const NUMERIC2 = /(?<![\p{L}\d.,/:-])(\d{1,2})([-.])(\d{1,2})\2(\d{2})(?![\p{L}\d]|[.,/:-][\p{L}\d])/gu;
/** D/M-YY */
const SLASH_DASH2 = /(?<![\p{L}\d.,/:-])(\d{1,2})\/(\d{1,2})-(\d{2})(?![\p{L}\d]|[.,/:-]\d)/gu;
/** YYYY-MM-DD */
const ISO_DATE = /(?<![\p{L}\d.,/:-])(\d{4})-(\d{1,2})-(\d{1,2})(?!\d|[.,/-]\d)/gu;
/** DDMMYY, only in file-name-like contexts (see compactContextOk) */
const COMPACT = /(?<![\d.,/:-])(\d{2})(\d{2})(\d{2})(?!\d|[.,/-]\d)/gu;

/** weekday right before a date: "tirsdag den ", "Onsdag, ", "Torsdag d. " */
const WEEKDAY_BEFORE = new RegExp(`(?<![\\p{L}])(${WEEKDAY_ALT})(\\.)?,?\\s+(?:(?:den|d\\.)\\s*)?$`, 'iu');
/** "den " / "d. " right before the day */
const DEN_BEFORE = /(?<![\p{L}])(?:den|d\.)\s*$/iu;
/** first day of a range right before the main day: "3.-", "26. - ", "2. til " */
const RANGE_BEFORE = /(?<![\p{L}\d,.:/])(\d{1,2})(\.)?\s*([-–]|til)\s*$/iu;
/** an earlier bare day in a list right before: "26. og ", "14., " */
const LIST_DAY_BEFORE = /(?<![\p{L}\d,.:/])(\d{1,2})(\.)?\s*(?:,|og|&|samt|eller)\s*$/iu;
/** the gap between two dates that lets them share a year */
const SHARE_GAP = /^\s*(?:,|og|&|samt|eller|til|[-–])?\s*(?:(?:den|d\.)\s*)?$/iu;

// ---------------------------------------------------------------------------------------------
// Candidates

interface Candidate {
  start: number;
  end: number;
  day: number;
  month: number;
  year: number | null;
  endDay: number | null;
  /** month/year of the end of a cross-month range ("30. april - 2. maj 2024") */
  endMonth: number | null;
  endYear: number | null;
  weekday: number | null;
  yearSource: 'written' | 'shared' | 'reference' | null;
  /** for a bare list day ("26." in "26. og 27. april"): the candidate that carries its month */
  anchor: Candidate | null;
  impossible: string | null;
}

function newCandidate(start: number, end: number, day: number, month: number, year: number | null): Candidate {
  return {
    start,
    end,
    day,
    month,
    year,
    endDay: null,
    endMonth: null,
    endYear: null,
    weekday: null,
    yearSource: year === null ? null : 'written',
    anchor: null,
    impossible: null,
  };
}

function validYear(y: number): boolean {
  return y >= MIN_YEAR && y <= MAX_YEAR;
}

function checkDay(c: Candidate): void {
  if (c.day < 1 || c.day > daysInMonth(c.year, c.month)) {
    const when = c.year === null ? MONTH_NAMES_DA[c.month] : `${MONTH_NAMES_DA[c.month]} ${c.year}`;
    c.impossible = `${when} har ikke en ${c.day}. dag`;
  }
}

/** Attach a written weekday in front of the candidate (raw then starts at the weekday). */
function attachWeekday(text: string, c: Candidate): void {
  const before = text.slice(Math.max(0, c.start - 30), c.start);
  const m = WEEKDAY_BEFORE.exec(before);
  if (!m) return;
  const word = m[1].toLowerCase();
  if (WEEKDAY_ABBREVIATIONS.has(word) && !m[2]) return;
  c.weekday = WEEKDAYS[word];
  c.start = c.start - before.length + m.index;
}

function lineStartBefore(text: string, i: number): boolean {
  let j = i - 1;
  while (j >= 0 && (text[j] === ' ' || text[j] === '\t' || text[j] === '\u00A0')) j--;
  return j < 0 || text[j] === '\n' || text[j] === '\r' || text[j] === '\f';
}

function newlineCount(s: string): number {
  let n = 0;
  for (const ch of s) if (ch === '\n') n++;
  return n;
}

function scanTextual(text: string, out: Candidate[]): void {
  TEXTUAL.lastIndex = 0;
  for (let m = TEXTUAL.exec(text); m !== null; m = TEXTUAL.exec(text)) {
    const [whole, dayS, dot, sep, monthWord, monthDot, yearSep, yearS] = m;
    const start = m.index;
    const mw = MONTHS[monthWord.toLowerCase()];
    if (!mw) continue;
    // separator between day and month: "26. april", "20 april", "15-maj", "26.april" (dot required when glued)
    if (sep === '' && !dot) continue;
    if (newlineCount(sep) > 1) continue;
    if (sep === '-' && !yearS) continue; // "15-maj-2002" only with a year
    let year: number | null = yearS !== undefined ? Number(yearS) : null;
    if (yearSep !== undefined && newlineCount(yearSep) > 1) year = null;
    if (year !== null && !validYear(year)) year = null;
    if (sep === '-' && year === null) continue;
    // abbreviations need a dot or a year ("2. Jan Hansen" is a name)
    if (mw.abbreviation && !monthDot && year === null) continue;
    const day = Number(dayS);
    const before = text.slice(Math.max(0, start - 12), start);
    const hasDen = DEN_BEFORE.test(before);
    // "20 april" without a dot and without a year only after "den"/"d."
    if (!dot && year === null && !hasDen) continue;
    // a numbered list of names: "3. Maj Hansen", "1. August Krogh"
    const monthStart = start + dayS.length + (dot ?? '').length + sep.length;
    const afterMonth = text.slice(monthStart + monthWord.length, monthStart + monthWord.length + 3);
    // a compound name, not a date: "1. maj-udvalget", "april-mødet"
    if (year === null && /^\.?-\p{L}/u.test(afterMonth)) continue;
    if (
      year === null &&
      lineStartBefore(text, start) &&
      /^\p{Lu}/u.test(monthWord) &&
      /^[ \t]\p{Lu}/u.test(afterMonth)
    ) {
      continue;
    }
    // end of the match: year, or the month (plus its dot for an abbreviation)
    let end: number;
    if (year !== null) end = start + whole.length;
    else end = monthStart + monthWord.length + (mw.abbreviation && monthDot ? 1 : 0);
    if (year === null && !mw.abbreviation) {
      // keep the regex from consuming a following year that we rejected
      TEXTUAL.lastIndex = Math.min(TEXTUAL.lastIndex, end);
    }
    const c = newCandidate(start, end, day, mw.month, year);
    if (day > 31 || day === 0) continue;
    checkDay(c);
    // range "3.-4. januar", "26. - 27. april", "fra 2. til 5. april"
    const rb = RANGE_BEFORE.exec(text.slice(Math.max(0, start - 16), start));
    let listFrom = start;
    if (rb) {
      const d1 = Number(rb[1]);
      const isTil = rb[3].toLowerCase() === 'til';
      if (d1 >= 1 && d1 < day && (!isTil || rb[2])) {
        c.start = start - (rb[0].length);
        c.endDay = day;
        c.day = d1;
        listFrom = c.start;
      }
    }
    attachWeekday(text, c);
    out.push(c);
    // list "d. 26. og 27. april", "1., 2. og 3. maj"
    let pos = listFrom;
    for (;;) {
      const lb = LIST_DAY_BEFORE.exec(text.slice(Math.max(0, pos - 14), pos));
      if (!lb) break;
      const lStart = pos - lb[0].length;
      const lDay = Number(lb[1]);
      if (!lb[2] && !DEN_BEFORE.test(text.slice(Math.max(0, lStart - 8), lStart))) break;
      if (lDay < 1 || lDay > 31) break;
      const lc = newCandidate(lStart, lStart + lb[1].length + (lb[2] ? 1 : 0), lDay, c.month, null);
      lc.anchor = c;
      lc.yearSource = null;
      attachWeekday(text, lc);
      out.push(lc);
      pos = lStart;
    }
  }
}

/**
 * Month-first dates, year required ("April 3, 2019", "February 7, 2024"): DAY_YEAR finds the day and
 * year ("3, 2019"), MONTH_BEFORE the month word before them. One pattern for the whole date,
 * tried at every letter of the text, is slow; this part starts with a digit, and only where it
 * matches is the month word before it looked for (MONTH_BEFORE).
 */
const DAY_YEAR = new RegExp(`(\\d{1,2})(?:st|nd|rd|th)?(,?${HS}+)(\\d{4})(?!\\d)`, 'gi');
const MONTH_BEFORE = new RegExp(`(?<![\\p{L}\\d])(${MONTH_ALT})(\\.)?$`, 'iu');
const HS_CHAR = /[ \t\u00A0]/;

function scanMonthFirst(text: string, out: Candidate[]): void {
  DAY_YEAR.lastIndex = 0;
  for (let m = DAY_YEAR.exec(text); m !== null; m = DAY_YEAR.exec(text)) {
    // the day follows the space after the month (checked here, not by a look-behind that would make the
    // pattern start at every character); when it does not, a day may still start at the next digit
    if (m.index === 0 || !HS_CHAR.test(text[m.index - 1])) {
      DAY_YEAR.lastIndex = m.index + 1;
      continue;
    }
    let q = m.index;
    while (q > 0 && HS_CHAR.test(text[q - 1])) q--;
    // the longest month word with its dot is 10 characters: 12 leave room for the look-behind
    const before = MONTH_BEFORE.exec(text.slice(Math.max(0, q - 12), q));
    if (!before) continue;
    const mw = MONTHS[before[1].toLowerCase()];
    if (!mw) continue;
    const year = Number(m[3]);
    if (!validYear(year)) continue;
    const start = q - before[0].length;
    const c = newCandidate(start, m.index + m[0].length, Number(m[1]), mw.month, year);
    if (c.day < 1 || c.day > 31) continue;
    checkDay(c);
    attachWeekday(text, c);
    out.push(c);
  }
}

function pushNumeric(text: string, out: Candidate[], start: number, end: number, d: number, mo: number, y: number): void {
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || !validYear(y)) return;
  const c = newCandidate(start, end, d, mo, y);
  checkDay(c);
  attachWeekday(text, c);
  out.push(c);
}

function twoDigitYear(yy: number): number {
  return yy <= 69 ? 2000 + yy : 1900 + yy;
}

function precededByIdentifierLabel(text: string, start: number): boolean {
  const before = text.slice(Math.max(0, start - 20), start).toLowerCase();
  const m = /([\p{L}.]+)[.:]?\s*$/u.exec(before);
  if (!m) return false;
  const word = m[1].replace(/\.+$/, '');
  return IDENTIFIER_LABELS.includes(word) || /(?:nr|id)$/.test(word);
}

function compactContextOk(text: string, start: number, end: number): boolean {
  if (precededByIdentifierLabel(text, start)) return false;
  // the whitespace-free token that holds the digits must not be a URL or a path
  let a = start;
  while (a > 0 && !/\s/.test(text[a - 1])) a--;
  let b = end;
  while (b < text.length && !/\s/.test(text[b])) b++;
  const token = text.slice(a, b);
  if (/[/\\]|https?|www\.|@/i.test(token)) return false;
  const prev = start > 0 ? text[start - 1] : '';
  const next = text.slice(end, end + 6);
  if (/[\p{L}_]/u.test(prev)) return true; // glued to a file name: "niveau260424", "_260424"
  if (prev === '(' && next.startsWith(')')) return true; // "(260424)"
  if (/^\.(?:pdf|docx?|xlsx?|pptx?|txt|msg)\b/i.test(next)) return true; // "260424.pdf"
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  const before = text.slice(Math.max(lineStart, start - 40), start).toLowerCase();
  return COMPACT_DATE_CUES.some((w) => new RegExp(`(?<![\\p{L}])${w}(?![\\p{L}])`, 'u').test(before));
}

function scanNumeric(text: string, out: Candidate[]): void {
  for (const m of text.matchAll(NUMERIC4)) {
    pushNumeric(text, out, m.index, m.index + m[0].length, Number(m[1]), Number(m[3]), Number(m[4]));
  }
  for (const m of text.matchAll(SLASH_SPACE)) {
    pushNumeric(text, out, m.index, m.index + m[0].length, Number(m[1]), Number(m[2]), Number(m[3]));
  }
  for (const m of text.matchAll(NUMERIC2)) {
    if (m[2] === '.' && (m[1].length !== 2 || m[3].length !== 2)) continue;
    if (precededByIdentifierLabel(text, m.index)) continue;
    pushNumeric(text, out, m.index, m.index + m[0].length, Number(m[1]), Number(m[3]), twoDigitYear(Number(m[4])));
  }
  for (const m of text.matchAll(SLASH_DASH2)) {
    pushNumeric(text, out, m.index, m.index + m[0].length, Number(m[1]), Number(m[2]), twoDigitYear(Number(m[3])));
  }
  for (const m of text.matchAll(ISO_DATE)) {
    pushNumeric(text, out, m.index, m.index + m[0].length, Number(m[3]), Number(m[2]), Number(m[1]));
  }
  for (const m of text.matchAll(COMPACT)) {
    const d = Number(m[1]);
    const mo = Number(m[2]);
    if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(twoDigitYear(Number(m[3])), mo)) continue;
    if (!compactContextOk(text, m.index, m.index + m[0].length)) continue;
    pushNumeric(text, out, m.index, m.index + m[0].length, d, mo, twoDigitYear(Number(m[3])));
  }
}

/**
 * The last text scanned and its candidates: the pipeline and several rules ask for the dates of the same
 * full text (findDates, findYearlessDates, findImpossibleDates). Callers get copies, since shareYears
 * changes candidates in place.
 */
let lastScan: { text: string; candidates: Candidate[] } | null = null;

function scan(text: string): Candidate[] {
  if (lastScan?.text !== text) lastScan = { text, candidates: scanText(text) };
  const copies = new Map<Candidate, Candidate>(lastScan.candidates.map((c) => [c, { ...c }]));
  for (const c of copies.values()) if (c.anchor) c.anchor = copies.get(c.anchor) ?? c.anchor;
  return [...copies.values()];
}

/** All candidates, overlaps removed (earlier start wins, then the longer one). */
function scanText(text: string): Candidate[] {
  const all: Candidate[] = [];
  scanTextual(text, all);
  scanMonthFirst(text, all);
  scanNumeric(text, all);
  all.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: Candidate[] = [];
  let lastEnd = -1;
  for (const c of all) {
    if (c.start < lastEnd) {
      // a list day and its anchor never overlap; any other overlap loses
      continue;
    }
    kept.push(c);
    lastEnd = c.end;
  }
  // a list day whose anchor was dropped is dropped too
  const keptSet = new Set(kept);
  return kept.filter((c) => c.anchor === null || keptSet.has(c.anchor));
}

/** Share a written year along lists and ranges, merge dash-joined full dates into one range. */
function shareYears(text: string, cands: Candidate[]): Candidate[] {
  const main = cands.filter((c) => c.anchor === null && c.impossible === null);
  for (let i = main.length - 2; i >= 0; i--) {
    const c = main[i];
    const n = main[i + 1];
    if (c.year !== null || n.year === null) continue;
    const gap = text.slice(c.end, n.start);
    if (!SHARE_GAP.test(gap)) continue;
    const isTil = /til/i.test(gap);
    const isDash = /[-–]/.test(gap) && !isTil;
    let y = n.year;
    if ((isTil || isDash) && c.month > n.month) y = n.year - 1; // "fra 1. december til 5. januar 2024"
    c.year = y;
    c.yearSource = 'shared';
    if (isDash && c.endDay === null && n.endDay === null && n.weekday === null) {
      // "30. april - 2. maj 2024": one range
      c.endMonth = n.month;
      c.endYear = n.year;
      c.endDay = n.day;
      c.end = n.end;
      n.start = -1; // mark merged
    }
  }
  const merged = cands.filter((c) => c.start >= 0);
  for (const c of merged) {
    if (c.anchor !== null) {
      c.year = c.anchor.year;
      c.yearSource = c.anchor.year === null ? null : c.anchor.yearSource === 'written' ? 'shared' : c.anchor.yearSource;
    }
  }
  return merged;
}

function toMatch(text: string, c: Candidate, year: number, source: 'written' | 'shared' | 'reference'): DateMatch | null {
  if (c.day > daysInMonth(year, c.month)) return null; // 29 februar in a non-leap year
  const date = iso(year, c.month, c.day);
  let endDate: string | null = null;
  if (c.endDay !== null) {
    const ey = c.endYear ?? year;
    const em = c.endMonth ?? c.month;
    if (c.endDay <= daysInMonth(ey, em)) endDate = iso(ey, em, c.endDay);
  }
  return {
    raw: text.slice(c.start, c.end),
    start: c.start,
    end: c.end,
    date,
    endDate,
    yearInferred: source !== 'written',
    weekday: c.weekday,
    yearSource: source,
    weekdayMismatch: c.weekday !== null && weekdayOf(year, c.month, c.day) !== c.weekday,
  };
}

function resolveReference(c: Candidate, ref: number): number {
  if (c.weekday === null) return ref;
  for (const y of [ref, ref - 1, ref + 1]) {
    if (c.day <= daysInMonth(y, c.month) && weekdayOf(y, c.month, c.day) === c.weekday) return y;
  }
  return ref;
}

// ---------------------------------------------------------------------------------------------
// Public API

/**
 * Every valid calendar date in the text, in text order. Year-less dates are included only when a
 * neighbour shares its year or ctx.referenceYear is given (see the file comment).
 */
export function findDates(text: string, ctx?: { referenceYear?: number | null; referenceDate?: string | null }): DateMatch[] {
  const ref = ctx?.referenceYear ?? null;
  const meeting = ctx?.referenceDate && ref !== null && Number(ctx.referenceDate.slice(0, 4)) === ref ? ctx.referenceDate : null;
  const cands = shareYears(text, scan(text));
  const out: DateMatch[] = [];
  let previous: { c: Candidate; year: number } | null = null;
  for (const c of cands) {
    if (c.impossible !== null) continue;
    let m: DateMatch | null = null;
    if (c.year !== null) m = toMatch(text, c, c.year, c.yearSource === 'written' ? 'written' : 'shared');
    else if (ref !== null) {
      let year = resolveReference(c, ref);
      if (meeting && c.weekday === null) {
        // A list of dates without years ("31. august, 27. oktober, 5. januar"): a schedule in order, so a
        // month earlier than the one before is the next year's.
        const inList = previous && listedAfter(text, previous.c, c);
        year = inList ? previous!.year + (monthDay(c) < monthDay(previous!.c) ? 1 : 0) : yearNear(c, meeting, ref);
      }
      m = toMatch(text, c, year, 'reference');
      if (m) previous = { c, year };
    }
    if (m) out.push(m);
  }
  return out.sort((a, b) => a.start - b.start);
}

const monthDay = (c: Candidate) => c.month * 100 + c.day;
/** Two year-less dates in one list: only separators, a weekday and "den"/"d." between them. */
function listedAfter(text: string, a: Candidate, b: Candidate): boolean {
  return b.start - a.end <= 40 && DATE_LIST_GAP.test(text.slice(a.end, b.start));
}

/**
 * The year of a date written without one, from the meeting's date: minutes name what comes up in the
 * months ahead (the next meeting, a deadline) more than what lies far behind, so the date is placed
 * from four months before the meeting to eight after it ("8. januar" in December minutes is next
 * January); outside that window the reference year stays.
 */
function yearNear(c: Candidate, meeting: string, ref: number): number {
  const at = Date.UTC(Number(meeting.slice(0, 4)), Number(meeting.slice(5, 7)) - 1, Number(meeting.slice(8, 10)));
  const month = 30.44 * 86400e3;
  for (const y of [ref, ref + 1, ref - 1]) {
    if (c.day > daysInMonth(y, c.month)) continue;
    const offset = (Date.UTC(y, c.month - 1, c.day) - at) / month;
    if (offset >= -4 && offset <= 8) return y;
  }
  return ref;
}

/** Dates written without a year and not given one by a neighbour (the caller infers the year). */
export function findYearlessDates(text: string): YearlessDate[] {
  const cands = shareYears(text, scan(text));
  return cands
    .filter((c) => c.year === null && c.impossible === null)
    .map((c) => ({
      raw: text.slice(c.start, c.end),
      start: c.start,
      end: c.end,
      day: c.day,
      month: c.month,
      endDay: c.endMonth === null ? c.endDay : null,
      weekday: c.weekday,
    }));
}

/** Well-formed dates that do not exist ("31-02-2024", "30. februar 2023", "31. april"). */
export function findImpossibleDates(text: string): ImpossibleDate[] {
  return scan(text)
    .filter((c) => c.impossible !== null)
    .map((c) => ({ raw: text.slice(c.start, c.end), start: c.start, end: c.end, reason: c.impossible as string }));
}

// ---------------------------------------------------------------------------------------------
// Times

const CLOCK = new RegExp(
  `(?<![\\p{L}\\d])(?:kl|klokken)(?:\\.|(?![\\p{L}]))\\s*(\\d{1,2})(?:([.:])(\\d{2}))?(?::\\d{2})?` +
    `(?:\\s*[-–]\\s*(?:kl\\.?\\s*)?(\\d{1,2})(?:[.:](\\d{2}))?)?(?![\\d]|[.,:]\\d)`,
  'giu',
);
const BARE_COLON = /(?<![\p{L}\d:.,/])(\d{1,2}):(\d{2})(?::\d{2})?(?:\s*[-–]\s*(\d{1,2})[:.](\d{2}))?(?!\d|[.,:]\d)/gu;
const BARE_DOT = /(?<![\p{L}\d:.,/-])(\d{1,2})\.(\d{2})(?:\s*[-–]\s*(\d{1,2})[:.](\d{2}))?(?!\d|[.,:]\d)/gu;
const TIME_CUE_BEFORE = new RegExp(`(?<![\\p{L}])(?:${alternation(TIME_CUES)})\\.?\\s*$`, 'iu');

function hhmm(h: number, m: number): string | null {
  if (h > 24 || m > 59 || (h === 24 && m !== 0)) return null;
  return `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
}

/** Times of day: "kl. 13:00", "kl. 15.30", "kl.21.33", "kl. 15:00 - 17:00", "kl. 13-16", "14:00-14:10", "fra 12.30". */
export function findTimes(text: string): TimeMatch[] {
  const out: TimeMatch[] = [];
  const taken: Array<[number, number]> = [];
  const free = (s: number, e: number) => taken.every(([a, b]) => e <= a || s >= b);
  const add = (start: number, raw: string, time: string | null, endTime: string | null) => {
    if (time === null) return;
    const end = start + raw.length;
    if (!free(start, end)) return;
    taken.push([start, end]);
    out.push({ raw, start, end, time, endTime });
  };
  for (const m of text.matchAll(CLOCK)) {
    let raw = m[0];
    const time = hhmm(Number(m[1]), m[3] !== undefined ? Number(m[3]) : 0);
    let endTime: string | null = null;
    if (m[4] !== undefined) {
      endTime = hhmm(Number(m[4]), m[5] !== undefined ? Number(m[5]) : 0);
      if (endTime === null || (m[3] === undefined) !== (m[5] === undefined)) {
        // not a time range after all ("kl. 13-2024"?): keep only the first time
        const first = TIME_CUE_START.exec(raw);
        raw = first ? first[0] : raw;
        endTime = null;
      }
    }
    add(m.index, raw, time, endTime);
  }
  for (const m of text.matchAll(BARE_COLON)) {
    const endTime = m[3] !== undefined ? hhmm(Number(m[3]), Number(m[4])) : null;
    add(m.index, m[0], hhmm(Number(m[1]), Number(m[2])), endTime);
  }
  for (const m of text.matchAll(BARE_DOT)) {
    const isRange = m[3] !== undefined;
    const cue = TIME_CUE_BEFORE.test(text.slice(Math.max(0, m.index - 12), m.index));
    if (!isRange && !cue) continue;
    const endTime = isRange ? hhmm(Number(m[3]), Number(m[4])) : null;
    if (isRange && endTime === null) continue;
    add(m.index, m[0], hhmm(Number(m[1]), Number(m[2])), endTime);
  }
  return out.sort((a, b) => a.start - b.start);
}
