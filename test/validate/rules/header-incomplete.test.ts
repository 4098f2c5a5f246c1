/**
 * header-incomplete on headers of real minutes: a field the header states in a way the pipeline does
 * not read is not missing. Each passage is a header as published (transcripts run its lines together).
 */
import { describe, expect, test } from 'vitest';
import { check, item } from '../util.js';

const body = [item(1, 'Godkendelse af dagsorden'), item(2, 'Budgetopfølgning for 1. kvartal')].join('\n');
const messages = (...header: string[]) => check(`${header.join('\n')}\n\n${body}`, 'header-incomplete').map((d) => d.message);

describe('header-incomplete: the place', () => {
  test('a room and a building without a label, a label followed by another label, a place in a sentence', () => {
    expect(messages('Økonomiudvalget', 'Åben beslutningsprotokol 25. juni 2024 kl. 10:00 Lokale D116, Silkeborg Rådhus Afbud: Jens Erik Jørgensen')).toEqual([]);
    expect(messages('Referat fra Økonomiudvalget Mødedato: Mandag den 6. oktober 2014 Mødetidspunkt: 9:30-11:00 Mødested: Deltagere: Borgmesterens mødelokale Johnny Søtrup (V)')).toEqual([]);
    expect(messages('Mødet blev afholdt i Byrådssalen, Torvegade 7, 8450 Hammel, kl', '', 'Styregruppemøde den 10. april 2013')).toEqual([]);
    expect(messages('Egebjerg Kommune Kommunalbestyrelsen Referat Dato: Mødested: Udsendelsesdato: Afbud fra: Onsdag den 15-maj-2002 Kommunalbestyrelsens mødelokaler Fraværende: Ingen.')).toEqual([]);
  });
  test('a header that names no place is reported', () => {
    expect(messages('Økonomiudvalget', 'Åben beslutningsprotokol 25. juni 2024 kl. 10:00 Afbud: Jens Erik Jørgensen')).toEqual([expect.stringMatching(/^Mødestedet mangler/)]);
    // "sted" in prose is no label; a line of the contents names no place.
    expect(messages('Økonomiudvalget', 'Åben beslutningsprotokol 25. juni 2024 kl. 10:00. Mødet finder sted efter en drøftelse med regionen.')).toEqual([expect.stringMatching(/^Mødestedet mangler/)]);
    expect(messages('Økonomiudvalget 25. juni 2024', 'Dagsorden KOM 19-027 Forslag til skolestruktur for folkeskoler ...... 3 KOM 19-028 Overdragelse ...... 6')).toEqual([expect.stringMatching(/^Mødestedet mangler/)]);
    // The label alone, followed by the next label, states nothing.
    expect(messages('Referat fra Økonomiudvalget Mødedato: Mandag den 6. oktober 2014 Mødetidspunkt: 9:30-11:00 Mødested: Deltagere: Johnny Søtrup (V)')).toEqual([expect.stringMatching(/^Mødestedet mangler/)]);
  });
});

describe('header-incomplete: the body', () => {
  test('a body named in a run-together transcript header', () => {
    expect(messages('Økonomiudvalget den 21. januar 2002 Side 1 af 9 KOMMUNE U DSKRIFT Økonomiudvalget 21. januar 2002 kl. 16.00 i mødelokale 2 Mødedeltagere: Knud B. Christoffersen')).toEqual([]);
  });
  test('a word that only contains a body\'s name names no body', () => {
    expect(messages('Torsdag den 9. juni 2022 kl. 09.00 på Selmersbo samt afslutningsfrokost med Seniorrådgivningen', '', 'Afbud fra Jesper, Marianne.')).toEqual([expect.stringMatching(/hvilket udvalg eller forum/)]);
  });
});

describe('header-incomplete: the date', () => {
  // The layout of a Greenlandic municipality's pages: labels over values, the month in English.
  const page = (date: string) =>
    check(['210126 – Femogtyvende ordinære kommunalbestyrelsesmøde', '', 'Udvalg', 'Kommunalbestyrelsen', 'Dato', date, 'Titel', 'Forside', '', 'Sagsfremstilling', '', 'Beslutning', '', 'Medlemmer', 'Charlotte Ludvigsen (IA)', '', 'Godkendelse af dagsorden', '', 'Sagsfremstilling', '', 'Beslutning', '', 'Dagsorden godkendt.', ''].join('\n'), 'header-incomplete').map((d) => d.message);
  test('a date label with a dated value under it states the date', () => {
    expect(page('26. January 2021 -')).toEqual([expect.stringMatching(/^Mødestedet mangler/)]);
  });
  test('a date label with nothing under it does not', () => {
    expect(page('')).toEqual([expect.stringMatching(/^Mødedatoen mangler/), expect.stringMatching(/^Mødestedet mangler/)]);
  });
});
