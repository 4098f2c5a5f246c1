/**
 * Sums of money in Danish minutes. Pure function over the normalized text: findAmounts(text).
 *
 * Design
 *  - A tokenizer reads Danish numbers: thousands "." (or a space, only when a currency or scale word
 *    follows), decimal ","; "2.5" (a decimal point) and "1." (a stray dot) are read only in front of a
 *    scale word and are flagged ambiguous; "1,500,000" (English thousands) is read and flagged.
 *  - The words around the number come from vocabulary.ts (currency, scale, qualifiers, context).
 *    Suffix forms: "700.000 kr.", "50.000kr", "3,9 mio. kr.", "9,640 mio.kr.", "450 t.kr.", "100.000,- kr.",
 *    "1.316.000\nkr." (a line break before "kr." after a formatted number). Prefix forms: "kr. 900.000",
 *    "DKK 1.000.000", "kr. 2,5 mio.", "mio. kr. 3,5". A scale word without currency ("1.5 mio.",
 *    "cirka 4,4 mio.") counts only with money words nearby in the same paragraph and not before a
 *    non-money noun ("1,2 mio. indbyggere").
 *  - A range "1,5-2 mio. kr." / "fra 2 til 3 mio. kr." gives two amounts; the first borrows the scale.
 *  - Tables of bare numbers (tab, "|" pipe, or 2+-space aligned cells) count cell by cell when the
 *    table is about money (money words in the table or the 6 lines before it, or a total row such as
 *    "I alt", and no header words such as "antal"/"%"). Only thousands-formatted cells count, unless
 *    the table states a unit ("(kr.)", "(1.000 kr.)", "mio. kr."), which also scales the cells.
 *
 * raw: the money expression itself, from the number (or from "kr."/"DKK" for prefix forms) to the end
 * of the unit. An approximation word in front ("ca.", "cirka", "omkring", ...) is NOT part of raw: it
 * sets approximate=true and is reported in `qualifier` with its own offset, so a caller that wants the
 * gold-style raw ("ca. 220.000 kr.") can take text.slice(qualifier.start, end).
 * value: whole DKK, rounded half away from zero ("1.500,50 kr." = 1501); negative for "-3.751.000 kr.",
 * "÷ 3.751.000 kr." and "minus 3 mio. kr.".
 */
import {
  CURRENCY_FORMS,
  SCALE_UNITS,
  QUALIFIERS,
  NEGATIVE_WORDS,
  MONEY_CONTEXT_STEMS,
  NON_MONEY_NOUNS,
  NON_MONEY_TABLE_WORDS,
  TOTAL_ROW_LABELS,
  type ScaleUnit,
} from '../../vocabulary/money.js';
import { NUMBER } from '../../vocabulary/money.js';
import { tableRow, type Cell, type TableRow } from '../table-cells.js';
import { readDanishNumber } from '../danish-number.js';

export interface AmountMatch {
  raw: string;
  start: number;
  end: number;
  /** whole DKK, rounded */
  value: number;
  approximate: boolean;
  negative: boolean;
  /** set when the writing allows another reading ("2.5 mio. kr.", "1. mio. kr.") */
  ambiguous: null | { reading: string; why: string };
  /** the approximation or bound word in front ("ca.", "op til"), outside raw; null when none */
  qualifier: null | { raw: string; start: number; approximate: boolean };
}

// ---------------------------------------------------------------------------------------------
// Patterns built from the vocabulary

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** a form as a regex: spaces match any horizontal space; forms ending in a letter need a word end */
function formPattern(form: string): string {
  const body = escape(form).replace(/ /g, '[ \\t\\u00A0]*');
  return /[\p{L}\d]$/u.test(form) ? `${body}(?![\\p{L}\\d])` : body;
}
function alternationOf(forms: readonly string[]): string {
  return [...forms].sort((a, b) => b.length - a.length).map(formPattern).join('|');
}

const CURRENCY_ALT = alternationOf(CURRENCY_FORMS);
const SCALE_FORMS: Array<{ form: string; unit: ScaleUnit }> = SCALE_UNITS.flatMap((unit) =>
  unit.forms.map((form) => ({ form, unit })),
).sort((a, b) => b.form.length - a.form.length);

const HS = '[ \\t\\u00A0]';
const CURRENCY_AT = new RegExp(`^${HS}*(?:${CURRENCY_ALT})`, 'iu');
const SCALE_AT = SCALE_FORMS.map(({ form, unit }) => ({ re: new RegExp(`^${HS}*(?:${formPattern(form)})`, 'iu'), unit }));
/** prefix currency (optionally with a scale word in front): "kr. ", "DKK ", "mio. kr. " */
const PREFIX_BEFORE = new RegExp(
  `(?<![\\p{L}\\d])(?:(${alternationOf(SCALE_UNITS.filter((u) => !u.includesCurrency).flatMap((u) => u.forms))})[ \\u00A0]*)?(?:${CURRENCY_ALT})[ \\u00A0]*$`,
  'iu',
);
const QUALIFIER_BEFORE = new RegExp(
  `(?<![\\p{L}])(${[...QUALIFIERS]
    .sort((a, b) => b.form.length - a.form.length)
    .map((q) => escape(q.form).replace(/ /g, '\\s+') + (q.form.endsWith('.') ? '\\s*' : '\\s+'))
    .join('|')})$`,
  'iu',
);
const NEGATIVE_WORD_BEFORE = new RegExp(`(?<![\\p{L}])(?:${NEGATIVE_WORDS.map(escape).join('|')})\\s+$`, 'iu');
const CURRENCY_WORD = new RegExp(`(?<![\\p{L}])(?:${CURRENCY_ALT})`, 'iu');
const PERCENT_AFTER = /^\s*(?:%|pct\.?|procent|procentpoint|promille|‰)/iu;

// ---------------------------------------------------------------------------------------------
// Number reading

interface NumberToken {
  start: number;
  end: number;
  text: string;
  /** the number as written, in units */
  value: number;
  kind: 'dotted' | 'english' | 'spaced' | 'decimal' | 'decimalPoint' | 'integer';
}

function readNumber(text: string, start: number, s: string): NumberToken {
  const { value, kind } = readDanishNumber(s);
  return { start, end: start + s.length, text: s, value, kind };
}


/** whole DKK, half away from zero, without binary-fraction surprises (9,640 × 1e6) */
function toWholeDkk(value: number, factor: number): number {
  const x = Number((value * factor).toPrecision(15));
  return Math.sign(x) * Math.round(Math.abs(x));
}

function isYearLike(t: NumberToken): boolean {
  return t.kind === 'integer' && t.text.length === 4 && t.value >= 1900 && t.value <= 2100;
}

// ---------------------------------------------------------------------------------------------
// Context

/**
 * The paragraph around `at` ('\n\n' to '\n\n'), cut to [lo, hi]: only so far is searched, because
 * text without blank lines (PDF text) would otherwise be scanned to its ends for every amount.
 */
function paragraphBounds(text: string, at: number, lo: number, hi: number): [number, number] {
  const before = text.slice(lo, at + 2).lastIndexOf('\n\n', at - lo);
  const after = text.slice(at, hi + 1).indexOf('\n\n');
  return [before < 0 ? lo : lo + before, after < 0 ? hi : at + after];
}

const MONEY_CONTEXT = new RegExp(MONEY_CONTEXT_STEMS.join('|'), 'iu');

function hasMoneyWords(s: string): boolean {
  return CURRENCY_WORD.test(s) || MONEY_CONTEXT.test(s);
}

function moneyContextNear(text: string, start: number, end: number): boolean {
  const [a, b] = paragraphBounds(text, start, Math.max(0, start - 250), Math.min(text.length, end + 250));
  return hasMoneyWords(text.slice(a, start) + ' ' + text.slice(end, b));
}

function nextWord(text: string, at: number): string {
  const m = /^[ \t\u00A0]*([\p{L}\d.]+)/u.exec(text.slice(at, at + 40));
  return m ? m[1].toLowerCase().replace(/\.$/, '') : '';
}

// ---------------------------------------------------------------------------------------------
// Inline amounts

interface Found extends AmountMatch {
  /** offset where the number itself starts (for range look-back) */
  numberStart: number;
  /** factor used, for a range partner */
  factor: number;
}

function qualifierBefore(text: string, at: number): AmountMatch['qualifier'] {
  const before = text.slice(Math.max(0, at - 20), at);
  const m = QUALIFIER_BEFORE.exec(before);
  if (!m) return null;
  const form = m[1].replace(/\s+$/, '');
  const key = form.toLowerCase().replace(/\s+/g, ' ');
  const q = QUALIFIERS.find((x) => x.form === key);
  return { raw: form, start: at - before.length + m.index, approximate: q ? q.approximate : true };
}

/** minus sign glued to the number ("-3.751.000"), "÷ 3.751.000", or the word "minus" */
function negativeBefore(text: string, at: number): boolean {
  const before = text.slice(Math.max(0, at - 12), at);
  if (/(?:^|[\s(:=])[-−](?=$)/u.test(before)) return true;
  if (/÷[ \u00A0]?$/u.test(before)) return true;
  return NEGATIVE_WORD_BEFORE.test(before);
}

function ambiguityOf(t: NumberToken, strayDot: boolean, factor: number): AmountMatch['ambiguous'] {
  if (strayDot) {
    return {
      reading: `${t.text} (the dot after the number is stray)`,
      why: `"${t.text}." before a scale word: a stray period, read as ${t.text}; could be a typo for a decimal`,
    };
  }
  if (t.kind === 'decimalPoint') {
    const alt = t.text.replace('.', ',');
    return {
      reading: factor > 1 ? `${alt} (decimal comma)` : alt,
      why: `decimal point in "${t.text}" where Danish writes a decimal comma; read as ${alt}`,
    };
  }
  if (t.kind === 'english') {
    return { reading: t.text.replace(/,/g, '.'), why: `English thousands separators in "${t.text}"` };
  }
  return null;
}

function findInline(text: string): Found[] {
  const out: Found[] = [];
  let consumedUntil = 0;
  NUMBER.lastIndex = 0;
  for (let m = NUMBER.exec(text); m !== null; m = NUMBER.exec(text)) {
    const tok = readNumber(text, m.index, m[0]);
    let p = tok.end;

    // ",-" right after the number ("100.000,- kr.")
    let dashSuffix = false;
    if (text.startsWith(',-', p)) {
      dashSuffix = true;
      p += 2;
    }
    // a stray dot before a scale word ("1. mio. kr.")
    let strayDot = false;
    if (tok.kind === 'integer' && text[p] === '.') {
      const after = text.slice(p + 1, p + 20);
      if (SCALE_AT.some(({ re, unit }) => !unit.includesCurrency && re.test(after))) {
        strayDot = true;
        p += 1;
      }
    }
    // suffix: scale word, then currency
    let rest = text.slice(p, p + 40);
    const formatted = tok.kind !== 'integer';
    // one line break is allowed between a formatted number and its unit ("1.316.000\nkr.")
    const lb = /^[ \t\u00A0]*\r?\n[ \t\u00A0]*/.exec(rest);
    let lineBreakSkip = 0;
    if (lb && formatted) {
      lineBreakSkip = lb[0].length;
    }
    let scale: ScaleUnit | null = null;
    let scaleEnd = p;
    for (const s of SCALE_AT) {
      const sm = s.re.exec(rest);
      if (sm) {
        scale = s.unit;
        scaleEnd = p + sm[0].length;
        break;
      }
    }
    if (!scale && lineBreakSkip) {
      const rest2 = text.slice(p + lineBreakSkip, p + lineBreakSkip + 40);
      for (const s of SCALE_AT) {
        const sm = s.re.exec(rest2);
        if (sm) {
          scale = s.unit;
          scaleEnd = p + lineBreakSkip + sm[0].length;
          break;
        }
      }
    }
    let currencyEnd = -1;
    if (!scale || !scale.includesCurrency) {
      rest = text.slice(scaleEnd, scaleEnd + 20);
      const cm = CURRENCY_AT.exec(rest);
      if (cm) currencyEnd = scaleEnd + cm[0].length;
      else if (!scale && lineBreakSkip) {
        const cm2 = CURRENCY_AT.exec(text.slice(p + lineBreakSkip, p + lineBreakSkip + 20));
        if (cm2) currencyEnd = p + lineBreakSkip + cm2[0].length;
      }
    }
    // "100.000,-" alone: Danish price notation, money by itself (a prefix "kr. 45.000,-" still belongs to it)
    const dashAlone = dashSuffix && currencyEnd < 0 && !scale;
    if (dashAlone) currencyEnd = p;

    // prefix currency: "kr. 900.000", "DKK 1.000.000", "mio. kr. 3,5"
    let prefixStart = -1;
    let prefixScale: ScaleUnit | null = null;
    if ((currencyEnd < 0 || dashAlone) && !(scale && scale.includesCurrency)) {
      const before = text.slice(Math.max(consumedUntil, tok.start - 16), tok.start);
      const pm = PREFIX_BEFORE.exec(before);
      if (pm) {
        prefixStart = tok.start - before.length + pm.index;
        if (pm[1]) {
          const f = SCALE_FORMS.find(({ form }) => new RegExp(`^${formPattern(form)}$`, 'iu').test(pm[1]));
          prefixScale = f ? f.unit : null;
        }
      }
    }

    const hasCurrency = currencyEnd >= 0 || prefixStart >= 0 || (scale !== null && scale.includesCurrency);

    // a space-thousands token needs a unit; otherwise re-read from its first group
    if (tok.kind === 'spaced' && !hasCurrency && !scale) {
      const first = /^\d{1,3}/.exec(tok.text)![0];
      NUMBER.lastIndex = tok.start + first.length;
      continue;
    }
    // decimal-point and English-thousands tokens, like all others, count only with a unit
    if (!hasCurrency && !scale) continue;
    if (PERCENT_AFTER.test(text.slice(tok.end, tok.end + 12))) continue;

    let end: number;
    if (currencyEnd >= 0) end = currencyEnd;
    else if (scale) end = scaleEnd;
    else end = p;
    if (dashSuffix && end < p) end = p;
    let start = prefixStart >= 0 ? prefixStart : tok.start;

    const effectiveScale = scale ?? prefixScale;
    const factor = effectiveScale ? effectiveScale.factor : 1;

    if (!hasCurrency) {
      // scale word without currency: "1.5 mio.", "cirka 4,4 mio."
      if (NON_MONEY_NOUNS.includes(nextWord(text, scaleEnd))) continue;
      if (!moneyContextNear(text, tok.start, scaleEnd)) continue;
    }
    // "(1.000 kr.)" / "i 1.000 kr." as a column unit, not an amount
    if (tok.text === '1.000' && !scale && prefixStart < 0) {
      const pre = text.slice(Math.max(0, tok.start - 8), tok.start);
      const post = text.slice(end, end + 3);
      if ((/\($/.test(pre) && /^\s*\)/.test(post)) || (/(?<![\p{L}])i\s+$/iu.test(pre) && /^\s*(?:[)|\t\n]|$)/.test(post))) {
        continue;
      }
    }
    // a year after a prefix "kr." that belongs elsewhere ("... kr. 2024") is not an amount
    if (prefixStart >= 0 && isYearLike(tok) && !prefixScale) continue;

    const qualifier = qualifierBefore(text, start);
    const negative = negativeBefore(text, start);
    let value = toWholeDkk(tok.value, factor);
    if (negative) value = -value;
    if (negative) {
      // include a written sign in raw: "-3.751.000 kr.", "÷ 250.000 kr."
      const sign = /[-−÷][ \u00A0]?$/u.exec(text.slice(Math.max(0, start - 2), start));
      if (sign) start -= sign[0].length;
    }
    const raw = text.slice(start, end);
    out.push({
      raw,
      start,
      end,
      value,
      approximate: qualifier !== null && qualifier.approximate,
      negative,
      ambiguous: ambiguityOf(tok, strayDot, factor),
      qualifier,
      numberStart: tok.start,
      factor,
    });
    consumedUntil = end;
    NUMBER.lastIndex = Math.max(NUMBER.lastIndex, end);
  }
  return addRangePartners(text, addPrefixRangeEnds(text, out));
}

const RANGE_AFTER = /^[ \u00A0]*(?:[-–]|til)[ \u00A0]*(\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?)(?![\d.,]?\d)/u;

/**
 * "kr. 20 – 40.000", "kr. 1,5-2 mio.": the currency stands before the first number only; the second
 * number is an amount too, and the first leaves out the thousands the second writes (20.000).
 */
function addPrefixRangeEnds(text: string, found: Found[]): Found[] {
  const out: Found[] = [];
  for (let k = 0; k < found.length; k++) {
    const f = found[k];
    out.push(f);
    if (f.numberStart === f.start || f.end !== f.numberStart + readNumber(text, f.numberStart, text.slice(f.numberStart, f.end)).text.length) continue;
    const m = RANGE_AFTER.exec(text.slice(f.end, f.end + 40));
    if (!m) continue;
    const numStart = f.end + m[0].indexOf(m[1], m[0].search(/[-–]|til/));
    const tok = readNumber(text, numStart, m[1]);
    const next = found[k + 1];
    if (next && next.start < numStart + m[1].length) {
      // "kr. 1,5-2 mio.": the range's end was found with its factor, which the first number shares.
      if (next.numberStart === numStart && next.factor > f.factor) {
        const first = readNumber(text, f.numberStart, text.slice(f.numberStart, f.end));
        f.value = (f.negative ? -1 : 1) * toWholeDkk(first.value, next.factor);
        f.factor = next.factor;
      }
      continue;
    }
    if (isYearLike(tok)) continue;
    const second = toWholeDkk(tok.value, f.factor);
    if (!(second > Math.abs(f.value))) continue;
    if (f.factor === 1 && Math.abs(f.value) < 1000 && /\d\.\d{3}/.test(tok.text)) {
      let v = Math.abs(f.value);
      while (v * 1000 <= second) v *= 1000;
      f.value = f.negative ? -v : v;
    }
    out.push({ ...f, raw: tok.text, start: tok.start, end: tok.end, value: second, negative: false, ambiguous: null, qualifier: null, numberStart: tok.start });
  }
  return out;
}

const RANGE_BEFORE = /(?<![\p{L}\d.,/])(\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?)[ \u00A0]*(?:[-–]|til)[ \u00A0]*$/iu;
const BETWEEN_BEFORE = /(?<![\p{L}])mellem[ \u00A0]+(\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?)[ \u00A0]+og[ \u00A0]+$/iu;

/** "1,5-2 mio. kr.", "fra 2 til 3 mio. kr.", "mellem 2 og 3 mio. kr.": the first number borrows the unit. */
function addRangePartners(text: string, found: Found[]): Found[] {
  const extra: Found[] = [];
  for (const f of found) {
    if (f.numberStart !== f.start) continue; // prefix forms and signed amounts have no partner
    const before = text.slice(Math.max(0, f.start - 30), f.start);
    const m = RANGE_BEFORE.exec(before) ?? BETWEEN_BEFORE.exec(before);
    if (!m) continue;
    const numText = m[1];
    const numStart = f.start - before.length + m.index + m[0].indexOf(numText);
    const tok = readNumber(text, numStart, numText);
    if (isYearLike(tok)) continue;
    const own = f.factor === 1 ? f.value : f.value / f.factor;
    // "300-400.000 kr.": the first number leaves out the thousands the second writes (300.000)
    let value = tok.value;
    if (f.factor === 1 && tok.kind === 'integer' && tok.value > 0 && tok.value < 1000 && /\d\.\d{3}/.test(f.raw)) {
      while (value * 1000 <= Math.abs(own)) value *= 1000;
    }
    if (!(value < Math.abs(own))) continue;
    if (found.some((g) => g.start < tok.end && tok.start < g.end)) continue;
    const qualifier = qualifierBefore(text, tok.start);
    extra.push({
      raw: tok.text,
      start: tok.start,
      end: tok.end,
      value: toWholeDkk(value, f.factor),
      approximate: qualifier !== null && qualifier.approximate,
      negative: false,
      ambiguous: null,
      qualifier,
      numberStart: tok.start,
      factor: f.factor,
    });
  }
  return [...found, ...extra];
}

// ---------------------------------------------------------------------------------------------
// Tables of bare numbers

interface Row extends TableRow {
  lineStart: number;
  line: string;
}

function rowOf(line: string, lineStart: number): Row | null {
  const row = tableRow(line, lineStart);
  return row ? { ...row, lineStart, line } : null;
}

const BARE_CELL = /^(?:([-−÷])[ \u00A0]?)?(\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?)(,-)?$/u;

/** units a table states for its numbers, largest first */
const TABLE_UNITS: Array<{ re: string; factor: number }> = [
  { re: 'mia\\.?\\s*kr\\.?', factor: 1_000_000_000 },
  { re: '(?:mio|mill)\\.?\\s*kr\\.?', factor: 1_000_000 },
  { re: '(?:1\\.000\\s*kr\\.?|t\\.\\s?kr\\.?|tkr\\.?|tusinde?\\s*kr\\.?)', factor: 1_000 },
  { re: '(?:kr\\.?|dkk)', factor: 1 },
];
/** "(mio. kr.)", "(i 1.000 kr.)", "(kr.)" anywhere; or a whole cell/line "Beløb i mio. kr.", "t.kr." */
const TABLE_UNIT_RES = TABLE_UNITS.map((u) => ({
  parenthesized: new RegExp(`\\((?:beløb\\s+)?(?:i\\s+)?${u.re}\\)`, 'iu'),
  whole: new RegExp(`^(?:[\\p{L}]+\\s+)*(?:i\\s+)?${u.re}$`, 'iu'),
  factor: u.factor,
}));

/** the unit stated by a header cell or caption line, or null */
function statedUnit(s: string): number | null {
  const t = s.trim();
  for (const u of TABLE_UNIT_RES) if (u.parenthesized.test(t) || u.whole.test(t)) return u.factor;
  return null;
}

function findTableAmounts(text: string): AmountMatch[] {
  const out: AmountMatch[] = [];
  const lines: Array<{ start: number; line: string }> = [];
  {
    let pos = 0;
    for (const line of text.split('\n')) {
      lines.push({ start: pos, line: line.replace(/\r$/, '') });
      pos += line.length + 1;
    }
  }
  let i = 0;
  while (i < lines.length) {
    const first = rowOf(lines[i].line, lines[i].start);
    if (!first) {
      i++;
      continue;
    }
    const block: Row[] = [first];
    let j = i + 1;
    while (j < lines.length) {
      const r = rowOf(lines[j].line, lines[j].start);
      if (!r || r.kind !== first.kind) break;
      block.push(r);
      j++;
    }
    const blockStartLine = i;
    i = j;

    const candidates: Array<{ cell: Cell; m: RegExpExecArray }> = [];
    const labels: string[] = [];
    for (const r of block) {
      for (const c of r.cells) {
        const m = BARE_CELL.exec(c.text);
        if (m) candidates.push({ cell: c, m });
        else labels.push(c.text);
      }
    }
    if (candidates.length === 0) continue;

    const labelText = labels.join(' \u0001 ');
    const lowerLabels = labelText.toLowerCase();
    const captionBefore = lines
      .slice(Math.max(0, blockStartLine - 6), blockStartLine)
      .map((l) => l.line)
      .join('\n');
    const captionAfter = lines
      .slice(j, Math.min(lines.length, j + 2))
      .map((l) => l.line)
      .join('\n');
    const nearCaption = lines.slice(Math.max(0, blockStartLine - 2), blockStartLine).map((l) => l.line);
    let unit: number | null = null;
    for (const t of [...labels, ...nearCaption]) {
      unit = statedUnit(t);
      if (unit !== null) break;
    }
    const hasCurrencyInTable = unit !== null || CURRENCY_WORD.test(lowerLabels);
    const nonMoney =
      !hasCurrencyInTable &&
      NON_MONEY_TABLE_WORDS.some((w) => (/^\p{L}+$/u.test(w) ? new RegExp(`(?<![\\p{L}])${w}`, 'iu').test(lowerLabels) : lowerLabels.includes(w)));
    if (nonMoney) continue;
    const totalRow = block.some((r) => {
      const label = r.cells[0]?.text.toLowerCase().replace(/[:*]/g, '').trim() ?? '';
      return TOTAL_ROW_LABELS.includes(label);
    });
    const money = hasCurrencyInTable || hasMoneyWords(labelText) || hasMoneyWords(captionBefore) || hasMoneyWords(captionAfter) || totalRow;
    if (!money) continue;

    for (const { cell, m } of candidates) {
      const numText = m[2];
      const dotted = /\./.test(numText);
      if (!dotted && unit === null) continue; // a bare "650" counts only when the table states its unit
      const tok = readNumber(text, cell.start + (m[1] ? cell.text.indexOf(numText) : 0), numText);
      if (isYearLike(tok)) continue;
      const factor = unit ?? 1;
      const negative = m[1] !== undefined;
      let value = toWholeDkk(tok.value, factor);
      if (negative) value = -value;
      const start = cell.start;
      const end = cell.start + cell.text.length;
      out.push({
        raw: text.slice(start, end),
        start,
        end,
        value,
        approximate: false,
        negative,
        ambiguous: null,
        qualifier: null,
      });
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Public API

/** Every mention of a sum of money, in text order. `text.slice(start, end) === raw` always. */
export function findAmounts(text: string): AmountMatch[] {
  const inline: AmountMatch[] = findInline(text).map(({ numberStart: _n, factor: _f, ...a }) => a);
  const table = findTableAmounts(text);
  // a "sum" beyond 2^53 DKK is a long digit string (an account or reference number), not money
  const all = [...inline, ...table].filter((a) => Number.isSafeInteger(a.value)).sort((a, b) => a.start - b.start || b.end - a.end);
  const out: AmountMatch[] = [];
  let lastEnd = -1;
  for (const a of all) {
    if (a.start < lastEnd) continue;
    out.push(a);
    lastEnd = a.end;
  }
  return out;
}
