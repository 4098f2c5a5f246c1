import { describe, expect, it } from 'vitest';
import { analyzeText, sampleText } from '../helpers.js';
import { parseNameEntry, parseNameList, isPersonName } from '../../src/extract/names.js';
import { classifyOutcome } from '../../src/extract/decision.js';
import { parseNumberList } from '../../src/extract/item-absences.js';
import { cleanBody, levelOf } from '../../src/extract/meeting.js';

describe('names', () => {
  it('strips party letters, titles, roles and e-mail addresses', () => {
    expect(parseNameEntry('Pia Kronborg Lund (A) - formand')).toMatchObject({ name: 'Pia Kronborg Lund', affiliation: 'A', role: 'formand' });
    expect(parseNameEntry('Direktør for Sundhed og Omsorg Lene Bruun Ravnsbæk, Gjessø Kommune')).toMatchObject({ name: 'Lene Bruun Ravnsbæk', affiliation: 'Gjessø Kommune' });
    expect(parseNameEntry('Direktør for Social og Beskæftigelse Henrik Bøgelund, Gjessø Kommune')?.name).toBe('Henrik Bøgelund');
    expect(parseNameEntry('Udvalgsformand Sundhed-, Kultur- og Fritidsudvalget, Torben Overgaard Nielsen, Thisted Kommune, ton@thisted.dk')?.name).toBe('Torben Overgaard Nielsen');
    expect(parseNameEntry('Mette Grønbech Lauridsen: Deltog')?.name).toBe('Mette Grønbech Lauridsen');
    expect(parseNameEntry('Mia Holm, mia.holm@region.dk, tlf. 22 33 44 55')).toMatchObject({ name: 'Mia Holm', affiliation: null });
    expect(parseNameEntry('Mia Holm, Region Midtjylland, mobil: +45 2233 4455')).toMatchObject({ name: 'Mia Holm', affiliation: 'Region Midtjylland' });
    expect(parseNameEntry('mia.holm@region.dk, Mia Holm')).toMatchObject({ name: 'Mia Holm', offset: 20 });
    expect(parseNameEntry('Hanne Lund (A) formand')).toMatchObject({ name: 'Hanne Lund', affiliation: 'A', role: 'formand' });
    expect(parseNameEntry('Chefkonsulent Per Riis, Varde Kommune (afbud)')).toMatchObject({ name: 'Per Riis', affiliation: 'Varde Kommune' });
  });
  it('reads a run-on participant line with affiliations and (Fravær) markers', () => {
    const names = parseNameList('Bo Libergren, V, Mette Bossen Linnet, V (Fravær), Johannes Lundsfryd, Middelfart Kommune, Knud Erik Langhoff. Kolding Kommune, Birgitte Ries Møller, PLO');
    expect(names.map((n) => n.name)).toEqual(['Bo Libergren', 'Mette Bossen Linnet', 'Johannes Lundsfryd', 'Knud Erik Langhoff', 'Birgitte Ries Møller']);
    expect(names[1].marker).toBe('Fravær');
    expect(names[3].affiliation).toBe('Kolding Kommune');
  });
  it('tells names from organisations', () => {
    expect(isPersonName('Anne-Mette Fuglsang')).toBe(true);
    expect(isPersonName('Region Nordjylland')).toBe(false);
    expect(isPersonName('Gjessø Kommune')).toBe(false);
  });
});

describe('outcome', () => {
  it('classifies decision texts', () => {
    expect(classifyOutcome('Indstillingen blev godkendt.')).toBe('approved');
    expect(classifyOutcome('Orientering om status blev taget til efterretning.')).toBe('noted');
    expect(classifyOutcome('Fagligt strategisk niveau besluttede at sende projektbeskrivelsen tilbage til projektgruppen.')).toBe('returned');
    expect(classifyOutcome('Punktet blev udsat til næste møde.')).toBe('postponed');
    expect(classifyOutcome('Forslaget blev ikke godkendt.')).toBe('rejected');
    expect(classifyOutcome('Udvalget drøftede sagen.')).toBe('discussed');
    expect(classifyOutcome('Ikke vedtaget.')).toBe('rejected');
    expect(classifyOutcome('Forslaget blev nedstemt.')).toBe('rejected');
    expect(classifyOutcome('Anbefalet.')).toBe('approved');
    expect(classifyOutcome('Sagen blev sendt retur til forvaltningen.')).toBe('returned');
    expect(classifyOutcome('Formanden besluttede at udsætte punktet.')).toBe('postponed');
    expect(classifyOutcome('Punktet blev drøftet. Sagen genoptages på det kommende møde.')).toBe('postponed');
  });
  it('does not take a minority\'s objection for the decision', () => {
    expect(classifyOutcome('Godkendt. Ø kan ikke godkende indstillingen.')).toBe('approved');
    expect(classifyOutcome('Anbefales. Erik Sørensen (O) kunne ikke anbefale indstillingen.')).toBe('approved');
    expect(classifyOutcome('Et flertal (A, V) godkendte indstillingen. Et mindretal (Ø) stemte imod.')).toBe('approved');
    expect(classifyOutcome('Et mindretal (Ø) kan ikke godkende.')).toBe('rejected');
  });
});

describe('item numbers in absence sentences', () => {
  it('expands lists and ranges', () => {
    expect(parseNumberList('5, 6, 7')).toEqual([5, 6, 7]);
    expect(parseNumberList('6 – 9')).toEqual([6, 7, 8, 9]);
    expect(parseNumberList('1 og 2')).toEqual([1, 2]);
  });
});

describe('meeting header helpers', () => {
  it('removes the level suffix and dates from a body', () => {
    expect(cleanBody('REFERAT Sundhedsklynge Sønderjylland - Fagligt strategisk niveau d. 25-05-2023')).toBe('Sundhedsklynge Sønderjylland');
    expect(cleanBody('Møde i Sundhedsklynge Nordsjælland - politisk niveau d. 15 marts 2024')).toBe('Sundhedsklynge Nordsjælland');
    expect(cleanBody('Referat politisk møde Sundhedsklynge Vest 10. maj')).toBe('Sundhedsklynge Vest');
    expect(levelOf('Sundhedsklynge X - Fagligt strategisk niveau')).toBe('fagligt strategisk');
  });
});

describe('extraction on the field samples', () => {
  it('001: header, participants with (Fravær), per-item absences, decisions', () => {
    const { referat } = analyzeText(sampleText('001_7b1df9de962b88b2.txt'));
    expect(referat.meeting).toMatchObject({ body: 'Sundhedsklynge Lillebælt', date: '2024-04-26', startTime: '12:30', location: 'Kongshøj Plejehjem', level: 'politisk' });
    const absent = referat.participants.filter((p) => p.status === 'absent').map((p) => p.name).sort();
    expect(absent).toEqual(['Jette Damsø Henriksen', 'Mette Bossen Linnet', 'Steen Wrist']);
    expect(referat.participants.filter((p) => p.status === 'present')).toHaveLength(8);
    for (const p of referat.participants) expect(referat.text.slice(p.span.start, p.span.end).replace(/\s+/g, ' ')).toBe(p.name);
    expect([...referat.items[1].absent].sort()).toEqual(['Jette Damsø Henriksen', 'Mette Bossen Linnet', 'Steen Wrist']);
    expect(referat.items[0].decision).toMatchObject({ outcome: 'noted' });
    expect(referat.items[9].decision).toBeNull();
    expect(referat.items[1].recommendations).toEqual(['Tager oplæg og rundvisning til efterretning.']);
  });
  it('000: the decision sends the project description back', () => {
    const { referat } = analyzeText(sampleText('000_94bc2a59beba3b57.txt'));
    expect(referat.items[0].decision?.outcome).toBe('returned');
    expect(referat.meeting?.level).toBe('fagligt strategisk');
    expect(referat.items[0].recommendations.length).toBeGreaterThanOrEqual(2);
  });
  it('004: header lists with titles and e-mails, the year of "10. maj" inferred with a diagnostic', () => {
    const { referat } = analyzeText(sampleText('004_8a7553dc6f277047.txt'));
    expect(referat.meeting?.date).toBe('2023-05-10');
    expect(referat.diagnostics.map((d) => d.code)).toContain('meeting-date-year-inferred');
    const names = referat.participants.map((p) => p.name);
    expect(names).toContain('Torben Overgaard Nielsen');
    expect(names).toContain('Jørgen Rørbæk');
    expect(referat.participants.find((p) => p.name === 'Lina Hundebøll Jespersen')?.status).toBe('absent');
    expect(referat.participants.find((p) => p.name === 'Jørgen Rørbæk')?.substituteFor).toBe('Lina Hundebøll Jespersen');
  });
  it('003 is a memo: no meeting, no items, amounts and dates still found', () => {
    const { referat } = analyzeText(sampleText('003_e413edb90be0967c.txt'));
    expect(referat.documentType).toBe('memo');
    expect(referat.meeting).toBeNull();
    expect(referat.items).toEqual([]);
    expect(referat.amounts.map((a) => a.value)).toEqual([400000]);
  });
  it('ties absences to items by number: ranges, departures and in-item sentences', () => {
    const text = [
      'Referat', 'Møde i Udvalget for Sundhed', 'tirsdag den 9. april 2024 kl. 16:00', 'Deltagere:', 'Anna Holm (A)', 'Bent Lund (V)- deltog ikke i behandlingen af punkt: 2, 3', 'Carl Berg (C)', '',
      '1. Godkendelse af dagsorden', 'Beslutning', 'Godkendt.', '',
      '2. Budget', 'Beslutning', 'Godkendt. Carl Berg (C) forlod mødet kl. 17.40 efter punkt 2.', '',
      '3. Eventuelt', 'Beslutning', 'Intet. Anna Holm (A) deltog ikke i udvalgets behandling af sagen.',
    ].join('\n');
    const { referat } = analyzeText(text);
    expect(referat.items.map((i) => [...i.absent].sort())).toEqual([[], ['Bent Lund'], ['Anna Holm', 'Bent Lund', 'Carl Berg']]);
    expect(referat.participants.every((p) => p.status === 'present')).toBe(true);
  });
  it('a member under a "Fraværende:" label is absent, though the member list names every member', () => {
    const text = [
      'Referat', 'Ældre- og Sundhedsudvalget', 'Mødedato: Tirsdag den 5. marts 2024', '', 'Medlemmer:', 'Anne Hansen (A), formand', 'Bo Jensen (V)', 'Dorthe Madsen (F)', '',
      'Fraværende: Dorthe Madsen (F)', '', 'Afbud: Bo Jensen (V), punkt 2', '',
      '1. Godkendelse af dagsorden', 'Beslutning', 'Godkendt.', '', '2. Budget', 'Beslutning', 'Godkendt.',
    ].join('\n');
    const { referat } = analyzeText(text);
    const status = Object.fromEntries(referat.participants.map((p) => [p.name, p.status]));
    // a partial absence (one item) leaves the member present at the meeting
    expect(status).toEqual({ 'Anne Hansen': 'present', 'Bo Jensen': 'present', 'Dorthe Madsen': 'absent' });
  });
});

describe('meeting header', () => {
  it('reads "Start:" and "Slut:" labels as the meeting times', () => {
    const { referat } = analyzeText('Referat\nByrådet\nMødedato: 05.03.2024\nStart: 16:00\nSlut: 18:00\nLokale: Byrådssalen\n\n1. Eventuelt\nBeslutning\nIntet.\n');
    expect(referat.meeting).toMatchObject({ date: '2024-03-05', startTime: '16:00', endTime: '18:00', location: 'Byrådssalen' });
  });
});

describe('document type', () => {
  it('tells an agenda (items, no decisions yet) from minutes and says why', () => {
    const agenda = 'Dagsorden\nMøde i Social- og Sundhedsudvalget\nTirsdag den 3. september 2024 kl. 16:00\nMødested: Rådhuset, lokale 2\n\n1. Godkendelse af dagsorden\nSagsfremstilling\nDagsordenen forelægges.\nIndstilling\nDirektionen indstiller, at dagsordenen godkendes.\nBeslutning\n\n2. Budget 2025\nSagsfremstilling\nBudgettet er på 45,3 mio. kr.\nIndstilling\nDirektionen indstiller, at budgettet godkendes.\nBeslutning\n';
    const { referat } = analyzeText(agenda);
    expect(referat.documentType).toBe('agenda');
    expect(referat.meeting).toMatchObject({ body: 'Social- og Sundhedsudvalget', date: '2024-09-03', location: 'Rådhuset, lokale 2' });
    expect(referat.diagnostics.find((d) => d.code === 'document-type')?.message).toMatch(/ingen beslutninger/);
  });
  it('reads a letter without items as a memo and still finds its amounts and dates', () => {
    const { referat } = analyzeText('Kære alle\n\nVi mødes igen den 4. oktober 2024, og sekretariatet sender et notat om økonomien (ca. 2 mio. kr.).\n\nVenlig hilsen\nSekretariatet');
    expect(referat.documentType).toBe('memo');
    expect(referat.amounts.map((a) => [a.value, a.approximate])).toEqual([[2000000, true]]);
    expect(referat.dates.map((d) => d.date)).toEqual(['2024-10-04']);
    expect(referat.diagnostics.map((d) => d.code)).toContain('no-items-found');
  });
});
