import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { jsonSchema } from '../schemas/json-schema.js';
import { Referat } from '../schemas/referat.js';
import { referatIssue } from '../schemas/referat-check.js';
import { checkSource } from '../scripts/schema-check.js';
import { analyzeText, sampleText } from './helpers.js';

/** Every place in a value, depth first (of an array, its first two elements). */
function places(v: unknown, at: (string | number)[] = [], out: { path: (string | number)[]; value: unknown }[] = []) {
  out.push({ path: at, value: v });
  if (v && typeof v === 'object') for (const [k, c] of Object.entries(v).slice(0, Array.isArray(v) ? 2 : undefined)) places(c, [...at, Array.isArray(v) ? Number(k) : k], out);
  return out;
}
function withValue(root: unknown, path: (string | number)[], value: unknown): unknown {
  const copy = structuredClone(root) as Record<string | number, unknown>;
  if (!path.length) return value;
  let o = copy;
  for (const k of path.slice(0, -1)) o = o[k] as Record<string | number, unknown>;
  if (value === DELETE) delete o[path.at(-1)!];
  else o[path.at(-1)!] = value;
  return copy;
}
const DELETE = Symbol('delete');

describe('schemas', () => {
  it('the checked-in JSON Schema is the one generated from the zod schemas (run `npm run schema`)', () => {
    const checkedIn = JSON.parse(readFileSync(fileURLToPath(new URL('../schemas/referat.schema.json', import.meta.url)), 'utf8'));
    expect(checkedIn).toEqual(jsonSchema());
  });
  it('lists every contract field as required (no missing keys)', () => {
    const schema = jsonSchema() as { required: string[]; properties: Record<string, { required?: string[] }> };
    expect(schema.required).toEqual(expect.arrayContaining(['schemaVersion', 'source', 'text', 'documentType', 'meeting', 'participants', 'items', 'amounts', 'dates', 'diagnostics']));
  });
  it('the checked-in output check is the one generated from the JSON Schema (run `npm run schema`)', () => {
    const checkedIn = readFileSync(fileURLToPath(new URL('../schemas/referat-check.ts', import.meta.url)), 'utf8');
    expect(checkedIn).toBe(checkSource(jsonSchema(), 'schemas/referat.schema.json'));
  });
  it('the generated check accepts and rejects as zod does, at every place of a real output, with zod\'s first issue', () => {
    const { referat } = analyzeText(sampleText('001_7b1df9de962b88b2.txt'));
    // a PDF's page info and a meeting span, and an item's optional decided amount left out, are covered too
    const base = { ...referat, source: { ...referat.source, format: 'pdf', pages: 2, pageInfo: [{ page: 1, origin: 'ocr', ocrConfidence: 91.5 }] }, generator: { ...referat.generator, config: 'a'.repeat(64) } };
    expect(referatIssue(base)).toBeNull();
    const replacements: unknown[] = [DELETE, null, undefined, '', 'x', 'pdf', 'ocr', 'minutes', '2024-01-31', '12:30', 'a'.repeat(64), 0, -1, 0.5, 1, 2, 101, 1.5, NaN, Infinity, 2 ** 53, -(2 ** 53), true, [], {}, [1], { start: 0, end: 1, page: null }];
    let compared = 0;
    let rejected = 0;
    for (const { path } of places(base)) {
      for (const r of replacements) {
        const v = withValue(base, path, r);
        const z = Referat.safeParse(v);
        const ours = referatIssue(v);
        expect(ours === null, `${path.join('.')} = ${String(r)}`).toBe(z.success);
        if (!z.success) {
          rejected++;
          expect({ path: ours!.path, code: ours!.code }, `${path.join('.')} = ${String(r)}`).toEqual({ path: z.error.issues[0].path, code: z.error.issues[0].code });
        }
        compared++;
      }
    }
    expect(rejected).toBeGreaterThan(compared / 2);
    // unknown keys pass, as zod's z.object() lets them through
    expect(referatIssue({ ...base, extra: 1 })).toBeNull();
    expect(Referat.safeParse({ ...base, extra: 1 }).success).toBe(true);
  });
  it('a real analysis passes the schema, and every amount and date span slices to its raw text', () => {
    for (const name of ['000_94bc2a59beba3b57.txt', '001_7b1df9de962b88b2.txt', '004_8a7553dc6f277047.txt']) {
      const { referat } = analyzeText(sampleText(name));
      expect(() => Referat.parse(referat)).not.toThrow();
      for (const v of [...referat.amounts, ...referat.dates]) expect(referat.text.slice(v.span.start, v.span.end)).toBe(v.raw);
    }
  });
});
