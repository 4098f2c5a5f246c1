import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { jsonSchema } from '../schemas/json-schema.js';
import { Referat } from '../schemas/referat.js';
import { analyzeText, sampleText } from './helpers.js';

describe('schemas', () => {
  it('the checked-in JSON Schema is the one generated from the zod schemas (run `npm run schema`)', () => {
    const checkedIn = JSON.parse(readFileSync(fileURLToPath(new URL('../schemas/referat.schema.json', import.meta.url)), 'utf8'));
    expect(checkedIn).toEqual(jsonSchema());
  });
  it('lists every contract field as required (no missing keys)', () => {
    const schema = jsonSchema() as { required: string[]; properties: Record<string, { required?: string[] }> };
    expect(schema.required).toEqual(expect.arrayContaining(['schemaVersion', 'source', 'text', 'documentType', 'meeting', 'participants', 'items', 'amounts', 'dates', 'diagnostics']));
  });
  it('a real analysis passes the schema, and every amount and date span slices to its raw text', () => {
    for (const name of ['000_94bc2a59beba3b57.txt', '001_7b1df9de962b88b2.txt', '004_8a7553dc6f277047.txt']) {
      const { referat } = analyzeText(sampleText(name));
      expect(() => Referat.parse(referat)).not.toThrow();
      for (const v of [...referat.amounts, ...referat.dates]) expect(referat.text.slice(v.span.start, v.span.end)).toBe(v.raw);
    }
  });
});
