/** Layout words the readers know: item markers, abbreviations that end in a dot, page markers. */

export const PUNKT = /^(?:punkt|pkt\.?|sag)\s*\d+/i;

/** "20. januar 2023" at the start of a line is a date, not list item 20 */
export const DATE_START = /^\d{1,2}\.\s+(?:jan(?:uar)?|feb(?:ruar)?|mar(?:ts)?|apr(?:il)?|maj|jun[i]?|jul[i]?|aug(?:ust)?|sep(?:t(?:ember)?)?|okt(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b/i;

/** Abbreviations that end with a period but (almost) never end a sentence. */
export const ABBREVIATION_END =
  /(?:^|[\s(])(?:d|v|kl|nr|jf|jvf|pkt|ca|bl\.a|f\.eks|fx|vedr|ift|ifm|pga|dvs|inkl|ekskl|stk|tlf|evt|mht|iht|hhv|sml|iflg|ang|att)\.$/i;

/** A line that is only a page number: "Side 2 af 5", "Side 2/5", "Side 2", "- 2 -". */
export const PAGE_MARKER = /^[ \t]*(?:(?:side|page)[ \t]+(\d{1,4})(?:[ \t]*(?:af|of|\/)[ \t]*\d{1,4})?|[-–][ \t]*(\d{1,4})[ \t]*[-–])[ \t]*$/gim;

/** A page label standing before an item's heading on one line ("Side 1 1. KB - Spørgetid"). */
export const PAGE_LABEL_BEFORE_HEADING = /^(?:side|page)[ \t]+\d{1,4}(?:[ \t]*(?:af|of|\/)[ \t]*\d{1,4})?[ \t]+(?=\d{1,4}\.?[ \t]+\S)/i;

/**
 * The line that opens a document viewer's transcript of a PDF (docplayer.dk and the like): every page
 * after it is one line, led by its page number ("3 1. Godkendelse af dagsorden Dok.nr.: …").
 */
export const TRANSCRIPT_MARKER = /^(?:transkript|transcript|tekstudskrift)\s*:?$/i;

/** The page number a transcript page ends with ("… Afbud: Ingen Side 2"): the page's footer. */
export const TRANSCRIPT_PAGE_FOOTER = /[ \t]+(?:side|page)[ \t]+\d{1,4}(?:[ \t]*(?:af|of|\/)[ \t]*\d{1,4})?[ \t]*$/i;
