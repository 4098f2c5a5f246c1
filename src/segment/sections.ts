/**
 * An item's sub-sections, mapped to canonical types (resume, sagsfremstilling, indstilling, beslutning,
 * bilag, absent, other) from the heading vocabulary. A line-by-line state machine: headings open
 * sections, sub-headings stay inside running case text, inline "Fraværende: ..." lines make a one-line
 * absent section after which the interrupted section continues.
 */
import { TIME_SLOT_LINE } from '../vocabulary/calendar.js';
import type { SectionType } from '../../schemas/referat.js';
import type { Line } from './lines.js';
import { headingTypeFromWords, type InferredHeading } from './evidence.js';
import {
  BARE_CASE_NUMBER,
  BARE_DECISION_HEADING,
  END_OF_MINUTES_LINE,
  CASE_NUMBER_LINE,
  INLINE_ABSENT_LABEL,
  ITEM_SEPARATOR_LINE,
  ITEM_META_LABEL,
  ITEM_STATUS_LINE,
  PARTICIPANT_LABELS,
  RECOMMENDATION_LEAD_IN,
  SECTION_HEADINGS,
  PROGRAMME_BREAK_LINE,
  AGENDA_BREAK_LINE,
  RULE_LINE,
} from '../vocabulary/structure.js';
import { INLINE_HEADING, GLUED_DECISION, CASE_NUMBER_OPEN_LINE, AGENDA_PART_LINE, CROSS_REFERENCE_LINE, SENTENCE_START_WORD, ABSENCE_LABEL_WORD } from '../vocabulary/structure.js';

export interface SectionNode {
  type: SectionType;
  heading: string | null;
  /** Offsets of the heading (null for unheaded or continued sections). */
  headingStart: number | null;
  /** Whole section, heading included. */
  start: number;
  end: number;
  /** Body only. */
  bodyStart: number;
  bodyEnd: number;
  /** True for the part of a section that resumes after an inline absence line. */
  continued: boolean;
  /** The block retells the case's earlier treatment ("Sagens forløb"): its decisions, absences and
   * dates are earlier meetings', not this one's. */
  history?: boolean;
  /** Text after a line that ends the record (a rule, "Mødet sluttede kl. 20.45", the page's links):
   * notes on the meeting, not the item's record. */
  trailing?: boolean;
}

export interface HeadingMatch {
  type: SectionType;
  role: 'main' | 'sub' | 'lead-in';
  /** Length of the heading part of the line (the rest, if any, is body text on the same line). */
  headingLength: number;
  afterDecision?: boolean;
}

const MAX_HEADING_LENGTH = 180;
const FILE_EXTENSION = /\.(pdf|docx?|xlsx?|pptx?|odt|rtf)$/i;
/**
 * A line that is only a file name: "Kvalitetsstandard_2024.pdf" (up to 201 characters before the
 * extension, not starting with a space). Looked at from the end: run on every line of every item, a
 * pattern from the start would try each position of the line for the extension.
 */
export function isAttachmentFile(line: string): boolean {
  const ext = FILE_EXTENSION.exec(line.slice(-5));
  if (!ext) return false;
  const name = line.slice(0, line.length - ext[0].length);
  return name.length >= 1 && name.length <= 201 && !/\s/.test(name[0]) && !/[\n\r\u2028\u2029]/.test(name);
}

export function classifyHeading(text: string): HeadingMatch | null {
  if (!text || text.length > MAX_HEADING_LENGTH) return null;
  for (const rule of SECTION_HEADINGS) {
    const m = rule.pattern.exec(text);
    if (!m) continue;
    if (!rule.prefix) return { type: rule.type, role: rule.role ?? 'main', headingLength: text.length, afterDecision: rule.afterDecision };
    const rest = text.slice(m[0].length);
    // A prefix heading must end at a word boundary; what follows is inline section text.
    if (rest && !/^[\s:,.]/.test(rest) && !/[\s:]$/.test(m[0])) continue;
    return { type: rule.type, role: rule.role ?? 'main', headingLength: rest.trim() ? m[0].length : text.length };
  }
  const inline = INLINE_HEADING.exec(text) ?? GLUED_DECISION.exec(text);
  if (inline) {
    const word = inline[1] ?? inline[0];
    const rule = SECTION_HEADINGS.find((r) => r.pattern.test(word));
    if (rule) return { type: rule.type, role: 'main', headingLength: inline[0].length };
  }
  return null;
}

export function isSectionHeadingLine(text: string): boolean {
  const h = classifyHeading(text);
  return !!h && h.headingLength === text.length && h.role === 'main';
}

/** Lines that carry item metadata, not content: case numbers, "Åbent", "Sagsforløb: KB", "Initialer: BJK". */
export function isMetadataLine(text: string): boolean {
  return (
    CASE_NUMBER_LINE.test(text) ||
    BARE_CASE_NUMBER.test(text) ||
    ITEM_STATUS_LINE.test(text) ||
    ITEM_SEPARATOR_LINE.test(text) ||
    /^(initialer|sagsforløb|sagsbehandler|ansvarlig|forvaltning|kle|j\.\s?nr)\.?\s*:/i.test(text) ||
    /\bbrevid\s*:?\s*\d+$/i.test(text) ||
    CASE_NUMBER_OPEN_LINE.test(text) ||
    ITEM_META_LABEL.test(text) ||
    // Group headers of an agenda ("A. Sager til afgørelse i byrådet").
    AGENDA_PART_LINE.test(text) ||
    // An earlier treatment of the case ("Kommunalbestyrelsen den 30. januar 2012 Punkt 5").
    CROSS_REFERENCE_LINE.test(text)
  );
}

const NAME_START = /^(?:[-•·*–]|\d{1,2}[.)])?\s*[A-ZÆØÅ][\wæøåéüö'’.\-]+(\s+(von|van|de|la|af)?\s*[A-ZÆØÅ][\wæøåéüö'’.\-]+)+/;
/** Whether a line inside an absence section is names (or "Ingen"), not decision prose that follows it. */
export function looksLikeNameLine(text: string): boolean {
  if (/^[-•·*]?\s*ingen\.?$/i.test(text)) return true;
  return NAME_START.test(text) && text.length < 240 && !SENTENCE_START_WORD.test(text);
}

/**
 * `opening` is a section opened by a heading glued to the item title ("1. Meddelelse fra formandenReferat"):
 * the text under the title belongs to it.
 */
export function segmentSections(
  lines: Line[],
  from: number,
  to: number,
  opening: { type: SectionType; heading: string; at: number } | null = null,
  inferred: Map<number, InferredHeading> = new Map(),
): SectionNode[] {
  const sections: SectionNode[] = [];
  let current: SectionNode | null = null;
  if (opening) {
    current = { type: opening.type, heading: opening.heading, headingStart: opening.at, start: opening.at, end: opening.at + opening.heading.length, bodyStart: opening.at + opening.heading.length, bodyEnd: opening.at + opening.heading.length, continued: false };
    sections.push(current);
  }
  // The section an inline absence line interrupted, to continue after it.
  let interrupted: SectionType | null = null;
  // A separator or the page's own links ended the section: what follows is not its text.
  let closed = false;

  const open = (type: SectionType, line: Line, heading: string | null, headingLength: number, continued = false) => {
    const bodyStart = heading ? Math.min(line.end, line.textStart + headingLength) : line.textStart;
    current = {
      type,
      heading,
      headingStart: heading ? line.textStart : null,
      start: line.textStart,
      end: line.end,
      bodyStart,
      bodyEnd: heading && headingLength >= line.text.length ? bodyStart : line.end,
      continued,
    };
    sections.push(current);
  };
  const extend = (line: Line) => {
    if (!current) return;
    current.end = line.end;
    if (current.bodyEnd <= current.bodyStart) current.bodyStart = line.textStart;
    current.bodyEnd = line.end;
  };

  for (let i = from; i < to; i++) {
    const line = lines[i];
    const text = line.text;
    if (!text) continue;
    if (ITEM_SEPARATOR_LINE.test(text) || END_OF_MINUTES_LINE.test(text) || RULE_LINE.test(text)) { closed = true; continue; }
    // The programme goes on after a record ("PAUSE", "Kl. 19.30-19.45"): the next point's time, not the record's text.
    if ((current as SectionNode | null)?.type === 'beslutning' && (PROGRAMME_BREAK_LINE.test(text) || AGENDA_BREAK_LINE.test(text) || TIME_SLOT_LINE.test(text))) { closed = true; continue; }
    // Empty bullets and attachment file names listed inline are not section text (attachments are
    // collected from the item separately).
    if (/^[-•·*–]$/.test(text) || isAttachmentFile(text)) continue;
    const cur = current as SectionNode | null;

    const heading = classifyHeading(text);
    const history = cur?.history ?? false;
    const words = heading || inferred.has(i) ? headingTypeFromWords(text) : null;
    if ((heading || inferred.has(i)) && words?.history && !history) {
      interrupted = null;
      closed = false;
      open('other', line, text.replace(/\s*:\s*$/, ''), text.length);
      current!.history = true;
      continue;
    }
    // Inside a history block, earlier committees' decisions and absences are part of the history; this
    // meeting's own bare decision heading ends it.
    const endsHistory =
      (heading && heading.role === 'main' && (heading.type === 'beslutning' ? BARE_DECISION_HEADING.test(text) : heading.type !== 'absent')) ||
      RECOMMENDATION_LEAD_IN.test(text) ||
      (inferred.has(i) && !words?.history);
    if (history && !endsHistory) {
      extend(line);
      continue;
    }
    if (heading) {
      interrupted = null;
      closed = false;
      const inRunningText = cur && (cur.type === 'sagsfremstilling' || cur.type === 'other');
      if (heading.role === 'sub') {
        if (inRunningText) { extend(line); continue; }
        open('other', line, text.slice(0, heading.headingLength), heading.headingLength);
        continue;
      }
      if (heading.type === 'sagsfremstilling' && cur?.type === 'sagsfremstilling' && !/^supplerende/i.test(text)) {
        extend(line);
        continue;
      }
      const type = heading.afterDecision && !sections.some((s) => s.type === 'beslutning') ? 'other' : heading.type;
      open(type, line, text.slice(0, heading.headingLength).replace(/\s*:\s*$/, ''), heading.headingLength);
      continue;
    }

    const guess = inferred.get(i);
    if (guess) {
      interrupted = null;
      closed = false;
      // An unknown heading inside running case text is one of its sub-headings; after any other
      // section it ends that section.
      if (guess.type === 'other' && cur && (cur.type === 'sagsfremstilling' || cur.type === 'other')) { extend(line); continue; }
      open(guess.type, line, text.replace(/\s*:\s*$/, ''), text.length);
      continue;
    }

    if (INLINE_ABSENT_LABEL.test(text) && text.length < 400) {
      if (cur && cur.type !== 'absent') interrupted = cur.type;
      const label = ABSENCE_LABEL_WORD.exec(text)![0];
      open('absent', line, label.replace(/\s*:\s*$/, ''), label.length);
      continue;
    }

    if (cur?.type === 'absent') {
      if (looksLikeNameLine(text) && (!interrupted || lines[i - 1]?.end === cur.end)) { extend(line); continue; }
      // Prose after an absence label: the interrupted section (or the decision) goes on.
      const resume: SectionType = interrupted ?? previousMainType(sections) ?? 'other';
      interrupted = null;
      open(resume, line, null, 0, true);
      continue;
    }

    if (RECOMMENDATION_LEAD_IN.test(text) && cur?.type !== 'indstilling' && cur?.type !== 'beslutning') {
      open('indstilling', line, null, 0);
      continue;
    }

    if (closed) {
      closed = false;
      open('other', line, null, 0);
      current!.trailing = true;
      continue;
    }
    if (!cur) {
      if (isMetadataLine(text)) continue;
      const before = lines[i - 1]?.text || lines[i - 2]?.text || '';
      if (ITEM_META_LABEL.test(before) && text.length < 60) continue;
      const isParticipantList = PARTICIPANT_LABELS.some((l) => l.pattern.test(text)) && /:?$/.test(text) && text.length < 80;
      open(isParticipantList ? 'other' : 'sagsfremstilling', line, null, 0);
      continue;
    }
    extend(line);
  }
  return sections;
}

function previousMainType(sections: SectionNode[]): SectionType | null {
  for (let i = sections.length - 1; i >= 0; i--) if (sections[i].type !== 'absent') return sections[i].type;
  return null;
}
