/**
 * The words of money in Danish minutes, as data: currency words, scale words (mio., mia., t.kr. ...),
 * approximation and bound words, the words that make a context "about money", and the words that
 * make a number something else (people, hours, tons ...). amounts.ts builds its patterns from these.
 * All forms are matched case-insensitively.
 */

/** Currency words, written after ("700.000 kr.") or before ("kr. 900.000", "DKK 1.000.000") the number. */
export const CURRENCY_FORMS: readonly string[] = ['kroner', 'krone', 'kr.', 'kr', 'dkr.', 'dkr', 'dkk'];

export interface ScaleUnit {
  /** written forms, e.g. "mio." */
  forms: readonly string[];
  /** multiplier to whole DKK */
  factor: number;
  /** the form already names the currency ("t.kr.", "tkr."), so no "kr." is needed */
  includesCurrency: boolean;
}

/** Scale words written after the number ("3,9 mio. kr.", "450 t.kr.", "1,2 mia. kr."). */
export const SCALE_UNITS: readonly ScaleUnit[] = [
  { forms: ['t.kr.', 't.kr', 't. kr.', 't. kr', 'tkr.', 'tkr', 'tdkk', 't.dkk'], factor: 1_000, includesCurrency: true },
  { forms: ['tusinde kroner', 'tusind kroner', 'tusinde kr.', 'tusind kr.', 'tusinde kr', 'tusind kr'], factor: 1_000, includesCurrency: true },
  { forms: ['millioner', 'million', 'mill.', 'mio.', 'mio'], factor: 1_000_000, includesCurrency: false },
  { forms: ['milliarder', 'milliard', 'mia.', 'mia', 'mrd.', 'mrd'], factor: 1_000_000_000, includesCurrency: false },
];

export interface Qualifier {
  form: string;
  /** true: an estimate ("ca."); false: a bound that is not an estimate ("op til") */
  approximate: boolean;
}

/**
 * Words in front of an amount. approximate=true marks the amount as approximate. Bounds are recorded
 * as the qualifier but do not make the amount approximate.
 */
export const QUALIFIERS: readonly Qualifier[] = [
  { form: 'ca.', approximate: true },
  { form: 'ca', approximate: true },
  { form: 'cirka', approximate: true },
  { form: 'circa', approximate: true },
  { form: 'omkring', approximate: true },
  { form: 'godt', approximate: true },
  { form: 'knap', approximate: true },
  { form: 'knapt', approximate: true },
  { form: 'under', approximate: true },
  { form: 'op mod', approximate: true },
  { form: 'næsten', approximate: true },
  { form: 'omtrent', approximate: true },
  { form: 'anslået', approximate: true },
  { form: 'anslåede', approximate: true },
  { form: 'skønnet', approximate: true },
  { form: 'skønsmæssigt', approximate: true },
  { form: 'små', approximate: true },
  { form: 'op til', approximate: false },
  { form: 'højst', approximate: false },
  { form: 'maksimalt', approximate: false },
  { form: 'maks.', approximate: false },
  { form: 'max.', approximate: false },
  { form: 'mindst', approximate: false },
  { form: 'minimum', approximate: false },
  { form: 'min.', approximate: false },
  { form: 'over', approximate: false },
  { form: 'mere end', approximate: false },
  { form: 'mindre end', approximate: false },
];

/** Words before the number that make it negative ("netto -3.751.000 kr." uses a sign instead). */
export const NEGATIVE_WORDS: readonly string[] = ['minus'];

/**
 * Money context: a scale word without a currency ("1.5 mio.", "cirka 4,4 mio.") and a table of bare
 * numbers count as money only near one of these. Each entry is a regular-expression source matched
 * case-insensitively anywhere in a word, so compounds count ("klyngemidler", "anlægsbevilling");
 * the currency words themselves (CURRENCY_FORMS) also count, with word boundaries.
 */
export const MONEY_CONTEXT_STEMS: readonly string[] = [
  'budget',
  'bevill',
  'bevilg',
  'midler',
  'midlerne',
  'udgift',
  'afsat',
  'afsæt',
  'finansi',
  'tilskud',
  'beløb',
  'pulje',
  '(?<!g)ramme', // not "programmet"
  'økonomi',
  'omkostning',
  'pris',
  'takst',
  'betal',
  'indtægt',
  'regnskab',
  'forbrug',
  'investering',
  'anlæg',
  'øremærk',
  'lønsum',
  'kontraktsum',
  'købesum',
  'overskud',
  'underskud',
  'kassebeholdning',
  'likviditet',
  'bloktilskud',
];

/** A scale word followed by one of these is not money ("1,2 mio. indbyggere", "3 mio. tons"). */
export const NON_MONEY_NOUNS: readonly string[] = [
  'indbyggere',
  'borgere',
  'personer',
  'mennesker',
  'danskere',
  'patienter',
  'brugere',
  'kunder',
  'besøg',
  'besøgende',
  'kontakter',
  'henvendelser',
  'indlæggelser',
  'ydelser',
  'recepter',
  'doser',
  'vaccinationer',
  'timer',
  'minutter',
  'dage',
  'år',
  'ton',
  'tons',
  'tonnes',
  'liter',
  'kwh',
  'mwh',
  'km',
  'kilometer',
  'm2',
  'm3',
  'kvadratmeter',
  'stk',
  'stk.',
  'sider',
  'visninger',
  'downloads',
  'elever',
  'ansatte',
  'medarbejdere',
];

/** Table header words that make a table of numbers something other than money. */
export const NON_MONEY_TABLE_WORDS: readonly string[] = [
  'antal',
  'personer',
  'borgere',
  'patienter',
  'timer',
  'procent',
  'pct',
  '%',
  'pladser',
  'm2',
  'ton',
  'co2',
  'stk',
  'årsværk',
  'fte',
  'elever',
  'indbyggere',
];

/** Row labels of a total row ("I alt", "Total"); such a row is evidence of a sum table. */
export const TOTAL_ROW_LABELS: readonly string[] = ['i alt', 'total', 'totalt', 'samlet', 'sum', 'subtotal', 'heraf'];

/**
 * Number tokens, longest writing first: dotted thousands (with decimals), English thousands,
 * space thousands, decimal comma, decimal point, integer.
 */
// Not glued to a word, a number or a date; but "ca.75.000 kr." (the abbreviation's dot glued to it) is an amount.
export const NUMBER =
  /(?<![\p{L}\d,/])(?<!(?<!(?<![\p{L}])(?:ca|kr))\.)(?:\d{1,3}(?:\.\d{3})+(?:,\d+)?(?!\d)|\d{1,3}(?:,\d{3}){2,}(?![\d,])|\d{1,3}(?:[ \u00A0]\d{3})+(?:,\d+)?(?!\d)|\d*½|\d+,\d+|\d+\.\d{1,2}(?![\d.])|\d+)/gu;

/** a dot before a scale word ("1.5 mio"): a decimal written English style */
export const DOT_DECIMAL_WITH_SCALE = /\d\.\s*(mio|mia|mill|t\.?\s*kr|tusind)/i;

/** a unit after a number that makes it money or a share, not a phone number */
export const MONEY_OR_PERCENT_AFTER = /^\s*(kr|dkk|mio|mia|%|pct)/i;

export const NUMBER_CELL = /^([-−÷]\s*)?\(?(\d{1,3}(?:[. \u00a0]\d{3})+|\d+)(,\d+)?\)?\s*(kr\.?|%|pct\.?|mio\.?|mia\.?|t\.?\s*kr\.?)?$/i;

/** the unit at the end of a table cell */
export const CELL_UNIT_SUFFIX = /\s*(kr\.?|%|pct\.?|mio\.?|mia\.?|t\.?\s*kr\.?)$/i;

/** The label of a table's total row ("I alt", "Total", "Samlet"), for the table-total rule. */
export const TOTAL_LABEL = /^(i\s*alt|total[t]?|samlet|samlede|sum|hovedtotal|totalt)\b/i;
/** The label of a breakdown row under a total ("heraf", "herunder"): not a row the total sums. */
export const BREAKDOWN_LABEL = /^(heraf|deraf|herunder|hvoraf|-\s*heraf)\b/i;

/**
 * Words that make a sentence grant or approve a sum (decided-amounts.ts): an amount in such a sentence
 * of an approved decision (or of the recommendation it approves) is what the item decides. Stems,
 * matched at a word start: "bevilg" covers bevilger, bevilges, bevilget, bevilling; compounds such as
 * "anlægsbevilling" and "tillægsbevilling" are listed whole.
 */
export const GRANT_CUE_STEMS: readonly string[] = [
  'bevilg',
  'bevilling',
  'anlægsbevilling',
  'tillægsbevilling',
  'driftsbevilling',
  'rådighedsbeløb',
  'godkend',
  'afsæt',
  'afsat',
  'frigiv',
  'udmønt',
  'tildel',
  'imødekomm',
  'giver tilsagn',
  'gives tilsagn',
];

/** Words after which an amount is a part or a share of the decided sum, not a sum of its own ("heraf 75.000 kr. i 2023"). */
export const BREAKDOWN_WORDS: readonly string[] = ['heraf', 'hvoraf', 'fordelt på', 'fordelt med', 'fordelt som', 'svarende til', 'fordelingen', 'til sammen', 'ud af'];

/** Words that deny the grant in the same sentence ("bevilges ikke", "godkendes ikke"). */
export const GRANT_DENIAL_WORDS: readonly string[] = ['ikke', 'afslås', 'afslag', 'afvises'];
