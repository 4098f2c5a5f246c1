/** date-without-year: dates whose year a reader can see are not reported. */
import { describe, expect, test } from 'vitest';
import { check, item, minutes } from '../util.js';

const withBody = (body: string, header = ['Mødedato: 04-06-2024', '', 'Mødested: Rådhuset']) =>
  check(minutes({ title: 'Referat fra Økonomiudvalget', header, items: [item(1, 'Godkendelse af dagsorden', { body })] }), 'date-without-year');

describe('date-without-year: the meeting date repeated without its year', () => {
  // A published page's title that drops the year, above the header that has it.
  const page = (title: string) => check(`${title}\n\nMødedato: Fredag den 1. marts 2024\n\nMødested: Rådhuset\n\n${item(1, 'Godkendelse af dagsorden')}`, 'date-without-year');
  test('in the header, when the document writes it in full, is fine', () => {
    expect(page('Referat af rådsmøde i Medicinrådet. Afholdt fredag den 1. marts Kl')).toEqual([]);
  });
  test('another day in the header, or the meeting date in the body, is reported', () => {
    expect(page('Referat af rådsmøde i Medicinrådet. Afholdt fredag den 8. marts Kl').map((d) => d.quote)).toEqual(['fredag den 8. marts']);
    expect(withBody('Administrationen indstiller, at dagsorden for mødet den 4. juni bliver godkendt.').map((d) => [d.severity, d.quote])).toEqual([['info', '4. juni']]);
  });
  test('a meeting date written nowhere with its year is a warning', () => {
    const ds = withBody('Dagsorden for mødet den 4. juni bliver godkendt.', ['Mødedato: 4. juni', '', 'Mødested: Rådhuset']);
    expect(ds.map((d) => [d.severity, d.quote])).toEqual([['warning', '4. juni'], ['info', '4. juni']]);
  });
});

describe('date-without-year: a year elsewhere in the sentence', () => {
  test('is not taken as the date\'s year', () => {
    expect(withBody('Foreningen har meldt ud, at årsmødet 2024 er fastlagt til dagene 10. og 11. maj.').map((d) => d.quote)).toEqual(['11. maj']);
    expect(withBody('Budget 2025 behandles igen på mødet den 9. april.').map((d) => d.quote)).toEqual(['9. april']);
  });
});
