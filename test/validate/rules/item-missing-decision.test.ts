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
