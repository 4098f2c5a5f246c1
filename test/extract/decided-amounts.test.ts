/**
 * The sums items decide (amounts[].decided, items[].decidedAmount), on real minutes: the bundled samples,
 * the Ballerup PDF in test/fixtures/real and real-world texts. A sum counts where an approved decision,
 * or the recommendation it approves, grants it; not where it is only mentioned, broken down or totalled.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { convertFile } from '../../src/convert.js';
import type { Referat } from '../../schemas/referat.js';
import { analyzeText, samplePath } from '../helpers.js';

const fixture = (p: string) => fileURLToPath(new URL(`../fixtures/${p}`, import.meta.url));
const realWorld = (name: string) => readFileSync(fileURLToPath(new URL(`../real-world/${name}.txt`, import.meta.url)), 'utf8');

async function convert(path: string): Promise<Referat> {
  return (await convertFile(path, { read: { ocr: 'off' } })).referat;
}
const decided = (r: Referat) => r.amounts.filter((a) => a.decided).map((a) => ({ item: a.item, raw: a.raw, value: a.value }));
const item = (r: Referat, n: number) => r.items.find((i) => i.number === n)!;

describe('sample 004 (Sundhedsklynge Vest): "Indstillingen blev godkendt" approves the sums the recommendation names', () => {
  for (const ext of ['txt', 'docx', 'pdf']) {
    test(ext, async () => {
      const r = await convert(samplePath(`004_8a7553dc6f277047.${ext}`));
      // item 2: "Godkender projektet og udmøntningen på kr. 900.000."; item 3: "Godkender anvendelsen af
      // 220.000 kr. til projektet (75.000 kr. i 2023 og 145.000 kr. i 2024)."
      expect(decided(r)).toEqual([
        { item: 2, raw: 'kr. 900.000', value: 900_000 },
        { item: 3, raw: '220.000 kr.', value: 220_000 },
      ]);
      expect(item(r, 2).decidedAmount).toBe(900_000);
      expect(item(r, 3).decidedAmount).toBe(220_000);
      expect(item(r, 1).decidedAmount).toBeNull();
      // the same sums mentioned in the case text ("udgifter for kr. 900.000", "ca. 220.000 kr.") and the
      // breakdown by year are not decided
      const undecided = r.amounts.filter((a) => !a.decided).map((a) => a.value);
      expect(undecided).toEqual(expect.arrayContaining([900_000, 220_000, 75_000, 145_000]));
    });
  }
});

test('sample 001: the approved financing is decided; a sum reported under an item that was noted is not', async () => {
  const r = await convert(samplePath('001_7b1df9de962b88b2.txt'));
  expect(decided(r)).toEqual([{ item: 5, raw: '1.035.458 kr.', value: 1_035_458 }]);
  // "det politiske formandskab har godkendt, at der anvendes i alt 177.200 kr." in an orientation
  const reported = r.amounts.find((a) => a.value === 177_200)!;
  expect(reported.decided).toBe(false);
  expect(item(r, reported.item!).decision?.outcome).toBe('noted');
});

test('Ballerup 2012 (PDF): the grant counted once though the sum stands four times; a breakdown table and its total are not decided', async () => {
  const r = await convert(fixture('real/02_ballerup_sundheds-og-forebyggelsesudvalget_referat_2012-12-04.pdf'));
  expect(r.amounts.filter((a) => a.value === 1_316_000)).toHaveLength(4);
  expect(decided(r)).toEqual([{ item: 2, raw: '1.316.000 kr.', value: 1_316_000 }]);
  expect(item(r, 2).decidedAmount).toBe(1_316_000);
  // item 6 lists its spending (200.000 kr., 250.000 kr., ... "I alt 2.890.000 kr."); the recommendation
  // approves a prioritisation and names no sum
  const item6 = r.amounts.filter((a) => a.item === 6);
  expect(item6.length).toBeGreaterThan(5);
  expect(item6.every((a) => !a.decided)).toBe(true);
  expect(item(r, 6).decidedAmount).toBeNull();
});

describe('real-world minutes that only mention money', () => {
  test.each([
    // "danner grundlag for bevillingen fra Region Midtjylland på 100.000 kr." (case text, no decision)
    'rwB12_hedensted_det-faelles-landdistriktsraad_2023-08-31',
    // "Oversigt over bevillinger …", "et restbudget på 160.000 kr." under an item taken as noted
    'rwA13_nyborg_erhvervs-og-udviklingsudvalget_2021-10-04',
    // an approved budget follow-up that states "mindreudgifter på 1,3 mio. kr." and grants nothing
    'rwA04_naestved_kultur-og-demokratiudvalget_2018-09-03',
  ])('%s: amounts, none decided', (name) => {
    const r = analyzeText(realWorld(name)).referat;
    expect(r.amounts.length).toBeGreaterThan(0);
    expect(decided(r)).toEqual([]);
    expect(r.items.every((i) => i.decidedAmount === null)).toBe(true);
  });
});

describe('the sentence decides', () => {
  const minutes = (decision: string) =>
    analyzeText(`Referat\nØkonomiudvalget\nMøde den 3. marts 2024\n\n1. Tilskud til foreningen\n\nSagsfremstilling\nForeningen søger 80.000 kr.\n\nBeslutning\n${decision}\n`).referat;
  test('a grant in the decision', () => {
    expect(decided(minutes('Godkendt. Der bevilges 50.000 kr. til foreningen, heraf 10.000 kr. i 2024.'))).toEqual([{ item: 1, raw: '50.000 kr.', value: 50_000 }]);
  });
  test('a refused grant decides nothing', () => {
    expect(decided(minutes('Godkendt, at der ikke bevilges 50.000 kr. til foreningen.'))).toEqual([]);
  });
});
