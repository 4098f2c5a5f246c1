#!/usr/bin/env node
// For `npm run bench` (growth table): converts argv[3] once in this process as a conversion worker does
// (read, analyze, validate, schema check, JSON text), after one warm-up conversion of argv[2] so that
// loading the engines is not counted; prints {cpuMs, wallMs, maxRssMb, items, pages} as one JSON line.
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const { convertFile } = await import(join(root, 'dist', 'src', 'convert.js'));
const { validator } = await import(join(root, 'dist', 'src', 'validate', 'index.js'));
const { serialize } = await import(join(root, 'dist', 'src', 'output.js'));
const validate = validator({});
const read = { maxBytes: 1e10, timeoutMs: 0, ocr: 'off' };
const [warmUp, file] = process.argv.slice(2).map((p) => resolve(p));
serialize((await convertFile(warmUp, { validate, read })).referat);
const cpu = process.cpuUsage();
const t = performance.now();
const ctx = await convertFile(file, { validate, read });
const json = serialize(ctx.referat);
const wallMs = performance.now() - t;
const used = process.cpuUsage(cpu);
process.stdout.write(JSON.stringify({
  cpuMs: Math.round((used.user + used.system) / 1000),
  wallMs: Math.round(wallMs),
  maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
  items: ctx.referat.items.length,
  pages: ctx.referat.source.pages,
  jsonBytes: json.length,
}) + '\n');
