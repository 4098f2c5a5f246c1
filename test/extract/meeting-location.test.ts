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
