/**
 * The review server's HTTP API, through fastify's inject (no socket): each endpoint against the CLI's
 * own results on the same file, the OpenAPI document against real responses, the limits (size, time,
 * queue), malformed and hostile uploads, headers, and 20 concurrent uploads leaving no file behind.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { Ajv } from 'ajv';
import addFormatsModule from 'ajv-formats';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildServer, uploadName } from '../../src/serve/server.js';
import { jsonSchema } from '../../schemas/json-schema.js';
import { convertBuffer } from '../../src/convert.js';
import { describeError } from '../../src/batch/errors.js';
import { runValidate } from '../../src/commands/validate.js';
import { RULES, validator } from '../../src/validate/index.js';
import { serialize } from '../../src/output.js';
import { docxWithBody, docxWithRepeatedBody, nestedBody, para, prng, randomBytes } from '../reliability/generate.js';
import { encryptedPdf } from '../parsers/encrypted-pdf.js';
import { repoPath } from '../parsers/paths.js';
import { formBody, sampleBytes, upload } from './helpers.js';

const addFormats = addFormatsModule as unknown as (ajv: Ajv | Ajv2020) => Ajv;

// Uploads must never touch the disk: the workers (and anything they start) get a private, empty TMPDIR.
const originalTmp = tmpdir();
const privateTmp = mkdtempSync(join(originalTmp, 'referat-serve-tmp-'));
process.env.TMPDIR = privateTmp;

let app: FastifyInstance;
let small: FastifyInstance;

beforeAll(async () => {
  app = await buildServer({ jobs: 2, warm: true });
  // one worker, no queue, a 64 kB size limit: for the size and busy tests
  small = await buildServer({ jobs: 1, maxQueue: 0, maxBytes: 64 * 1024, warm: true });
});
afterAll(async () => {
  await app?.close();
  await small?.close();
  process.env.TMPDIR = originalTmp;
  rmSync(privateTmp, { recursive: true, force: true });
});

async function post(server: FastifyInstance, url: string, bytes: Buffer, name: string, opts: { rules?: Record<string, string>; accept?: string } = {}) {
  const { payload, headers } = await upload(bytes, name, opts.rules);
  return server.inject({ method: 'POST', url, payload, headers: { ...headers, ...(opts.accept ? { accept: opts.accept } : {}) } });
}

/** What `referat validate --format json` prints for a sample (the same code as the CLI, run in-process from the samples folder). */
async function cliValidateJson(name: string, rule: string[] = []): Promise<unknown> {
  let out = '';
  await runValidate([name], { cwd: repoPath('samples'), format: 'json', rule, out: (s) => (out += s), err: () => {} });
  return JSON.parse(out);
}

/** The reason the CLI gives for bytes it cannot read. */
async function cliReason(bytes: Buffer, name: string): Promise<string> {
  try {
    await convertBuffer(bytes, name, { validate: validator({}) });
  } catch (e) {
    return describeError(e);
  }
  throw new Error(`${name} was readable`);
}

const noStack = (body: string) => expect(body).not.toMatch(/\n\s+at |node_modules|\.ts:\d+/);

describe('GET endpoints', () => {
  test('/healthz says ok, the version and the workers', async () => {
    const res = await app.inject('/healthz');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'ok', workers: 2, running: 0, queued: 0 });
  });

  test('/api/schema is the JSON Schema `referat schema` prints', async () => {
    const res = await app.inject('/api/schema');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/schema\+json/);
    expect(res.json()).toEqual(jsonSchema());
  });

  test('/api/rules lists every rule with the level in force', async () => {
    const res = await app.inject('/api/rules');
    const body = res.json();
    expect(body.rules.map((r: { id: string }) => r.id)).toEqual(RULES.map((r) => r.meta.id));
    expect(body.rules.every((r: { level: string; defaultSeverity: string }) => r.level === r.defaultSeverity)).toBe(true);
    const configured = await buildServer({ jobs: 1, rules: { placeholder: 'off' }, configPath: '.referatrc.json' });
    const r2 = (await configured.inject('/api/rules')).json();
    await configured.close();
    expect(r2.config).toBe('.referatrc.json');
    expect(r2.rules.find((r: { id: string }) => r.id === 'placeholder').level).toBe('off');
  });
});

describe('POST /api/convert', () => {
  test.each(['004_8a7553dc6f277047.pdf', '001_7b1df9de962b88b2.docx', '002_2b64a8c1b9967320.txt'])('%s: the JSON `referat convert` writes', async (name) => {
    const bytes = sampleBytes(name);
    const res = await post(app, '/api/convert', bytes, name);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    const expected = serialize((await convertBuffer(bytes, name, { validate: validator({}) })).referat);
    expect(res.body).toBe(expected);
  });

  test('the file name is a label only: a path in it is cut to its last part', async () => {
    const res = await post(app, '/api/convert', sampleBytes('003_e413edb90be0967c.txt'), '../../etc/passwd\u0000.txt');
    expect(res.statusCode).toBe(200);
    expect(res.json().source.path).toBe('passwd.txt');
    expect(uploadName('C:\\Users\\x\\referat.docx')).toBe('referat.docx');
    expect(uploadName('')).toBe('dokument');
  });
});

describe('POST /api/validate', () => {
  test.each(['004_8a7553dc6f277047.pdf', '002_2b64a8c1b9967320.docx', '000_94bc2a59beba3b57.txt'])('%s: the same as `referat validate --format json`', async (name) => {
    const res = await post(app, '/api/validate', sampleBytes(name), name);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual(await cliValidateJson(name));
  });

  test('SARIF when asked for with Accept, valid against the SARIF 2.1.0 schema', async () => {
    const res = await post(app, '/api/validate', sampleBytes('004_8a7553dc6f277047.pdf'), '004_8a7553dc6f277047.pdf', { accept: 'application/sarif+json' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/sarif\+json/);
    const log = res.json();
    const ajv = new Ajv({ strict: false, allErrors: true });
    addFormats(ajv);
    const validate = ajv.compile(JSON.parse(readFileSync(repoPath('test/fixtures/sarif-schema-2.1.0.json'), 'utf8')));
    expect(validate(log), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
    expect(log.runs[0].results).toHaveLength(9); // 2 errors, 3 warnings, 4 notes, as the CLI
    expect(log.runs[0].artifacts[0].location.uri).toBe('004_8a7553dc6f277047.pdf');
  });

  test('rules switched off or re-graded for one request, as --rule does', async () => {
    const name = '004_8a7553dc6f277047.txt';
    const rules = { 'personal-data': 'off', 'item-numbering': 'error' } as const;
    const res = await post(app, '/api/validate', sampleBytes(name), name, { rules });
    expect(res.statusCode).toBe(200);
    const [file] = res.json();
    expect(file.diagnostics.some((d: { code: string }) => d.code === 'personal-data')).toBe(false);
    expect(file.diagnostics.find((d: { code: string }) => d.code === 'item-numbering').severity).toBe('error');
    expect(res.json()).toEqual(await cliValidateJson(name, ['personal-data=off', 'item-numbering=error']));
  });

  test.each([
    ['not JSON', '{placeholder: off', /rules: ikke gyldig JSON/],
    ['an unknown rule', '{"no-such-rule": "off"}', /ukendt regel "no-such-rule"/],
    ['an unknown level', '{"placeholder": "loud"}', /fejl ved placeholder/],
  ])('bad rules (%s): 400 with the reason', async (_what, rules, reason) => {
    const { payload, headers } = await formBody([
      { name: 'file', value: sampleBytes('000_94bc2a59beba3b57.txt'), filename: 'a.txt' },
      { name: 'rules', value: rules },
    ]);
    const res = await app.inject({ method: 'POST', url: '/api/validate', payload, headers });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatch(reason);
  });
});

describe('POST /api/review and the OpenAPI document', () => {
  test('the review: verdict, the validate report, the output, page starts, the rules and SARIF', async () => {
    const name = '004_8a7553dc6f277047.pdf';
    const res = await post(app, '/api/review', sampleBytes(name), name);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.verdict).toEqual({ ready: false, label: 'Ikke klar til offentliggørelse' });
    expect([body.report]).toEqual(await cliValidateJson(name));
    expect(body.referat.source.pages).toBe(5);
    expect(body.pageStarts).toHaveLength(5);
    expect(body.pageStarts[0]).toBe(0);
    expect(body.sarif.version).toBe('2.1.0');
    expect(body.timings.convertMs).toBeGreaterThan(0);
    const clean = (await post(app, '/api/review', sampleBytes('003_e413edb90be0967c.txt'), 'x.txt')).json();
    expect(clean.verdict).toEqual({ ready: true, label: 'Klar til offentliggørelse' });
    expect(clean.pageStarts).toBeNull();
  });

  test('OpenAPI 3.1: every route is described, and real responses validate against its schemas', async () => {
    const doc = (await app.inject('/api/openapi.json')).json();
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths).sort()).toEqual(['/api/convert', '/api/openapi.json', '/api/review', '/api/rules', '/api/schema', '/api/validate', '/healthz']);
    const ajv = new Ajv2020({ strict: false, allErrors: true });
    addFormats(ajv);
    ajv.addSchema({ $id: 'openapi', components: doc.components });
    const check = async (id: string, res: { statusCode: number; json: () => unknown }) => {
      const validate = ajv.getSchema(`openapi#/components/schemas/${id}`)!;
      expect(validate(res.json()), `${id}: ${JSON.stringify(validate.errors?.slice(0, 3))}`).toBe(true);
    };
    const pdf = sampleBytes('001_7b1df9de962b88b2.pdf');
    await check('Referat', await post(app, '/api/convert', pdf, 'a.pdf'));
    await check('ValidateResponse', await post(app, '/api/validate', pdf, 'a.pdf'));
    await check('ReviewResponse', await post(app, '/api/review', pdf, 'a.pdf'));
    await check('Health', await app.inject('/healthz'));
    await check('RulesResponse', await app.inject('/api/rules'));
    await check('ErrorResponse', await post(app, '/api/validate', Buffer.from('%PDF-1.7\n garbage'), 'b.pdf'));
    // the schema of the Referat component is the published output schema
    expect(doc.components.schemas.Referat.properties.schemaVersion).toEqual(jsonSchema().properties && (jsonSchema().properties as Record<string, unknown>).schemaVersion);
  });
});

describe('limits and hostile input', () => {
  test('a file over the size limit: 413 with the CLI\'s reason (declared up front, or found while streaming)', async () => {
    const big = Buffer.alloc(3 * 1024 * 1024, 'a');
    const early = await post(small, '/api/validate', big, 'stor.txt');
    expect(early.statusCode).toBe(413);
    expect(early.json().error).toBe('file too large: 3.0 MB (limit 64.0 kB, see --max-size)');
    // over the limit by less than the multipart allowance: stopped at the limit by the stream
    const streamed = await post(small, '/api/validate', Buffer.alloc(100 * 1024, 'a'), 'lidt-for-stor.txt');
    expect(streamed.statusCode).toBe(413);
    expect(streamed.json().error).toBe('file too large: more than 64.0 kB (limit 64.0 kB, see --max-size)');
    // under it: fine
    expect((await post(small, '/api/validate', sampleBytes('003_e413edb90be0967c.txt'), 'ok.txt')).statusCode).toBe(200);
  });

  test('a malformed multipart body: 400 with a one-line reason, no stack', async () => {
    const { payload, headers } = await upload(sampleBytes('000_94bc2a59beba3b57.txt'), 'a.txt');
    const cut = payload.subarray(0, payload.length - 60); // the closing boundary is missing
    const res = await app.inject({ method: 'POST', url: '/api/validate', payload: cut, headers });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toBe('malformed multipart body: Unexpected end of multipart data');
    noStack(res.body);
    const garbage = await app.inject({ method: 'POST', url: '/api/validate', payload: 'this is not multipart', headers: { 'content-type': 'multipart/form-data; boundary=xyz' } });
    expect(garbage.statusCode).toBe(400);
    noStack(garbage.body);
    const noBoundary = await app.inject({ method: 'POST', url: '/api/validate', payload: 'x', headers: { 'content-type': 'multipart/form-data' } });
    expect(noBoundary.statusCode).toBe(400);
    noStack(noBoundary.body);
  });

  test('not multipart, no file, the wrong field, two files: clear 4xx', async () => {
    const json = await app.inject({ method: 'POST', url: '/api/validate', payload: { file: 'x' } });
    expect(json.statusCode).toBe(406);
    expect(json.json().error).toMatch(/not multipart\/form-data/);
    for (const [type, payload] of [['application/xml', '<referat/>'], ['text/plain', 'x'.repeat(100_000)]]) {
      const other = await app.inject({ method: 'POST', url: '/api/validate', payload, headers: { 'content-type': type } });
      expect([413, 415]).toContain(other.statusCode);
      expect(other.json().error).toBe('the request is not multipart/form-data: send the document in a form field named "file"');
    }
    const onlyRules = await formBody([{ name: 'rules', value: '{}' }]);
    const r1 = await app.inject({ method: 'POST', url: '/api/validate', ...onlyRules });
    expect(r1.statusCode).toBe(400);
    expect(r1.json().error).toBe('no file: send the document in a form field named "file"');
    const wrong = await formBody([{ name: 'document', value: Buffer.from('x'), filename: 'a.txt' }]);
    const r2 = await app.inject({ method: 'POST', url: '/api/validate', ...wrong });
    expect(r2.statusCode).toBe(400);
    expect(r2.json().error).toMatch(/unexpected file field "document"/);
    const two = await formBody([
      { name: 'file', value: Buffer.from('Referat'), filename: 'a.txt' },
      { name: 'file', value: Buffer.from('Referat'), filename: 'b.txt' },
    ]);
    const r3 = await app.inject({ method: 'POST', url: '/api/validate', ...two });
    expect(r3.statusCode).toBe(400);
    expect(r3.json().error).toMatch(/one file per request/);
    const empty = await post(app, '/api/validate', Buffer.alloc(0), 'tom.pdf');
    expect(empty.statusCode).toBe(422);
  });

  const rand = prng(15);
  const unit = para('x'.repeat(1000));
  const mbOfXml = unit.repeat(Math.floor((1024 * 1024) / unit.length));
  const hostile: [string, string, () => Buffer, RegExp][] = [
    ['random bytes', 'fjendtlig.pdf', () => randomBytes(4096, rand), /^not a readable document/],
    ['a truncated PDF', 'afkortet.pdf', () => sampleBytes('004_8a7553dc6f277047.pdf').subarray(0, 2000), /PDF/],
    ['a password-protected PDF', 'kode.pdf', () => encryptedPdf(), /^password-protected PDF/],
    ['a DOCX zip bomb (3.7 GB, sizes declared)', 'bombe.docx', () => docxWithRepeatedBody(mbOfXml, 3800), /^DOCX expands beyond 200 MB \(zip bomb\?\): its parts declare 3\.7 GB$/],
    ['a DOCX zip bomb (300 MB, declares 10 kB)', 'bombe2.docx', () => docxWithRepeatedBody(mbOfXml, 300, 10_000), /inflates past the limit$/],
    ['a DOCX nested 50,000 levels deep', 'dyb.docx', () => docxWithBody(nestedBody(50_000)), /^DOCX XML nests too deeply/],
  ];
  test.each(hostile)('%s: 422 with the same reason as the CLI, never a stack', async (_what, name, make, reason) => {
    const bytes = make();
    const res = await post(app, '/api/convert', bytes, name);
    const expected = await cliReason(bytes, name);
    expect(expected).toMatch(reason);
    expect(res.statusCode).toBe(422);
    expect(res.json()).toEqual({ error: expected, file: name, message: `${name}: ${expected}` });
    noStack(res.body);
  });

  test('a conversion over the time limit: 504 "timed out", and the server goes on', async () => {
    const slow = await buildServer({ jobs: 1, timeoutMs: 5 });
    try {
      const res = await post(slow, '/api/validate', sampleBytes('001_7b1df9de962b88b2.pdf'), 'lang.pdf');
      expect(res.statusCode).toBe(504);
      expect(res.json().error).toBe('timed out after 0.005 s');
      expect((await slow.inject('/healthz')).statusCode).toBe(200);
    } finally {
      await slow.close();
    }
  });

  test('more uploads than workers and queue: 503 with Retry-After, the admitted one converts', async () => {
    const bytes = sampleBytes('001_7b1df9de962b88b2.pdf');
    const all = await Promise.all([1, 2, 3].map(() => post(small, '/api/validate', bytes.subarray(0, 60 * 1024), 'x.pdf')));
    // (the cut PDF is unreadable: 422 for the admitted one; what matters is who was admitted)
    const codes = all.map((r) => r.statusCode).sort();
    expect(codes).toEqual([422, 503, 503]);
    const busy = all.find((r) => r.statusCode === 503)!;
    expect(busy.headers['retry-after']).toBe('5');
    expect(busy.json().error).toMatch(/^busy: /);
  });

  test('20 concurrent uploads: no failure, the same answers as one at a time, no temporary file left', async () => {
    const names = ['004_8a7553dc6f277047.pdf', '001_7b1df9de962b88b2.docx', '002_2b64a8c1b9967320.txt', '003_e413edb90be0967c.pdf'];
    const expected = new Map<string, string>();
    for (const n of names) expected.set(n, (await post(app, '/api/convert', sampleBytes(n), n)).body);
    const t0 = performance.now();
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => names[i % names.length]).map(async (n) => ({ n, res: await post(app, '/api/convert', sampleBytes(n), n) })));
    const ms = performance.now() - t0;
    for (const { n, res } of results) {
      expect(res.statusCode, `${n}: ${res.body.slice(0, 200)}`).toBe(200);
      expect(res.body).toBe(expected.get(n));
    }
    expect(readdirSync(privateTmp)).toEqual([]);
    console.log(`20 concurrent uploads (2 workers): ${Math.round(ms)} ms`);
  });
});

describe('headers and paths', () => {
  test('the page: a content security policy without inline scripts, no framing', async () => {
    const res = await app.inject('/');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toMatch(/default-src 'none'/);
    expect(csp).toMatch(/script-src 'self'(;|$)/);
    expect(csp).toMatch(/frame-ancestors 'none'/);
    expect(csp).not.toMatch(/unsafe-inline|unsafe-eval/);
    expect(res.headers['x-frame-options']).toBe('DENY');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.body).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/); // no inline script the policy would block
    expect(res.body).not.toMatch(/\sstyle=/);
    for (const url of ['/app.js', '/style.css']) expect((await app.inject(url)).statusCode).toBe(200);
  });

  test('a server on the loopback address answers only to its own names (no DNS rebinding)', async () => {
    const local = await buildServer({ jobs: 1, allowedHosts: ['localhost', '127.0.0.1', '::1'] });
    try {
      for (const host of ['localhost:8080', '127.0.0.1:8080', '[::1]:8080', 'LOCALHOST']) expect((await local.inject({ url: '/healthz', headers: { host } })).statusCode, host).toBe(200);
      const evil = await local.inject({ url: '/', headers: { host: 'attacker.example:8080' } });
      expect(evil.statusCode).toBe(403);
      expect(evil.json().error).toMatch(/^host not allowed: "attacker\.example"/);
      expect((await local.inject({ url: '/healthz', headers: { host: '127.0.0.1.attacker.example' } })).statusCode).toBe(403);
    } finally {
      await local.close();
    }
  });

  test('API answers are not cached (minutes carry personal data)', async () => {
    const res = await post(app, '/api/validate', sampleBytes('000_94bc2a59beba3b57.txt'), 'a.txt');
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.headers['content-security-policy']).toBeTruthy();
  });

  test.each(['/../package.json', '/%2e%2e/package.json', '/app.js/../../package.json', '/index.html', '/server.ts', '/src/serve/server.ts', '/public/app.js', '/..%2f..%2fpackage.json', '/%2fetc%2fpasswd'])(
    'no request path is a file path: %s is 404',
    async (url) => {
      const res = await app.inject(url);
      expect(res.statusCode).toBe(404);
      expect(res.body).not.toMatch(/"name":\s*"referat"|root:/);
    },
  );
});
