/**
 * Shared checks for the layout-family specification tests (one describe per family of
 * ../shared/corpus/LAYOUTS.md). Every passage in these tests is invented; the expectations are what a
 * careful reader would extract (see GOLD-FORMAT.md), not what the tool happens to do today.
 *
 * All checks use expect.soft so that one run reports every failing expectation of a test.
 */
import { expect } from 'vitest';
import { analyze } from '../../src/pipeline.js';
import { readDocument } from '../../parsers/index.js';
import type { Item, ItemKind, Referat, SectionType } from '../../schemas/referat.js';

type Level = NonNullable<Referat['meeting']>['level'];

/** Reads bytes through the real reader (format sniffing, mojibake repair, \f page breaks, HTML chrome removal). */
export async function read(content: string, path: string): Promise<Referat> {
  const bytes = Buffer.from(content, 'utf8');
  const parsed = await readDocument(bytes, { path });
  const source = {
    path,
    format: parsed.format,
    sha256: '0'.repeat(64),
    bytes: bytes.length,
    pages: parsed.pageStarts ? parsed.pageStarts.length : null,
    encoding: parsed.encoding,
    pageInfo: parsed.pages ?? null,
  };
  return analyze(parsed, source).referat;
}

export const fromText = (text: string): Promise<Referat> => read(text, 'family.txt');
export const fromHtml = (html: string): Promise<Referat> => read(html, 'family.html');

const fold = (s: string | null | undefined): string | null => (s == null ? null : s.toLowerCase().replace(/\s+/g, ' ').trim());

// ---------------------------------------------------------------------------------------------
// Meeting

export interface MeetingSpec {
  documentType?: Referat['documentType'];
  body?: string | RegExp | null;
  level?: Level | null;
  date?: string | null;
  startTime?: string | null;
  location?: string | RegExp | null;
}

export function checkMeeting(r: Referat, spec: MeetingSpec): void {
  if (spec.documentType !== undefined) expect.soft(r.documentType, 'documentType').toBe(spec.documentType);
  const m = r.meeting;
  expect.soft(m, 'meeting present').not.toBeNull();
  for (const key of ['body', 'level', 'date', 'startTime', 'location'] as const) {
    if (!(key in spec)) continue;
    const want = spec[key];
    const got = m ? m[key] : null;
    const label = `meeting.${key}`;
    if (want instanceof RegExp) expect.soft(got ?? '(null)', label).toMatch(want);
    else if (key === 'body' || key === 'location') expect.soft(fold(got), label).toBe(fold(want as string | null));
    else expect.soft(got, label).toBe(want);
  }
}

// ---------------------------------------------------------------------------------------------
// Participants

export interface ParticipantSpec {
  /** exact set of present names */
  present?: string[];
  /** exact set of absent names */
  absent?: string[];
  presentIncludes?: string[];
  absentIncludes?: string[];
  /** names that must not be recorded absent at meeting level (missed only some items, arrived late, substitutes) */
  notAbsent?: string[];
  /** names that must not appear as participants at all */
  notListed?: string[];
}

const sorted = (xs: string[]): string[] => [...new Set(xs)].sort((a, b) => a.localeCompare(b, 'da'));

export function names(r: Referat, status: 'present' | 'absent'): string[] {
  return sorted(r.participants.filter((p) => p.status === status).map((p) => p.name));
}

export function checkParticipants(r: Referat, spec: ParticipantSpec): void {
  const present = names(r, 'present');
  const absent = names(r, 'absent');
  if (spec.present) expect.soft(present, 'participants present').toEqual(sorted(spec.present));
  if (spec.absent) expect.soft(absent, 'participants absent').toEqual(sorted(spec.absent));
  if (spec.presentIncludes) expect.soft(present, 'participants present includes').toEqual(expect.arrayContaining(spec.presentIncludes));
  if (spec.absentIncludes) expect.soft(absent, 'participants absent includes').toEqual(expect.arrayContaining(spec.absentIncludes));
  for (const n of spec.notAbsent ?? []) expect.soft(absent, `participants: ${n} is not absent at meeting level`).not.toContain(n);
  for (const n of spec.notListed ?? []) expect.soft([...present, ...absent], `participants: ${n} is not a participant`).not.toContain(n);
}

// ---------------------------------------------------------------------------------------------
// Items

export interface ItemSpec {
  number: number;
  numberInferred?: boolean;
  title?: string | RegExp;
  kind?: ItemKind | null;
  closed?: boolean;
  caseNumber?: string;
  /** canonical section types in order of first appearance ('other' always ignored) */
  sections?: SectionType[];
  /** further types to ignore in the sections comparison where the catalog leaves them open */
  sectionsIgnore?: SectionType[];
  /** RegExp the decision text must match (anchor with ^ for "starts with"); null = no decision */
  decision?: RegExp | null;
  /** text the decision must not contain (running headers, earlier meetings' verdicts ...) */
  decisionExcludes?: string[];
  absent?: string[];
  absentIncludes?: string[];
  absentExcludes?: string[];
  attachmentsInclude?: string[];
}

export function sectionTypes(item: Item, ignore: SectionType[] = []): SectionType[] {
  const out: SectionType[] = [];
  for (const s of item.sections) {
    if (s.type === 'other' || ignore.includes(s.type) || out.includes(s.type)) continue;
    out.push(s.type);
  }
  return out;
}

export function checkItems(r: Referat, specs: ItemSpec[], opts: { numbers?: number[] } = {}): void {
  expect.soft(r.items.map((i) => i.number), 'item numbers').toEqual(opts.numbers ?? specs.map((s) => s.number));
  for (const spec of specs) checkItem(r, spec);
}

export function checkItem(r: Referat, spec: ItemSpec): void {
  const n = spec.number;
  const found = r.items.filter((i) => i.number === n);
  if (found.length === 0) {
    expect.soft(r.items.map((i) => `${i.number}. ${i.title}`), `item ${n} exists`).toContain(`item ${n}`);
    return;
  }
  // with duplicates (a sub-point read as an item), judge the one with the longest span
  const it = found.reduce((a, b) => (b.span.end - b.span.start > a.span.end - a.span.start ? b : a));
  const L = `item ${n}`;
  if (spec.numberInferred !== undefined) expect.soft(it.numberInferred, `${L} numberInferred`).toBe(spec.numberInferred);
  if (spec.title !== undefined) {
    if (spec.title instanceof RegExp) expect.soft(it.title, `${L} title`).toMatch(spec.title);
    else expect.soft(it.title.replace(/[\s.:]+$/, ''), `${L} title`).toBe(spec.title);
  }
  if (spec.kind !== undefined) expect.soft(it.kind, `${L} kind`).toBe(spec.kind);
  if (spec.closed !== undefined) expect.soft(it.closed, `${L} closed`).toBe(spec.closed);
  if (spec.caseNumber !== undefined) expect.soft(it.caseNumber, `${L} caseNumber`).toBe(spec.caseNumber);
  if (spec.sections) expect.soft(sectionTypes(it, spec.sectionsIgnore), `${L} sections`).toEqual(spec.sections);
  if (spec.decision === null) expect.soft(it.decision?.text ?? null, `${L} has no decision`).toBeNull();
  else if (spec.decision) expect.soft(it.decision?.text ?? '(no decision)', `${L} decision`).toMatch(spec.decision);
  for (const bad of spec.decisionExcludes ?? []) expect.soft(it.decision?.text ?? '', `${L} decision excludes`).not.toContain(bad);
  const absent = sorted(it.absent);
  if (spec.absent) expect.soft(absent, `${L} absent`).toEqual(sorted(spec.absent));
  if (spec.absentIncludes) expect.soft(absent, `${L} absent includes`).toEqual(expect.arrayContaining(spec.absentIncludes));
  for (const x of spec.absentExcludes ?? []) expect.soft(absent, `${L} absent excludes`).not.toContain(x);
  if (spec.attachmentsInclude) expect.soft(it.attachments, `${L} attachments`).toEqual(expect.arrayContaining(spec.attachmentsInclude));
}

// ---------------------------------------------------------------------------------------------
// Amounts and dates

export function checkAmounts(r: Referat, values: number[]): void {
  expect.soft(r.amounts.map((a) => a.value), 'amounts (values in document order)').toEqual(values);
  for (const a of r.amounts) expect.soft(r.text.slice(a.span.start, a.span.end), 'amount span slices to raw').toBe(a.raw);
}

export function checkDates(r: Referat, days: string[]): void {
  const got = new Set<string>();
  for (const d of r.dates) {
    got.add(d.date);
    if (d.end) got.add(d.end);
  }
  expect.soft([...got].sort(), 'dates (distinct days)').toEqual([...days].sort());
}
