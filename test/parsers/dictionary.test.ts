import { describe, expect, test } from 'vitest';
import { dictionaryLoaded, isDanishWord, SUFFIXES, warmDictionary } from '../../parsers/dictionary.js';

describe('isDanishWord', () => {
  test('loads lazily, once', () => {
    warmDictionary();
    expect(dictionaryLoaded()).toBe(true);
  });

  test('listed words, in any usual case', () => {
    for (const w of ['sammenhæng', 'Sammenhæng', 'SAMMENHÆNG', 'møde', 'udvalg']) expect(isDanishWord(w), w).toBe(true);
  });

  test('inflected forms', () => {
    for (const w of ['mødet', 'møderne', 'udvalgets', 'anbefalede', 'anvendt', 'kommunernes', 'medlemmer', 'programmet', 'funktionelle']) {
      expect(isDanishWord(w), w).toBe(true);
    }
  });

  test('compounds the word list allows, with their linking letters', () => {
    for (const w of ['Sundhedsaftalen', 'sundhedsklyngerne', 'projektleder', 'implementeringsplanen', 'etableringsudgifter']) {
      expect(isDanishWord(w), w).toBe(true);
    }
  });

  test('glued words that keep their hyphen', () => {
    for (const w of ['Socialog', 'PPRlederne', 'Sundhedsklyngeog', 'MüllerNielsen', 'ungei', 'bornog', 'nielsen']) {
      expect(isDanishWord(w), w).toBe(false);
    }
  });

  test('suffixes are listed longest first', () => {
    for (let i = 1; i < SUFFIXES.length; i++) expect(SUFFIXES[i].length).toBeLessThanOrEqual(SUFFIXES[i - 1].length);
  });
});
