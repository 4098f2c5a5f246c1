/**
 * Word lists for date and time recognition: month names (Danish full forms and abbreviations,
 * English full forms and abbreviations) and weekday names (Danish and English).
 * All keys are lower case; matching is case-insensitive.
 */

export interface MonthWord {
  /** 1..12 */
  month: number;
  /** true for a shortened form ("okt", "sept", "jan"); such a form only counts with a
   *  following "." or a following year, so that "2. Jan Hansen" is not a date. */
  abbreviation: boolean;
}

const month = (m: number, abbreviation = false): MonthWord => ({ month: m, abbreviation });

export const MONTHS: Readonly<Record<string, MonthWord>> = {
  // Danish, full
  januar: month(1),
  februar: month(2),
  marts: month(3),
  april: month(4),
  maj: month(5),
  juni: month(6),
  juli: month(7),
  august: month(8),
  september: month(9),
  oktober: month(10),
  november: month(11),
  december: month(12),
  // English, full (april, august, september, november, december are shared with Danish)
  january: month(1),
  february: month(2),
  march: month(3),
  may: month(5),
  june: month(6),
  july: month(7),
  october: month(10),
  // abbreviations (Danish and English)
  jan: month(1, true),
  feb: month(2, true),
  febr: month(2, true),
  mar: month(3, true),
  mrt: month(3, true),
  apr: month(4, true),
  jun: month(6, true),
  jul: month(7, true),
  aug: month(8, true),
  sep: month(9, true),
  sept: month(9, true),
  okt: month(10, true),
  oct: month(10, true),
  nov: month(11, true),
  dec: month(12, true),
};

/** Weekday names; value is the JavaScript weekday (0 = Sunday .. 6 = Saturday). */
export const WEEKDAYS: Readonly<Record<string, number>> = {
  søndag: 0,
  mandag: 1,
  tirsdag: 2,
  onsdag: 3,
  torsdag: 4,
  fredag: 5,
  lørdag: 6,
  // Danish abbreviations (used with a dot)
  søn: 0,
  man: 1,
  tirs: 2,
  tir: 2,
  ons: 3,
  tors: 4,
  tor: 4,
  fre: 5,
  lør: 6,
  // English
  sunday: 0,
  monday: 1,
  tuesday: 2,
  wednesday: 3,
  thursday: 4,
  friday: 5,
  saturday: 6,
};

/** Weekday abbreviations only count when followed by "." (so that "man" the pronoun is not a weekday). */
export const WEEKDAY_ABBREVIATIONS: ReadonlySet<string> = new Set(['søn', 'man', 'tirs', 'tir', 'ons', 'tors', 'tor', 'fre', 'lør']);

/** Words that, written right before a 6-digit DDMMYY token, make it a date ("Godkendt af byrådet 300409"). */
export const COMPACT_DATE_CUES: readonly string[] = [
  'godkendt',
  'vedtaget',
  'dateret',
  'opdateret',
  'revideret',
  'underskrevet',
  'påført',
  'version',
  'udgave',
];

/** Labels that make a following number an identifier, never a date ("Sagsnr. 120324", "Brevid: 4418203"). */
export const IDENTIFIER_LABELS: readonly string[] = [
  'sagsnr',
  'sagnr',
  'sag',
  'sagsnummer',
  'sagsid',
  'dok',
  'doknr',
  'dok.nr',
  'brevid',
  'j.nr',
  'jnr',
  'nr',
  'projekt',
  'id',
  'tlf',
  'telefon',
  'mobil',
  'cvr',
  'cpr',
  'ean',
  'konto',
  'emn',
];

/** Words before a time of day ("kl. 13:00", "fra 12.30"), used to accept dotted times. */
export const TIME_CUES: readonly string[] = ['kl', 'klokken', 'fra', 'til', 'indtil', 'senest', 'ca', 'omkring', 'mellem'];

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Alternation of keys, longest first, for building regular expressions. */
export function alternation(words: Iterable<string>): string {
  return [...words]
    .sort((a, b) => b.length - a.length)
    .map(escape)
    .join('|');
}

/** a clock time led by its cue: "kl. 13", "klokken 9.30" */
export const TIME_CUE_START = /^(?:kl|klokken)\.?\s*\d{1,2}(?:[.:]\d{2})?(?::\d{2})?/iu;

/**
 * An agenda's time slot for an item, "18.05 - 18.15" or "kl. 9:00-9:30", where a table lays out
 * number, time and title: the item's own text after it is the record of what happened.
 */
const TIME_SLOT = String.raw`(?:kl\.?\s*)?\d{1,2}[.:]\d{2}\s*[-–]\s*\d{1,2}[.:]\d{2}`;
export const TIME_SLOT_LEAD = new RegExp(String.raw`^${TIME_SLOT}(?![\d.:])\s*`, 'i');

/** The time slot as the last line of an item's text: what stands before it is the agenda's description. */
export const TIME_SLOT_LAST_LINE = new RegExp(String.raw`(?:^|\n)[ \t]*${TIME_SLOT}[ \t]*$`, 'i');

/** A line that is only an item's time slot ("Kl.19.45-19.55", "20.10- 20.20"). */
export const TIME_SLOT_LINE = new RegExp(String.raw`^[ \t]*${TIME_SLOT}[ \t]*$`, 'im');

/** What may stand between two year-less dates of one list: separators, a weekday, "den"/"d.". */
export const DATE_LIST_GAP = /^[\s,;&–-]*(?:og\s*)?(?:(?:mandag|tirsdag|onsdag|torsdag|fredag|lørdag|søndag)\s*)?(?:den|d\.)?\s*$/i;
