/**
 * Every rule both ways: an invented passage that triggers it and one that does not, run through the
 * real pipeline (analyze) and the rule.
 */
import { describe, expect, test } from 'vitest';
import { check, codes, item, minutes } from './util.js';
import { RULES } from '../../src/validate/index.js';
import fc from 'fast-check';
import { findAddresses } from '../../src/validate/rules/personal-data.js';

const clean = minutes();

test('the clean passage has no findings at all', () => {
  expect(check(clean)).toEqual([]);
});

test('every rule has an English kebab-case id, a Danish description and a severity', () => {
  const ids = RULES.map((r) => r.meta.id);
  expect(new Set(ids).size).toBe(ids.length);
  for (const r of RULES) {
    expect(r.meta.id).toMatch(/^[a-z]+(-[a-z]+)*$/);
    expect(['error', 'warning', 'info']).toContain(r.meta.defaultSeverity);
    expect(r.meta.description).toMatch(/[æøå]|skal|må/);
  }
});

describe('header-incomplete', () => {
  test('reports each missing field once, pointing at the title', () => {
    const text = minutes({ header: ['Deltagere: Anne Hansen (A), Bo Jensen (V)'], title: 'Referat' });
    const ds = check(text, 'header-incomplete');
    const msgs = ds.map((d) => d.message).join('\n');
    expect(ds).toHaveLength(3);
    expect(msgs).toMatch(/Mødedatoen mangler/);
    expect(msgs).toMatch(/hvilket udvalg eller forum/);
    expect(msgs).toMatch(/Mødestedet mangler/);
    expect(ds.every((d) => d.severity === 'warning' && d.quote === 'Referat')).toBe(true);
  });
  test('only the place missing', () => {
    const text = minutes({ header: ['Mødedato: 12. marts 2024', '', 'Deltagere: Anne Hansen (A), Bo Jensen (V)'] });
    expect(check(text, 'header-incomplete').map((d) => d.message)).toEqual([expect.stringMatching(/^Mødestedet mangler/)]);
  });
  test('a complete header, and a memo without a header, give nothing', () => {
    expect(check(clean, 'header-incomplete')).toEqual([]);
    expect(check('Notat om budgettet\n\nDette notat beskriver budgettet for 2024 og de forventede udgifter.\n', 'header-incomplete')).toEqual([]);
  });
});

describe('item-missing-decision', () => {
  test('an item without a decision section is an error', () => {
    const text = minutes({ items: [item(1, 'Godkendelse af dagsorden'), item(2, 'Budgetopfølgning', { decision: null }), item(3, 'Eventuelt')] });
    const ds = check(text, 'item-missing-decision');
    expect(ds).toHaveLength(1);
    expect(ds[0]).toMatchObject({ severity: 'error', item: 2, quote: 'Punkt 2: Budgetopfølgning' });
    expect(ds[0].message).toMatch(/Punkt 2 »Budgetopfølgning« har ingen beslutning/);
  });
  test('an empty decision heading is reported', () => {
    const text = minutes({ items: [item(1, 'Godkendelse af dagsorden'), item(2, 'Budgetopfølgning', { decision: '' }), item(3, 'Eventuelt')] });
    const ds = check(text, 'item-missing-decision');
    expect(ds).toHaveLength(1);
    expect(ds[0].message).toMatch(/overskriften »Beslutning«, men ingen tekst/);
    expect(ds[0].item).toBe(2);
  });
  test('a written orientation without a decision is only a warning', () => {
    const text = minutes({ items: [item(1, 'Godkendelse af dagsorden'), item(2, 'Skriftlig orientering: Status på byggeriet', { decision: null })] });
    const ds = check(text, 'item-missing-decision');
    expect(ds.map((d) => d.severity)).toEqual(['warning']);
  });
  test('agendas, closed items and attendance items are not reported', () => {
    const agenda = ['Dagsorden for Økonomiudvalget', '', 'Mødedato: 12. marts 2024', '', item(1, 'Godkendelse af dagsorden', { decision: null }), item(2, 'Budget', { decision: null })].join('\n');
    expect(check(agenda, 'item-missing-decision')).toEqual([]);
    const closed = minutes({ items: [item(1, 'Godkendelse af dagsorden'), 'Punkt 2: Lukket punkt: Salg af grund\n\nLukket punkt\n', item(3, 'Eventuelt')] });
    expect(check(closed, 'item-missing-decision')).toEqual([]);
    const signatures = minutes({ items: [item(1, 'Godkendelse af dagsorden'), '2. Underskriftsark\n\nTil toppen af siden\n', item(3, 'Eventuelt')].map((x) => x.replace(/^Punkt (\d+):/, '$1.')) });
    expect(check(signatures, 'item-missing-decision')).toEqual([]);
    expect(check(clean, 'item-missing-decision')).toEqual([]);
  });
});

describe('item-numbering', () => {
  test('a gap is a warning naming the missing number', () => {
    const text = minutes({ items: [item(1, 'Godkendelse af dagsorden'), item(2, 'Budget'), item(4, 'Eventuelt')] });
    const ds = check(text, 'item-numbering');
    expect(ds).toHaveLength(1);
    expect(ds[0]).toMatchObject({ severity: 'warning', item: 4 });
    expect(ds[0].message).toMatch(/Punkt 3 mangler: nummereringen springer fra punkt 2 til punkt 4/);
  });
  test('a number used twice is an error', () => {
    const text = minutes({ items: [item(1, 'Godkendelse af dagsorden'), item(2, 'Budget'), item(2, 'Anlægsregnskab for skolen'), item(3, 'Eventuelt')] });
    const ds = check(text, 'item-numbering');
    expect(ds.map((d) => d.severity)).toEqual(['error']);
    expect(ds[0].message).toMatch(/Punktnummer 2 er brugt to gange/);
  });
  test('an item out of order is an error', () => {
    const text = minutes({ items: [item(1, 'Godkendelse af dagsorden'), item(3, 'Budget'), item(4, 'Anlæg'), item(2, 'Skolestruktur'), item(5, 'Eventuelt')] });
    const ds = check(text, 'item-numbering');
    expect(ds.map((d) => d.severity)).toEqual(['error']);
    expect(ds[0].message).toMatch(/Punkt 2 står efter punkt 4/);
  });
  test('consecutive numbers, and "Punkt 3" in an attachment list, give nothing', () => {
    expect(check(clean, 'item-numbering')).toEqual([]);
    const text = minutes({ items: [item(1, 'Godkendelse af dagsorden'), item(2, 'Budget', { decision: 'Godkendt.\n\nBilag\n\nPunkt 1 Budgetnotat 2024\n\nPunkt 2 Oversigt' }), item(3, 'Eventuelt')] });
    expect(check(text, 'item-numbering')).toEqual([]);
    const dotted = minutes({ items: [item(1, 'Godkendelse af dagsorden'), item(2, 'Regnskab', { decision: null, body: 'Regnskabet forelægges.\n\nBilagsnr\n\n1.    Regnskabsbemærkninger 2023\n\nBeslutning\n\nGodkendt.' }), item(3, 'Eventuelt')].map((x) => x.replace(/^Punkt (\d+):/, '$1.')) });
    expect(check(dotted, 'item-numbering')).toEqual([]);
  });
});

describe('toc-mismatch', () => {
  const toc = (lines: string[]) => ['Indholdsfortegnelse', '', ...lines, ''];
  const body = [item(1, 'Godkendelse af dagsorden'), item(2, 'Orientering om mødet i Regionsrådet den 16. januar 2023'), item(3, 'Status på klyngemidler og udmøntning')];
  const header = ['Mødedato: 12. marts 2024', '', 'Mødested: Rådhuset', ''];
  test('a date in a TOC title that differs from the heading is an error', () => {
    const text = minutes({ header: [...header, ...toc(['Godkendelse af dagsorden.....\t3', 'Orientering om mødet i Regionsrådet den 16. januar 2021.....\t4', 'Status på klyngemidler og udmøntning.....\t5'])], items: body });
    const ds = check(text, 'toc-mismatch');
    expect(ds).toHaveLength(1);
    expect(ds[0]).toMatchObject({ severity: 'error', item: 2, quote: '16. januar 2021' });
    expect(ds[0].message).toMatch(/»16\. januar 2021« ved punkt 2, men punktets overskrift skriver »16\. januar 2023«/);
  });
  test('a different title is a warning; a missing entry and a missing item too', () => {
    const text = minutes({ header: [...header, ...toc(['1. Godkendelse af dagsorden', '2. Orientering om mødet i Byrådet den 16. januar 2023', '3. Status på klyngemidler og udmøntning', '4. Nyt plejecenter'])], items: body });
    const ds = check(text, 'toc-mismatch');
    expect(ds.map((d) => [d.severity, d.item])).toEqual([['warning', 2], ['warning', 4]]);
    expect(ds[0].message).toMatch(/»… mødet i Byrådet den 16\. januar 2023« i indholdsfortegnelsen, men »… mødet i Regionsrådet den 16\. januar 2023« i referatet/);
    expect(ds[1].message).toMatch(/Punkt 4 »Nyt plejecenter« står i indholdsfortegnelsen, men findes ikke/);
  });
  test('a TOC entry under "Lukket referat" is not reported; a typical closed subject only as info', () => {
    const closed = minutes({ header: [...header, ...toc(['1. Godkendelse af dagsorden', '2. Orientering om mødet i Regionsrådet den 16. januar 2023', '3. Status på klyngemidler og udmøntning', 'Lukket referat', '4. Salg af grund'])], items: body });
    expect(check(closed, 'toc-mismatch')).toEqual([]);
    const subject = minutes({ header: [...header, ...toc(['1. Godkendelse af dagsorden', '2. Orientering om mødet i Regionsrådet den 16. januar 2023', '3. Status på klyngemidler og udmøntning', '4. Personalesag'])], items: body });
    expect(check(subject, 'toc-mismatch').map((d) => d.severity)).toEqual(['info']);
  });
  test('an item missing from the TOC', () => {
    const text = minutes({ header: [...header, ...toc(['Godkendelse af dagsorden.....\t3', 'Status på klyngemidler og udmøntning.....\t5'])], items: body });
    const ds = check(text, 'toc-mismatch');
    expect(ds).toHaveLength(1);
    expect(ds[0].message).toMatch(/Punkt 2 .* mangler i indholdsfortegnelsen/);
  });
  test('a TOC that agrees, with titles cut short (with or without …) and kind prefixes, gives nothing', () => {
    const text = minutes({ header: [...header, ...toc(['Godkendelse af dagsorden.....\t3', 'Orienteringspunkt: Orientering om mødet i Regionsrådet den 1…\t4', 'Status på klyngemidler og udmø\t5'])], items: body });
    expect(check(text, 'toc-mismatch')).toEqual([]);
  });
});

describe('date-mismatch', () => {
  const decided = (date: string) => minutes({ items: [item(1, 'Godkendelse af dagsorden', { decision: `Ingen bemærkninger.` }).replace('Beslutning', `Beslutning i Økonomiudvalget den ${date}`), item(2, 'Budget').replace('Beslutning', 'Beslutning i Økonomiudvalget den 12-03-2024')] });
  test('a decision heading dated another day than the meeting is an error', () => {
    const ds = check(decided('11-03-2024'), 'date-mismatch');
    expect(ds).toHaveLength(1);
    expect(ds[0]).toMatchObject({ severity: 'error', item: 1 });
    expect(ds[0].message).toMatch(/Den seneste beslutning i punkt 1 er dateret »11-03-2024« \(11\. marts 2024\), men mødet blev holdt 12\. marts 2024/);
    expect(check(decided('13-03-2024'), 'date-mismatch').map((d) => d.message)).toEqual([expect.stringMatching(/efter mødet 12\. marts 2024/)]);
  });
  test('decision headings of another body (earlier steps of the case) are not compared', () => {
    const text = decided('12-03-2024').replace('Beslutning i Økonomiudvalget den 12-03-2024\n\nGodkendt.', 'Beslutning i Børne- og Skoleudvalget den 20-02-2024\n\nAnbefalet.\n\nBeslutning i Økonomiudvalget den 12-03-2024\n\nGodkendt.');
    expect(check(text, 'date-mismatch')).toEqual([]);
    expect(check(decided('12-03-2024'), 'date-mismatch')).toEqual([]);
  });
  test("an item's history (earlier decisions of the same body) is fine; a decision dated after the meeting is not", () => {
    const history = minutes({ items: [item(1, 'Kulturstrategi').replace('Beslutning\n\nGodkendt.', 'Beslutning i Økonomiudvalget den 10-01-2024\n\nPunktet genoptages.\n\nBeslutning i Økonomiudvalget den 12-03-2024\n\nGodkendt.')] });
    expect(check(history, 'date-mismatch')).toEqual([]);
    const stale = minutes({ items: [item(1, 'Kulturstrategi').replace('Beslutning\n\nGodkendt.', 'Beslutning i Økonomiudvalget den 10-01-2024\n\nPunktet genoptages.\n\nBeslutning i Økonomiudvalget den 12-02-2024\n\nGodkendt.'), item(2, 'Budget').replace('Beslutning', 'Beslutning i Økonomiudvalget den 12-03-2024')] });
    expect(check(stale, 'date-mismatch').map((d) => d.message)).toEqual([expect.stringMatching(/^Den seneste beslutning i punkt 1 er dateret »12-02-2024«/)]);
    const later = minutes({ items: [item(1, 'Kulturstrategi').replace('Beslutning\n\nGodkendt.', 'Beslutning i Økonomiudvalget den 12-03-2024\n\nGodkendt.\n\nBeslutning i Økonomiudvalget den 12-03-2025\n\nGodkendt.'), item(2, 'Budget').replace('Beslutning', 'Beslutning i Økonomiudvalget den 12-03-2024')] });
    expect(check(later, 'date-mismatch').map((d) => d.message)).toEqual([expect.stringMatching(/dateret »12-03-2025« \(12\. marts 2025\), efter mødet 12\. marts 2024/)]);
  });
  test('all decision headings agreeing on another date than the header: one finding at the header', () => {
    const text = minutes({ items: [item(1, 'A-sag').replace('Beslutning', 'Beslutning i Økonomiudvalget den 19-03-2024'), item(2, 'B-sag').replace('Beslutning', 'Beslutning i Økonomiudvalget den 19-03-2024')] });
    const ds = check(text, 'date-mismatch');
    expect(ds).toHaveLength(1);
    expect(ds[0]).toMatchObject({ item: null });
    expect(ds[0].message).toMatch(/Mødedatoen i hovedet \(12\. marts 2024\) stemmer ikke med datoen i alle 2 beslutningsoverskrifter \(19\. marts 2024\)/);
  });
  test('"<Udvalg>s beslutning den …" headings are compared too', () => {
    const text = minutes({ items: [item(1, 'Budget').replace('Beslutning', 'Økonomiudvalgets beslutning den 11.03.2024'), item(2, 'Anlæg').replace('Beslutning', 'Økonomiudvalgets beslutning den 12.03.2024')] });
    expect(check(text, 'date-mismatch').map((d) => [d.item, d.quote])).toEqual([[1, 'Økonomiudvalgets beslutning den 11.03.2024']]);
  });
  test('a title date other than the meeting date', () => {
    const text = minutes({ title: 'Referat fra Økonomiudvalget den 14. marts 2024' });
    const ds = check(text, 'date-mismatch');
    expect(ds).toHaveLength(1);
    expect(ds[0].message).toMatch(/Datoen i titlen »14\. marts 2024«.*ikke mødedatoen 12\. marts 2024/);
  });
  test('a weekday that does not fit the date', () => {
    const text = minutes({ header: ['Mødedato: Onsdag den 12. marts 2024 kl. 16:00', '', 'Mødested: Rådhuset'] });
    const ds = check(text, 'date-mismatch');
    expect(ds).toHaveLength(1);
    expect(ds[0].message).toMatch(/12\. marts 2024 er en tirsdag, men der står »onsdag«/);
  });
});

describe('date-without-year', () => {
  test('the meeting date without a year is a warning with the inferred year; other dates are info', () => {
    const text = minutes({ title: 'Referat fra Økonomiudvalget', header: ['Mødedato: 12. marts', '', 'Mødested: Rådhuset'], items: [item(1, 'Budget 2024', { body: 'Budgettet for 2024 behandles igen på mødet den 9. april.' })] });
    const ds = check(text, 'date-without-year');
    expect(ds.map((d) => [d.severity, d.quote])).toEqual([['warning', '12. marts'], ['info', '9. april']]);
    expect(ds[0].message).toMatch(/læst som 12\. marts 2024.*»12\. marts 2024«/);
  });
  test('a list of dates without a year is one finding', () => {
    const text = minutes({ items: [item(1, 'Mødeplan', { body: 'Møderne holdes tirsdage:\n\n14. maj, 11. juni, 13. august\nog 10. september.' })] });
    const ds = check(text, 'date-without-year');
    expect(ds).toHaveLength(1);
    expect(ds[0].message).toMatch(/^Datoerne »14\. maj«, »11\. juni«, »13\. august«, »10\. september« står uden årstal og er læst som 2024/);
  });
  test('dates with a year, or sharing one written on a neighbour, give nothing', () => {
    const text = minutes({ items: [item(1, 'Mødeplan', { body: 'Udvalget mødes den 14. maj, 11. juni og 10. september 2024.' })] });
    expect(check(text, 'date-without-year')).toEqual([]);
  });
});

describe('impossible-date', () => {
  test('31-02-2024 and 30. februar are reported', () => {
    const text = minutes({ items: [item(1, 'Frister', { body: 'Fristen er den 31-02-2024, og svar skal ske inden 30. februar 2024.' })] });
    const ds = check(text, 'impossible-date');
    expect(ds.map((d) => d.quote)).toEqual(['31-02-2024', '30. februar 2024']);
    expect(ds[0].message).toMatch(/findes ikke: februar 2024 har ikke en 31\. dag/);
  });
  test('29-02-2024 (a leap day) is fine', () => {
    const text = minutes({ items: [item(1, 'Frister', { body: 'Fristen er den 29-02-2024.' })] });
    expect(check(text, 'impossible-date')).toEqual([]);
  });
});

describe('absence-mismatch', () => {
  test('absent from an item but not on the participant list', () => {
    const text = minutes({ items: [item(1, 'Godkendelse af dagsorden'), item(2, 'Budget', { decision: 'Godkendt.\n\nFraværende: Erik Olsen (V)' })] });
    const ds = check(text, 'absence-mismatch');
    expect(ds).toHaveLength(1);
    expect(ds[0]).toMatchObject({ severity: 'warning', item: 2, quote: 'Erik Olsen' });
    expect(ds[0].message).toMatch(/står ikke på deltagerlisten/);
  });
  test('marked absent in the header but speaking in an item', () => {
    const text = minutes({ items: [item(1, 'Budget', { decision: 'Godkendt. Dorte Madsen bemærkede, at rammen er stram.' })] });
    const ds = check(text, 'absence-mismatch');
    expect(ds).toHaveLength(1);
    expect(ds[0].message).toMatch(/Dorte Madsen er meldt fraværende, men referatet skriver, at Dorte Madsen bemærkede/);
  });
  test('listed both as absent and present', () => {
    const text = minutes({ header: ['Mødedato: 12. marts 2024', '', 'Mødested: Rådhuset', '', 'Til stede:', '- Anne Hansen (A)', '- Dorte Madsen (O)', '', 'Afbud:', '- Dorte Madsen (O)'] });
    const ds = check(text, 'absence-mismatch');
    expect(ds).toHaveLength(1);
    expect(ds[0].message).toMatch(/Dorte Madsen står både som fraværende/);
  });
  test('a roster ("Deltagere" or "Medlemmer") with "Afbud" below is not "both"; nor is "(A)- afbud"', () => {
    const roster = minutes({ header: ['Mødedato: 12. marts 2024', '', 'Mødested: Rådhuset', '', 'Deltagere', '- Anne Hansen (A)', '- Bo Jensen (V)', '- Dorte Madsen (O)', '- Afbud', '- Dorte Madsen (O)'] });
    expect(check(roster, 'absence-mismatch')).toEqual([]);
    const marked = minutes({ header: ['Mødedato: 12. marts 2024', '', 'Mødested: Rådhuset', '', 'Til stede:', 'Anne Hansen (A)', 'Dorte Madsen (O)- afbud', 'Bo Jensen (V)'] });
    expect(check(marked, 'absence-mismatch')).toEqual([]);
  });
  test('absences that fit the list give nothing; a substitute line is not "present"', () => {
    const text = minutes({
      header: ['Mødedato: 12. marts 2024', '', 'Mødested: Rådhuset', '', 'Deltagere:', '- Anne Hansen (A)', '- Erik Olsen (V), stedfortræder for Dorte Madsen (O)', '', 'Afbud:', '- Dorte Madsen (O)'],
      items: [item(1, 'Budget', { decision: 'Godkendt.\n\nFraværende: Anne Hansen (A)' })],
    });
    expect(check(text, 'absence-mismatch')).toEqual([]);
    expect(check(clean, 'absence-mismatch')).toEqual([]);
  });
});

describe('personal-data', () => {
  test('a CPR number is an error', () => {
    const text = minutes({ items: [item(1, 'Klagesag', { body: 'Borgeren (cpr 010203-1234) har klaget. Anden borger: 050378-1042.' })] });
    const ds = check(text, 'personal-data');
    expect(ds.map((d) => [d.severity, d.quote])).toEqual([['error', '010203-1234'], ['error', '050378-1042']]);
    expect(ds[0].message).toMatch(/CPR-nummer/);
  });
  test('private e-mail addresses are errors; work addresses are fine', () => {
    const text = minutes({ header: ['Mødedato: 12. marts 2024', '', 'Mødested: Rådhuset', '', 'Deltagere:', '- Anne Hansen, anne.h@hotmail.dk', '- Bo Jensen, bo@rn.dk', '- Carl Nielsen, carl1960@yahoo.co.uk', '- Eva Berg, eva@mail.dk'] });
    const ds = check(text, 'personal-data');
    expect(ds.map((d) => d.quote)).toEqual(['anne.h@hotmail.dk', 'carl1960@yahoo.co.uk', 'eva@mail.dk']);
    expect(ds.every((d) => d.severity === 'error')).toBe(true);
  });
  test('addresses are found from each "@" exactly as one address pattern over the whole text finds them', () => {
    const pattern = /(?<![\p{L}\d._%+-])[\p{L}\d._%+-]+@([\p{L}\d-]+(?:\.[\p{L}\d-]+)+)/gu;
    const parts = fc.constantFrom('a', 'ø', 'x.y', '@', '@@', '.', 'gmail', 'com', 'dk', '-', '_', '%', '+', '1', ' ', '\n', ',', '(');
    fc.assert(
      fc.property(fc.array(parts, { maxLength: 30 }).map((a) => a.join('')), (text) => {
        const expected = [...text.matchAll(pattern)].map((m) => ({ start: m.index, address: m[0], domain: m[1] }));
        expect(findAddresses(text)).toEqual(expected);
      }),
      { numRuns: 3000, seed: 20261123 },
    );
  });
  test("a person's phone number is a warning", () => {
    const text = minutes({ header: ['Mødedato: 12. marts 2024', '', 'Mødested: Rådhuset', '', 'Deltagere:', '- Anne Hansen, tlf. 23 45 67 89', '- Bo Jensen (V), +45 31234567'] });
    const ds = check(text, 'personal-data');
    expect(ds.map((d) => [d.severity, d.quote])).toEqual([['warning', '23 45 67 89'], ['warning', '+45 31234567']]);
  });
  test('case numbers, amounts, dates and numbers without a person give nothing', () => {
    const text = minutes({ items: [item(1, 'Anlæg', { body: 'Sagsnr. 010203-1234 og j.nr. 2024-012345. Beløbet er 12.345.678 kr. Datoen 20240312. Hovednummeret er 70 10 20 30.' })] });
    expect(check(text, 'personal-data')).toEqual([]);
    expect(check(clean, 'personal-data')).toEqual([]);
  });
});

describe('placeholder', () => {
  test('template text is reported', () => {
    const body = 'Mødet holdes den xx.xx.xxxx. Udgiften er ?? kr. [indsæt beløb] TODO: tjek tal. Ansvarlig: <navn>. Kontakt XX for detaljer.';
    const ds = check(minutes({ items: [item(1, 'Budget', { body })] }), 'placeholder');
    expect(ds.map((d) => [d.quote, d.severity])).toEqual([
      ['xx.xx.xxxx', 'error'],
      ['?? kr.', 'error'],
      ['[indsæt beløb]', 'error'],
      ['TODO', 'error'],
      ['<navn>', 'error'],
      ['XX', 'warning'],
    ]);
  });
  test('XX inside words, roman numerals, "[…]" and links are not placeholders', () => {
    const body = 'Fra XXL-projektet og Johannes XXIII til det XX. århundrede; citat: "det [...] vigtige". Se <https://example.dk/navn>. Pave Pius XII.';
    expect(check(minutes({ items: [item(1, 'Historik', { body })] }), 'placeholder')).toEqual([]);
    expect(check(clean, 'placeholder')).toEqual([]);
  });
});

describe('table-total', () => {
  const table = (rows: string[]) => minutes({ items: [item(1, 'Budget', { body: ['Udgifterne fordeler sig således (kr.):', '', ...rows].join('\n') })] });
  test('a total row that is not the sum of the rows', () => {
    const ds = check(table(['Løn\t1.200.000', 'Drift\t350.000', 'Anlæg\t2.000.500', 'I alt\t3.550.000']), 'table-total');
    expect(ds).toHaveLength(1);
    expect(ds[0]).toMatchObject({ severity: 'warning', quote: 'I alt\t3.550.000'.replace('\t', ' ') });
    expect(ds[0].message).toMatch(/er 3\.550\.000, men de 3 rækker over den summerer til 3\.550\.500 \(forskel 500\)/);
  });
  test('a total at the top, pipe tables and several columns', () => {
    expect(check(table(['Samlet ramme\t3.549.518', 'Bevilget\t1.014.060', 'Godkendt\t1.500.000', 'Rest\t1.035.458']), 'table-total')).toEqual([]);
    const ds = check(table(['| Post | 2024 | 2025 |', '| Løn | 1,2 | 1,3 |', '| Drift | 0,4 | 0,5 |', '| I alt | 1,6 | 2,0 |']), 'table-total');
    expect(ds).toHaveLength(1);
    expect(ds[0].message).toMatch(/kolonnen »2025« er 2,0, men de 2 rækker over den summerer til 1,8 \(forskel 0,2\)/);
  });
  test('rounding of one unit in the last digit (mio.) is accepted', () => {
    expect(check(table(['Post\tmio. kr.', 'Løn\t2,3', 'Drift\t1,4', 'Anlæg\t0,4', 'I alt\t4,2']), 'table-total')).toEqual([]);
    expect(check(table(['Løn  1.200.000', 'Drift  350.000', 'I alt  1.550.000']), 'table-total')).toEqual([]);
  });
});

describe('amount-ambiguous', () => {
  test('"2.5 mio. kr." and "1. mio. kr." say how they were read', () => {
    const ds = check(minutes({ items: [item(1, 'Budget', { body: 'Rammen er 2.5 mio. kr., hvilket overstiger den godkendte ramme med 1. mio. kr.' })] }), 'amount-ambiguous');
    expect(ds.map((d) => d.quote)).toEqual(['2.5 mio. kr.', '1. mio. kr.']);
    expect(ds[0].message).toMatch(/decimalpunktum; det er læst som 2\.500\.000 kr\..*»2,5 mio\. kr\.«/);
    expect(ds[1].message).toMatch(/punktum efter tallet; det er læst som 1\.000\.000 kr\./);
    expect(ds.every((d) => d.severity === 'warning')).toBe(true);
  });
  test('Danish writing gives nothing', () => {
    expect(check(minutes({ items: [item(1, 'Budget', { body: 'Rammen er 2,5 mio. kr. og 1.500.000 kr.' })] }), 'amount-ambiguous')).toEqual([]);
  });
});

test('findings carry code, span, item and quote', () => {
  const ds = check(minutes({ items: [item(1, 'Godkendelse af dagsorden'), item(2, 'Budget', { body: 'Kontakt: eva@gmail.com' })] }));
  expect(codes(ds)).toEqual(['personal-data']);
  expect(ds[0]).toMatchObject({ item: 2, quote: 'eva@gmail.com', span: { page: null } });
  expect(ds[0].span!.end - ds[0].span!.start).toBe('eva@gmail.com'.length);
});
