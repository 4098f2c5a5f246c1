/**
 * The meeting header: title line, the body that met (without its level suffix), level, date, start and
 * end time, location. Read from labelled fields ("Mødedato", "Sted", "Udvalg") and from the stacked and
 * title-line layouts ("Referat / til / mødet i X / den ... kl. ... / i <room>", "REFERAT X d. 26-04-2024",
 * "X - Referat - 03. oktober 2011", "Referat - X den 28. maj 2024").
 */
import { preambleRanges } from '../segment/index.js';
import type { ReferatDocument } from '../document.js';
import type { Line } from '../segment/lines.js';
import { DECISION_IN_BODY_HEADING, HEADER_LABELS, ITEM_SEPARATOR_LINE, ITEM_STATUS_LINE, PARTICIPANT_LABELS, TOC_HEADING } from '../vocabulary/structure.js';
import { findDates, findTimes } from './dates/dates.js';
import { DOC_WORD, UI_LINE, ORGAN_WORD, TITLE_DATE_TAIL, POLITICAL_BODY, BODY_SITE_SECTION_PREFIX, BODY_DOCUMENT_KIND_PREFIX, BODY_LEVEL_MEETING_PREFIX, BODY_MEETING_IN_PREFIX, BODY_DOCUMENT_OF_PREFIX, BODY_DOCUMENT_KIND_SUFFIX, BODY_PERIOD_SUFFIX, INLINE_BODY_LABEL, NOT_A_BODY, POLITICAL_LEVEL_PHRASE, BARE_HEADER_LABEL, TITLE_WITH_DOCUMENT_KIND, MEETING_IN_BODY, MUNICIPALITY_LINE, MUNICIPALITY_NAME, ORGAN_TOKEN, BODY_GENITIVE_MEETING, HEADER_PART_SEPARATOR, CLOCK_TIME_VALUE, MEETING_ENDED, TIME_THEN_PLACE, DATE_THEN_PLACE, INLINE_PLACE_LABEL, NEXT_HEADER_LABEL, LEADING_HEADER_LABEL, NAME_WITH_PARTY, CLOCK_TIME, DATE_LEAD_IN, DATE_LINE_ENDING_IN_CLOCK, CLOCK_TIME_START, PLACE_WORD, BODY_MEETING_COMPOUND, definiteBodyName } from '../vocabulary/meeting.js';

export interface MeetingFindings {
  title: string | null;
  titleStart: number | null;
  body: string | null;
  level: 'politisk' | 'fagligt strategisk' | null;
  date: string | null;
  dateStart: number | null;
  dateEnd: number | null;
  dateYearInferred: boolean;
  startTime: string | null;
  endTime: string | null;
  location: string | null;
}
// A level phrase names the level, not the body: stripped where it says "niveau" or ends the name
// ("Sundhedsklynge X – Politisk Niveau", "X, fagligt strategisk"), kept inside a name ("Faglig strategisk gruppe").
const LEVEL_PHRASE = /\s*[-–,]?\s*\b(fagligt?[\s-]+strategisk(e)?\s+niveau|politisk(e)?\s+niveau|administrativt?\s+niveau|fagligt?[\s-]+strategisk(e)?(?=\s*$))\b/gi;

export function cleanBody(raw: string): string | null {
  let s = raw
    .replace(BODY_SITE_SECTION_PREFIX, '')
    .replace(BODY_DOCUMENT_KIND_PREFIX, '')
    .replace(BODY_LEVEL_MEETING_PREFIX, '')
    .replace(BODY_MEETING_IN_PREFIX, '')
    .replace(BODY_DOCUMENT_OF_PREFIX, '')
    .replace(BODY_DOCUMENT_KIND_SUFFIX, '')
    .replace(BODY_PERIOD_SUFFIX, '')
    .replace(TITLE_DATE_TAIL, '')
    .replace(LEVEL_PHRASE, ' ')
    .replace(/\s+(den|d\.)\s*$/i, '')
    .replace(/\s*[-–,:]\s*$/, '')
    .replace(/\s+/g, ' ')
    .trim();
  // What is left of "Referat. fra Økonomiudvalget": the preposition before the body.
  s = s.replace(/^[.,;:\s]+/, '').replace(/^(fra|for|i|til)\s+(?=[A-ZÆØÅ])/, '');
  const genitive = BODY_GENITIVE_MEETING.exec(s);
  if (genitive && ORGAN_TOKEN.test(genitive[1].split(/\s+/).pop()!.replace(/s$/, ''))) s = genitive[1];
  if (!s || s.length < 3 || /^\d/.test(s)) return null;
  // Words that name no body: a participant label ("Deltagere: ..."), the meeting itself, the document kind.
  if (NOT_A_BODY.test(s) || PARTICIPANT_LABELS.some((l) => l.pattern.test(s) && /:/.test(s))) return null;
  return s;
}

export function levelOf(text: string): 'politisk' | 'fagligt strategisk' | null {
  if (/fagligt?[\s-]+strategisk/i.test(text)) return 'fagligt strategisk';
  if (POLITICAL_LEVEL_PHRASE.test(text)) return 'politisk';
  return null;
}

interface LabelValue { value: string; start: number; line: number }

/** "Label: value", "Label value" or "Label" with the value on the next non-empty line. */
function labelled(lines: Line[], label: RegExp): LabelValue | null {
  const to = lines.length;
  for (let i = 0; i < to; i++) {
    // "Udvalg Ikon" / "Tidspunkt Ikon": icon alt-texts left by web pages.
    const t = lines[i].text.replace(/^[-•·*]\s*/, '').replace(/^(\S+)\s+ikon\b\s*/i, '$1 ').trimEnd();
    const m = label.exec(t);
    if (!m) continue;
    const rest = t.slice(m[0].length).trim();
    // "Udvalg for Nære ...", "Mødelokale 2, Rådhuset": a label word that starts a value is no label.
    // Only the "Møde..." and "Dato" labels are written without a colon ("Mødedato Torsdag d. 25. maj").
    if (rest && !m[0].includes(':') && !BARE_HEADER_LABEL.test((m[1] ?? m[0]).trim())) continue;
    const lead = lines[i].text.length - t.length;
    if (rest) return { value: rest, start: lines[i].textStart + lead + m[0].length + (t.slice(m[0].length).length - t.slice(m[0].length).trimStart().length), line: i };
    if (!m[0].trim() || /\s$/.test(m[0]) === false) {
      for (let k = i + 1; k < Math.min(to, i + 4); k++) {
        if (!lines[k].text) continue;
        // An empty label ("Udvalg:" with nothing after it) does not take the next label as its value.
        if (isLabelLine(lines[k].text)) break;
        return { value: lines[k].text, start: lines[k].textStart, line: k };
      }
    }
  }
  return null;
}

/** A line that is itself a header or attendance label ("Dato:", "Fraværende:", "Mødested"). */
function isLabelLine(text: string): boolean {
  return /^[^\s:]{2,30}(\s+[^\s:]+){0,2}\s*:$/.test(text) || Object.values(HEADER_LABELS).some((l) => { const m = l.exec(text); return !!m && m[0].trim().length >= text.replace(/:$/, '').trim().length; }) || PARTICIPANT_LABELS.some((p) => p.pattern.test(text) && text.length < 30);
}

export function extractMeeting(doc: ReferatDocument, referenceYear: number | null): MeetingFindings {
  const tree = doc.tree;
  const lines = preambleRanges(tree).flatMap(([a, b]) => tree.lines.slice(a, b));
  // No header before the first item (a single item's export): the first lines stand in, but the item's
  // title is not the meeting's date or title; the decision heading names the meeting's day.
  const headerless = lines.length === 0;
  if (headerless) lines.push(...tree.lines.slice(0, 3));
  const meaningful = lines.filter((l) => l.text && !UI_LINE.test(l.text) && !/cookie/i.test(l.text));

  // Title: the first line that names the document kind, else the first meaningful line.
  const titleLine = meaningful.find((l) => DOC_WORD.test(l.text) && l.text.length > 8 && !TOC_HEADING.test(l.text)) ??
    meaningful.find((l) => TITLE_WITH_DOCUMENT_KIND.test(l.text)) ?? meaningful[0];
  const title = titleLine?.text ?? null;
  const headerText = lines.map((l) => l.text).join('\n');

  // Body: a labelled body, else the header part that best reads as a body's name.
  let body: string | null = null;
  const organLabel = labelled(lines, HEADER_LABELS.body);
  if (organLabel) body = cleanBody(organLabel.value);
  if (!body) {
    const inline = inlineLabelled(meaningful, INLINE_BODY_LABEL);
    if (inline) body = cleanBody(inline);
  }
  if (!body) body = bestBodyCandidate(meaningful, titleLine);
  if (!body) body = bodyFromDecisionHeadings(doc);
  if (!body) body = bodyFromMeetingCompound(titleLine ? [titleLine, ...meaningful] : meaningful);

  // Level: said in the header, else political for committees and councils (not a lokaludvalg).
  let level = levelOf(headerText);
  if (!level && body && POLITICAL_BODY.test(body) && !/lokaludvalg/i.test(body)) level = 'politisk';

  // Date: labelled date, the title line, else the first date in the header.
  let date: string | null = null;
  let dateStart: number | null = null;
  let dateEnd: number | null = null;
  let dateYearInferred = false;
  const dateLabel = labelled(lines, HEADER_LABELS.date);
  const candidates: { text: string; start: number }[] = [];
  if (dateLabel) candidates.push({ text: dateLabel.value, start: dateLabel.start });
  if (headerless) {
    for (const item of tree.items) for (const sec of item.sections) if (sec.type === 'beslutning' && sec.heading && sec.headingStart != null && DECISION_IN_BODY_HEADING.test(sec.heading)) candidates.push({ text: sec.heading, start: sec.headingStart });
  }
  if (titleLine) candidates.push({ text: titleLine.text, start: titleLine.textStart });
  for (const l of meaningful) candidates.push({ text: l.text, start: l.textStart });
  for (const c of candidates) {
    const d = findDates(c.text, { referenceYear }).find((x) => !x.weekdayMismatch || true);
    if (d) {
      date = d.date;
      dateStart = c.start + d.start;
      dateEnd = c.start + d.end;
      dateYearInferred = d.yearInferred;
      break;
    }
  }

  // Times: labelled, else the first "kl." time in the header.
  let startTime: string | null = null;
  let endTime: string | null = null;
  const timeLabel = labelled(lines, HEADER_LABELS.time);
  const timeSources = [timeLabel?.value, dateLabel?.value, ...meaningful.map((l) => l.text)].filter((x): x is string => !!x);
  for (const s of timeSources) {
    const t = findTimes(s)[0] ?? (CLOCK_TIME_VALUE.exec(s) && findTimes('kl. ' + s.trim())[0]);
    if (t) { startTime = t.time; endTime = t.endTime; break; }
  }
  const ended = MEETING_ENDED.exec(doc.text);
  if (ended) endTime = `${ended[1].padStart(2, '0')}:${ended[2]}`;
  const endLabel = labelled(lines, HEADER_LABELS.endTime);
  if (endLabel) { const t = findTimes('kl. ' + endLabel.value)[0]; if (t) endTime = t.time; }

  // Location: labelled, else the line after the date line in a stacked header.
  let location: string | null = null;
  const locLabel = labelled(lines, HEADER_LABELS.location);
  if (locLabel) location = joinAddress(lines, locLabel);
  if (!location) {
    const inline = meaningful.map((l) => TIME_THEN_PLACE.exec(l.text)).find(Boolean);
    if (inline) location = inline[1].replace(/[.]$/, '');
  }
  if (!location) {
    location = inlineLabelled(meaningful, INLINE_PLACE_LABEL);
  }
  if (!location) {
    const afterDate = meaningful.map((l) => DATE_THEN_PLACE.exec(l.text)).find(Boolean);
    if (afterDate) location = afterDate[1].trim();
  }
  if (!location) {
    // Stacked headers: the place stands on the line after the date-and-time line ("i Mødelokale 2").
    // (transcripts with stripped digits keep only "den . juni 2007 kl")
    const when = meaningful.findIndex((l) => CLOCK_TIME.test(l.text) || (findDates(l.text, {}).length > 0 && DATE_LEAD_IN.test(l.text)) || DATE_LINE_ENDING_IN_CLOCK.test(l.text));
    for (let k = when + 1; when >= 0 && k < Math.min(meaningful.length, when + 3); k++) {
      const t = meaningful[k].text;
      if (CLOCK_TIME_START.test(t)) continue;
      if (PARTICIPANT_LABELS.some((p) => p.pattern.test(t)) || TOC_HEADING.test(t) || findDates(t, {}).length || /:$/.test(t)) break;
      if (/^(i|hos)\s+\S/.test(t) || PLACE_WORD.test(t)) {
        location = joinAddress(meaningful, { value: t.replace(/^(i|hos)\s+/, ''), start: meaningful[k].textStart, line: k });
      }
      break;
    }
  }
  if (location) location = placeValue(location);
  return { title, titleStart: titleLine?.textStart ?? null, body, level, date, dateStart, dateEnd, dateYearInferred, startTime, endTime, location };
}

/** The value of a label inside a run-together header line (not at its start), up to the next label. */
function inlineLabelled(lines: Line[], label: RegExp): string | null {
  for (const l of lines) {
    label.lastIndex = 0;
    const m = label.exec(l.text);
    if (!m || m.index === 0) continue;
    const rest = l.text.slice(m.index + m[0].length);
    const next = NEXT_HEADER_LABEL.exec(rest);
    const value = (next ? rest.slice(0, next.index) : rest).trim();
    if (value) return value;
  }
  return null;
}

/** The place itself, without the next label or the member list run on after it; a page is no place. */
function placeValue(value: string): string | null {
  let v = value.replace(LEADING_HEADER_LABEL, '');
  const label = NEXT_HEADER_LABEL.exec(v);
  if (label) v = v.slice(0, label.index);
  const member = NAME_WITH_PARTY.exec(v);
  if (member) v = v.slice(0, member.index);
  v = v.trim().replace(/[.,;]$/, '');
  return v.length >= 3 && v.length <= 120 ? v : null;
}

/** How well a part of a header line reads as the name of a body that met. */
function bodyScore(part: string, wholeLine: boolean, inTitle: boolean, meetingIn: boolean, index: number, lineLength: number): number {
  const words = part.split(/\s+/);
  const organ = words.some((w) => ORGAN_TOKEN.test(w.replace(/[^\p{L}]+$/u, '')));
  if (!organ) return -Infinity;
  let score = 3;
  if (meetingIn) score += 2;
  if (wholeLine) score += 1;
  if (inTitle) score += 1;
  if (words.length > 6) score -= (words.length - 6) * 0.4;
  if (words.length > 12) score -= 5;
  if (words.some((w) => w.length > 30)) score -= 4;
  if (PLACE_WORD.test(part) && !ORGAN_TOKEN.test(words[words.length - 1])) score -= 3;
  if (MUNICIPALITY_LINE.test(part) || MUNICIPALITY_NAME.test(part)) score -= 3;
  // A flattened transcript puts header, contents and text on one line: its parts are weak evidence.
  if (lineLength > 200) score -= 1.5;
  if (/\(\s*\)/.test(part)) score -= 3;
  if (/[.:;]$/.test(part)) score -= 2;
  if (/,/.test(part)) score -= 1.5;
  if (/\d/.test(part)) score -= 1;
  return score - index * 0.05;
}

/** The header part (a line, or a piece of one between " - ", " | ", ": ") that best names the body. */
function bestBodyCandidate(meaningful: Line[], titleLine: Line | undefined): string | null {
  let best: string | null = null;
  let bestScore = 0;
  for (const [index, l] of meaningful.slice(0, 30).entries()) {
    if (PARTICIPANT_LABELS.some((p) => p.pattern.test(l.text))) continue;
    const parts = l.text.split(HEADER_PART_SEPARATOR);
    for (const raw of parts) {
      const meetingIn = MEETING_IN_BODY.exec(raw);
      const body = cleanBody(meetingIn ? meetingIn[1] : raw);
      if (!body) continue;
      const score = bodyScore(body, parts.length === 1, l === titleLine, !!meetingIn, index, l.text.length);
      if (score > bestScore) [best, bestScore] = [body, score];
    }
  }
  return best;
}

/** Single-item exports name the body only in the decision heading ("Beslutning i Økonomiudvalget den 3. maj 2021"). */
function bodyFromDecisionHeadings(doc: ReferatDocument): string | null {
  const counts = new Map<string, number>();
  for (const item of doc.tree.items) {
    for (const s of item.sections) {
      if (s.type !== 'beslutning' || !s.heading) continue;
      const m = DECISION_IN_BODY_HEADING.exec(s.heading);
      const body = m ? cleanBody(m[1]) : null;
      if (body && body.split(/\s+/).some((w) => ORGAN_TOKEN.test(w))) counts.set(body, (counts.get(body) ?? 0) + 1);
    }
  }
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
}

/** A multi-line address under "Mødested" (Acadre) is joined with commas. */
function joinAddress(lines: Line[], first: LabelValue): string {
  const to = lines.length;
  const parts = [first.value];
  for (let k = first.line + 1; k < Math.min(to, first.line + 5); k++) {
    const t = lines[k].text;
    if (!t || t.length > 60 || /:/.test(t) || PARTICIPANT_LABELS.some((p) => p.pattern.test(t)) || UI_LINE.test(t) || TOC_HEADING.test(t) || ITEM_SEPARATOR_LINE.test(t) || ITEM_STATUS_LINE.test(t)) break;
    // The body's name under the address ("Byrådssalen, Rådhuset" / "Byrådet") is not part of it.
    if (t.split(/\s+/).length <= 3 && t.split(/\s+/).some((w) => ORGAN_TOKEN.test(w))) break;
    if (/^[A-ZÆØÅ/ ]{4,}$/.test(t) || Object.values(HEADER_LABELS).some((l) => l.test(t) && /:|^\S+$/.test(t))) break;
    if (!/^(\d{4}\s+\S.*|[A-ZÆØÅ][\wæøå.]*(\s+[\wæøå.]+){0,3}\s*\d*)$/.test(t)) break;
    parts.push(t);
  }
  return parts.join(', ');
}

/** "Referat af Lokalrådsmøde": the body is the compound's first part in its definite form ("Lokalrådet"). */
function bodyFromMeetingCompound(lines: Line[]): string | null {
  for (const l of lines.slice(0, 8)) {
    const m = BODY_MEETING_COMPOUND.exec(l.text);
    if (m && ORGAN_TOKEN.test(m[1]) && !/(?:et|en)$/i.test(m[1])) return definiteBodyName(m[1]);
  }
  return null;
}
