/**
 * Work that grows with the document stays linear: the absence rule and the diagnostics find the item
 * at an offset in the document's index, not by scanning the items for every name they meet. Counted
 * in reads of the tree's items (no timings in tests).
 */
import { describe, expect, test } from 'vitest';
import { RULES, runRules } from '../../src/validate/index.js';
import { analyzeText, item, minutes } from './util.js';

/** Minutes of `count` items in each of which the absent Dorte Madsen speaks. */
function speakingEverywhere(count: number): string {
  const items = Array.from({ length: count }, (_, k) => item(k + 1, `Sag nummer ${k + 1}`, { decision: 'Godkendt. Dorte Madsen bemærkede, at rammen er stram.' }));
  return minutes({ items });
}

/** Reads of tree.items' elements while `run` runs. */
function itemReads(ctx: ReturnType<typeof analyzeText>, run: () => void): number {
  let reads = 0;
  const items = ctx.tree.items;
  ctx.tree.items = new Proxy(items, {
    get(target, key, receiver) {
      if (typeof key === 'string' && /^\d+$/.test(key)) reads++;
      return Reflect.get(target, key, receiver);
    },
  });
  try {
    run();
  } finally {
    ctx.tree.items = items;
  }
  return reads;
}

describe('linear work per document', () => {
  test('absence-mismatch looks up the item of each name in the index: reads of the items grow linearly', () => {
    const count = 300;
    const ctx = analyzeText(speakingEverywhere(count));
    expect(ctx.tree.items.filter((i) => !i.fromTocOnly)).toHaveLength(count);
    const rule = RULES.filter((r) => r.meta.id === 'absence-mismatch');
    let findings = 0;
    const reads = itemReads(ctx, () => (findings = runRules(ctx, {}, rule).length));
    expect(findings).toBe(count); // one "absent, yet speaking" per item
    expect(reads).toBeLessThanOrEqual(4 * count); // a scan per name would be count² / 2 = 45,000
  });

  test("the document's item index answers as a scan of the body items does", () => {
    const ctx = analyzeText(speakingEverywhere(12));
    const body = ctx.tree.items.filter((i) => !i.fromTocOnly);
    for (let offset = 0; offset <= ctx.text.length; offset += 7) {
      const scanned = body.find((i) => i.start <= offset && offset < i.end) ?? null;
      expect(ctx.itemNodeAt(offset)).toBe(scanned);
      expect(ctx.itemAt(offset)).toBe(scanned?.number ?? null);
    }
    for (let n = 0; n <= 13; n++) expect(ctx.bodyItem(n)).toBe(body.find((i) => i.number === n) ?? null);
  });
});
