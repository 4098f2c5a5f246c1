/**
 * The review page in a real browser: Debian's chromium driven by playwright-core (no browser download).
 * Every bundled sample is uploaded through the page; the counts must be those of `referat validate
 * --format json` on the same file, clicking each finding must highlight exactly its quote, the structure
 * and layers must show, the JSON download must be the API's output, and a broken file must give the
 * CLI's message. Skipped, with what to install, when chromium is missing.
 * REFERAT_SCREENSHOT=1 also writes docs/review-page.png (the 004 sample).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildServer } from '../../src/serve/server.js';
import { shortQuote } from '../../src/validate/index.js';
import { RULES } from '../../src/validate/rules/index.js';
import { repoPath } from '../parsers/paths.js';
import { prng, randomBytes } from '../reliability/generate.js';
import { SAMPLES, sampleBytes, upload } from './helpers.js';

const CHROMIUM = process.env.REFERAT_CHROMIUM ?? '/usr/bin/chromium';
const haveChromium = existsSync(CHROMIUM);
if (!haveChromium) console.warn(`review page browser test skipped: ${CHROMIUM} not found (install it with: sudo apt-get install chromium)`);

interface CliFile {
  file: string;
  errorCount: number;
  warningCount: number;
  infoCount: number;
  diagnostics: { code: string; quote: string | null; span: { start: number; end: number } | null }[];
}

// A re-check of a scanned sample runs OCR again: on a loaded 2-core machine that takes more than the defaults.
describe.skipIf(!haveChromium)('the review page in chromium', { timeout: 180_000 }, () => {
  let app: FastifyInstance;
  let base: string;
  let browser: Browser;
  let page: Page;
  const cli = new Map<string, CliFile>();
  const problems: string[] = [];

  beforeAll(async () => {
    // the CLI itself, on all samples at once (exit code 1: some have errors)
    const run = spawnSync(process.execPath, [repoPath('bin/referat.js'), 'validate', '--format', 'json', ...SAMPLES.map((s) => `samples/${s}`)], { cwd: repoPath('.'), encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(1);
    for (const f of JSON.parse(run.stdout) as CliFile[]) cli.set(basename(f.file), f);
    app = await buildServer({ jobs: 2, warm: true });
    base = await app.listen({ port: 0, host: '127.0.0.1' });
    browser = await chromium.launch({ executablePath: CHROMIUM });
    page = await browser.newPage({ viewport: { width: 1400, height: 1000 }, acceptDownloads: true });
    page.setDefaultTimeout(120_000);
    // a blocked script or style (CSP) or a script error is a failure of the page
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(m.text());
    });
    page.on('pageerror', (e) => problems.push(e.message));
    await page.goto(base + '/');
    await page.waitForSelector('#rules tbody tr', { state: 'attached' });
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  /** The body /api/convert answers for a sample. */
  async function apiConvert(name: string): Promise<string> {
    const res = await app.inject({ method: 'POST', url: '/api/convert', ...(await upload(sampleBytes(name), name)) });
    expect(res.statusCode).toBe(200);
    return res.body;
  }

  async function check(name: string, bytes: Buffer = sampleBytes(name)): Promise<void> {
    const before = await page.textContent('#status');
    await page.setInputFiles('#file', { name, mimeType: 'application/octet-stream', buffer: bytes });
    await page.waitForFunction((prev) => !document.body.classList.contains('busy') && document.getElementById('status')!.textContent !== prev, before);
  }

  const counts = async () => ({
    errorCount: Number(await page.textContent('#count-error')),
    warningCount: Number(await page.textContent('#count-warning')),
    infoCount: Number(await page.textContent('#count-info')),
  });

  test('the page loads its script and style under the content security policy, and lists the rules', async () => {
    expect(await page.locator('#rules tbody tr').count()).toBe(RULES.length);
    expect(await page.locator('h1').textContent()).toBe('Gennemsyn af referat');
    expect(problems).toEqual([]);
  });

  test.each(SAMPLES)('%s: the counts of `referat validate --format json`, each finding highlighted at its quote', async (name) => {
    await check(name);
    expect(await page.isHidden('#error')).toBe(true);
    expect(await page.textContent('#file-name')).toBe(name);
    const expected = cli.get(name)!;
    expect(await counts()).toEqual({ errorCount: expected.errorCount, warningCount: expected.warningCount, infoCount: expected.infoCount });
    expect(await page.textContent('#verdict')).toBe(expected.errorCount ? 'Ikke klar til offentliggørelse' : 'Klar til offentliggørelse');
    expect(await page.locator('#findings .finding').count()).toBe(expected.diagnostics.length);

    const text: string = JSON.parse(await apiConvert(name)).text;
    for (const [i, d] of expected.diagnostics.entries()) {
      await page.click(`#findings .finding[data-index="${i}"]`);
      expect(await page.isVisible('#detail')).toBe(true);
      expect(await page.textContent('#detail code')).toBe(d.code);
      if (!d.span || !d.quote) continue;
      const highlighted = await page.$$eval('#text .active', (els) => els.map((e) => e.textContent).join(''));
      // the page marks exactly the span...
      expect(highlighted).toBe(text.slice(d.span.start, d.span.end));
      // ...and that is the quote (which is shortened and on one line)
      if (shortQuote(highlighted) === d.quote) expect(await page.textContent('#detail-quote')).toBe(d.quote);
      else {
        // a rule that quotes a part of its span (toc-mismatch quotes the title, its span includes the dots and page number)
        expect(d.code).toBe('toc-mismatch');
        expect(highlighted).toContain(d.quote);
      }
      // the highlighted text is on screen
      expect(await page.locator('#text .active').first().isVisible()).toBe(true);
    }
    if (name.endsWith('.pdf') && !name.includes('scanned')) expect(await page.locator('#text .page-mark').count()).toBeGreaterThan(1);
    expect(problems).toEqual([]);
  });

  test('the structure: header, items with decisions, amounts and dates, highlighted on demand', async () => {
    await check('001_7b1df9de962b88b2.pdf');
    const referat = JSON.parse(await apiConvert('001_7b1df9de962b88b2.pdf'));
    expect(await page.locator('#items > li').count()).toBe(referat.items.length);
    expect(await page.textContent('#meeting')).toContain(referat.meeting.body);
    expect(await page.locator('#amounts li').count()).toBe(referat.amounts.length);
    expect(await page.locator('#dates li').count()).toBe(referat.dates.length);
    const decided = referat.items.filter((i: { decision: unknown }) => i.decision).length;
    expect(await page.locator('#items .decision:not(.missing)').count()).toBe(decided);
    // amounts: not coloured until asked for, then each amount's text is marked
    const amountBg = () => page.$eval('#text .l-amount', (e) => getComputedStyle(e).backgroundColor);
    const plain = await amountBg();
    await page.check('input[data-layer="amount"]');
    expect(await amountBg()).not.toBe(plain);
    const marked = await page.$$eval('#text .l-amount', (els) => els.map((e) => e.textContent).join('|'));
    for (const a of referat.amounts) expect(marked).toContain(a.raw);
    // clicking a date in the structure marks it in the text
    await page.click('#dates-box summary');
    await page.click('#dates li button >> nth=0');
    expect(await page.$$eval('#text .flash', (els) => els.map((e) => e.textContent).join(''))).toBe(referat.dates[0].raw);
  });

  test('a rule switched off on the page is off for the check, and shown as such', async () => {
    await check('004_8a7553dc6f277047.txt');
    expect(await counts()).toEqual({ errorCount: 2, warningCount: 3, infoCount: 4 });
    await page.click('#rules-panel summary');
    const before = await page.textContent('#status');
    await page.selectOption('select[data-rule="personal-data"]', 'off');
    await page.waitForFunction((prev) => !document.body.classList.contains('busy') && document.getElementById('status')!.textContent !== prev, before);
    expect(await counts()).toEqual({ errorCount: 0, warningCount: 3, infoCount: 4 });
    expect(await page.textContent('#verdict')).toBe('Klar til offentliggørelse');
    expect(await page.textContent('#rules-in-force')).toContain('slået fra: personal-data');
    await page.click('#reset-rules');
    await page.waitForFunction(() => document.getElementById('count-error')!.textContent === '2');
  });

  test('the JSON download is the output of /api/convert; SARIF downloads too', async () => {
    await check('004_8a7553dc6f277047.pdf');
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#download-json')]);
    expect(download.suggestedFilename()).toBe('004_8a7553dc6f277047.pdf.json');
    const downloaded = readFileSync((await download.path())!, 'utf8');
    const api = await apiConvert('004_8a7553dc6f277047.pdf');
    expect(downloaded).toBe(api);
    const [sarif] = await Promise.all([page.waitForEvent('download'), page.click('#download-sarif')]);
    expect(sarif.suggestedFilename()).toBe('004_8a7553dc6f277047.pdf.sarif');
    expect(JSON.parse(readFileSync((await sarif.path())!, 'utf8')).runs[0].results).toHaveLength(9);
    if (process.env.REFERAT_SCREENSHOT) {
      await page.setViewportSize({ width: 1440, height: 1250 });
      await page.check('input[data-layer="amount"]');
      await page.click('#findings .finding[data-index="2"]');
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.screenshot({ path: repoPath('docs/review-page.png') });
      await page.uncheck('input[data-layer="amount"]');
      await page.setViewportSize({ width: 1400, height: 1000 });
    }
  });

  test('the print view leaves out the controls and keeps the findings and the text', async () => {
    await check('004_8a7553dc6f277047.pdf');
    await page.emulateMedia({ media: 'print' });
    try {
      expect(await page.isHidden('#upload')).toBe(true);
      expect(await page.isHidden('.actions')).toBe(true);
      expect(await page.isVisible('#findings')).toBe(true);
      expect(await page.isVisible('#text')).toBe(true);
      expect(await page.isVisible('#amounts')).toBe(true); // closed sections are printed open
    } finally {
      await page.emulateMedia({ media: 'screen' });
    }
  });

  test('a broken file gives the CLI\'s message', async () => {
    const bytes = randomBytes(3000, prng(7));
    const dir = mkdtempSync(join(tmpdir(), 'referat-broken-'));
    try {
      writeFileSync(join(dir, 'ødelagt.pdf'), bytes);
      const cliRun = spawnSync(process.execPath, [repoPath('bin/referat.js'), 'validate', 'ødelagt.pdf'], { cwd: dir, encoding: 'utf8' });
      // an unreadable document is a failed document: exit 1 (the README's exit code table)
      expect(cliRun.status).toBe(1);
      const cliLine = cliRun.stderr.trim(); // "referat validate: ødelagt.pdf: <reason>"
      await check('ødelagt.pdf', bytes);
      expect(await page.isVisible('#error')).toBe(true);
      expect(await page.isHidden('#result')).toBe(true);
      expect(`referat validate: ${await page.textContent('#error-message')}`).toBe(cliLine);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

