/** item-missing-decision: misreadings that are not items without a decision. */
import { describe, expect, test } from 'vitest';
import { check } from '../util.js';

const head = 'Referat fra møde i Økonomiudvalget\n\nTirsdag den 18. maj 2024 i Borgmesterens kontor\n\n';
const entries = ['Sag nr. 74 Orientering om likviditet 2024', 'Sag nr. 75 Årsregnskab 2023', 'Sag nr. 76 Budgetopfølgning pr. 31. marts 2024', 'Sag nr. 77 Opgørelse af driftsoverskud'];

describe('item-missing-decision: items whose headings stand three or more on one line', () => {
  test('are a flattened table of contents: not reported', () => {
    const text = `${head}Indhold Åben dagsorden ${entries.join(' ')} Side 2 af 56\n\nSag nr. 78 Aftale vedrørende anvisning af ældreboliger\n\nSagsfremstilling\n\nSagen forelægges.\n\nBeslutning\n\nGodkendt.\n`;
    expect(check(text, 'item-missing-decision')).toEqual([]);
  });
  test('the same items each on a line of its own, without decisions, are reported', () => {
    const text = `${head}${entries.map((e) => `${e}\n\nSagsfremstilling\n\nSagen forelægges.\n`).join('\n')}\nSag nr. 78 Aftale vedrørende anvisning af ældreboliger\n\nSagsfremstilling\n\nSagen forelægges.\n\nBeslutning\n\nGodkendt.\n`;
    const ds = check(text, 'item-missing-decision');
    expect(ds).toHaveLength(4);
    ds.forEach((d, k) => expect(d.message).toContain(`${entries[k]}« har ingen beslutning`));
  });
});

describe('item-missing-decision: minutes with no decision heading anywhere', () => {
  // A transcript of a local committee's minutes: each page a line, the proposal and the record run together.
  const pages = [
    '2 1. Spørgsmål fra borgere og oplæg ( ) 1. at Lokaludvalget tager eventuelle henvendelser fra borgere samt oplæg til efterretning. Der er de første 30 minutter åbent for henvendelser fra borgere. Lokaludvalget tager eventuelle henvendelser fra borgere samt oplæg til efterretning. Der var ingen henvendelser fra borgere. Side 1',
    '3 2. Godkendelse af dagsorden ( ) 1. at Lokaludvalget godkender dagsorden. Lokaludvalget godkendte dagsorden, men skød punkt 10 til udvalgsmødet i januar. Afbud Kim Christensen Side 2',
    '4 3. Meddelelser ( ) Fra Sekretariatet Julehygge i Folkets Park, tirsdag d. 10. december 2024. Fra Formandskabet Side 3',
  ];
  const text = (last: string) => ['REFERAT for mødet den 12.12.2024, kl. 17:30 i Lundtoftegade 87', '', 'Transkript', '', ...pages.flatMap((p) => [p, '']), last].join('\n');
  test('several items without one are one finding about the document', () => {
    const ds = check(text(''), 'item-missing-decision');
    expect(ds).toHaveLength(1);
    expect(ds[0]).toMatchObject({ severity: 'warning', item: 1 });
    expect(ds[0].message).toMatch(/^Ingen af referatets punkter har en beslutningsoverskrift .* 3 punkter har ingen markeret beslutning: Punkt 1 »Spørgsmål fra borgere og oplæg«, Punkt 2 »Godkendelse af dagsorden«, Punkt 3 »Meddelelser«/);
  });
  test('where another item has a decision heading, each item without one is reported', () => {
    const ds = check(text('5 4. Eventuelt\n\nBeslutning\n\nIntet.\n'), 'item-missing-decision');
    expect(ds.map((d) => d.item)).toEqual([1, 2, 3]);
  });
});
