/**
 * The batch's memory bound (issue 17, point 15): a worker may use a fixed heap; a document that needs
 * more fails alone with a clear reason and the batch goes on; a worker that a large document left with a
 * large heap is replaced by a fresh one instead of carrying that heap into later documents.
 */
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { outOfMemory, WorkerPool } from '../../src/batch/pool.js';
import type { ConvertTask } from '../../src/batch/protocol.js';
import { ensureBuilt, SAMPLES, tempDir } from './helpers.js';

let work: string;

beforeAll(() => {
  ensureBuilt();
  work = tempDir('memory');
}, 180_000);

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

const sample = readFileSync(join(SAMPLES, '001_7b1df9de962b88b2.txt'), 'utf8');

/** About `bytes` of minutes: the sample's heading, then its items again and again, numbered on. */
function minutes(bytes: number): string {
  const head = sample.slice(0, sample.indexOf('Indholdsfortegnelse'));
  const bodies = sample.slice(sample.indexOf('Punkt 1:')).split(/^Punkt \d+:/m).filter((b) => b.trim());
  const parts = [head];
  for (let n = 1, size = head.length; size < bytes; n++) {
    parts.push(`Punkt ${n}:${bodies[(n - 1) % bodies.length]}`);
    size += parts[parts.length - 1].length;
  }
  return parts.join('');
}

function task(path: string): Omit<ConvertTask, 'type' | 'id'> {
  const name = path.replace(/^.*\//, '');
  return { path, displayPath: path, output: join(work, `${name}.json`), documentId: name, outputFile: `${name}.json`, maxBytes: 200 * 2 ** 20, wantJson: false, wantRows: false };
}

test('a document that needs more than the worker heap fails alone with "out of memory"; the next file converts', async () => {
  const small = join(work, 'small.txt');
  const large = join(work, 'large.txt');
  writeFileSync(small, sample);
  writeFileSync(large, minutes(24 * 2 ** 20)); // several hundred MB of heap at its peak (a 20 MB text peaks near 375 MB), far past a 160 MB worker
  const pool = new WorkerPool({ size: 1, timeoutMs: 0, warm: false, maxHeapMb: 160 });
  try {
    const before = await pool.run(task(small));
    expect(before.status).toBe('converted');
    const failed = await pool.run(task(large));
    expect(failed).toMatchObject({ status: 'failed', reason: outOfMemory(160) });
    expect(failed.status === 'failed' && failed.reason).toMatch(/^out of memory: converting it needs more than the 160 MB a worker may use/);
    expect(existsSync(join(work, 'large.txt.json'))).toBe(false);
    const after = await pool.run(task(small));
    expect(after.status).toBe('converted');
    expect(pool.replaced).toBe(1);
  } finally {
    await pool.close();
  }
}, 300_000);

test('a worker whose heap has grown past the recycling mark after a document is replaced, and no task is lost', async () => {
  const files = [1, 2, 3].map((n) => {
    const p = join(work, `doc-${n}.txt`);
    writeFileSync(p, `${sample}\n${n}\n`);
    return p;
  });
  // every heap is past 1 MB: each worker converts the tasks it was given and is then replaced
  const pool = new WorkerPool({ size: 1, timeoutMs: 0, warm: false, recycleHeapMb: 1 });
  try {
    const results = await Promise.all(files.map((f) => pool.run(task(f))));
    expect(results.map((r) => r.status)).toEqual(['converted', 'converted', 'converted']);
    // the first worker takes two tasks (the one it converts and the next), the second the third
    expect(pool.recycled).toBe(2);
    expect(pool.started).toBe(2);
    expect(pool.replaced).toBe(0);
  } finally {
    await pool.close();
  }
  // and with the default mark, ordinary minutes never recycle a worker
  const steady = new WorkerPool({ size: 1, timeoutMs: 0, warm: false });
  try {
    for (const f of files) expect((await steady.run(task(f))).status).toBe('converted');
    expect(steady.recycled).toBe(0);
    expect(steady.started).toBe(1);
  } finally {
    await steady.close();
  }
}, 300_000);
