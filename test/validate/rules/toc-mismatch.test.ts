/** toc-mismatch on layouts of real minutes: a document that stops early, titles the segmenter did not head. */
import { describe, expect, test } from 'vitest';
import { check, item, minutes } from '../util.js';

const header = ['Mødedato: 12. marts 2024', '', 'Mødested: Rådhuset', ''];
const toc = (lines: string[]) => ['Indholdsfortegnelse', '', ...lines, ''];
const entries = ['1. Godkendelse af dagsorden', '2. Budgetopfølgning for 1. kvartal', '3. Nyt plejecenter i Vestbyen', '4. Trafikplan for bymidten', '5. Mødeplan for 2025', '6. Eventuelt'];

describe('toc-mismatch: the entries after the last item the body holds', () => {
  test('are one finding that asks whether part of the document is missing', () => {
    const text = minutes({ header: [...header, ...toc(entries)], items: [item(1, 'Godkendelse af dagsorden'), item(2, 'Budgetopfølgning for 1. kvartal')] });
    const ds = check(text, 'toc-mismatch');
    expect(ds).toHaveLength(1);
    expect(ds[0]).toMatchObject({ severity: 'warning', item: 3 });
    expect(ds[0].message).toMatch(/^De sidste 4 punkter i indholdsfortegnelsen \(3 »Nyt plejecenter i Vestbyen« til 6 »Eventuelt«\) findes ikke i referatet, som slutter med punkt 2 »Budgetopfølgning for 1\. kvartal«\. Mangler der en del af dokumentet\?/);
  });
  test('an entry missing between items, or one missing last entry, is still reported on its own', () => {
    const between = minutes({ header: [...header, ...toc(entries.slice(0, 4))], items: [item(1, 'Godkendelse af dagsorden'), item(2, 'Budgetopfølgning for 1. kvartal'), item(4, 'Trafikplan for bymidten')] });
    expect(check(between, 'toc-mismatch').map((d) => d.message)).toEqual([expect.stringMatching(/^Punkt 3 »Nyt plejecenter i Vestbyen« står i indholdsfortegnelsen, men findes ikke i referatet/)]);
    const last = minutes({ header: [...header, ...toc(entries.slice(0, 3))], items: [item(1, 'Godkendelse af dagsorden'), item(2, 'Budgetopfølgning for 1. kvartal')] });
    expect(check(last, 'toc-mismatch').map((d) => d.message)).toEqual([expect.stringMatching(/^Punkt 3 »Nyt plejecenter i Vestbyen« står i indholdsfortegnelsen, men findes ikke/)]);
  });
});

describe('toc-mismatch: an entry whose title heads a line of the body', () => {
  // The body writes item 3 as a plain line in a list that starts again at 1, so the segmenter does not head it.
  const body = (third: string) => [item(1, 'Godkendelse af dagsorden'), item(2, 'Budgetopfølgning for 1. kvartal'), third, item(4, 'Trafikplan for bymidten')];
  test('is not missing from the minutes', () => {
    const text = minutes({ header: [...header, ...toc(entries.slice(0, 4))], items: body('Referat:\n\n  1. Nyt plejecenter i Vestbyen\n\nUdvalget drøftede placeringen af det nye plejecenter.\n') });
    expect(check(text, 'toc-mismatch')).toEqual([]);
  });
  test('an entry that no line of the body begins with is missing', () => {
    const text = minutes({ header: [...header, ...toc(entries.slice(0, 4))], items: body('Referat:\n\nUdvalget drøftede placeringen af et nyt plejecenter i Vestbyen.\n') });
    expect(check(text, 'toc-mismatch').map((d) => d.message)).toEqual([expect.stringMatching(/^Punkt 3 »Nyt plejecenter i Vestbyen« står i indholdsfortegnelsen, men findes ikke/)]);
  });
});

describe('toc-mismatch: an item whose title stands in the contents run together', () => {
  // A transcript glues the first entry, without its number, to the title line above the list.
  const titles = ['Spørgsmål fra borgere og oplæg', 'Budgetopfølgning for 1. kvartal', 'Nyt plejecenter i Vestbyen', 'Trafikplan for bymidten'];
  const contents = (first: string) => [`REFERAT for mødet i Lokaludvalget ${first} ( ) 1`, ...titles.slice(1).map((t, k) => `${k + 2}. ${t} ( ) ${k + 2}`), ''];
  const items = titles.map((t, k) => item(k + 1, t, { heading: `${k + 1}. ${t}` }));
  test('is not missing from the table of contents', () => {
    expect(check(minutes({ header: [...header, ...contents(titles[0])], items }), 'toc-mismatch')).toEqual([]);
  });
  test('an item the contents do not name is missing from them', () => {
    expect(check(minutes({ header: [...header, ...contents('Velkomst')], items }), 'toc-mismatch').map((d) => d.message)).toEqual([expect.stringMatching(/^Punkt 1 »Spørgsmål fra borgere og oplæg« mangler i indholdsfortegnelsen/)]);
  });
});
