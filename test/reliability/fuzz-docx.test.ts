/** Mutation fuzzing of the DOCX reader (see fuzz.ts): 150 mutated sample DOCX files (bytes, and XML inside), fixed seed, 10 s each. */
import { expect, test } from 'vitest';
import { sampleBytes } from './corpus.js';
import { describeSummary, fuzz, mutateBytes, mutateDocxXml, type Rand } from './fuzz.js';

const DOCX = ['000_94bc2a59beba3b57.docx', '001_7b1df9de962b88b2.docx', '002_2b64a8c1b9967320.docx', '003_e413edb90be0967c.docx', '004_8a7553dc6f277047.docx'];

test('150 mutated DOCX files: each ends with a result or a one-line IngestError within 10 s', async () => {
  // even iterations mutate the archive's bytes, odd ones the XML inside a well-formed archive
  const mutate = (input: Buffer, rand: Rand, i: number) => (i % 2 === 0 ? mutateBytes(input, rand) : mutateDocxXml(input, rand));
  const s = await fuzz({ name: 'docx', sources: DOCX.map(sampleBytes), iterations: 150, seed: 0x5eed_0002, limitMs: 10_000, mutate, ext: 'docx' });
  console.log(describeSummary('DOCX', s));
  expect(s.failures).toEqual([]);
  expect(s.runs).toBe(150);
  // the XML mutations get past the zip layer: some inputs still convert
  expect(s.results).toBeGreaterThan(10);
}, 170_000);
