/**
 * Mutation fuzzing of the readers: the sample PDFs and DOCX files with bytes flipped, dropped,
 * duplicated and cut (and, for DOCX, the same done to the XML inside a re-packed archive), for a fixed
 * number of iterations from a fixed seed. Every input is converted in a worker thread with a time limit;
 * each run must end with a result or an IngestError with a one-line reason. Anything else (another
 * exception, a crash of the thread, a timeout) is a failure, reported with the iteration and the
 * input saved for reproduction.
 */
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import JSZip from 'jszip';
import { prng } from './generate.js';

export type Rand = () => number;

const int = (rand: Rand, n: number) => Math.floor(rand() * n);

/** One to four byte-level mutations: flip bits, overwrite, drop a range, duplicate a range, cut the end, scramble digits. */
export function mutateBytes(input: Buffer, rand: Rand): { bytes: Buffer; ops: string[] } {
  let b = Buffer.from(input);
  const ops: string[] = [];
  const n = 1 + int(rand, 4);
  for (let k = 0; k < n && b.length > 0; k++) {
    const at = int(rand, b.length);
    switch (int(rand, 6)) {
      case 0: {
        const count = 1 + int(rand, 16);
        for (let i = 0; i < count; i++) b[int(rand, b.length)] ^= 1 << int(rand, 8);
        ops.push(`flip ${count} bits`);
        break;
      }
      case 1: {
        const len = Math.min(b.length - at, 1 + int(rand, 64));
        for (let i = 0; i < len; i++) b[at + i] = int(rand, 256);
        ops.push(`overwrite ${len} @${at}`);
        break;
      }
      case 2: {
        const len = 1 + int(rand, 512);
        b = Buffer.concat([b.subarray(0, at), b.subarray(at + len)]);
        ops.push(`drop ${len} @${at}`);
        break;
      }
      case 3: {
        const len = 1 + int(rand, 512);
        const from = int(rand, b.length);
        b = Buffer.concat([b.subarray(0, at), b.subarray(from, from + len), b.subarray(at)]);
        ops.push(`duplicate ${len} from @${from} to @${at}`);
        break;
      }
      case 4: {
        b = b.subarray(0, Math.max(1, at));
        ops.push(`cut @${at}`);
        break;
      }
      default: {
        // numbers steer a PDF (xref offsets, /Length, object numbers) and a zip (sizes): change some digits
        let changed = 0;
        for (let i = at; i < Math.min(b.length, at + 4096) && changed < 4; i++) {
          if (b[i] >= 0x30 && b[i] <= 0x39 && rand() < 0.2) {
            b[i] = 0x30 + int(rand, 10);
            changed++;
          }
        }
        ops.push(`digits x${changed} near @${at}`);
      }
    }
  }
  return { bytes: b, ops };
}

const ODD_TEXT = ['', ' ', '\t', 'æøå ÆØÅ', '1.', '12. marts 2024', '1.250.000 kr.', 'Beslutning', 'Punkt 3:', '😀', 'e\u0301', '&amp;', '&#0;', '&#x1F600;', 'x'.repeat(5000)];
const ODD_VAL = ['0', '1', '-1', '8', '9', '99', '4294967296', 'NaN', '', 'x', 'decimal', 'bullet', 'upperRoman', '%1.%2.%3.%4.%5.%6.%7.%8.%9.', '%0'];

/** Mutations that keep the XML well-formed: odd attribute values (numbering ids, levels, formats), odd text, paragraphs dropped or repeated. */
export function mutateXmlStructure(xml: string, rand: Rand): { xml: string; ops: string[] } {
  const ops: string[] = [];
  const n = 1 + int(rand, 4);
  for (let k = 0; k < n; k++) {
    const kind = int(rand, 4);
    if (kind === 0) {
      const vals = [...xml.matchAll(/w:val="[^"]*"/g)];
      if (!vals.length) continue;
      const m = vals[int(rand, vals.length)];
      const v = ODD_VAL[int(rand, ODD_VAL.length)];
      xml = xml.slice(0, m.index) + `w:val="${v}"` + xml.slice(m.index! + m[0].length);
      ops.push(`w:val -> "${v}" @${m.index}`);
    } else if (kind === 1) {
      const ts = [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)];
      if (!ts.length) continue;
      const m = ts[int(rand, ts.length)];
      const t = ODD_TEXT[int(rand, ODD_TEXT.length)];
      xml = xml.slice(0, m.index) + `<w:t xml:space="preserve">${t}</w:t>` + xml.slice(m.index! + m[0].length);
      ops.push(`text -> ${JSON.stringify(t.slice(0, 20))} @${m.index}`);
    } else {
      const ps = [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)];
      if (!ps.length) continue;
      const m = ps[int(rand, ps.length)];
      const times = kind === 2 ? 0 : 2 + int(rand, 50);
      xml = xml.slice(0, m.index) + m[0].repeat(times) + xml.slice(m.index! + m[0].length);
      ops.push(`paragraph x${times} @${m.index}`);
    }
  }
  return { xml, ops };
}

/** Mutates one XML part of a DOCX (document, numbering or styles), bytes or structure, and packs the archive again. */
export async function mutateDocxXml(input: Buffer, rand: Rand): Promise<{ bytes: Buffer; ops: string[] }> {
  const zip = await JSZip.loadAsync(input);
  const parts = ['word/document.xml', 'word/numbering.xml', 'word/styles.xml'].filter((p) => zip.file(p));
  const part = parts[rand() < 0.6 ? 0 : int(rand, parts.length)];
  const xml = Buffer.from(await zip.file(part)!.async('uint8array'));
  let ops: string[];
  if (rand() < 0.4) {
    const m = mutateBytes(xml, rand);
    zip.file(part, m.bytes);
    ops = m.ops;
  } else {
    const m = mutateXmlStructure(xml.toString('utf8'), rand);
    zip.file(part, m.xml);
    ops = m.ops;
  }
  return { bytes: await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }), ops: ops.map((o) => `${part}: ${o}`) };
}

interface Reply {
  id: number;
  ok: boolean;
  ingest?: boolean;
  reason?: string;
  stack?: string | null;
  items?: number;
}

/** A conversion worker that can be ended and replaced when an input hangs it. */
class Converter {
  private worker!: Worker;
  private ready!: Promise<void>;
  private pending: { id: number; resolve: (r: Reply) => void } | null = null;
  private ids = 0;
  exited: string | null = null;

  constructor() {
    this.start();
  }

  private start(): void {
    this.exited = null;
    const worker = new Worker(new URL('./fuzz-worker.mjs', import.meta.url), { resourceLimits: { maxOldGenerationSizeMb: 1024 } });
    this.worker = worker;
    const current = () => this.worker === worker;
    this.ready = new Promise((resolve) => {
      worker.once('message', () => resolve());
      worker.once('exit', () => resolve());
    });
    worker.on('message', (m: Reply & { ready?: boolean }) => {
      if (!current() || m.ready || !this.pending || m.id !== this.pending.id) return;
      const p = this.pending;
      this.pending = null;
      p.resolve(m);
    });
    const lost = (why: string) => {
      if (!current() || this.exited) return; // a replaced worker ending, or already reported
      this.exited = why;
      const p = this.pending;
      this.pending = null;
      p?.resolve({ id: p.id, ok: false, ingest: false, reason: why });
    };
    worker.on('error', (e) => lost(`worker crashed: ${e.message}`));
    worker.on('exit', (code) => lost(`worker exited (code ${code})`));
  }

  async convert(bytes: Buffer, name: string, limitMs: number): Promise<Reply | 'timeout'> {
    await this.ready;
    const id = ++this.ids;
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.pending = null;
        void this.worker.terminate();
        this.start();
        resolve('timeout');
      }, limitMs);
      this.pending = {
        id,
        resolve: (r) => {
          clearTimeout(timer);
          if (this.exited) this.start();
          resolve(r);
        },
      };
      this.worker.postMessage({ id, bytes, name });
    });
  }

  close(): Promise<number> {
    this.exited = 'closed';
    return this.worker.terminate();
  }
}

export interface FuzzSummary {
  runs: number;
  results: number;
  ingestErrors: number;
  reasons: Map<string, number>;
  failures: string[];
  slowestMs: number;
  ms: number;
}

/**
 * Runs `iterations` mutated inputs made by `mutate` from `sources`, each within `limitMs`.
 * Failures carry the iteration, the mutation and the path of the saved input.
 */
export async function fuzz(opts: {
  name: string;
  sources: Buffer[];
  iterations: number;
  seed: number;
  limitMs: number;
  mutate: (input: Buffer, rand: Rand, i: number) => Promise<{ bytes: Buffer; ops: string[] }> | { bytes: Buffer; ops: string[] };
  ext: string;
}): Promise<FuzzSummary> {
  const rand = prng(opts.seed);
  const converter = new Converter();
  const summary: FuzzSummary = { runs: 0, results: 0, ingestErrors: 0, reasons: new Map(), failures: [], slowestMs: 0, ms: 0 };
  const t0 = performance.now();
  try {
    for (let i = 0; i < opts.iterations; i++) {
      const src = int(rand, opts.sources.length);
      const { bytes, ops } = await opts.mutate(opts.sources[src], rand, i);
      const t = performance.now();
      const r = await converter.convert(bytes, `fuzz-${i}.${opts.ext}`, opts.limitMs);
      const ms = performance.now() - t;
      summary.slowestMs = Math.max(summary.slowestMs, ms);
      summary.runs++;
      const fail = (what: string) => {
        const saved = join(tmpdir(), `referat-fuzz-${opts.name}-seed${opts.seed}-${i}.${opts.ext}`);
        writeFileSync(saved, bytes);
        summary.failures.push(`iteration ${i} (source ${src}; ${ops.join(', ')}): ${what}; input saved as ${saved}`);
      };
      if (r === 'timeout') fail(`no result within ${opts.limitMs / 1000} s`);
      else if (r.ok) summary.results++;
      // eslint-disable-next-line no-control-regex
      else if (r.ingest && r.reason && !/[\u0000-\u001f\u007f]/.test(r.reason) && r.reason.length <= 200) {
        summary.ingestErrors++;
        const key = r.reason.replace(/\d+/g, 'N').slice(0, 90);
        summary.reasons.set(key, (summary.reasons.get(key) ?? 0) + 1);
      } else fail(`${r.reason}${r.stack ? `\n${r.stack.split('\n').slice(0, 6).join('\n')}` : ''}`);
    }
  } finally {
    await converter.close();
  }
  summary.ms = performance.now() - t0;
  return summary;
}

export function describeSummary(name: string, s: FuzzSummary): string {
  const reasons = [...s.reasons.entries()].sort((a, b) => b[1] - a[1]).map(([r, n]) => `  ${n} × ${r}`);
  return [
    `reliability: fuzz ${name}: ${s.runs} runs in ${(s.ms / 1000).toFixed(1)} s (slowest ${Math.round(s.slowestMs)} ms): ${s.results} results, ${s.ingestErrors} IngestErrors, ${s.failures.length} failures`,
    ...reasons,
  ].join('\n');
}
