/** Attendance lists of small bodies, which write first names only. */
import { describe, it, expect } from 'vitest';
import { fromText } from '../families/helpers.js';

const people = async (header: string[]) =>
  ((await fromText([...header, '', '1. Godkendelse af dagsorden', '', 'Beslutning', 'Godkendt.', ''].join('\n'))).participants ?? []).map((p) => `${p.name}${p.status === 'absent' ? ' (afbud)' : ''}`);

describe('participants written as first names', () => {
  it('an absence sentence listing first names', async () => {
    expect(await people(['Referat af møde i Seniorrådet 9. juni 2022', '', 'Afbud fra Jesper, Marianne, Kjeld Flemming og Niels.'])).toEqual(['Jesper (afbud)', 'Marianne (afbud)', 'Kjeld Flemming (afbud)', 'Niels (afbud)']);
  });
  it('"Til stede var" with first names, and a label with first names', async () => {
    expect(await people(['Referat af lokalrådsmødet 6. marts 2017', '', 'Til stede var Karen, Mette, Thomas og Jørgen'])).toEqual(['Karen', 'Mette', 'Thomas', 'Jørgen']);
    expect(await people(['Referat af bestyrelsesmøde 3. april 2024', '', 'Afbud: Lene, Ole'])).toEqual(['Lene (afbud)', 'Ole (afbud)']);
  });
  it('not a lone first name among full names (a name cut off), nor capitalised words that are not names', async () => {
    expect(await people(['Referat af Byrådet 12. december 2012', '', 'Medlemmer: Søren Pape Poulsen, Per Møller Jensen, Niels Dueholm, Mette'])).toEqual(['Søren Pape Poulsen', 'Per Møller Jensen', 'Niels Dueholm']);
    expect(await people(['Referat af Lokalrådet 6. marts 2017', '', 'Afbud fra Kommunen, Regionen.'])).toEqual([]);
    expect(await people(['Referat af Lokalrådet 6. marts 2017', '', 'Til stede var hele bestyrelsen.'])).toEqual([]);
  });
});

describe('names with party letters run together in a flattened header', () => {
  it('the run is the member list, its status from the last attendance label before it in the line', async () => {
    expect(await people(['Referat fra Økonomiudvalget Mødedato: Mandag den 6. oktober 2014 Mødested: Deltagere: Borgmesterens mødelokale Johnny Søtrup (V), Henrik Vallø (C), Henning Ravn (V), Jakob Lose (V)'])).toEqual(['Johnny Søtrup', 'Henrik Vallø', 'Henning Ravn', 'Jakob Lose']);
    expect(await people(['Referat fra Økonomiudvalget 6. oktober 2014 Afbud: Diana Mose Olsen (F), John Snedker (A), Henning Overgaard (Ø)'])).toEqual(['Diana Mose Olsen (afbud)', 'John Snedker (afbud)', 'Henning Overgaard (afbud)']);
  });
  it('not two names with party letters in a sentence', async () => {
    expect(await people(['Referat fra Økonomiudvalget 6. oktober 2014', 'Borgmester Johnny Søtrup (V) og Henrik Vallø (C) bød velkommen.'])).toEqual([]);
  });
});

describe('a member list under its label', () => {
  it('closed by a full stop, with a name particle, is still a list of names', async () => {
    expect(await people(['Referat af Ældrerådet 15. marts 2018', '', 'Medlemmer:', '', 'Erik Mitens, Mette Bille, Vera Refsgaard Agerbæk, Leif Carøe, Jytte von Seelen.', '', 'Fraværende: Jytte von Seelen']))
      .toEqual(['Erik Mitens', 'Mette Bille', 'Vera Refsgaard Agerbæk', 'Leif Carøe', 'Jytte von Seelen (afbud)']);
  });
  it('a sentence with a full stop under the label is not read as names', async () => {
    expect(await people(['Referat af Ældrerådet 15. marts 2018', '', 'Medlemmer:', '', 'Alle var til stede, undtagen formanden.'])).toEqual([]);
  });
  it('guests under their own label are not the absent list\'s', async () => {
    expect(await people(['Referat af Ældrerådet 15. marts 2018', '', 'Fraværende: Jytte von Seelen', '', 'Gæst:', '', 'Jens Kr. Hedegaard, formand for Social- og Sundhedsudvalget']))
      .toEqual(['Jytte von Seelen (afbud)', 'Jens Kr. Hedegaard']);
  });
});

describe('a member list broken over lines', () => {
  const list = ['Referat', 'Økonomiudvalget', 'Mødedato: Onsdag den 12. december 2012', 'Medlemmer: Søren Pape Poulsen, Per Møller Jensen, Niels Dueholm, Mette', 'Nielsen, Søren Gytz Olesen, Inger Jakobsen,', 'Nina Hygum, Ib Bjerregaard', 'Fraværende: Ingen'];
  it('is one list: a name broken at the line end stays whole', async () => {
    expect(await people(list)).toEqual(['Søren Pape Poulsen', 'Per Møller Jensen', 'Niels Dueholm', 'Mette Nielsen', 'Søren Gytz Olesen', 'Inger Jakobsen', 'Nina Hygum', 'Ib Bjerregaard']);
  });
  it('"Name, affiliation" a line is an entry a line, not one run-on list', async () => {
    expect(await people(['Referat', 'Integrationsrådet', '', 'Til stede:', 'Ruth Jensen, LyngbyGuiderne', 'Bjarne Olsen, Lyngby Frivillignet', 'Mette Hoff, Kommunalbestyrelsen'])).toEqual(['Ruth Jensen', 'Bjarne Olsen', 'Mette Hoff']);
    // one line of two full names under the label is a list of two
    expect(await people(['Referat', 'Økonomiudvalget', '', 'Afbud:', 'Jens Erik Jørgensen, Hanne Bæk Olsen'])).toEqual(['Jens Erik Jørgensen (afbud)', 'Hanne Bæk Olsen (afbud)']);
  });
  it('on a page that shows only the contents, the header reaches down to them', async () => {
    const contents = ['', 'Indholdsfortegnelse', '1. Anskaffelse af IT-system ........ 3', '2. Udbud på monopolområdet ........ 5', '3. Eventuelt ........ 7'];
    const r = await fromText(['Viborg Kommune', 'Referat', 'Økonomiudvalget', 'Mødedato: Onsdag den 12. december 2012', 'Mødetidspunkt: 12:30', 'Sluttidspunkt: 16:40', 'Mødelokale: M5/Rådhuset', 'Bemærkninger: Ingen', 'Udsendt: 5. december 2012', 'Referent: Jens Hansen', 'Side 1', ...list.slice(3), ...contents].join('\n'));
    expect(r.items.map((i) => i.number)).toEqual([1, 2, 3]);
    expect((r.participants ?? []).map((p) => p.name)).toContain('Ib Bjerregaard');
  });
});

describe('a member list inside a run-together header line', () => {
  it('after an attendance label, up to the next label; initials and abbreviated given names stay inside a name', async () => {
    expect(await people(['ÅBEN DAGSORDEN ØKONOMIUDVALG Mødedato: 12. august 2014 Mødested: Gl. Rådhus Mødetidspunkt: 16:00 Mødet hævet: Deltagere: Peder Chr. Kirkegaard, Anna-Lise Vestergaard, Niels Ole D. Nielsen, Bent Dyrberg Fraværende: Referent: Lissi Petersen']))
      .toEqual(['Peder Chr. Kirkegaard', 'Anna-Lise Vestergaard', 'Niels Ole D. Nielsen', 'Bent Dyrberg', 'Lissi Petersen']);
  });
  it('not a sentence after the label', async () => {
    expect(await people(['Referat Mødedato: 12. august 2014 Mødested: Rådhuset Deltagere: Udvalget, forvaltningen og borgerne var inviteret, men mødet blev aflyst.'])).toEqual([]);
  });
});

describe('a members\' list under a label the vocabulary does not know', () => {
  it('"Bestyrelsen: …" with three names or more is the members\' list; under "Afbud:" it is absent', async () => {
    expect(await people(['Bestyrelsesmøde 29. januar 2016 kl. 10.00', '', 'Bestyrelsen: Niels O. Pedersen, Villum Christensen, Klaus Hansen og Elmer Jacobsen']))
      .toEqual(['Niels O. Pedersen', 'Villum Christensen', 'Klaus Hansen', 'Elmer Jacobsen']);
    expect(await people(['Bestyrelsesmøde 17. maj 2018', '', 'Afbud:', '', 'Bestyrelsen: Dorte Jarbøl, Annemette Pihl Lundberg, Maria Bach Nikolajsen']))
      .toEqual(['Dorte Jarbøl (afbud)', 'Annemette Pihl Lundberg (afbud)', 'Maria Bach Nikolajsen (afbud)']);
  });
  it('not a label over other words', async () => {
    expect(await people(['Bestyrelsesmøde 29. januar 2016', '', 'Emne: Budget, regnskab og Halsebyparken'])).toEqual([]);
  });
});

describe('member lists run together in a transcript\'s header line', () => {
  it('names with party letters and no commas: each party letter ends a name', async () => {
    expect(await people(['1 Referat fra møde i Økonomiudvalget Tirsdag den 18. maj 2010 Kl i Borgmesterens kontor Mødedeltagere: Ole Find Jensen (A) John Schmidt Andersen (V) Kim Rockhill (A) Side 1 af 56']))
      .toEqual(['Ole Find Jensen', 'John Schmidt Andersen', 'Kim Rockhill']);
  });
  it('a comma list after an inline label ends where other words begin', async () => {
    expect(await people(['1 Egebjerg Kommune Kommunalbestyrelsen Referat Dato: 15-maj-2002 Mødested: Kommunalbestyrelsens mødelokaler Mødedeltagere: Arne Ebsen, Birger Jensen, Christian Ulrich, Vibeke Rindom åben møde kl. 19']))
      .toEqual(['Arne Ebsen', 'Birger Jensen', 'Christian Ulrich', 'Vibeke Rindom']);
  });
});
