/**
 * Recognising an agenda item's heading line: "Punkt 3: Title", "Pkt. 14 Title", "3. Title", "3.Title",
 * "3 - Title", "3 – Title", with optional kind prefix and UI residue. One job: parse a line.
 */
import type { ItemKind } from '../../schemas/referat.js';
import { EMPTIED_PARENTHESES_END, KIND_PREFIXES, KIND_WORD_STEMS, LEADING_NUMBER_DECORATION, STATUS_WORD_STEMS } from '../vocabulary/structure.js';
import { GLUED_HEADING, GLUED_ITEM_ALLOTMENT, ITEM_HEADING_PATTERNS as PATTERNS, TIME_ALLOTMENT, type HeadingFamily } from '../vocabulary/structure.js';
export type { HeadingFamily };


export interface ParsedItemHeading {
  family: HeadingFamily;
  number: number;
  /** Title after the number, cleaned; may be empty ("Pkt. 14" with the title on the next line). */
  title: string;
  /** Offset of the title within the line text. */
  titleOffset: number;
  kind: ItemKind | null;
  /** A section heading word glued to the end of the title ("...formandenReferat"). */
  gluedHeading: string | null;
  /** Open or closed, where a marker before the number says so ("(C) Lukket punkt: 15. …"). */
  closed?: boolean;
}

const BULLET = /^([•·▪‣◦*]\s*)/;

export function parseItemHeading(lineText: string): ParsedItemHeading | null {
  let text = lineText;
  let offset = 0;
  const bullet = BULLET.exec(text);
  if (bullet) {
    text = text.slice(bullet[0].length);
    offset += bullet[0].length;
  }
  // "(A) Beslutning - 14. Budget": what stands before the number marks the item, it is not its title.
  const decoration = LEADING_NUMBER_DECORATION.exec(text);
  let leadKind: ItemKind | null = null;
  let leadClosed: boolean | null = null;
  if (decoration && decoration[0].length) {
    const word = decoration[1] ?? '';
    leadKind = KIND_WORD_STEMS.find((k) => k.stem.test(word))?.kind ?? null;
    leadClosed = STATUS_WORD_STEMS.find((k) => k.stem.test(word))?.closed ?? null;
    text = text.slice(decoration[0].length);
    offset += decoration[0].length;
  }
  const glued = gluedAllotment(text);
  for (const { family, re } of PATTERNS) {
    const m = glued ?? re.exec(text);
    if (!m) continue;
    if (bullet && family !== 'punkt') return null;
    const number = Number(m[1]);
    // "3." alone is the bare family too: the title stands on the next line.
    if (family === 'dot' && m[0].length === text.length) return { family: 'bare', number, title: '', titleOffset: offset + m[0].length, kind: null, gluedHeading: null };
    let titleOffset = offset + m[0].length;
    let title = lineText.slice(titleOffset);
    const allotment = family === 'punkt' || family === 'dot' || family === 'dash' ? TIME_ALLOTMENT.exec(title) : null;
    if (allotment && title.length > allotment[0].length) {
      title = title.slice(allotment[0].length);
      titleOffset += allotment[0].length;
    }
    let kind: ItemKind | null = null;
    for (const prefix of KIND_PREFIXES) {
      const k = prefix.pattern.exec(title);
      if (k) {
        kind = prefix.kind;
        title = title.slice(k[0].length);
        titleOffset += k[0].length;
        break;
      }
    }
    let gluedHeading: string | null = null;
    const gluedWord = GLUED_HEADING.exec(title);
    if (gluedWord && title.length > gluedWord[0].length + 3) {
      gluedHeading = gluedWord[1];
      title = title.slice(0, gluedWord.index);
    }
    return { family, number, title: cleanTitle(title), titleOffset, kind: kind ?? leadKind, gluedHeading, ...(leadClosed != null ? { closed: leadClosed } : {}) };
  }
  return null;
}

/**
 * "Punkt 15minGodkendelse …": the digits are the number and the minutes run together. The number is
 * the shortest prefix that leaves a plausible allotment (5 to 90 minutes in steps of five).
 */
function gluedAllotment(text: string): RegExpExecArray | null {
  const m = GLUED_ITEM_ALLOTMENT.exec(text);
  if (!m) return null;
  const digits = m[1];
  for (let k = 1; k < digits.length; k++) {
    const minutes = digits.slice(k);
    if (minutes.startsWith('0') || Number(minutes) % 5 !== 0 || Number(minutes) < 5 || Number(minutes) > 90) continue;
    const parsed = [m[0]] as unknown as RegExpExecArray;
    parsed[1] = digits.slice(0, k);
    parsed.index = 0;
    return parsed;
  }
  return null;
}

/** Strip what is not part of a title: TOC leaders and page numbers, an empty "( )" suffix. */
export function cleanTitle(title: string): string {
  return title
    .replace(/\s*\.{3,}\s*\d*\s*$/, '')
    .replace(/\t+\s*\d{1,4}\s*$/, '')
    .replace(/\s{3,}\d{1,4}\s*$/, '')
    .replace(EMPTIED_PARENTHESES_END, '')
    .replace(/\s+/g, ' ')
    .trim();
}
