/**
 * placeholder: template text left in the minutes: "[indsæt …]", "<navn>", "TODO", "xx.xx.xxxx",
 * "?? kr.", "kr. XX", and a bare "XX" or "NN" standing for a name or number. "XX" inside a word, roman
 * numerals ("XXI", "XX. århundrede") and "[…]" (an omission in a quote) are not placeholders. Bare
 * "XX"/"NN" are warnings; the others errors.
 */
import type { Finding, Rule } from '../types.js';
import { PLACEHOLDER_IN_SQUARE_BRACKETS, PLACEHOLDER_IN_ANGLE_BRACKETS, PLACEHOLDER_IN_CURLY_BRACKETS, PLACEHOLDER_DATE_IN_WORDS, PLACEHOLDER_AMOUNT, PLACEHOLDER_AMOUNT_AFTER_CURRENCY } from '../../vocabulary/review.js';

interface Pattern {
  re: RegExp;
  what: string;
  severity?: 'warning';
  skip?: (text: string, start: number, end: number) => boolean;
  /** text every match contains: the pattern is not run on a text without it */
  gate?: string;
}

const PATTERNS: Pattern[] = [
  // [indsæt dato], [navn], [XX], [beløb]; not "[…]" or "[...]" or a footnote "[1]".
  { re: PLACEHOLDER_IN_SQUARE_BRACKETS, what: 'en skabelon-markering i skarpe parenteser' },
  // <navn>, <dato>, <indsæt …>; not <https://…> links or <e-mail>.
  { re: PLACEHOLDER_IN_ANGLE_BRACKETS, what: 'en skabelon-markering i vinkelparenteser' },
  { re: PLACEHOLDER_IN_CURLY_BRACKETS, what: 'en skabelon-markering i krøllede parenteser' },
  { re: /(?<![\p{L}\d])(?:TODO|FIXME|TBD)(?![\p{L}\d])/gu, what: 'en huskenote (TODO/TBD)' },
  // Date templates: xx.xx.xxxx, xx-xx-20xx, dd.mm.åååå, den xx. marts.
  { re: /(?<![\p{L}\d])(?:[xX]{1,2}|dd)[.\-/](?:[xX]{1,2}|mm)[.\-/](?:[xX]{2,4}|åååå|aaaa|20[xX]{2}|yyyy)(?![\p{L}\d])/gu, what: 'en dato-skabelon' },
  { re: PLACEHOLDER_DATE_IN_WORDS, what: 'en dato-skabelon' },
  // Amount templates: "?? kr.", "xx kr.", "kr. xx", "x.xxx kr.", "xx mio. kr.".
  { re: PLACEHOLDER_AMOUNT, what: 'et beløb, der ikke er udfyldt' },
  { re: PLACEHOLDER_AMOUNT_AFTER_CURRENCY, what: 'et beløb, der ikke er udfyldt' },
  // "??" standing alone.
  { re: /(?<=^|\s)\?{2,}(?=\s|$|[.,;:)])/gmu, what: 'spørgsmålstegn i stedet for en oplysning', gate: '??' },
  // Bare XX / XXX / NN / N.N. standing for a name or number.
  {
    re: /(?<![\p{L}\d.\-/])(?:X{2,3}|x{2,3}|NN|N\.N\.)(?![\p{L}\d]|\.\s*(?:årh|århundrede))/gu,
    what: 'en pladsholder for et navn eller tal',
    severity: 'warning',
    skip: (text, start, end) => {
      // Roman numerals around it ("kapitel XX" is rare; "XX-XXI" or "Christian XX" are not): an upper-case
      // roman neighbour word, or a following "århundrede".
      const after = text.slice(end, end + 16);
      const before = text.slice(Math.max(0, start - 12), start);
      if (/^\s*(?:[IVXLCDM]+\b|århundrede|årh)/.test(after) && !/^\s*(?:I|V)\s+[a-zæøå]/.test(after)) return true;
      if (/\b[IVXLCDM]{2,}\s*[-–]\s*$/.test(before)) return true;
      return false;
    },
  },
];

export const placeholder: Rule = {
  meta: { id: 'placeholder', type: 'problem', defaultSeverity: 'error', description: 'Referatet må ikke indeholde pladsholdere fra skabelonen (»XX«, »[indsæt …]«, »TODO«, »?? kr.« osv.).' },
  check(ctx, report) {
    const text = ctx.text;
    const taken: [number, number][] = [];
    for (const p of PATTERNS) {
      if (p.gate && !text.includes(p.gate)) continue;
      p.re.lastIndex = 0;
      for (const m of text.matchAll(p.re)) {
        const start = m.index;
        const end = start + m[0].length;
        if (taken.some(([a, b]) => start < b && end > a)) continue;
        if (p.skip?.(text, start, end)) continue;
        taken.push([start, end]);
        report({
          start,
          end,
          severity: p.severity,
          message: `»${m[0].trim()}« ligner ${p.what} fra skabelonen. Udfyld den rigtige oplysning, eller slet teksten før udgivelse.`,
        });
      }
    }

  },
};
