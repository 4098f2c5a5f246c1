import { describe, test, expect } from 'vitest';
import { analyzeText, sampleText } from '../helpers.js';

const uncertain = (r: ReturnType<typeof analyzeText>) => r.referat.diagnostics.filter((d) => d.code === 'structure-uncertain');

describe('structure confidence', () => {
  test('a memo has no item structure to doubt', () => {
    const r = analyzeText('Notat om budgettet\n\nForvaltningen har gennemgået budgettet for 2025 og foreslår ingen ændringer.\n');
    expect(r.referat.documentType).toBe('memo');
    expect(r.referat.structure).toEqual({ confidence: 1, reasons: [] });
  });

  test('a referat with numbered items, case numbers and decision headings is read with confidence', () => {
    const r = analyzeText(sampleText('001_7b1df9de962b88b2.txt'));
    expect(r.referat.structure.confidence).toBeGreaterThanOrEqual(0.8);
    expect(uncertain(r)).toEqual([]);
    for (const item of r.referat.items) expect(item.confidence).toBeGreaterThanOrEqual(0.7);
  });

  test('minutes where no item can be found get a low confidence and a warning that says why', () => {
    const r = analyzeText('Referat\nSeniorrådet\nMødedato: 3. maj 2024\nDeltagere: Anne Hansen, Bo Jensen\n\nRådet drøftede budgettet og godkendte det. Næste møde holdes i juni.\n');
    expect(r.referat.documentType).toBe('minutes');
    expect(r.referat.structure.confidence).toBeLessThan(0.6);
    expect(r.referat.structure.reasons).toContain('ingen dagsordenspunkter fundet');
    expect(uncertain(r)).toHaveLength(1);
  });

  test('items only the table of contents lists count half, and the reason is given', () => {
    const text = [
      'Referat', 'Udvalget for Teknik', '',
      'Indholdsfortegnelse', '1. Godkendelse af dagsorden', '2. Budget 2025', '3. Lokalplan for bymidten', '4. Eventuelt', '',
      '1. Godkendelse af dagsorden', '', 'Beslutning', 'Godkendt.', '',
    ].join('\n');
    const r = analyzeText(text);
    expect(r.referat.items.map((i) => i.number)).toEqual([1, 2, 3, 4]);
    expect(r.referat.items.slice(1).every((i) => i.confidence === 0.5)).toBe(true);
    expect(r.referat.structure.reasons.join(' ')).toContain('3 af 4 punkter står kun i indholdsfortegnelsen');
    expect(r.referat.structure.confidence).toBeLessThan(analyzeText(sampleText('001_7b1df9de962b88b2.txt')).referat.structure.confidence);
  });
});

describe('minutes without decision headings', () => {
  test('each item\'s own text is its record, whatever it says (what was noted too); an agenda\'s is not', () => {
    const items = ['1. Godkendelse af dagsorden', 'Dagsordenen blev godkendt.', '', '2. Budget 2025', 'Rådet tog orienteringen om budgettet til efterretning.', '', '3. Eventuelt', 'Næste møde er i juni.', ''];
    const minutes = analyzeText(['Referat fra Seniorrådets møde 3. maj 2024', '', ...items].join('\n')).referat;
    expect(minutes.items.map((i) => i.decision?.outcome ?? null)).toEqual(['approved', 'noted', 'other']);
    expect(minutes.items[2].decision?.text).toBe('Næste møde er i juni.');
    const agenda = analyzeText(['Dagsorden til Seniorrådets møde 3. maj 2024', '', ...items].join('\n')).referat;
    expect(agenda.items.every((i) => i.decision === null)).toBe(true);
  });
});
