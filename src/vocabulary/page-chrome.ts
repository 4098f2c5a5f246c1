/**
 * Page chrome of agenda web pages and exports: the buttons, links and breadcrumbs that a reader drops
 * or strips from a line (parsers/ui-text.ts applies them). A line that is only navigation is not text.
 */
export type UiRuleMode =
  /** the whole line is UI text: drop it */
  | 'line'
  /** the line starts with UI text that was glued onto real content: strip it, keep the rest */
  | 'prefix'
  /** the line ends with UI text: strip it, keep the rest */
  | 'suffix'
  /** the line is breadcrumb residue starting with this text: drop the whole line */
  | 'drop-if-prefix';

export interface UiRule {
  mode: UiRuleMode;
  /** a literal phrase (matched case-insensitively on word boundaries) or a pattern */
  text: string | RegExp;
  /** for 'suffix': apply only to lines of at most this many words (before stripping) */
  maxWords?: number;
}

export const UI_TEXT: readonly UiRule[] = [
  { mode: 'prefix', text: 'fold dette punkt ind' },
  { mode: 'prefix', text: 'fold dette punkt ud' },
  { mode: 'prefix', text: 'Luk alle punkter' },
  { mode: 'prefix', text: 'Fold alle ud' },
  { mode: 'prefix', text: 'Fold alle punkter ud' },
  { mode: 'prefix', text: 'Åbn alle punkter' },
  { mode: 'line', text: 'Til toppen' },
  { mode: 'line', text: 'Til toppen af siden' },
  { mode: 'line', text: 'Tilbage til toppen' },
  { mode: 'line', text: 'Udskriv' },
  { mode: 'line', text: 'Print' },
  { mode: 'line', text: 'Se alle bilag' },
  { mode: 'line', text: 'Skjul alle bilag' },
  { mode: 'line', text: 'Gå til indhold' },
  { mode: 'line', text: 'Gå til hovedindhold' },
  { mode: 'line', text: 'Spring til indhold' },
  { mode: 'line', text: 'Skip to content' },
  { mode: 'line', text: 'Skip to main content' },
  // A document viewer's frame around a PDF transcript (docplayer.dk, yumpu): size, start page, download buttons.
  { mode: 'line', text: 'Størrelse: px' },
  { mode: 'line', text: 'Starte visningen fra side:' },
  { mode: 'line', text: 'Save this PDF as:' },
  { mode: 'line', text: /^(?:WORD|PNG|TXT|JPG|PDF)(?:\s+(?:WORD|PNG|TXT|JPG|PDF))+$/ },
  // The download button repeats the document's title, often with the digits the transcript lost: kept, without the button's word.
  { mode: 'prefix', text: /^Download\s+(?=["“].*["”]$)/ },
  { mode: 'drop-if-prefix', text: 'You are here' },
  { mode: 'drop-if-prefix', text: 'Du er her' },
  { mode: 'suffix', text: /\s*Klik her for at folde (?:ud|ind)(?: og læse mere(?: om\b.*)?)?$/i },
  { mode: 'suffix', text: /\s+Ikon$/, maxWords: 4 },
];
