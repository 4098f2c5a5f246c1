#!/usr/bin/env node
// Response times of the review server over real HTTP (the built dist/; run `npm run build` first):
// the first upload after start, then per sample the median and 95th percentile of sequential uploads to
// /api/review (what the page calls) and /api/validate, 20 concurrent uploads, and /healthz while busy.
//
//   node scripts/serve-timing.mjs [--repeat 20] [--jobs 2]
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const { values } = parseArgs({ options: { repeat: { type: 'string', default: '20' }, jobs: { type: 'string', default: '2' } } });
const repeat = Number(values.repeat);
const jobs = Number(values.jobs);
const root = fileURLToPath(new URL('..', import.meta.url));
const { buildServer } = await import(`${root}dist/src/serve/server.js`);

const SAMPLES = ['004_8a7553dc6f277047.pdf', '004_8a7553dc6f277047.docx', '004_8a7553dc6f277047.txt', '001_7b1df9de962b88b2.pdf'];
const bytes = Object.fromEntries(SAMPLES.map((s) => [s, readFileSync(`${root}samples/${s}`)]));

const t0 = performance.now();
const app = await buildServer({ jobs, warm: true });
const base = await app.listen({ port: 0, host: '127.0.0.1' });
const startMs = performance.now() - t0;

async function upload(url, name) {
  const form = new FormData();
  form.append('file', new Blob([bytes[name]]), name);
  const t = performance.now();
  const res = await fetch(base + url, { method: 'POST', body: form });
  const body = await res.text();
  if (res.status !== 200) throw new Error(`${name}: HTTP ${res.status}: ${body.slice(0, 200)}`);
  return { ms: performance.now() - t, bytes: body.length, convertMs: url === '/api/review' ? JSON.parse(body).timings.convertMs : null };
}

const pct = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
};
const f = (ms) => ms.toFixed(ms < 10 ? 1 : 0);

console.log(`server start with ${jobs} warmed workers: ${f(startMs)} ms`);
const first = await upload('/api/review', SAMPLES[0]);
console.log(`first upload (${SAMPLES[0]}, /api/review): ${f(first.ms)} ms\n`);
console.log('| sample | endpoint | median ms | p95 ms | in the worker (median) ms | response kB |');
console.log('| --- | --- | ---: | ---: | ---: | ---: |');
for (const name of SAMPLES) {
  for (const url of ['/api/review', '/api/validate']) {
    const runs = [];
    for (let i = 0; i < repeat; i++) runs.push(await upload(url, name));
    const worker = url === '/api/review' ? f(pct(runs.map((r) => r.convertMs), 50)) : '';
    console.log(`| ${name} | ${url} | ${f(pct(runs.map((r) => r.ms), 50))} | ${f(pct(runs.map((r) => r.ms), 95))} | ${worker} | ${(runs[0].bytes / 1024).toFixed(0)} |`);
  }
}

const tc = performance.now();
const concurrent = Promise.all(Array.from({ length: 20 }, (_, i) => upload('/api/review', SAMPLES[i % SAMPLES.length])));
// the event loop stays free while the workers convert
await new Promise((r) => setTimeout(r, 20));
const th = performance.now();
const health = await fetch(base + '/healthz').then((r) => r.json());
const healthMs = performance.now() - th;
const all = await concurrent;
console.log(`\n20 concurrent uploads (/api/review, 4 samples): all 200 in ${f(performance.now() - tc)} ms wall; slowest ${f(Math.max(...all.map((r) => r.ms)))} ms`);
console.log(`/healthz during them: ${f(healthMs)} ms (running ${health.running}, queued ${health.queued})`);
await app.close();
