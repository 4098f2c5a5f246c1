/** The item chain (bestChain, n log n) chooses exactly what comparing every pair of candidates chose. */
import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { bestChain, type Candidate } from '../../src/segment/items.js';

/** The former quadratic chain: every earlier candidate with a lower number is a possible predecessor. */
function referenceChain(cands: Candidate[]): { chain: Candidate[]; total: number } {
  const n = cands.length;
  const best = new Array<number>(n).fill(0);
  const from = new Array<number>(n).fill(-1);
  let top = -1;
  for (let i = 0; i < n; i++) {
    best[i] = cands[i].score;
    for (let j = 0; j < i; j++) {
      if (cands[j].parsed.number >= cands[i].parsed.number) continue;
      const gap = cands[i].parsed.number - cands[j].parsed.number - 1;
      const value = best[j] + cands[i].score - Math.min(2, gap * 0.4);
      if (value > best[i]) { best[i] = value; from[i] = j; }
    }
    if (top < 0 || best[i] > best[top]) top = i;
  }
  const chain: Candidate[] = [];
  for (let k = top; k >= 0; k = from[k]) chain.unshift(cands[k]);
  return { chain, total: top >= 0 ? best[top] : 0 };
}

const candidate = (number: number, score: number, index: number): Candidate => ({
  line: { index, start: index * 10, end: index * 10 + 5, textStart: index * 10, text: `${number}. Sag`, isHeading: false } as unknown as Candidate['line'],
  parsed: { family: 'dot', number, title: 'Sag', titleOffset: 3, kind: null, gluedHeading: null } as Candidate['parsed'],
  score,
});

describe('bestChain', () => {
  test('same chain and total as the pairwise reference, ties and gaps included', () => {
    // scores in halves, as the cues give them, so that ties between chains are common
    const cands = fc.array(fc.tuple(fc.integer({ min: 1, max: 30 }), fc.integer({ min: 3, max: 12 }).map((h) => h / 2)), { maxLength: 60 });
    fc.assert(
      fc.property(cands, (pairs) => {
        const list = pairs.map(([number, score], k) => candidate(number, score, k));
        const got = bestChain(list);
        const want = referenceChain(list);
        expect(got.total).toBe(want.total);
        expect(got.chain).toEqual(want.chain);
      }),
      { numRuns: 2000, seed: 20261204 },
    );
  });

  test('a run of items in order is one chain', () => {
    const list = Array.from({ length: 50 }, (_, k) => candidate(k + 1, 2, k));
    expect(bestChain(list).chain).toHaveLength(50);
  });
});
