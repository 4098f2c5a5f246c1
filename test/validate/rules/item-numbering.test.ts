/** item-numbering: numbered lines that are not item headings. */
import { describe, expect, test } from 'vitest';
import { check } from '../util.js';

const header = 'Referat fra Udvalget for Ældre og Sundhed\n\nMødedato: 4. juni 2024\n\nMødested: Rådhuset\n';
const item = (n: number, title: string, indstilling: string) =>
  `${n}. ${title}\n\n${title}\n\nIndstilling\n\nAdministrationen indstiller, at\n\n${indstilling}\nBeskrivelse af sagen\n\nSagen beskrives her.\n\nBeslutning\n\nGodkendt.\n`;
const points = (indent: string) => `${indent}1. anbefalingerne godkendes\n${indent}2. Udvalget for Ældre og Sundhed sikrer, at anbefalingerne udmøntes\n`;

describe('item-numbering: the numbered points of an Indstilling', () => {
  test('set in deeper than the item headings, they are not items out of order', () => {
    expect(check(`${header}\n${item(49, 'Godkendelse af dagsorden', 'dagsordenen godkendes\n')}\n${item(50, 'Anbefalinger fra Projektudvalget', points('  '))}`, 'item-numbering')).toEqual([]);
  });
  test('at the items\' own indentation, a heading-like point is still read as a misplaced item', () => {
    const ds = check(`${header}\n${item(49, 'Godkendelse af dagsorden', 'dagsordenen godkendes\n')}\n${item(50, 'Anbefalinger fra Projektudvalget', points(''))}`, 'item-numbering');
    expect(ds.map((d) => d.message)).toEqual([expect.stringMatching(/^Punkt 2 står efter punkt 50/)]);
  });
});

describe('item-numbering: a table of contents flattened onto one line and read as items', () => {
  const line = 'Indhold Åben dagsorden Sag nr. 74 Orientering om likviditet 2024 Sag nr. 75 Årsregnskab 2023 Sag nr. 76 Budgetopfølgning pr. 31. marts 2024 Sag nr. 79 Opgørelse af driftsoverskud Sag nr. 81 Overførsler på anlægsprojekter Side 2 af 56';
  test('its numbers are not the body\'s: no gaps reported', () => {
    expect(check(`Referat fra møde i Økonomiudvalget\n\nTirsdag den 18. maj 2024 i Borgmesterens kontor\n\n${line}\n\nSag nr. 93 Aftale vedrørende anvisning af ældreboliger\n`, 'item-numbering')).toEqual([]);
  });
});
