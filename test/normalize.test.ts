import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizeText, pageAt } from '../src/normalize.js';
import { ReferatDocument } from '../src/document.js';
import { normalizeTextReference } from './normalize-reference.js';

describe('normalizeText', () => {
  it('folds CRLF, NBSP, soft hyphens and ligatures, composes decomposed æøå', () => {
    const { text } = normalizeText('Mødested\r\nR\u00e5dhuset\u00a0kl.\u00a013:00\r\nsammen\u00adhæng ﬁnansiering\nBa\u030Ard');
    expect(text).toBe('Mødested\nRådhuset kl. 13:00\nsammenhæng finansiering\nBård');
  });
  it('keeps offsets mapped so a span into the input maps into the output', () => {
    const input = 'A\r\nBeslutning  \r\n\u00adGodkendt.';
    const { text, map } = normalizeText(input);
    const start = input.indexOf('Godkendt');
    expect(text.slice(map[start], map[start] + 'Godkendt'.length)).toBe('Godkendt');
    expect(text).toBe('A\nBeslutning\nGodkendt.');
  });
  it('turns form feeds into line breaks and whitespace-only lines into empty lines', () => {
    expect(normalizeText('side 1\f \nside 2').text).toBe('side 1\n\nside 2');
  });
  it('gives the same text and offset map as the character-by-character reference, on any mix of the characters it rewrites', () => {
    const chars = fc.constantFrom('a', 'å', 'e', '.', ' ', '\t', '\n', '\r', '\f', '\u00ad', '\u200b', '\ufeff', '\u00a0', '\u2003', '\u0000', '\u000b', '\u007f', 'ﬁ', 'ﬄ', '\u030a', '\u0301');
    fc.assert(
      fc.property(fc.array(chars, { maxLength: 60 }).map((a) => a.join('')), (input) => {
        const fast = normalizeText(input);
        const reference = normalizeTextReference(input);
        expect(fast.text).toBe(reference.text);
        expect(Array.from(fast.map)).toEqual(Array.from(reference.map));
      }),
      { numRuns: 3000, seed: 20261123 },
    );
  });
});

describe('the document normalizes its text', () => {
  it('maps page starts, heading hints and reader messages through the changes', () => {
    const parsed = { format: 'pdf' as const, text: 'x\u00ad\r\nPage two\r\nPunkt 1', pageStarts: [0, 4], headingStarts: [14], encoding: null, diagnostics: [{ code: 'probe', severity: 'info' as const, message: 'm', span: { start: 14, end: 21, page: null }, item: null, quote: null }] };
    const n = new ReferatDocument(parsed, { path: 'x.pdf', format: 'pdf', sha256: '0'.repeat(64), bytes: 1, pages: 2, encoding: null, pageInfo: null });
    expect(n.text).toBe('x\nPage two\nPunkt 1');
    expect(n.pageStarts).toEqual([0, 2]);
    expect(n.text.slice(n.hints.headingStarts[0])).toBe('Punkt 1');
    const [m] = n.messages;
    expect(n.text.slice(m.span!.start, m.span!.end)).toBe('Punkt 1');
    expect(m.span!.page).toBe(2);
    expect(pageAt(n.pageStarts, 0)).toBe(1);
    expect(pageAt(n.pageStarts, 5)).toBe(2);
    expect(pageAt(null, 5)).toBeNull();
  });
});
