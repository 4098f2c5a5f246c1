/**
 * The review server (`referat serve`): the secretariat's page and an HTTP API over the same conversion
 * and rules as the CLI. Uploads are read into memory (never written to disk), converted in the batch's
 * worker pool (time limit, crash isolation, a bounded queue), and discarded with the response. No part
 * of a request is used as a file path: the page's three files are served by fixed names.
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import helmet from '@fastify/helmet';
import multipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import type { Logger } from 'pino';
import type { ZodType } from 'zod';
import { Referat } from '../../schemas/referat.js';
import { jsonSchema } from '../../schemas/json-schema.js';
import { WorkerPool } from '../batch/pool.js';
import type { ConvertTask, TaskResult } from '../batch/protocol.js';
import { formatBytes, tooLarge } from '../batch/errors.js';
import { reportable } from '../commands/validate.js';
import { FORMATTERS, counts, notMinutesReason, type FileReport, type Report } from '../formatters/index.js';
import { DEFAULT_LIMITS } from '../../parsers/limits.js';
import { RULES, type RuleConfig } from '../validate/index.js';
import { VERSION } from '../version.js';
import { openApiDocument } from './openapi.js';
import type { ServeResult, ServeTask } from './protocol.js';
import { ErrorResponse, Health, ReviewResponse, RulesField, RulesResponse, ValidateResponse, type RuleInfo } from './schemas.js';

export interface ServeOptions {
  /** conversion workers (default: one per core) */
  jobs?: number;
  /** time limit of one conversion in ms (default 60 s, as `referat convert --timeout`; 0 = none) */
  timeoutMs?: number;
  /** largest upload in bytes (default 100 MB, as `--max-size`) */
  maxBytes?: number;
  /** conversions that may wait for a worker beyond those running; more get 503 (default 32) */
  maxQueue?: number;
  /** the server's rule configuration (.referatrc.json, --rule); a request may override it */
  rules?: RuleConfig;
  /** where `rules` came from, shown on the page */
  configPath?: string | null;
  /** buildServer: start the workers and load their readers at once, so the first upload does not wait for it */
  warm?: boolean;
  /** heap limit of each worker in MB */
  maxHeapMb?: number;
  /**
   * Host names the server answers to (the Host header without its port), or null for any. A server on
   * the loopback address lists its own names, so that a web page that rebinds its DNS name to 127.0.0.1
   * cannot use it.
   */
  allowedHosts?: string[] | null;
  /** time to receive a whole request (headers and body) in ms (default 120 s) */
  requestTimeoutMs?: number;
  log?: Logger;
}

/** The page's files, by the only URLs that serve them. */
const PAGE_FILES: Record<string, { file: string; type: string }> = {
  '/': { file: 'index.html', type: 'text/html; charset=utf-8' },
  '/app.js': { file: 'app.js', type: 'text/javascript; charset=utf-8' },
  '/style.css': { file: 'style.css', type: 'text/css; charset=utf-8' },
};

/** The page's folder: beside this module (sources), or the sources' copy when running from dist/. */
export function publicDir(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  const beside = join(here, 'public');
  if (existsSync(join(beside, 'index.html'))) return beside;
  return resolve(here, '..', '..', '..', 'src', 'serve', 'public');
}

/** The compiled worker script (workers run the JavaScript in dist/, as the batch's do). */
function workerScript(): string {
  const here = fileURLToPath(import.meta.url);
  if (here.endsWith('.js')) return join(dirname(here), 'worker.js');
  const built = resolve(dirname(here), '..', '..', 'dist', 'src', 'serve', 'worker.js');
  if (!existsSync(built)) throw new Error(`the worker script is not built (${built}): run "npm run build"`);
  return built;
}

/** An error answered to the client: status, reason, and the file it concerns. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly reason: string,
    readonly file: string | null = null,
    readonly headers: Record<string, string> = {},
  ) {
    super(reason);
  }
}

/**
 * The upload's name as a label (source.path, messages): the last path component, without control
 * characters, at most 200 characters. It is never used to open, write or name a file.
 */
export function uploadName(raw: string | undefined): string {
  const last = (raw ?? '').split(/[/\\]/).pop() ?? '';
  const clean = last.replace(/[\p{Cc}\p{Cf}]/gu, '').trim().slice(0, 200);
  return clean || 'dokument';
}

/** The status for a reason the conversion failed with. */
function statusFor(reason: string): number {
  if (/^timed out after|took longer than/.test(reason)) return 504;
  if (/^file too large/.test(reason)) return 413;
  if (/^(internal error|worker crashed|worker exited|conversion workers cannot start|interrupted)/.test(reason)) return 500;
  return 422;
}

interface Upload {
  name: string;
  bytes: Buffer;
  rules: RuleConfig;
}

type PoolTask = Omit<ConvertTask, 'type' | 'id'>;

/** The server, its workers warmed first when `opts.warm` is set. */
export async function buildServer(opts: ServeOptions = {}): Promise<FastifyInstance> {
  const { app, warm } = await createReviewServer(opts);
  if (opts.warm) await warm();
  return app;
}

/**
 * The server and a function that starts and warms its workers (the CLI listens first, so that a port in
 * use fails at once, and warms before it prints the address).
 */
export async function createReviewServer(opts: ServeOptions = {}): Promise<{ app: FastifyInstance; warm: () => Promise<void> }> {
  const jobs = opts.jobs ?? Math.max(1, availableParallelism());
  const maxBytes = opts.maxBytes ?? DEFAULT_LIMITS.maxBytes;
  const timeoutMs = opts.timeoutMs ?? DEFAULT_LIMITS.perFileTimeoutMs;
  const maxQueue = opts.maxQueue ?? 32;
  const baseRules = opts.rules ?? {};
  const log = opts.log;
  const pool = new WorkerPool({ size: jobs, timeoutMs, warm: true, maxHeapMb: opts.maxHeapMb ?? 4096, script: workerScript() });
  /** requests admitted (receiving their upload or converting), and conversions handed to the pool */
  let admitted = 0;
  let converting = 0;

  const app = Fastify({
    logger: false,
    requestTimeout: opts.requestTimeoutMs ?? 120_000,
    // nothing but multipart uploads has a body here; other bodies are refused small
    bodyLimit: 64 * 1024,
    // not behind a proxy: the client is the peer
    trustProxy: false,
  });

  await app.register(helmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'none'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        baseUri: ["'none'"],
        objectSrc: ["'none'"],
      },
    },
    frameguard: { action: 'deny' },
    // plain HTTP on a local address: HSTS would only break the next visit
    strictTransportSecurity: false,
    referrerPolicy: { policy: 'no-referrer' },
    crossOriginResourcePolicy: { policy: 'same-origin' },
  });
  await app.register(multipart, {
    limits: { fileSize: maxBytes, files: 1, fields: 4, fieldSize: 64 * 1024, parts: 6, headerPairs: 100 },
  });
  // only the reply decorator: the page's files are sent by fixed name (PAGE_FILES), never by request path
  await app.register(fastifyStatic, { root: publicDir(), serve: false });

  const allowedHosts = opts.allowedHosts ? new Set(opts.allowedHosts.map((h) => h.toLowerCase())) : null;
  app.addHook('onRequest', async (req, reply) => {
    // minutes carry personal data: no cache keeps a copy of an answer
    reply.header('Cache-Control', 'no-store');
    if (allowedHosts) {
      const host = hostName(req.headers.host ?? '');
      if (!allowedHosts.has(host)) throw new HttpError(403, `host not allowed: "${host.slice(0, 100)}" (this server answers to ${[...allowedHosts].join(', ')}; start it with --host to serve the network)`);
    }
  });
  app.addHook('onResponse', async (req, reply) => {
    log?.debug({ method: req.method, url: req.url, status: reply.statusCode, ms: Math.round(reply.elapsedTime) }, 'request');
  });
  app.addHook('onClose', async () => {
    await pool.close();
  });

  const ruleInfos = (config: RuleConfig): RuleInfo[] =>
    RULES.map((r) => ({ id: r.meta.id, description: r.meta.description, defaultSeverity: r.meta.defaultSeverity, level: config[r.meta.id] ?? r.meta.defaultSeverity }));

  const send = <T>(reply: FastifyReply, schema: ZodType<T>, data: unknown, type = 'application/json; charset=utf-8') => {
    // every answer is checked against the contract the OpenAPI document publishes
    const checked = schema.parse(data);
    return reply.type(type).send(JSON.stringify(checked));
  };

  app.setErrorHandler((err: Error & { statusCode?: number; code?: string }, req, reply) => {
    let status: number;
    let reason: string;
    let file: string | null = null;
    if (err instanceof HttpError) {
      status = err.status;
      reason = err.reason;
      file = err.file;
      for (const [k, v] of Object.entries(err.headers)) reply.header(k, v);
    } else if (err.code === 'FST_REQ_FILE_TOO_LARGE') {
      status = 413;
      reason = `file too large: more than ${formatBytes(maxBytes)} (limit ${formatBytes(maxBytes)}, see --max-size)`;
    } else if (err.code === 'FST_INVALID_MULTIPART_CONTENT_TYPE') {
      status = 406;
      reason = 'the request is not multipart/form-data: send the document in a form field named "file"';
    } else if (err.code === 'FST_FILES_LIMIT') {
      status = 400;
      reason = 'one file per request: send the document in a form field named "file"';
    } else if (err.code === 'FST_PARTS_LIMIT' || err.code === 'FST_FIELDS_LIMIT') {
      status = 400;
      reason = 'too many form fields: send "file" and, optionally, "rules"';
    } else if (err.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE' || err.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
      // a body of another kind (JSON, XML, text): only uploads are accepted
      status = err.statusCode ?? 415;
      reason = 'the request is not multipart/form-data: send the document in a form field named "file"';
    } else if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) {
      status = err.statusCode;
      // fastify's own messages name what was wrong; no stack
      reason = `bad request: ${err.message.split('\n')[0]}`;
    } else if (/Unexpected end of (form|multipart)|Malformed|boundary/i.test(err.message)) {
      status = 400;
      reason = `malformed multipart body: ${err.message.split('\n')[0]}`;
    } else {
      status = 500;
      reason = `internal error: ${err.message.split('\n')[0]}`;
      log?.error({ err, url: req.url }, 'request failed');
    }
    const body = { error: reason, file, message: file ? `${file}: ${reason}` : reason };
    return reply.code(status).type('application/json; charset=utf-8').send(JSON.stringify(ErrorResponse.parse(body)));
  });
  app.setNotFoundHandler((req, reply) => {
    reply.code(404).type('application/json; charset=utf-8').send(JSON.stringify({ error: 'not found', file: null, message: `not found: ${req.method} ${req.url.split('?')[0].slice(0, 200)}` }));
  });

  /** Reads the multipart body: the document from field "file" (into memory, up to the size limit) and the optional "rules". */
  async function readUpload(req: FastifyRequest): Promise<Upload> {
    let file: { name: string; bytes: Buffer } | null = null;
    let rulesText: string | null = null;
    for await (const part of req.parts()) {
      if (part.type === 'file') {
        if (part.fieldname !== 'file') {
          part.file.resume();
          throw new HttpError(400, `unexpected file field "${part.fieldname.slice(0, 50)}": send the document in a form field named "file"`);
        }
        const name = uploadName(part.filename);
        const bytes = await part.toBuffer();
        file = { name, bytes };
      } else if (part.fieldname === 'file') {
        throw new HttpError(400, 'the field "file" must be a file upload (a browser\'s file input, or curl -F file=@minutes.pdf)');
      } else if (part.fieldname === 'rules') {
        rulesText = String(part.value ?? '');
      } else {
        throw new HttpError(400, `unknown form field "${part.fieldname.slice(0, 50)}" (expected "file" and, optionally, "rules")`);
      }
    }
    if (!file) throw new HttpError(400, 'no file: send the document in a form field named "file"');
    let rules: RuleConfig = {};
    if (rulesText && rulesText.trim()) {
      let data: unknown;
      try {
        data = JSON.parse(rulesText);
      } catch (e) {
        throw new HttpError(400, `rules: ikke gyldig JSON (${(e as Error).message.split('\n')[0]})`, file.name);
      }
      const parsed = RulesField.safeParse(data);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        throw new HttpError(400, `rules: forventer {"regel-id": "off"|"info"|"warning"|"error"}; ${issue.path.length ? `fejl ved ${issue.path.join('.')}: ` : ''}${issue.message}`, file.name);
      }
      rules = parsed.data;
    }
    if (file.bytes.length === 0) throw new HttpError(422, 'empty file', file.name);
    return { ...file, rules: { ...baseRules, ...rules } };
  }

  interface Converted {
    upload: Upload;
    referat: Referat;
    pageStarts: number[] | null;
    queueMs: number;
    convertMs: number;
  }

  /** Reads the upload and converts it in the pool; unreadable input becomes an HttpError with the CLI's reason. */
  async function convertUpload(req: FastifyRequest): Promise<Converted> {
    const declared = Number(req.headers['content-length']);
    // a body that says up front it is too large is refused before a byte of it is read
    if (Number.isFinite(declared) && declared > maxBytes + 1024 * 1024) throw new HttpError(413, tooLarge(declared, maxBytes));
    // refused before the body is read: a queue that only grows would hold every waiting upload in memory
    if (admitted >= jobs + maxQueue) throw new HttpError(503, `busy: ${admitted} documents are being checked; try again shortly`, null, { 'Retry-After': '5' });
    admitted++;
    try {
      return await admittedUpload(req);
    } finally {
      admitted--;
    }
  }

  async function admittedUpload(req: FastifyRequest): Promise<Converted> {
    const upload = await readUpload(req);
    converting++;
    const t0 = performance.now();
    let result: ServeResult;
    try {
      const task: ServeTask = {
        path: /^%PDF-/.test(upload.bytes.subarray(0, 8).toString('latin1')) ? 'upload.pdf' : 'upload',
        displayPath: upload.name,
        bytes: upload.bytes,
        rules: upload.rules,
        maxBytes,
        // the reader stops a runaway PDF itself a little before the pool ends the worker
        timeoutMs: timeoutMs > 0 ? Math.max(1000, timeoutMs - 1000) : undefined,
      };
      // The pool carries any task to its worker as is; this server's worker (worker.ts) takes a ServeTask.
      result = (await pool.run(task as unknown as PoolTask)) as unknown as ServeResult | Extract<TaskResult, { status: 'failed' }>;
    } finally {
      converting--;
    }
    const totalMs = performance.now() - t0;
    if (result.status === 'failed') throw new HttpError(statusFor(result.reason), result.reason, upload.name);
    const referat = JSON.parse(result.json) as Referat;
    return { upload, referat, pageStarts: result.pageStarts, queueMs: Math.max(0, totalMs - result.ms), convertMs: result.ms };
  }

  function reportOf(c: Converted): Report {
    const r = c.referat;
    const file: FileReport = { path: c.upload.name, format: r.source.format, documentType: r.documentType, text: r.text, diagnostics: reportable(r.diagnostics), error: null, notMinutes: notMinutesReason(r) };
    // cwd "/" makes the SARIF artifact the bare file name, and says nothing about this machine's folders
    return { files: [file], rules: ruleInfos(c.upload.rules), version: VERSION, cwd: '/' };
  }

  app.get('/healthz', async (_req, reply) =>
    send(reply, Health, { status: 'ok', version: VERSION, workers: jobs, running: Math.min(converting, jobs), queued: Math.max(0, converting - jobs) }),
  );
  app.get('/api/schema', async (_req, reply) => reply.type('application/schema+json; charset=utf-8').send(JSON.stringify(jsonSchema(), null, 2)));
  const openapi = JSON.stringify(openApiDocument(), null, 2);
  app.get('/api/openapi.json', async (_req, reply) => reply.type('application/json; charset=utf-8').send(openapi));
  app.get('/api/rules', async (_req, reply) => send(reply, RulesResponse, { rules: ruleInfos(baseRules), config: opts.configPath ?? null }));

  app.post('/api/convert', async (req, reply) => {
    const c = await convertUpload(req);
    // pretty, as `referat convert` writes it
    return reply.type('application/json; charset=utf-8').send(JSON.stringify(Referat.parse(c.referat), null, 2) + '\n');
  });

  app.post('/api/validate', async (req, reply) => {
    const c = await convertUpload(req);
    const report = reportOf(c);
    if (/application\/sarif\+json/i.test(req.headers.accept ?? '')) {
      return reply.type('application/sarif+json; charset=utf-8').send(FORMATTERS.sarif(report));
    }
    return send(reply, ValidateResponse, JSON.parse(FORMATTERS.json(report)));
  });

  app.post('/api/review', async (req, reply) => {
    const t0 = performance.now();
    const c = await convertUpload(req);
    const report = reportOf(c);
    const [file] = JSON.parse(FORMATTERS.json(report));
    const ready = counts(report.files[0].diagnostics).errors === 0;
    return send(reply, ReviewResponse, {
      file: c.upload.name,
      verdict: { ready, label: ready ? 'Klar til offentliggørelse' : 'Ikke klar til offentliggørelse' },
      report: file,
      referat: c.referat,
      pageStarts: c.pageStarts,
      rules: report.rules,
      sarif: JSON.parse(FORMATTERS.sarif(report)),
      timings: { queueMs: round(c.queueMs), convertMs: round(c.convertMs), totalMs: round(performance.now() - t0) },
    });
  });

  for (const [url, { file, type }] of Object.entries(PAGE_FILES)) {
    app.get(url, async (_req, reply) => reply.type(type).sendFile(file));
  }

  return { app, warm: () => warmPool(pool, jobs) };
}

/** Starts every worker with a tiny document, so that they load their readers before the first upload. */
async function warmPool(pool: WorkerPool, jobs: number): Promise<void> {
  const task: ServeTask = { path: 'warm-up.txt', displayPath: 'warm-up.txt', bytes: Buffer.from('Referat\n\n1. Punkt\n\nBeslutning\nGodkendt.\n'), rules: {}, maxBytes: 1024 };
  await Promise.all(Array.from({ length: jobs }, () => pool.run(task as unknown as PoolTask)));
}

/** The host name of a Host header: "[::1]:8080" -> "::1", "localhost:8080" -> "localhost". */
export function hostName(header: string): string {
  const h = header.trim().toLowerCase();
  if (h.startsWith('[')) return h.slice(1, h.indexOf(']') > 0 ? h.indexOf(']') : undefined);
  return h.split(':')[0];
}

function round(ms: number): number {
  return Math.round(ms * 10) / 10;
}
