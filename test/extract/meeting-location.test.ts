/** Where the meeting was held, in the writings of small bodies' headers. */
import { describe, it, expect } from 'vitest';
import { fromText } from '../families/helpers.js';

const location = async (header: string[]) => (await fromText([...header, '', '1. Godkendelse af dagsorden', '', 'Beslutning', 'Godkendt.', ''].join('\n'))).meeting?.location ?? null;

describe('meeting location', () => {
  it('"Hvor:" as a label', async () => {
    expect(await location(['Dagsorden/Referat fra Skolebestyrelsesmøde', '', 'Dato: 03-04-2024 kl. 18:00-20:00', 'Hvor: Agerskov'])).toBe('Agerskov');
  });
  it('the place after the time, after a dash or "på", without what follows "samt"', async () => {
    expect(await location(['Referat 25. maj 2022', '', 'Skolebestyrelsesmøde den 25. maj kl.18.30-21.00 - Personalerummet'])).toBe('Personalerummet');
    expect(await location(['Referat', '', 'Torsdag den 9. juni 2022 kl. 09.00 – 11.45 på Selmersbo samt efterfølgende frokost på havnen'])).toBe('Selmersbo');
  });
  it('not a word after the time that names no place', async () => {
    expect(await location(['Referat', '', 'Torsdag den 9. juni 2022 kl. 09.00 - aflyst'])).toBeNull();
  });
});

describe('meeting location in run-together and run-on headers', () => {
  it('after a time range and a comma', async () => {
    expect(await location(['REFERAT', '', 'Torsdag den 15. marts 2018 kl. 12.30 – 16.00, Mødelokale 292, 2. sal, Rådhuset, 7500 Holstebro'])).toBe('Mødelokale 292, 2. sal, Rådhuset, 7500 Holstebro');
  });
  it('a place label inside a run-together line, up to the next label', async () => {
    expect(await location(['1 Dagsorden Forum: Handicaprådet Tid: 14. marts 2018, kl Sted: Mødelokale 915, Blok C, 2 sal Deltagere: Steen Christiansen, Bjarke Juul, Susanne Kremmer'])).toBe('Mødelokale 915, Blok C, 2 sal');
    expect(await location(['Referat Dato: 27. februar 2014 Tidspunkt: Sted: Helsingør Renseanlæg, Færgevej 5, Helsingør I mødet deltager: Formand Per Tærsbøl'])).toBe('Helsingør Renseanlæg, Færgevej 5, Helsingør');
  });
  it('without the member list run on after it, or an empty label before it', async () => {
    expect(await location(['Referat', 'Mødested: Rådssalen, Lejrevej 15, 4320, Allerslev Jens K. Jensen (V) Lulle Zahle (Løsgænger)'])).toBe('Rådssalen, Lejrevej 15, 4320, Allerslev');
    expect(await location(['Referat', 'Mødested: Deltagere: Borgmesterens mødelokale'])).toBe('Borgmesterens mødelokale');
  });
  it('a label with nothing but another label is no place', async () => {
    expect(await location(['Referat', 'Mødested: Udsendelsesdato:'])).toBeNull();
  });
});

describe('meeting location between the date and the time', () => {
  it('"… 17. maj 2018 hos DSAM Kl. 16:00": the place before the time', async () => {
    expect(await location(['Tid og sted:', '', 'Torsdag, den 17. maj 2018 hos DSAM Kl. 16:00 - 18:00'])).toBe('DSAM');
  });
  it('not the company a title names after the date without a time', async () => {
    expect(await location(['Referat af bestyrelsesmøde den 27. februar 2014 i Forsyning Helsingør Spildevand A/S'])).toBeNull();
  });
});
