/**
 * The five field documents (samples/, as text and as PDF and DOCX renderings): the real findings are
 * reported, and nothing false of severity error. The expected list is the full list for each sample.
 */
import { describe, expect, test } from 'vitest';
import { convertFile } from '../../src/convert.js';
import { validator } from '../../src/validate/index.js';
import { reportable } from '../../src/commands/validate.js';
import { samplePath } from './util.js';

type Expect = [code: string, severity: string, item: number | null, quote: string | RegExp];

const EXPECTED: Record<string, Expect[]> = {
  '000_94bc2a59beba3b57': [],
  '001_7b1df9de962b88b2': [
    ['date-without-year', 'info', 2, '26. april'],
    ['date-without-year', 'info', 4, '12. november'],
    ['amount-ambiguous', 'warning', 5, '2.5 mio. kr.'],
    ['amount-ambiguous', 'warning', 5, '1. mio. kr.'],
    ['amount-ambiguous', 'warning', 5, '1.5 mio.'],
    ['amount-ambiguous', 'warning', 5, '1. mio. kr.'],
    ['item-missing-decision', 'warning', 10, /^Punkt 10: SKRIFTLIG ORIENTERING/],
  ],
  '002_2b64a8c1b9967320': [
    ['toc-mismatch', 'warning', 8, /på Det Nationale Forum$/],
    ['toc-mismatch', 'error', 10, '16. januar 2021'],
    ['date-without-year', 'info', 2, '6. december'],
    ['date-without-year', 'info', 4, '25. oktober'],
  ],
  '003_e413edb90be0967c': [],
  '004_8a7553dc6f277047': [
    ['header-incomplete', 'warning', null, 'Referat politisk møde Sundhedsklynge Vest 10. maj'],
    ['date-without-year', 'warning', null, '10. maj'],
    ['personal-data', 'error', 1, 'clonskov@gmail.com'],
    ['personal-data', 'error', 1, 'knutron1@yahoo.no'],
    ['date-without-year', 'info', 2, '27. april'],
    ['date-without-year', 'info', 2, '21. marts'],
    ['date-without-year', 'info', 4, '20. november'],
    ['date-without-year', 'info', 4, '21. marts'],
    ['item-numbering', 'warning', 6, '6 – Eventuelt'],
  ],
};

async function findings(file: string) {
  const ctx = await convertFile(samplePath(file), { validate: validator() });
  return reportable(ctx.referat.diagnostics);
}

describe.each(Object.entries(EXPECTED))('sample %s', (name, expected) => {
  test.each(['txt', 'docx', 'pdf'])('%s: exactly the expected findings', async (ext) => {
    const ds = await findings(`${name}.${ext}`);
    const got = ds.map((d) => [d.code, d.severity, d.item, d.quote]);
    expect(got).toHaveLength(expected.length);
    expected.forEach(([code, severity, item, quote], k) => {
      expect(got[k].slice(0, 3)).toEqual([code, severity, item]);
      if (typeof quote === 'string') expect(got[k][3]).toBe(quote);
      else expect(got[k][3]).toMatch(quote);
    });
    for (const d of ds) {
      expect(d.message.length).toBeGreaterThan(20);
      if (d.span) expect(d.span.end).toBeGreaterThanOrEqual(d.span.start);
      if (ext === 'pdf' && d.span) expect(d.span.page).toBeGreaterThanOrEqual(1);
    }
  });
});

test('the 6 December 2022 TOC names a January 2021 date where the body says 2023', async () => {
  const ds = await findings('002_2b64a8c1b9967320.txt');
  const d = ds.find((x) => x.code === 'toc-mismatch' && x.severity === 'error')!;
  expect(d.message).toMatch(/»16\. januar 2021« ved punkt 10, men punktets overskrift skriver »16\. januar 2023«/);
});

test('004: item 5 is missing, private e-mail addresses, the meeting date without a year', async () => {
  const ds = await findings('004_8a7553dc6f277047.txt');
  expect(ds.find((d) => d.code === 'item-numbering')!.message).toMatch(/^Punkt 5 mangler/);
  expect(ds.filter((d) => d.code === 'personal-data').map((d) => d.quote)).toEqual(['clonskov@gmail.com', 'knutron1@yahoo.no']);
  expect(ds.find((d) => d.code === 'date-without-year' && d.severity === 'warning')!.message).toMatch(/Mødedatoen »10\. maj« står uden årstal; den er læst som 10\. maj 2023/);
  // Work addresses (x@rn.dk, x@thisted.dk, x@morsoe.dk) are not findings.
  expect(ds.some((d) => /@(rn|thisted|morsoe)\.dk/.test(d.quote ?? ''))).toBe(false);
});

test('the diagnostics also land in the JSON of referat convert', async () => {
  const ctx = await convertFile(samplePath('004_8a7553dc6f277047.txt'), { validate: validator() });
  expect(ctx.referat.diagnostics.filter((d) => d.code === 'personal-data')).toHaveLength(2);
});
