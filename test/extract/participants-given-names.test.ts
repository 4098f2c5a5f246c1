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
