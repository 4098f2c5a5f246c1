/**
 * DOCX reader: mammoth to HTML (Word heading styles -> h1..h6), then the shared HTML reader.
 * Word's list numbers are not in mammoth's output, so they are recomputed from numbering.xml and
 * written in front of each numbered paragraph ("3. Godkender ..."); bullets stay lists ("- ").
 */
import JSZip from 'jszip';
import mammoth from 'mammoth';
import type { Diagnostic } from '../schemas/referat.js';
import { diagnostic } from './diagnostic.js';
import { DEFAULT_LIMITS } from './limits.js';
import { IngestError, isProgrammingError, ReaderBugError, type ParsedText } from './types.js';
import { checkDocxParts, checkEntryCount, type DocxLimits } from './docx-guard.js';
import { shortReason } from './errors.js';
import { htmlToText, olLabel } from './html.js';

/** Title -> h1, Heading N -> h(N+1) (by style id and by style name, English and lower-case names). */
export const DOCX_STYLE_MAP: string[] = [
  "p.Title => h1:fresh",
  "p[style-name='Title'] => h1:fresh",
  "p[style-name='title'] => h1:fresh",
  ...[1, 2, 3, 4, 5, 6].flatMap((n) => {
    const h = `h${Math.min(n + 1, 6)}:fresh`;
    return [`p.Heading${n} => ${h}`, `p[style-name='Heading ${n}'] => ${h}`, `p[style-name='heading ${n}'] => ${h}`];
  }),
];

// ---------------------------------------------------------------------------------------------
// numbering.xml

interface LevelDef {
  start: number;
  numFmt: string;
  lvlText: string;
  pStyle: string | null;
  /** w:lvlRestart: restart after this (0-based) level; undefined = after any higher level */
  restartAfter?: number;
}

interface NumberingDefs {
  /** abstractNumId -> ilvl -> level */
  abstracts: Map<string, Map<number, LevelDef>>;
  /** abstractNumId -> numStyleLink style id */
  styleLinks: Map<string, string>;
  /** numId -> { abstractNumId, startOverride per ilvl } */
  nums: Map<string, { abstractId: string; overrides: Map<number, number> }>;
  /** numbering style id -> numId (from styles.xml) */
  styleNumIds: Map<string, string>;
  /** paragraph style id -> { numId, ilvl } for styles that carry numbering (styles.xml) */
  styleNumbering: Map<string, { numId: string | null; ilvl: number | null }>;
}

const attr = (tag: string, name: string): string | null => {
  const m = new RegExp(`\\b${name}="([^"]*)"`).exec(tag);
  return m ? m[1] : null;
};

/** Extracts the blocks <tag ...>...</tag> (or self-closed) of a non-nesting element. */
function blocks(xml: string, tag: string): string[] {
  const re = new RegExp(`<${tag}\\b[^>]*?(?:/>|>[\\s\\S]*?</${tag}>)`, 'g');
  return xml.match(re) ?? [];
}

function childVal(xml: string, tag: string): string | null {
  const m = new RegExp(`<${tag}\\b[^>]*?w:val="([^"]*)"`).exec(xml);
  return m ? m[1] : null;
}

export function parseNumbering(numberingXml: string, stylesXml: string): NumberingDefs {
  const abstracts = new Map<string, Map<number, LevelDef>>();
  const styleLinks = new Map<string, string>();
  for (const a of blocks(numberingXml, 'w:abstractNum')) {
    const id = attr(a, 'w:abstractNumId');
    if (id === null) continue;
    const levels = new Map<number, LevelDef>();
    for (const l of blocks(a, 'w:lvl')) {
      const ilvl = Number(attr(l.slice(0, l.indexOf('>') + 1), 'w:ilvl') ?? 0);
      const restart = childVal(l, 'w:lvlRestart');
      levels.set(ilvl, {
        start: Number(childVal(l, 'w:start') ?? 1),
        numFmt: childVal(l, 'w:numFmt') ?? 'decimal',
        lvlText: childVal(l, 'w:lvlText') ?? `%${ilvl + 1}.`,
        pStyle: childVal(l, 'w:pStyle'),
        restartAfter: restart === null ? undefined : Number(restart) - 1,
      });
    }
    abstracts.set(id, levels);
    const link = childVal(a, 'w:numStyleLink');
    if (link) styleLinks.set(id, link);
  }
  const nums = new Map<string, { abstractId: string; overrides: Map<number, number> }>();
  for (const n of blocks(numberingXml, 'w:num')) {
    const numId = attr(n.slice(0, n.indexOf('>') + 1), 'w:numId');
    const abstractId = childVal(n, 'w:abstractNumId');
    if (numId === null || abstractId === null) continue;
    const overrides = new Map<number, number>();
    for (const o of blocks(n, 'w:lvlOverride')) {
      const ilvl = Number(attr(o.slice(0, o.indexOf('>') + 1), 'w:ilvl') ?? 0);
      const so = childVal(o, 'w:startOverride');
      if (so !== null) overrides.set(ilvl, Number(so));
    }
    nums.set(numId, { abstractId, overrides });
  }
  const styleNumIds = new Map<string, string>();
  const styleNumbering = new Map<string, { numId: string | null; ilvl: number | null }>();
  for (const s of blocks(stylesXml, 'w:style')) {
    const styleId = attr(s.slice(0, s.indexOf('>') + 1), 'w:styleId');
    if (!styleId) continue;
    const numPr = blocks(s, 'w:numPr')[0];
    if (!numPr) continue;
    const numId = childVal(numPr, 'w:numId');
    const ilvl = childVal(numPr, 'w:ilvl');
    if (numId) styleNumIds.set(styleId, numId);
    styleNumbering.set(styleId, { numId, ilvl: ilvl === null ? null : Number(ilvl) });
  }
  return { abstracts, styleLinks, nums, styleNumIds, styleNumbering };
}

/** Word's number formats that an HTML list's type also has (the labels are made the same way). */
const OL_TYPE: Record<string, string> = { lowerLetter: 'a', upperLetter: 'A', lowerRoman: 'i', upperRoman: 'I' };

function formatNumber(n: number, fmt: string): string {
  if (fmt === 'decimalZero') return n < 10 ? `0${n}` : String(n);
  if (fmt === 'none') return '';
  return olLabel(n, OL_TYPE[fmt]);
}

export interface NumberedParagraph {
  /** the paragraph's text (w:t runs), for matching with mammoth's paragraphs */
  text: string;
  /** the printed label ("3.", "a)", "2.1."), or null for bullets */
  label: string | null;
}

function decodeXmlText(s: string): string {
  return s.replace(/&(lt|gt|amp|quot|apos|#\d+|#x[0-9a-f]+);/gi, (m, e: string) => {
    switch (e.toLowerCase()) {
      case 'lt':
        return '<';
      case 'gt':
        return '>';
      case 'amp':
        return '&';
      case 'quot':
        return '"';
      case 'apos':
        return "'";
      default:
        return e[1] === 'x' || e[1] === 'X' ? String.fromCodePoint(parseInt(e.slice(2), 16)) : String.fromCodePoint(parseInt(e.slice(1), 10));
    }
  });
}

/**
 * Walks document.xml in document order and computes the printed label of every numbered paragraph,
 * following Word's rules: a list instance (w:num) with start overrides counts on its own, otherwise
 * instances of the same abstract list share counters; a level starts at its (overridden) start value
 * and restarts when a higher level advances.
 */
export function numberParagraphs(documentXml: string, defs: NumberingDefs): NumberedParagraph[] {
  const out: NumberedParagraph[] = [];
  const counters = new Map<string, (number | undefined)[]>();
  // paragraph style -> abstract level that names it (mammoth's findLevelByParagraphStyleId)
  const levelByStyle = new Map<string, { abstractId: string; ilvl: number }>();
  for (const [abstractId, levels] of defs.abstracts) {
    for (const [ilvl, l] of levels) if (l.pStyle) levelByStyle.set(l.pStyle, { abstractId, ilvl });
  }

  const resolveAbstract = (abstractId: string, seen = new Set<string>()): string => {
    const link = defs.styleLinks.get(abstractId);
    if (!link || seen.has(abstractId)) return abstractId;
    seen.add(abstractId);
    const numId = defs.styleNumIds.get(link);
    const num = numId ? defs.nums.get(numId) : undefined;
    return num ? resolveAbstract(num.abstractId, seen) : abstractId;
  };

  const tokenRe = /<(\/?)w:(p|pPr|pStyle|numPr|ilvl|numId|t|r)\b([^>]*?)(\/?)>/g;
  interface Para {
    pStyle: string | null;
    numId: string | null;
    ilvl: number | null;
    text: string;
    inPPr: boolean;
    inNumPr: boolean;
    inT: boolean;
    tStart: number;
  }
  const stack: Para[] = [];
  let m: RegExpExecArray | null;
  while ((m = tokenRe.exec(documentXml))) {
    const [, closing, name, attrs, selfClosing] = m;
    const top = stack[stack.length - 1];
    if (name === 'p') {
      if (!closing && !selfClosing) {
        stack.push({ pStyle: null, numId: null, ilvl: null, text: '', inPPr: false, inNumPr: false, inT: false, tStart: 0 });
      } else if (closing) {
        const p = stack.pop();
        if (p) finish(p);
      } else {
        finish({ pStyle: null, numId: null, ilvl: null, text: '', inPPr: false, inNumPr: false, inT: false, tStart: 0 });
      }
      continue;
    }
    if (!top) continue;
    if (name === 'pPr') top.inPPr = !closing && !selfClosing;
    else if (name === 'numPr' && top.inPPr) top.inNumPr = !closing && !selfClosing;
    else if (name === 'pStyle' && top.inPPr && !closing) top.pStyle = attr(attrs, 'w:val');
    else if (name === 'numId' && top.inNumPr && !closing) top.numId = attr(attrs, 'w:val');
    else if (name === 'ilvl' && top.inNumPr && !closing) top.ilvl = Number(attr(attrs, 'w:val') ?? 0);
    else if (name === 't') {
      if (!closing && !selfClosing) {
        top.inT = true;
        top.tStart = m.index + m[0].length;
      } else if (closing && top.inT) {
        top.text += decodeXmlText(documentXml.slice(top.tStart, m.index));
        top.inT = false;
      }
    }
  }
  return out;

  function finish(p: Para): void {
    let numId = p.numId;
    let ilvl = p.ilvl;
    let abstractId: string | null = null;
    if (numId === null && p.pStyle) {
      const viaStyle = defs.styleNumbering.get(p.pStyle);
      if (viaStyle) {
        numId = viaStyle.numId;
        ilvl ??= viaStyle.ilvl;
      }
      if (numId === null) {
        const lv = levelByStyle.get(p.pStyle);
        if (lv) {
          abstractId = lv.abstractId;
          ilvl ??= lv.ilvl;
        }
      }
    }
    if (numId === '0') return; // numbering explicitly removed
    const num = numId !== null ? defs.nums.get(numId) : undefined;
    if (num) abstractId = num.abstractId;
    if (abstractId === null) return;
    abstractId = resolveAbstract(abstractId);
    const levels = defs.abstracts.get(abstractId);
    const level = ilvl ?? 0;
    const def = levels?.get(level);
    if (!levels || !def) return;
    if (def.numFmt === 'bullet') {
      out.push({ text: p.text, label: null });
      return;
    }
    const key = num && num.overrides.size > 0 ? `n${numId}` : `a${abstractId}`;
    let c = counters.get(key);
    if (!c) counters.set(key, (c = []));
    const startOf = (l: number): number => num?.overrides.get(l) ?? levels.get(l)?.start ?? 1;
    c[level] = c[level] === undefined ? startOf(level) : (c[level] as number) + 1;
    for (let deeper = level + 1; deeper < 9; deeper++) {
      const d = levels.get(deeper);
      if (d?.restartAfter === undefined || d.restartAfter >= level) c[deeper] = undefined;
    }
    const label = def.lvlText
      .replace(/%(\d)/g, (_, k: string) => {
        const l = Number(k) - 1;
        const v = c![l] ?? startOf(l);
        return formatNumber(v, levels.get(l)?.numFmt ?? 'decimal');
      })
      .trim();
    out.push({ text: p.text, label: label === '' ? null : label });
  }
}

// ---------------------------------------------------------------------------------------------
// mammoth document tree

interface MammothElement {
  type: string;
  children?: MammothElement[];
  value?: string;
  numbering?: { isOrdered: boolean; level: string } | null;
}

function elementText(el: MammothElement): string {
  if (el.type === 'text') return el.value ?? '';
  return (el.children ?? []).map(elementText).join('');
}

function firstText(el: MammothElement): MammothElement | null {
  if (el.type === 'text') return el;
  for (const c of el.children ?? []) {
    const t = firstText(c);
    if (t) return t;
  }
  return null;
}

const squash = (s: string): string => s.replace(/\s+/g, '');

/**
 * Writes the recovered label in front of mammoth's ordered-list paragraphs and turns them into plain
 * paragraphs (so the HTML reader does not renumber them). Paragraphs are matched to the numbering
 * walk by text, in order, tolerating paragraphs that only one side sees as numbered.
 */
export function applyNumbering(doc: MammothElement, numbered: NumberedParagraph[]): { applied: number; unmatched: number } {
  let next = 0;
  let applied = 0;
  let unmatched = 0;
  const visit = (el: MammothElement): void => {
    if (el.type === 'paragraph') {
      if (!el.numbering) return;
      const text = squash(elementText(el));
      let found = -1;
      for (let i = next; i < Math.min(numbered.length, next + 50); i++) {
        if (squash(numbered[i].text) === text) {
          found = i;
          break;
        }
      }
      if (found < 0) {
        unmatched++;
        return; // leave it to mammoth (an <ol>/<ul> item)
      }
      next = found + 1;
      const entry = numbered[found];
      if (entry.label === null) return; // bullet
      const t = firstText(el);
      if (t) t.value = `${entry.label} ${t.value ?? ''}`;
      else (el.children ??= []).unshift({ type: 'run', children: [{ type: 'text', value: entry.label }] } as MammothElement);
      el.numbering = null;
      applied++;
      return;
    }
    for (const c of el.children ?? []) visit(c);
  };
  visit(doc);
  return { applied, unmatched };
}

// ---------------------------------------------------------------------------------------------

/** Word field-code residue that some converters leave in the text. */
const FIELD_CODE_RESIDUE: RegExp[] = [
  /\bTOC(?:\s+\\[a-z](?:\s+"[^"]*")?)+\s*/g,
  /\bPAGEREF\s+_?[A-Za-z]+\d+(?:\s+\\[a-z*])*\s*/g,
  /\bHYPERLINK\s+(?:\\l\s+)?"[^"]*"(?:\s+\\[a-z](?:\s+"[^"]*")?)*\s*/g,
  /\bREF\s+_Ref\d+(?:\s+\\[a-z*])*\s*/g,
  /\bMERGEFORMAT\b\s*/g,
  /\\\*\s*(?:MERGEFORMAT|CHARFORMAT)\s*/g,
];

/** Removes field-code residue ('TOC \o "1-1"', 'PAGEREF _Toc123 \h') from a line. */
export function stripFieldCodes(line: string): string {
  let s = line;
  for (const re of FIELD_CODE_RESIDUE) s = s.replace(re, '');
  return s === line ? line : s.replace(/[ ]{2,}/g, ' ').trim();
}

/** JSZip's messages for damaged archives, in words for users. */
const ZIP_MESSAGES: [RegExp, string][] = [
  [/uncompressed data size mismatch/i, 'damaged compressed data (a part inflates to another size than declared)'],
  [/^End of data reached/i, 'the zip directory points past the end of the file (truncated?)'],
  [/unexpected signature/i, 'damaged zip structure (unexpected signature)'],
  [/^Not implemented$/, 'unexpected XML structure (elements where text was expected)'],
  [/invalid (?:stored|distance|code|block type|literal\/lengths?)|incorrect header check|too many length or distance symbols|unexpected end of file/i, 'damaged compressed data'],
];

function corruptDocx(e: unknown): IngestError {
  const reason = shortReason(e);
  const known = ZIP_MESSAGES.find(([re]) => re.test(reason));
  return new IngestError(`corrupt DOCX: ${known ? known[1] : reason}`, 'corrupt');
}

/** The parts mammoth reads as XML: a part that does not even start like XML makes it fail with a TypeError. */
const XML_PART = /\.(?:xml|rels)$/i;

/** True when `text` starts like an XML document: an element after the declaration, comments and a doctype. */
export function looksLikeXml(text: string): boolean {
  const rest = text.replace(/^\ufeff?(?:\s+|<\?xml[^>]*\?>|<!--[\s\S]*?-->|<!DOCTYPE[^>]*>)*/i, '');
  return /^<[A-Za-z_]/.test(rest);
}

/** The ids an XML part declares with `attribute="…"` on `element` (relationship ids, note ids). */
function declaredIds(xml: string, element: string, attribute: string): Set<string> {
  const ids = new Set<string>();
  for (const m of xml.matchAll(new RegExp(`<${element}\\b[^>]*?\\b${attribute}="([^"]*)"`, 'g'))) ids.add(m[1]);
  return ids;
}

/** Notes and comments document.xml may refer to: the reference element, the part and its note element. */
const NOTE_PARTS = [
  { reference: 'w:footnoteReference', part: 'word/footnotes.xml', note: 'w:footnote', what: 'footnote' },
  { reference: 'w:endnoteReference', part: 'word/endnotes.xml', note: 'w:endnote', what: 'endnote' },
  { reference: 'w:commentReference', part: 'word/comments.xml', note: 'w:comment', what: 'comment' },
];

/**
 * What is wrong with a DOCX on which mammoth failed with a programming error (a TypeError inside it): a
 * part that is not XML, or a reference to a relationship or a note the document does not have. Those are
 * invalid documents (Word refuses them too), and the reason names the part. When none is found, the
 * document looks valid and the failure is a bug in the reader: a ReaderBugError.
 */
export async function diagnoseMammothFailure(zip: JSZip, e: unknown): Promise<IngestError | ReaderBugError> {
  const parts = Object.values(zip.files).filter((f) => !f.dir && XML_PART.test(f.name));
  const texts = new Map<string, string>();
  for (const f of parts) {
    const text = await f.async('string');
    if (!looksLikeXml(text)) return new IngestError(`corrupt DOCX: ${f.name} is not XML`, 'corrupt');
    texts.set(f.name, text);
  }
  const document = texts.get('word/document.xml') ?? '';
  const relationships = declaredIds(texts.get('word/_rels/document.xml.rels') ?? '', 'Relationship', 'Id');
  for (const m of document.matchAll(/\br:(?:id|embed|link|pict)="([^"]*)"/g)) {
    if (!relationships.has(m[1])) {
      return new IngestError(`corrupt DOCX: word/document.xml refers to relationship "${m[1]}", which word/_rels/document.xml.rels does not define`, 'corrupt');
    }
  }
  for (const { reference, part, note, what } of NOTE_PARTS) {
    const notes = declaredIds(texts.get(part) ?? '', note, 'w:id');
    for (const id of declaredIds(document, reference, 'w:id')) {
      if (!notes.has(id)) return new IngestError(`corrupt DOCX: word/document.xml refers to ${what} ${id}, which ${texts.has(part) ? part : 'the document'} does not have`, 'corrupt');
    }
  }
  return new ReaderBugError(`the DOCX reader (mammoth) failed on a document that looks valid: ${shortReason(e)}`);
}

async function loadZip(input: Uint8Array): Promise<JSZip> {
  try {
    return await JSZip.loadAsync(input);
  } catch (e) {
    throw corruptDocx(e);
  }
}


/**
 * Reads a Word document. The archive is checked against the limits (parts, expanded size, XML nesting)
 * before any part is inflated for parsing (see docx-guard.ts).
 */
export async function readDocx(input: Uint8Array, limits: Partial<DocxLimits> = {}): Promise<ParsedText> {
  const lim: DocxLimits = {
    maxUncompressed: limits.maxUncompressed ?? DEFAULT_LIMITS.maxUncompressed,
    maxXmlDepth: limits.maxXmlDepth ?? DEFAULT_LIMITS.maxXmlDepth,
    maxZipEntries: limits.maxZipEntries ?? DEFAULT_LIMITS.maxZipEntries,
  };
  const diagnostics: Diagnostic[] = [];
  checkEntryCount(input, lim);
  const zip = await loadZip(input);
  const documentFile = zip.file('word/document.xml');
  if (!documentFile) throw new IngestError('a zip archive but not a Word document', 'not-a-document');
  await checkDocxParts(zip, lim);
  let numbered: NumberedParagraph[] = [];
  try {
    const numberingFile = zip.file('word/numbering.xml');
    if (numberingFile) {
      const [documentXml, numberingXml, stylesXml] = await Promise.all([
        documentFile.async('string'),
        numberingFile.async('string'),
        zip.file('word/styles.xml')?.async('string') ?? Promise.resolve(''),
      ]);
      numbered = numberParagraphs(documentXml, parseNumbering(numberingXml, stylesXml));
    }
  } catch (e) {
    // the numbering walk is ours: a TypeError in it is a bug, not a damaged file
    if (isProgrammingError(e)) throw new ReaderBugError(`the DOCX reader failed on the list numbering: ${shortReason(e)}`);
    throw corruptDocx(e);
  }

  let stats = { applied: 0, unmatched: 0 };
  let html: string;
  try {
    const result = await mammoth.convertToHtml(
      { buffer: Buffer.from(input.buffer, input.byteOffset, input.byteLength) },
      {
        styleMap: DOCX_STYLE_MAP,
        ignoreEmptyParagraphs: true,
        // do not base64-encode pictures: they are dropped anyway
        convertImage: mammoth.images.imgElement(async () => ({ src: '' })),
        transformDocument: (doc: MammothElement) => {
          stats = applyNumbering(doc, numbered);
          return doc;
        },
      },
    );
    html = result.value;
    for (const m of result.messages) {
      if (m.type === 'error') diagnostics.push(diagnostic('docx-conversion', 'warning', `Word-konvertering: ${m.message}`));
    }
  } catch (e) {
    if (e instanceof IngestError) throw e;
    // mammoth's own errors name what is missing ("Could not find the body element"); a TypeError inside it does not
    if (isProgrammingError(e)) throw await diagnoseMammothFailure(zip, e);
    throw corruptDocx(e);
  }
  if (stats.unmatched > 0) {
    diagnostics.push(
      diagnostic('docx-numbering', 'info', `${stats.unmatched} nummereret afsnit kunne ikke kobles til Words nummerering; deres numre kan afvige fra de trykte.`),
    );
  }

  const { lines } = htmlToText(html, { preserveTabs: true, stripUi: false });
  const outLines: string[] = [];
  const headingStarts: number[] = [];
  let offset = 0;
  let fieldResidue = 0;
  for (const l of lines) {
    // "715.<TAB>Kulturkommune 2017": the tab after a leading number is Word's list/heading separator
    const text = stripFieldCodes(l.text).replace(/^(\d{1,4}[.)])\t+/, '$1 ');
    if (text !== l.text) fieldResidue++;
    if (text.trim() === '') continue;
    if (l.heading) headingStarts.push(offset);
    outLines.push(text);
    offset += text.length + 1;
  }
  if (fieldResidue > 0) {
    diagnostics.push(diagnostic('field-codes-removed', 'info', `Fjernede rester af Word-feltkoder fra ${fieldResidue} linje(r).`));
  }
  return { format: 'docx', text: outLines.join('\n'), pageStarts: null, headingStarts, encoding: null, diagnostics };
}
