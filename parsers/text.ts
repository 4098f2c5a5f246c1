/**
 * Plain-text reader: byte decoding (BOM, UTF-8, UTF-16, legacy 8-bit code pages), mojibake repair,
 * line-ending and NUL clean-up, and form feeds as page breaks.
 */
import chardet from 'chardet';
import iconv from 'iconv-lite';
import type { Diagnostic } from '../schemas/referat.js';
import { diagnostic } from './diagnostic.js';
import type { ParsedText } from './types.js';
import { stripUiText } from './ui-text.js';
import { removePageMarkerLines, removeRunningTextLines } from './running-text.js';
import { transcriptPages } from './transcript.js';

export interface DecodedText {
  text: string;
  /** iconv-style name of the encoding used: "utf-8", "utf-16le", "utf-16be", "windows-1252", ... */
  encoding: string;
  /** true when the encoding was announced by a byte order mark */
  bom: boolean;
}

const UTF8_FATAL = new TextDecoder('utf-8', { fatal: true });

/** Returns the text if `bytes` are valid UTF-8, else null. */
export function tryUtf8(bytes: Uint8Array): string | null {
  try {
    return UTF8_FATAL.decode(bytes);
  } catch {
    return null;
  }
}

/** UTF-16 without a BOM: lots of NUL bytes, nearly all on the same (odd or even) positions. */
function sniffUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(bytes.length, 4096) & ~1;
  if (n < 4) return null;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenNul++;
    if (bytes[i + 1] === 0) oddNul++;
  }
  const pairs = n / 2;
  if (oddNul > pairs * 0.4 && evenNul < pairs * 0.05) return 'utf-16le';
  if (evenNul > pairs * 0.4 && oddNul < pairs * 0.05) return 'utf-16be';
  return null;
}

const DANISH = /[æøåÆØÅ]/g;
const LATIN_EXTRA = /[éèêëüöäáàóòíúÉÜÖÄ§½«»°]/g;
// eslint-disable-next-line no-control-regex
const BAD = /[\u0080-\u009f\ufffd]/g;
const NON_LATIN = /[^\u0000-\u024f\u2000-\u206f\u20ac\u2122]/g;

function count(s: string, re: RegExp): number {
  const m = s.match(re);
  return m ? m.length : 0;
}

/** How plausible a decoding is for (mostly Danish) text: Danish letters up, control/foreign characters down. */
function plausibility(s: string): number {
  return 2 * count(s, DANISH) + count(s, LATIN_EXTRA) - 5 * count(s, BAD) - 2 * count(s, NON_LATIN);
}

/** Maps chardet names to iconv-lite names; ISO-8859-1 is read as its superset windows-1252. */
function iconvName(name: string): string | null {
  const n = name.toLowerCase();
  if (n === 'iso-8859-1' || n === 'windows-1252' || n === 'ascii') return 'windows-1252';
  if (iconv.encodingExists(n)) return n;
  return null;
}

/** Single-byte code pages whose decodings look Latin (scored against windows-1252 instead of trusted blindly). */
const LATIN_FAMILY = /^(iso-8859-\d+|windows-125\d|ibm\d+|cp\d+)$/;

/** Decode bytes to a JS string, reporting the encoding. Never throws. */
export function decodeBytes(bytes: Uint8Array, hint?: string | null): DecodedText {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8', bom: true };
  }
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le', bom: true };
  }
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be', bom: true };
  }
  const utf16 = sniffUtf16(bytes);
  if (utf16) return { text: new TextDecoder(utf16).decode(bytes), encoding: utf16, bom: false };

  const utf8 = tryUtf8(bytes);
  if (utf8 !== null) return { text: utf8, encoding: 'utf-8', bom: false };

  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const candidates = new Set<string>(['windows-1252']);
  const hinted = hint ? iconvName(hint) : null;
  if (hinted && hinted !== 'utf-8') candidates.add(hinted);
  let trusted: string | null = null;
  for (const m of chardet.analyse(bytes).slice(0, 4)) {
    const name = iconvName(m.name);
    if (!name || name === 'utf-8') continue;
    if (LATIN_FAMILY.test(name)) candidates.add(name);
    else if (m.confidence >= 60 && !trusted) trusted = name; // e.g. a non-Latin script or a multi-byte encoding
  }
  if (trusted && !hinted) {
    const text = iconv.decode(buf, trusted);
    if (plausibility(text) >= plausibility(iconv.decode(buf, 'windows-1252'))) return { text, encoding: trusted, bom: false };
  }
  let best = { text: '', encoding: 'windows-1252', score: -Infinity };
  for (const enc of candidates) {
    const text = iconv.decode(buf, enc);
    // windows-1252 wins ties: it is the usual legacy encoding of Danish text (and reads “ ” – correctly).
    const score = plausibility(text) + (enc === 'windows-1252' ? 0.5 : 0) + (enc === hinted ? 1 : 0);
    if (score > best.score) best = { text, encoding: enc, score };
  }
  return { text: best.text, encoding: best.encoding, bom: false };
}

/** Share of characters that are control characters other than \t \n \r \f (and NUL counts). */
export function controlRatio(s: string): number {
  if (s.length === 0) return 0;
  let bad = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if ((c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12) || c === 0xfffd || (c >= 0x7f && c < 0xa0)) bad++;
  }
  return bad / s.length;
}

/** True when the start of the file decodes to something that reads like text. */
export function looksLikeText(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, 65536);
  let decoded = decodeBytes(sample);
  // A sample cut in the middle of a UTF-8 sequence is not valid UTF-8: retry on a shorter prefix.
  if (decoded.encoding !== 'utf-8' && sample.length === 65536) {
    for (let cut = 1; cut <= 3; cut++) {
      const t = tryUtf8(sample.subarray(0, sample.length - cut));
      if (t !== null) {
        decoded = { text: t, encoding: 'utf-8', bom: false };
        break;
      }
    }
  }
  return controlRatio(decoded.text) < 0.02;
}

// ---------------------------------------------------------------------------------------------
// Mojibake: UTF-8 bytes that were decoded with a single-byte code page ("Ã¸" for "ø",
// "├ą" for "å" via CP852, "â€“" for "–").

/** Code pages that UTF-8 is commonly mis-decoded as, in the order they are tried. */
const MOJIBAKE_CODEPAGES = ['windows-1252', 'iso-8859-1', 'cp850', 'cp852', 'cp437', 'cp865'] as const;

const reverseMaps = new Map<string, Map<string, number>>();

/** char -> byte for a single-byte code page (windows-1252 also passes through its 5 undefined C1 slots). */
function reverseMap(cp: string): Map<string, number> {
  let map = reverseMaps.get(cp);
  if (map) return map;
  map = new Map();
  const all = Buffer.alloc(256);
  for (let i = 0; i < 256; i++) all[i] = i;
  const chars = iconv.decode(all, cp);
  if (chars.length === 256) {
    for (let i = 0; i < 256; i++) if (chars[i] !== '\ufffd' && !map.has(chars[i])) map.set(chars[i], i);
  }
  if (cp === 'windows-1252') for (const b of [0x81, 0x8d, 0x8f, 0x90, 0x9d]) map.set(String.fromCharCode(b), b);
  reverseMaps.set(cp, map);
  return map;
}

/**
 * Sequences that are typical of mis-decoded UTF-8 and rare in real Danish text: a UTF-8 lead byte
 * rendered as Ã/Â/â€ (Windows-1252/Latin-1) or as a box-drawing/Greek character (DOS code pages)
 * followed by a continuation-byte character.
 */
const SUSPICIOUS =
  /[ÃÂ][\u0080-\u00bf€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ]|â€.|Ã.|[├┼╞╟┬┴]\S|ΓÇ.|ÔÇ.|Ôé./g;

export function countSuspicious(s: string): number {
  return count(s, SUSPICIOUS);
}

function reencode(token: string, cp: string): string | null {
  const map = reverseMap(cp);
  // Decoders that have no character for byte 0x9D write U+FFFD: in "â€\ufffd" that byte was the end of ” (E2 80 9D).
  if (cp === 'windows-1252') token = token.replace(/â€\ufffd/g, 'â€\u009d');
  const bytes = new Uint8Array(token.length);
  for (let i = 0; i < token.length; i++) {
    const b = map.get(token[i]);
    if (b === undefined) return null;
    bytes[i] = b;
  }
  return tryUtf8(bytes);
}

export interface MojibakeRepair {
  text: string;
  /** the code page the UTF-8 text had been mis-decoded with, or null when nothing was repaired */
  codepage: string | null;
  repairs: number;
  example: string | null;
}

/**
 * Repairs words that are UTF-8 mis-decoded as a single-byte code page. Works word by word, so
 * text that is only partly damaged is repaired too. A repair is accepted only for the code page
 * that fixes the most words, when it lowers the count of suspicious sequences and the repaired
 * words contain Danish (or other Latin-1) letters or typographic punctuation.
 */
export function repairMojibake(text: string): MojibakeRepair {
  const before = countSuspicious(text);
  if (before === 0) return { text, codepage: null, repairs: 0, example: null };
  const tokenRe = /[^ \t\n\r\f]+/g;
  let best: MojibakeRepair & { gain: number } = { text, codepage: null, repairs: 0, example: null, gain: 0 };
  for (const cp of MOJIBAKE_CODEPAGES) {
    let repairs = 0;
    let example: string | null = null;
    let letters = 0;
    const out = text.replace(tokenRe, (tok) => {
      if (countSuspicious(tok) === 0) return tok;
      let fixed: string | null = tok;
      // up to two rounds: doubly mis-decoded text ("ÃƒÂ¸")
      for (let round = 0; round < 2 && fixed !== null && countSuspicious(fixed) > 0; round++) {
        fixed = reencode(fixed, cp);
      }
      if (fixed === null || fixed === tok || countSuspicious(fixed) >= countSuspicious(tok)) return tok;
      repairs++;
      letters += count(fixed, DANISH) + count(fixed, LATIN_EXTRA) + count(fixed, /[–—“”‘’„…•€]/g);
      example ??= `${tok} → ${fixed}`;
      return fixed;
    });
    const gain = before - countSuspicious(out);
    if (repairs > 0 && letters > 0 && gain > best.gain) best = { text: out, codepage: cp, repairs, example, gain };
  }
  return { text: best.text, codepage: best.codepage, repairs: best.repairs, example: best.example };
}

// ---------------------------------------------------------------------------------------------

export interface CleanedText {
  text: string;
  pageStarts: number[] | null;
  diagnostics: Diagnostic[];
}

/**
 * Clean-up shared by text-like inputs: BOM character, NUL bytes, CRLF/CR -> LF, mojibake repair,
 * and form feeds as page breaks (the \f is dropped; each page starts on a new line).
 */
export function cleanDecodedText(raw: string, opts: { pages?: boolean } = {}): CleanedText {
  const diagnostics: Diagnostic[] = [];
  let text = raw.replace(/^\ufeff/, '');
  const nuls = count(text, /\u0000/g);
  if (nuls > 0) {
    text = text.replace(/\u0000/g, '');
    diagnostics.push(diagnostic('nul-bytes-removed', 'info', `Fjernede ${nuls} NUL-byte(s) fra teksten.`));
  }
  text = text.replace(/\r\n?/g, '\n');
  const repaired = repairMojibake(text);
  if (repaired.codepage) {
    text = repaired.text;
    diagnostics.push(
      diagnostic(
        'mojibake-repaired',
        'warning',
        `Rettede ${repaired.repairs} ord med forkert tegnsæt (UTF-8-tekst læst som ${repaired.codepage}).`,
        { quote: repaired.example },
      ),
    );
  }
  let pageStarts: number[] | null = null;
  if (opts.pages !== false && text.includes('\f')) {
    const parts = text.split('\f');
    while (parts.length > 1 && parts[parts.length - 1].trim() === '') parts.pop();
    if (parts.length > 1) {
      pageStarts = [];
      let out = '';
      for (let i = 0; i < parts.length; i++) {
        if (i > 0 && !out.endsWith('\n')) out += '\n';
        pageStarts.push(out.length);
        out += parts[i];
      }
      text = out;
    } else {
      text = parts[0] ?? '';
    }
  }
  if (pageStarts === null) text = text.replace(/\f/g, '\n');
  return { text, pageStarts, diagnostics };
}

const LINE_BREAK_TAG = /<br\s*\/?>/gi;
const INLINE_TAG = /<\/?(?:strong|b|em|i|u|span|p|font)(?:\s[^<>]{0,80})?>/gi;

/**
 * Text saved from a web page or an e-paper viewer with its HTML line breaks and emphasis left in
 * ("Økonomiudvalget<br />", "<strong>Referat</strong><br />"): the tags are markup, not text. Only
 * when several lines end in a break tag, so a text that merely mentions a tag keeps it.
 */
function withoutLineBreakTags(text: string): { text: string; removed: number } {
  const endings = text.match(/<br\s*\/?>[ \t]*(?:\r?\n|$)/gi)?.length ?? 0;
  if (endings < 3) return { text, removed: 0 };
  let removed = 0;
  const out = text.replace(LINE_BREAK_TAG, () => (removed++, '')).replace(INLINE_TAG, () => (removed++, ''));
  return { text: out, removed };
}

/** Reads a plain-text file. */
export function readText(input: Uint8Array): ParsedText {
  const decoded = decodeBytes(input);
  const tagged = withoutLineBreakTags(decoded.text);
  const norm = cleanDecodedText(tagged.text);
  const diagnostics = [...norm.diagnostics];
  if (tagged.removed > 0) diagnostics.push(diagnostic('html-tags-removed', 'info', `Teksten er kopieret fra en webside med HTML-koder; ${tagged.removed} koder (fx »<br />«) er fjernet.`));
  const starts = norm.pageStarts ?? [0];
  let pages = starts.map((start, k) => norm.text.slice(start, k + 1 < starts.length ? starts[k + 1] - 1 : norm.text.length));
  // Text saved from web pages keeps their UI words ("Udskriv", "Til toppen", "Udvalg Ikon").
  pages = pages.map((page) => page.split('\n').map(uiStripped).join('\n'));
  const transcript = pages.length === 1 ? transcriptPages(pages[0]) : null;
  if (transcript) {
    pages = transcript;
    diagnostics.push(diagnostic('transcript-pages', 'info', `Teksten er en fremviserudskrift af en PDF med ${transcript.length} side(r), én linje pr. side; sidetallene er læst som sideskift.`));
  } else if (pages.length > 1) {
    // Paged text (form feeds): drop the running page headers and footers.
    const result = removeRunningTextLines(pages);
    pages = result.pages;
    if (result.removed > 0) diagnostics.push(diagnostic('running-headers-removed', 'info', `Fjernede ${result.removed} gentagne sidehoved-/sidefodslinjer (fx »${result.example}«).`));
  } else {
    // Unpaged text copied out of a PDF keeps its page numbers as lines of their own.
    const result = removePageMarkerLines(pages[0]);
    pages = [result.text];
    if (result.removed > 0) diagnostics.push(diagnostic('running-headers-removed', 'info', `Fjernede ${result.removed} sidetalslinjer (fx »${result.example}«).`));
  }
  const pageStarts: number[] = [];
  let offset = 0;
  for (const page of pages) { pageStarts.push(offset); offset += page.length + 1; }
  return { format: 'txt', text: pages.join('\n'), pageStarts: norm.pageStarts || transcript ? pageStarts : null, headingStarts: [], encoding: decoded.encoding, diagnostics };
}

/** A line with UI residue removed, keeping its indentation (so the line's offsets barely move). */
function uiStripped(line: string): string {
  if (!line.trim()) return line;
  const stripped = stripUiText(line) ?? '';
  const lead = line.length - line.trimStart().length;
  return stripped === line.trim() ? line : line.slice(0, lead) + stripped;
}
