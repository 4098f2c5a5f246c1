/** The line under a decision heading that says who decided and when is the heading's, not the decision's. */
import { describe, it, expect } from 'vitest';
import { fromText } from '../families/helpers.js';

const decisions = async (lines: string[]) => (await fromText(['Referat', 'Kultur- og Demokratiudvalget', '', ...lines, ''].join('\n'))).items.map((i) => i.decision?.text ?? null);

describe('decision attribution', () => {
  it('"<body>, <date>" on its own line, and run in before the text', async () => {
    expect(await decisions(['104. Orientering om scenekunst', '', 'Beslutning', '', 'Kultur- og Demokratiudvalget, 03.09.2018', '', 'Til efterretning.'])).toEqual(['Til efterretning.']);
    expect(await decisions(['Punkt 134: Godkendelse af dagsorden', '', 'Beslutning', 'Byrådet, 20.09.2016 Helle Jessen og Niels True var fraværende. Godkendt.'])).toEqual(['Helle Jessen og Niels True var fraværende. Godkendt.']);
    expect(await decisions(['1. Budget', 'Beslutning', 'Økonomiudvalget den 12-03-2019: Godkendt.'])).toEqual(['Godkendt.']);
  });
  it('a decision that starts with a body and a date of something else stays whole', async () => {
    expect(await decisions(['1. Budget', 'Beslutning', 'Udvalget godkendte budgettet den 12-03-2019.'])).toEqual(['Udvalget godkendte budgettet den 12-03-2019.']);
  });
});
