import { describe, expect, it } from 'vitest';
import { sampleText, sectionTypes, treeOf } from '../helpers.js';
import { parseItemHeading } from '../../src/segment/item-heading.js';
import { classifyHeading } from '../../src/segment/sections.js';

describe('parseItemHeading', () => {
  it('reads the numbering styles of the field', () => {
    expect(parseItemHeading('Punkt 3: Orienteringspunkt: Status på klyngemidler')).toMatchObject({ family: 'punkt', number: 3, title: 'Status på klyngemidler', kind: 'orientering' });
    expect(parseItemHeading('3 - Samarbejde med Psykiatrien')).toMatchObject({ family: 'dash', number: 3 });
    expect(parseItemHeading('1 – Deltagere')).toMatchObject({ family: 'dash', number: 1, title: 'Deltagere' });
    expect(parseItemHeading('715. Kulturkommune 2017')).toMatchObject({ family: 'dot', number: 715 });
    expect(parseItemHeading('1.Godkendelse af dagsorden (C)')).toMatchObject({ number: 1, title: 'Godkendelse af dagsorden (C)' });
    expect(parseItemHeading('• Pkt. 42 Budget 2025')).toMatchObject({ family: 'punkt', number: 42, title: 'Budget 2025' });
    expect(parseItemHeading('4. Valg af dirigent ( )')?.title).toBe('Valg af dirigent');
    expect(parseItemHeading('1. Meddelelse fra formandenReferat')).toMatchObject({ title: 'Meddelelse fra formanden', gluedHeading: 'Referat' });
  });
  it('does not read amounts, ranges or dates as item headings', () => {
    expect(parseItemHeading('2.5 mio. kr. er afsat')).toBeNull();
    expect(parseItemHeading('3.-4. januar 2023')).toBeNull();
    expect(parseItemHeading('1.014.060')).toBeNull();
  });
});

describe('classifyHeading', () => {
  it('maps the heading vocabulary to canonical section types', () => {
    const type = (t: string) => classifyHeading(t)?.type;
    expect(type('RESUMÉ')).toBe('resume');
    expect(type('Sammendrag')).toBe('resume');
    expect(type('SAGSFREMSTILLING')).toBe('sagsfremstilling');
    expect(type('Indstilling og beslutning')).toBe('indstilling');
    expect(type('Forslag')).toBe('indstilling');
    expect(type('Administrationens forslag til beslutning:')).toBe('indstilling');
    expect(type('Sagens baggrund')).toBe('sagsfremstilling');
    expect(type('Forslaget blev vedtaget.')).toBeUndefined();
    expect(type('Referat')).toBe('beslutning');
    expect(type('POLITISK BEHANDLING')).toBe('beslutning');
    expect(type('Beslutning i Sundhedsklynge Lillebælt den 26-04-2024')).toBe('beslutning');
    expect(type('Behandling i Udvalget for sundhed onsdag den 10. marts 2021, pkt. 2')).toBe('beslutning');
    expect(type('Ældreudvalget, 07-02-2024, pkt. 14')).toBe('beslutning');
    expect(type('Følgende deltog ikke i behandlingen af punktet:')).toBe('absent');
    expect(type('Økonomi')).toBe('other');
    expect(type('Beslutningen om at afsætte midler blev truffet i 2022 og gælder fortsat.')).toBeUndefined();
  });
  it('splits a decision heading from its verdict on the same line (eDoc PDF text)', () => {
    const h = classifyHeading('Sundheds- og Forebyggelsesudvalgets beslutning den 04.12.2012 Punkt 2 Indstillingen godkendt');
    expect(h?.type).toBe('beslutning');
    expect(h?.headingLength).toBe('Sundheds- og Forebyggelsesudvalgets beslutning den 04.12.2012 Punkt 2 '.length);
  });
});

describe('segment on the field samples', () => {
  it('keeps the table of contents apart and finds the ten items of 001', () => {
    const tree = treeOf(sampleText('001_7b1df9de962b88b2.txt'));
    expect(tree.toc?.entries).toHaveLength(10);
    expect(tree.items.map((i) => i.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(tree.items[3].kind).toBe('drøftelse');
    expect(tree.items[9].title).toBe('Implementering af Sundhedsaftalen 2024-27');
    expect(tree.items[0].caseNumber).toBe('22/43575');
    expect(sectionTypes(tree.items[0])).toEqual(['sagsfremstilling', 'beslutning', 'absent']);
    expect(sectionTypes(tree.items[9])).not.toContain('beslutning');
  });
  it('treats "Beslutning / Referat / Beslutning" in 002 as one decision and finds 11 items', () => {
    const tree = treeOf(sampleText('002_2b64a8c1b9967320.txt'));
    expect(tree.items).toHaveLength(11);
    expect(sectionTypes(tree.items[2])).toEqual(['sagsfremstilling', 'indstilling', 'beslutning']);
  });
  it('reports the numbering as written in 004 (no item 5) and reads unheaded case text as sagsfremstilling', () => {
    const tree = treeOf(sampleText('004_8a7553dc6f277047.txt'));
    expect(tree.items.map((i) => i.number)).toEqual([1, 2, 3, 4, 6]);
    expect(sectionTypes(tree.items[1])).toEqual(['sagsfremstilling', 'indstilling', 'beslutning']);
    expect(sectionTypes(tree.items[0])).toEqual([]);
  });
  it('finds no items in a memo (numbered lists are not agenda items)', () => {
    expect(treeOf(sampleText('003_e413edb90be0967c.txt')).items).toEqual([]);
  });
  it('resumes the decision after an inline absence line', () => {
    const tree = treeOf('1.      Godkendelse af dagsorden\n\nSagsfremstilling\n\nDagsordenen forelægges.\n\nBeslutning i Byrådet 12. marts 2024:\n\nFraværende:  Gitte Holm (O)\n\nGodkendt.\n\n2.      Meddelelser\n\nSagsfremstilling\n\nIngen.\n\nBeslutning i Byrådet 12. marts 2024:\n\nFraværende:\n\nTaget til efterretning.\n');
    expect(tree.items.map((i) => i.sections.map((s) => s.type))).toEqual([
      ['sagsfremstilling', 'beslutning', 'absent', 'beslutning'],
      ['sagsfremstilling', 'beslutning', 'absent', 'beslutning'],
    ]);
  });
  it('reads the kind from a label line under the heading ("Til beslutning"), not from a bare "Beslutning"', () => {
    const tree = treeOf('Punkt 1: Budget\nTil beslutning\nBudgettet forelægges.\nBeslutning: Godkendt.\n\nPunkt 2: Status\nOrienteringssag\nStatus gives.\nBeslutning: Taget til efterretning.\n\nPunkt 3: Eventuelt\nBeslutning\nIntet.\n');
    expect(tree.items.map((i) => i.kind)).toEqual(['beslutning', 'orientering', null]);
  });
});
