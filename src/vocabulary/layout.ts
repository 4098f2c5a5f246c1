/** Layout words the readers know: item markers, abbreviations that end in a dot, page markers. */

export const PUNKT = /^(?:punkt|pkt\.?|sag)\s*\d+/i;

/** "20. januar 2023" at the start of a line is a date, not list item 20 */
export const DATE_START = /^\d{1,2}\.\s+(?:jan(?:uar)?|feb(?:ruar)?|mar(?:ts)?|apr(?:il)?|maj|jun[i]?|jul[i]?|aug(?:ust)?|sep(?:t(?:ember)?)?|okt(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b/i;

/** Abbreviations that end with a period but (almost) never end a sentence. */
export const ABBREVIATION_END =
  /(?:^|[\s(])(?:d|kl|nr|jf|jvf|pkt|ca|bl\.a|f\.eks|fx|vedr|ift|ifm|pga|dvs|inkl|ekskl|stk|tlf|evt|mht|iht|hhv|sml|iflg|ang|att)\.$/i;

/** A line that is only a page number: "Side 2 af 5", "Side 2/5", "Side 2", "- 2 -". */
export const PAGE_MARKER = /^[ \t]*(?:(?:side|page)[ \t]+(\d{1,4})(?:[ \t]*(?:af|of|\/)[ \t]*\d{1,4})?|[-–][ \t]*(\d{1,4})[ \t]*[-–])[ \t]*$/gim;
