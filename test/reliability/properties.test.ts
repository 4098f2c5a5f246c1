/**
 * Property-based tests of the text stages (fast-check, fixed seed, bounded runs): for arbitrary text —
 * Danish letters, tabs, form feeds, CR/CRLF, NUL, combining marks, emoji, lone surrogates, very long
 * lines — and for minutes-like text from a small grammar, analyze() (with the validation rules) never
 * throws, its output passes the schema, every span lies within the text and every amount and date
 * slices to its `raw`.
 */
import fc from 'fast-check';
import { afterAll, describe, expect, test } from 'vitest';
import { closeReaders, readDocument } from '../../parsers/index.js';
import { Referat, type Span } from '../../schemas/referat.js';
import { sourceOf } from '../../src/convert.js';
import { analyze } from '../../src/pipeline.js';
import type { ParsedText } from '../../parsers/types.js';
import { IngestError } from '../../parsers/types.js';
import { validator } from '../../src/validate/index.js';

const SEED = 20240426;
const RUNS = 300;
const validate = validator();

afterAll(() => closeReaders());

// ---------------------------------------------------------------------------------------------
// arbitraries

const SPECIAL = [
  'æ', 'ø', 'å', 'Æ', 'Ø', 'Å', 'é', '§', '½', '€', '–', '—', '“', '”', '•', '…',
  '\t', '\f', '\r\n', '\r', '\n', '\n\n', '\u0000', '\u0007', '\u001b', '\u007f', '\u0085',
  'e\u0301', 'a\u030a', '\u0301', '\u0308\u0308\u0308', // combining marks, also without a base
  '😀', '👩‍👩‍👧', '🇩🇰', '\ud83d', '\udca9', // emoji, ZWJ sequence, flag, lone surrogates
  '\u00ad', '\u200b', '\u200d', '\u2060', '\ufeff', '\u00a0', '\u202f', '\u3000', 'ﬁ', 'ﬂ', '\u2028', '\u2029', '\ufffd', '\uffff',
  ' ', '.', ',', ':', ';', '-', '(', ')', '/', '%', '*', '#', '0', '1', '9', '12', '2024', 'kr.', 'mio.', 'Punkt', 'Beslutning',
];

/** Arbitrary text: a mix of special characters, any code points, printable ASCII and sometimes a very long line. */
const anyText: fc.Arbitrary<string> = fc
  .array(
    fc.oneof(
      { weight: 4, arbitrary: fc.constantFrom(...SPECIAL) },
      { weight: 3, arbitrary: fc.string({ unit: 'binary', maxLength: 12 }) },
      { weight: 3, arbitrary: fc.string({ unit: 'grapheme-ascii', maxLength: 30 }) },
      { weight: 1, arbitrary: fc.integer({ min: 1000, max: 30_000 }).map((n) => 'Langlinje '.repeat(n / 10)) },
      { weight: 1, arbitrary: fc.integer({ min: 1, max: 400 }).map((n) => '\t\f '.repeat(n)) },
    ),
    { maxLength: 120 },
  )
  .map((parts) => parts.join(''));

const pick = <T>(...xs: T[]) => fc.constantFrom(...xs);
const MONTHS = ['januar', 'februar', 'marts', 'april', 'maj', 'juni', 'juli', 'august', 'september', 'oktober', 'november', 'december'];

const dateText = fc.oneof(
  fc.tuple(fc.integer({ min: 0, max: 35 }), pick(...MONTHS), fc.integer({ min: 1990, max: 2040 })).map(([d, m, y]) => `${d}. ${m} ${y}`),
  fc.tuple(fc.integer({ min: 0, max: 35 }), fc.integer({ min: 0, max: 14 }), fc.integer({ min: 0, max: 2099 })).map(([d, m, y]) => `${d}.${m}.${y}`),
  fc.tuple(fc.integer({ min: 1, max: 31 }), fc.integer({ min: 1, max: 12 })).map(([d, m]) => `${d}/${m}-2024`),
  fc.tuple(fc.integer({ min: 1, max: 28 }), fc.integer({ min: 1, max: 28 }), pick(...MONTHS)).map(([a, b, m]) => `${a}.-${b}. ${m}`),
  pick('2024-03-12', 'den 3. og 4. maj', 'uge 12', 'mandag den 1. februar', 'kl. 16.00-18.00', '29. februar 2023'),
);
const amountText = fc.oneof(
  fc.integer({ min: 0, max: 2_000_000_000 }).map((n) => `${n.toLocaleString('da-DK')} kr.`),
  fc.tuple(fc.integer({ min: 0, max: 999 }), fc.integer({ min: 0, max: 9 })).map(([a, b]) => `kr. ${a},${b} mio.`),
  fc.integer({ min: 0, max: 99 }).map((n) => `${n} mia. kr.`),
  pick('DKK 500', '-200.000 kr', 'ca. 1,5 mio. kr.', '3.000.000,- kr.', '12 t.kr.', '1.000 kr. pr. måned', '0 kr', '99999999999999999999 kr.'),
);
const name = pick('Anna Hansen (A)', 'Bo Jensen (V)', 'Carl Olsen', 'Dorthe Ørsted (Ø)', 'Åse Åberg, formand', 'Hans-Jørgen Kjær (C)');
const title = pick('Godkendelse af dagsorden', 'Budget 2025', 'Orientering fra formanden', 'Eventuelt', 'Lukket punkt: Personalesag', 'Meddelelser');
const itemHeading = fc.oneof(
  fc.tuple(fc.integer({ min: 0, max: 120 }), title).map(([n, t]) => `${n}. ${t}`),
  fc.tuple(fc.integer({ min: 0, max: 120 }), title).map(([n, t]) => `Punkt ${n}: ${t}`),
  fc.tuple(fc.integer({ min: 0, max: 120 }), title).map(([n, t]) => `Pkt. ${n} ${t}`),
  fc.tuple(fc.integer({ min: 0, max: 120 }), title).map(([n, t]) => `${n} - ${t}`),
  fc.tuple(fc.integer({ min: 0, max: 999 }), title).map(([n, t]) => `Sag nr. ${n}\n${t}`),
  fc.tuple(fc.integer({ min: 1, max: 12 }), title, fc.integer({ min: 1, max: 40 })).map(([n, t, p]) => `${n}. ${t} ${'.'.repeat(12)} ${p}`),
);
const line: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: itemHeading },
  { weight: 3, arbitrary: pick('Resumé', 'Sagsfremstilling', 'Indstilling', 'Beslutning', 'Bilag', 'Fraværende', 'Afbud', 'LUKKET PUNKT', 'Indholdsfortegnelse', 'Referat', 'Dagsorden', 'Økonomi', 'Sagen afgøres af') },
  { weight: 2, arbitrary: pick('Godkendt.', 'Taget til efterretning.', 'Udsat.', 'Indstillingen blev godkendt.', 'Forkastet.', 'Drøftet.', 'Sendt tilbage til forvaltningen.') },
  { weight: 2, arbitrary: fc.tuple(pick('Mødedato', 'Dato', 'Tidspunkt', 'Sted', 'Mødested', 'Deltagere', 'Til stede', 'Afbud fra'), fc.oneof(dateText, name, pick('Rådhuset, mødelokale 1', 'Teams'))).map(([l, v]) => `${l}: ${v}`) },
  { weight: 2, arbitrary: fc.array(name, { minLength: 1, maxLength: 6 }).map((ns) => ns.join(', ')) },
  { weight: 3, arbitrary: fc.tuple(pick('Byrådet bevilger', 'Udvalget godkendte', 'Der afsættes', 'Beløbet på', 'Den', 'Fra'), fc.oneof(amountText, dateText), pick('.', ' til projektet.', ' den 12. marts 2024.', '')).map((p) => p.join(' ')) },
  { weight: 2, arbitrary: fc.tuple(name, pick('deltog ikke i behandlingen af punkt 3.', 'var fraværende.', 'mødte for', 'afbud.')).map((p) => p.join(' ')) },
  { weight: 1, arbitrary: anyText.map((s) => s.slice(0, 200)) },
);
const SEPARATORS = ['\n', '\n', '\n', '\n\n', '\r\n', '\f', '\t', '  ', ' \n'];
const joinLines = (ls: [string, string][]) => ls.map(([l, sep]) => l + sep).join('');
/** Lines from the grammar in any order, joined with mostly line breaks, sometimes page breaks or CRLF. */
const lineSoup: fc.Arbitrary<string> = fc.array(fc.tuple(line, fc.constantFrom(...SEPARATORS)), { minLength: 1, maxLength: 80 }).map(joinLines);

const HEADING_STYLES: ((n: number, t: string) => string)[] = [
  (n, t) => `${n}. ${t}`,
  (n, t) => `Punkt ${n}: ${t}`,
  (n, t) => `Pkt. ${n} ${t}`,
  (n, t) => `${n} - ${t}`,
  (n, t) => `Sag nr. ${n}\n${t}`,
  (n, t) => `${n}.\t${t}`,
];
const section = fc.tuple(
  pick('Resumé', 'Sagsfremstilling', 'Indstilling', 'Beslutning', 'Bilag', 'Fraværende', 'Beslutning i Byrådet den 12. marts 2024', 'Økonomi'),
  fc.array(fc.tuple(line, fc.constantFrom(...SEPARATORS)), { maxLength: 6 }).map(joinLines),
);
/** A whole document: header, numbered items in order (one heading style), each with sections; sometimes noise between. */
const minutesDoc: fc.Arbitrary<string> = fc
  .record({
    header: fc.array(fc.tuple(line, fc.constantFrom(...SEPARATORS)), { maxLength: 8 }).map(joinLines),
    first: fc.integer({ min: 0, max: 40 }),
    style: fc.integer({ min: 0, max: HEADING_STYLES.length - 1 }),
    items: fc.array(fc.tuple(title, fc.array(section, { maxLength: 4 }), fc.option(line, { freq: 4 })), { minLength: 1, maxLength: 12 }),
    sep: fc.constantFrom('\n', '\r\n', '\n\n', '\f'),
  })
  .map(({ header, first, style, items, sep }) =>
    [
      header,
      ...items.map(([t, sections, noise], i) =>
        [HEADING_STYLES[style](first + i, t), ...sections.map(([h, body]) => `${h}\n${body}`), noise ?? ''].join(sep),
      ),
    ].join('\n'),
  );
/** Text shaped like minutes: mostly whole documents, sometimes lines in any order. */
const minutesText: fc.Arbitrary<string> = fc.oneof({ weight: 3, arbitrary: minutesDoc }, { weight: 1, arbitrary: lineSoup });

// ---------------------------------------------------------------------------------------------
// checks

const SOURCE = { path: 'property.txt', format: 'txt' as const, sha256: '0'.repeat(64), bytes: 0, pages: null, encoding: 'utf-8', pageInfo: null };

function spansOf(value: unknown, path = '', out: [string, Span][] = []): [string, Span][] {
  if (Array.isArray(value)) value.forEach((v, i) => spansOf(v, `${path}[${i}]`, out));
  else if (value && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    if (typeof o.start === 'number' && typeof o.end === 'number' && 'page' in o) out.push([path, o as unknown as Span]);
    else for (const [k, v] of Object.entries(o)) if (k !== 'text' && k !== 'source') spansOf(v, `${path}.${k}`, out);
  }
  return out;
}

/** Everything the output must satisfy for any input. Throws with the failing path. */
function checkOutput(referat: Referat, pages: number | null): void {
  Referat.parse(referat);
  const { text } = referat;
  for (const [path, s] of spansOf(referat)) {
    if (!(Number.isInteger(s.start) && Number.isInteger(s.end) && 0 <= s.start && s.start <= s.end && s.end <= text.length)) {
      throw new Error(`${path}: span [${s.start}, ${s.end}) outside the text (length ${text.length})`);
    }
    if (pages === null ? s.page !== null : s.page === null || s.page < 1 || s.page > pages) {
      throw new Error(`${path}: page ${s.page} (document has ${pages ?? 'no'} pages)`);
    }
  }
  for (const [i, a] of referat.amounts.entries()) {
    if (text.slice(a.span.start, a.span.end) !== a.raw) throw new Error(`amounts[${i}]: raw ${JSON.stringify(a.raw)} != text ${JSON.stringify(text.slice(a.span.start, a.span.end))}`);
    if (!Number.isSafeInteger(a.value)) throw new Error(`amounts[${i}]: value ${a.value}`);
  }
  for (const [i, d] of referat.dates.entries()) {
    if (text.slice(d.span.start, d.span.end) !== d.raw) throw new Error(`dates[${i}]: raw ${JSON.stringify(d.raw)} != text ${JSON.stringify(text.slice(d.span.start, d.span.end))}`);
    for (const iso of [d.date, d.end]) if (iso !== null && Number.isNaN(Date.parse(iso))) throw new Error(`dates[${i}]: not a date: ${iso}`);
  }
  // the output survives a JSON round trip unchanged (no lone-surrogate or number surprises)
  const json = JSON.stringify(referat);
  expect(JSON.stringify(JSON.parse(json))).toBe(json);
}

function analyzeParsed(parsed: ParsedText): Referat {
  return analyze(parsed, { ...SOURCE, format: parsed.format, pages: parsed.pageStarts ? parsed.pageStarts.length : null }, { validate }).referat;
}

const plain = (text: string): ParsedText => ({ format: 'txt', text, pageStarts: null, headingStarts: [], encoding: 'utf-8', diagnostics: [] });

/** As a PDF reader would hand it over: pages starting at chosen line starts, some lines marked as headings. */
function paged(text: string, cuts: number[], headings: number[]): ParsedText {
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') lineStarts.push(i + 1);
  const pick = (ks: number[]) => [...new Set(ks.map((k) => lineStarts[k % lineStarts.length]))].sort((a, b) => a - b);
  const pageStarts = [...new Set([0, ...pick(cuts)])].sort((a, b) => a - b);
  return { format: 'pdf', text, pageStarts, headingStarts: pick(headings), encoding: null, diagnostics: [] };
}

const params = (offset: number) => ({ seed: SEED + offset, numRuns: RUNS, endOnFailure: true });

describe('analyze() on arbitrary text', () => {
  test('never throws; valid output; spans within the text; amounts and dates slice to raw', () => {
    fc.assert(
      fc.property(anyText, (s) => checkOutput(analyzeParsed(plain(s)), null)),
      params(1),
    );
  });

  test('minutes-like text from a grammar (deep paths: items, sections, decisions, amounts, dates)', () => {
    let items = 0;
    let amounts = 0;
    let dates = 0;
    let decisions = 0;
    let sections = 0;
    fc.assert(
      fc.property(minutesText, (s) => {
        const r = analyzeParsed(plain(s));
        checkOutput(r, null);
        items += r.items.length;
        amounts += r.amounts.length;
        dates += r.dates.length;
        decisions += r.items.filter((i) => i.decision).length;
        sections += r.items.reduce((n, i) => n + i.sections.filter((x) => x.type !== 'other').length, 0);
      }),
      params(2),
    );
    console.log(`reliability: the grammar reached ${items} items, ${sections} typed sections, ${decisions} decisions, ${amounts} amounts, ${dates} dates in ${RUNS} documents`);
    // the grammar does reach the deep paths
    expect(items).toBeGreaterThan(RUNS);
    expect(amounts).toBeGreaterThan(RUNS);
    expect(dates).toBeGreaterThan(RUNS);
    expect(sections).toBeGreaterThan(RUNS);
    expect(decisions).toBeGreaterThan(RUNS / 3);
  });

  test('paged text with heading hints (as from a PDF or DOCX): pages of every span are within the document', () => {
    fc.assert(
      fc.property(
        fc.oneof(minutesText, anyText),
        fc.array(fc.nat(), { maxLength: 12 }),
        fc.array(fc.nat(), { maxLength: 12 }),
        (s, cuts, headings) => {
          const parsed = paged(s, cuts, headings);
          checkOutput(analyzeParsed(parsed), parsed.pageStarts!.length);
        },
      ),
      params(3),
    );
  });

  test('through the text reader: bytes in UTF-8, UTF-16 or Windows-1252 give a result or an IngestError, nothing else', async () => {
    const encodings = ['utf8', 'utf16le-bom', 'latin1'] as const;
    await fc.assert(
      fc.asyncProperty(fc.oneof(minutesText, anyText), fc.constantFrom(...encodings), async (s, enc) => {
        const bytes =
          enc === 'utf16le-bom' ? Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(s, 'utf16le')]) : Buffer.from(s, enc === 'utf8' ? 'utf8' : 'latin1');
        let parsed: ParsedText;
        try {
          parsed = await readDocument(bytes, { path: 'property.txt' });
        } catch (e) {
          if (e instanceof IngestError && !/[\n\r]/.test(e.reason)) return;
          throw e;
        }
        const r = analyze(parsed, sourceOf('property.txt', bytes, parsed), { validate }).referat;
        checkOutput(r, parsed.pageStarts ? parsed.pageStarts.length : null);
      }),
      params(4),
    );
  });
});
