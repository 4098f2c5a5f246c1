/** Writing outputs piece by piece (issue 18, peak memory): the same bytes as serialize, and the sha256 of what is on disk. */
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { serialize, serializedPieces, writeJsonAtomic } from '../src/output.js';
import { convertFile } from '../src/convert.js';
import { validator } from '../src/validate/index.js';
import { samplePath } from './helpers.js';
import type { Referat } from '../schemas/referat.js';

const joined = (v: unknown) => [...serializedPieces(v)].join('');

describe('serializedPieces', () => {
  it('gives JSON.stringify(value, null, 2) + newline for any JSON-like value, undefined and empty containers included', () => {
    const leaf = fc.oneof(fc.string({ unit: fc.constantFrom('a', 'ø', '\n', '"', '\\', ' ', '\u2028', '\t') }), fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.constant(undefined));
    const { tree } = fc.letrec((tie) => ({
      tree: fc.oneof({ depthSize: 'small' }, leaf, tie('array'), tie('object')),
      array: fc.array(tie('tree'), { maxLength: 4 }),
      object: fc.dictionary(fc.string({ maxLength: 4 }), tie('tree'), { maxKeys: 4 }),
    }));
    fc.assert(
      fc.property(fc.dictionary(fc.string({ maxLength: 5 }), tree, { maxKeys: 6 }), (value) => {
        expect(joined(value)).toBe(JSON.stringify(value, null, 2) + '\n');
      }),
      { numRuns: 500 },
    );
  });

  it('writes a long string in pieces with the same escapes, a surrogate pair across a cut included', () => {
    const unit = 'æ"\\\n\t\u0001😀\ud800x\udc00';
    for (const shift of [0, 1, 2, 3, 5, 7]) {
      const text = 'a'.repeat(shift) + unit.repeat(70_000);
      const value = { text, items: [{ text }], n: 1 };
      expect(joined(value) === JSON.stringify(value, null, 2) + '\n', `shift ${shift}`).toBe(true);
    }
  });

  it('gives the same text as serialize for a converted sample of every format', async () => {
    const names = readdirSync(samplePath('')).filter((n) => /^00[0-2]_.*\.(txt|pdf|docx)$/.test(n) && !n.includes('scanned'));
    expect(names.length).toBeGreaterThanOrEqual(6);
    for (const name of names) {
      const { referat } = await convertFile(samplePath(name), { validate: validator({}), read: { ocr: 'off' } });
      expect(joined(referat), name).toBe(serialize(referat));
    }
  }, 120_000);
});

describe('writeJsonAtomic', () => {
  it('writes serialize(referat) and returns the sha256 of the file', async () => {
    const { referat } = await convertFile(samplePath('001_7b1df9de962b88b2.txt'), { validate: validator({}) });
    const path = join(mkdtempSync(join(tmpdir(), 'referat-output-')), 'sub', 'out.json');
    const { sha256 } = writeJsonAtomic(path, referat as Referat);
    const written = readFileSync(path);
    expect(written.toString('utf8')).toBe(serialize(referat));
    expect(sha256).toBe(createHash('sha256').update(written).digest('hex'));
    expect(readdirSync(join(path, '..'))).toEqual(['out.json']);
  });
});
