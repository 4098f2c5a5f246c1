/** Mutation fuzzing of the PDF reader (see fuzz.ts): 150 mutated sample PDFs, fixed seed, 10 s each. */
import { expect, test } from 'vitest';
import { sampleBytes } from './corpus.js';
import { describeSummary, fuzz, mutateBytes } from './fuzz.js';

const PDFS = ['000_94bc2a59beba3b57.pdf', '001_7b1df9de962b88b2.pdf', '002_2b64a8c1b9967320.pdf', '003_e413edb90be0967c.pdf', '004_8a7553dc6f277047.pdf'];

test('150 mutated PDFs: each ends with a result or a one-line IngestError within 10 s', async () => {
  const s = await fuzz({ name: 'pdf', sources: PDFS.map(sampleBytes), iterations: 150, seed: 0x5eed_0001, limitMs: 10_000, mutate: mutateBytes, ext: 'pdf' });
  console.log(describeSummary('PDF', s));
  expect(s.failures).toEqual([]);
  expect(s.runs).toBe(150);
}, 170_000);
