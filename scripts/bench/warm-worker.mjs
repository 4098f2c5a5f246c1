#!/usr/bin/env node
// For `npm run bench`: one conversion worker (dist/src/batch/worker.js, as `referat convert` uses it)
// converts the same PDF argv[2] again and again; prints the cold first time and the warm times (ms):
// `roundTrip` as the runner sees it (message, convert, write the JSON, reply) and `inWorker`.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const { WorkerPool } = await import(join(root, 'dist', 'src', 'batch', 'pool.js'));
const file = resolve(process.argv[2]);
const runs = Number(process.argv[3] ?? 30);
const out = mkdtempSync(join(tmpdir(), 'referat-warm-'));
const pool = new WorkerPool({ size: 1, timeoutMs: 0, warm: false });
const roundTrip = [];
const inWorker = [];
let pages = null;
for (let i = 0; i < runs; i++) {
  const t = performance.now();
  const r = await pool.run({
    path: file,
    displayPath: file,
    output: join(out, `run-${i}.json`),
    documentId: `run-${i}`,
    outputFile: `run-${i}.json`,
    maxBytes: 1e9,
    wantJson: false,
    wantRows: true,
  });
  if (r.status !== 'converted') throw new Error(`conversion failed: ${r.reason}`);
  roundTrip.push(performance.now() - t);
  inWorker.push(r.ms);
  pages = r.pages;
}
await pool.close();
rmSync(out, { recursive: true, force: true });
const median = (a) => {
  const s = [...a].sort((x, y) => x - y);
  return s[Math.floor(s.length / 2)];
};
const warmRt = roundTrip.slice(5);
const warmIn = inWorker.slice(5);
console.log(
  JSON.stringify({
    file,
    pages,
    coldMs: Math.round(roundTrip[0]),
    warmRoundTripMedianMs: +median(warmRt).toFixed(1),
    warmRoundTripMinMs: +Math.min(...warmRt).toFixed(1),
    warmInWorkerMedianMs: +median(warmIn).toFixed(1),
    runs,
  }),
);
