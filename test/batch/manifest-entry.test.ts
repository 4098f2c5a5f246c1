/**
 * The manifest's lines are checked by hand (src/batch/manifest.ts, so that a start does not load zod):
 * the zod schema below is the one that check replaces, and both must keep and drop the same lines, and
 * keep the same fields of a kept one.
 */
import { isAbsolute, normalize } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { manifestEntry, parseManifestLines } from '../../src/batch/manifest.js';

const OutputPath = z
  .string()
  .min(1)
  .refine((p) => !isAbsolute(p) && !normalize(p).split(/[\\/]/).includes('..') && p.endsWith('.json'), 'not a path inside the output folder');
const nullableCount = z.number().int().nonnegative().nullable();
const Reference = z.object({
  id: z.string().min(1),
  input: z.string().min(1),
  inputBytes: z.string().regex(/^(?:[0-9a-f]{2})+$/).optional(),
  output: OutputPath,
  status: z.enum(['ok', 'failed']),
  sha256: z.string().regex(/^[0-9a-f]{64}$/).nullable(),
  bytes: nullableCount,
  version: z.string(),
  config: z.string().optional(),
  outputSha256: z.string().regex(/^[0-9a-f]{64}$/).nullable().optional(),
  reason: z.string().nullable(),
  format: z.string().nullable(),
  pages: nullableCount,
  items: nullableCount,
  ms: z.number().nonnegative().nullable(),
  at: z.string(),
});

const entry = {
  id: 'a/b.txt', input: '/in/a/b.txt', inputBytes: 'e6f8', output: 'a/b.txt.json', status: 'ok', sha256: 'a'.repeat(64), bytes: 120, version: '0.1.0',
  config: 'c'.repeat(64), outputSha256: 'b'.repeat(64), reason: null, format: 'txt', pages: null, items: 3, ms: 12.5, at: '2026-01-01T00:00:00.000Z',
};
const values: unknown[] = [undefined, null, '', 'x', 'ok', 'failed', 'e6', 'e6f', 'a'.repeat(64), 'A'.repeat(64), '/abs/x.json', '../x.json', 'a/../../x.json', 'x.json', 'x.txt', 0, -1, -0, 1.5, 2 ** 53, NaN, Infinity, true, [], {}];

describe('manifest entries', () => {
  it('are kept and dropped as the zod schema keeps and drops them, with the same fields', () => {
    const cases: unknown[] = [entry, null, [], 'x', 1, {}, { ...entry, extra: 1 }];
    for (const key of Object.keys(entry)) {
      for (const v of values) cases.push({ ...entry, [key]: v });
      const { [key]: _, ...without } = entry as Record<string, unknown>;
      cases.push(without);
    }
    let dropped = 0;
    for (const c of cases) {
      const z = Reference.safeParse(c);
      const ours = manifestEntry(c);
      expect(ours, JSON.stringify(c)).toEqual(z.success ? z.data : null);
      if (ours) expect(Object.keys(ours)).toEqual(Object.keys(z.data!));
      if (!z.success) dropped++;
    }
    expect(dropped).toBeGreaterThan(cases.length / 2);
  });

  it('a line that fails is dropped, the others are read', () => {
    const text = [JSON.stringify(entry), JSON.stringify({ ...entry, id: 'c', output: '../c.json' }), JSON.stringify({ ...entry, id: 'd', output: 'd.json', extra: true })].join('\n') + '\n';
    const r = parseManifestLines(text);
    expect([...r.entries.keys()]).toEqual(['a/b.txt', 'd']);
    expect(r.entries.get('d')).not.toHaveProperty('extra');
    expect(r.dropped).toBe(1);
  });
});
