import v8 from 'node:v8';
import vm from 'node:vm';
import { afterAll, describe, expect, test } from 'vitest';
import { closePdfEngine, readPdf } from '../../parsers/pdf.js';
import { IngestError, type ParsedText } from '../../parsers/types.js';
import { encryptedPdf } from './encrypted-pdf.js';
import { DOCS, fixture, linesOf, sample, sampleText } from './paths.js';

afterAll(() => closePdfEngine());

// before anything loads pdf.js (parsers/pdf.js imports it only when the first PDF is read)
const NATIVE = { push: Array.prototype.push, parse: JSON.parse };

const cache = new Map<string, Promise<ParsedText>>();
const read = (name: string, bytes: () => Buffer): Promise<ParsedText> => {
  let p = cache.get(name);
  if (!p) cache.set(name, (p = readPdf(bytes())));
  return p;
};
const samplePdf = (doc: string) => read(doc, () => sample(`${doc}.pdf`));

/** Headings of the field renderings (Heading 1 / Heading 2 lines of the .txt, see the field README). */
const HEADING =
  /^(Punkt \d+:.*|\d+ [-–] .*|Resum[eé]|RESUMÉ|Sagsfremstilling|SAGSFREMSTILLING|Indstilling|INDSTILLING|Beslutning|BESLUTNING|Beslutning i .*|Referat|Bilag|Økonomi|Baggrund|Videre proces|Anbefaling|Proces|Opmærksomhedspunkter)$/;

const pageOf = (r: ParsedText, offset: number): number => r.pageStarts!.filter((s) => s <= offset).length;

describe('readPdf on the field samples', () => {
  test.each(DOCS)('%s: lines of the .txt come back as lines; pages are marked', async (doc) => {
    const r = await samplePdf(doc);
    expect(r.format).toBe('pdf');
    expect(r.headingStarts).toEqual([]);
    expect(r.encoding).toBeNull();
    const out = new Set(linesOf(r.text));
    const txt = linesOf(sampleText(`${doc}.txt`)).map((l) => l.replace(/^(\s*)- /, '- '));
    const headings = txt.filter((l) => HEADING.test(l));
    expect(headings.length).toBeGreaterThanOrEqual(2);
    for (const h of headings) expect(out.has(h), h).toBe(true);
    // nearly every line: the rest are markdown markers in the .txt, paragraphs broken by a page break, and
    // an author's hyphen that falls at a line end in a word the dictionary knows ("etablerings-udgifter"
    // comes out as "etableringsudgifter": at a line break the two cannot be told apart)
    const missing = txt.filter((l) => !out.has(l));
    expect(missing.length / txt.length).toBeLessThan(0.09);
    // pages: increasing offsets, each at a line start
    expect(r.pageStarts![0]).toBe(0);
    r.pageStarts!.forEach((s, i) => {
      if (i > 0) expect(s).toBeGreaterThan(r.pageStarts![i - 1]);
      expect(s === 0 || r.text[s - 1] === '\n').toBe(true);
    });
  });

  test('001: running header and "Side X af Y" footers are gone; the title stays once, at the top', async () => {
    const r = await samplePdf('001_7b1df9de962b88b2');
    expect(r.pageStarts).toHaveLength(18);
    expect(r.text).not.toMatch(/Side \d+ af \d+/);
    const title = 'REFERAT Sundhedsklynge Lillebælt d. 26-04-2024';
    expect(r.text.split('\n').filter((l) => l === title)).toHaveLength(1);
    expect(r.text.startsWith(`${title}\n`)).toBe(true);
    const d = r.diagnostics.find((x) => x.code === 'running-lines-removed');
    expect(d).toMatchObject({ severity: 'info', quote: title });
    expect(d!.message).toMatch(/Fjernede 36 /);
  });

  test('001: each item starts on its own page; a wrapped item title is one line', async () => {
    const r = await samplePdf('001_7b1df9de962b88b2');
    const at = (s: string) => r.text.indexOf(`\n${s}`) + 1;
    expect(r.text.slice(r.pageStarts![1]).startsWith('Punkt 1: Velkomst ved formandskabet\n')).toBe(true);
    expect(pageOf(r, at('Punkt 2: Rundvisning og oplæg: Erfaringer fra frisættelse af ældreområdet i Middelfart Kommune\n'))).toBe(3);
    expect(pageOf(r, at('Punkt 10: SKRIFTLIG ORIENTERING'))).toBe(18);
  });

  test('001: numbered lines keep their numbers, tables and the TOC keep their tabs', async () => {
    const lines = (await samplePdf('001_7b1df9de962b88b2')).text.split('\n');
    expect(lines).toContain('1. Tager oplæg og rundvisning til efterretning.');
    expect(lines).toContain('3. Akutområdet – forebyggelse af indlæggelser');
    expect(lines).toContain('Velkomst ved formandskabet.....\t3');
    expect(lines).toContain('Samlede anbefalinger til kompetenceudvikling (allerede igangsatte + anbefalede initiativer)\t3.549.518');
    expect(lines).toContain('- Vicky Kim Andersen, Senior- og Sundhedschef, Middelfart Kommune');
  });

  test('000: PPR-lederne survives the line break; the title header is removed from every page but the body keeps it', async () => {
    const r = await samplePdf('000_94bc2a59beba3b57');
    expect(r.text).toContain('har PPR-lederne i de fire sønderjyske kommuner');
    expect(r.text).toContain('PPR-lederne, projektleder for Fremskudt funktion');
    expect(r.text).not.toMatch(/PPRlederne|PPR- lederne/);
    const title = 'REFERAT Sundhedsklynge Sønderjylland - Fagligt strategisk niveau d. 25-05-2023';
    expect(r.text.split('\n').filter((l) => l === title)).toHaveLength(1);
    expect(r.text.split('\n')[0]).toBe(title);
    expect(r.pageStarts).toHaveLength(3);
    expect(r.text).not.toMatch(/Side \d af 3/);
  });

  test('004: a wrapped table cell is put back into its row', async () => {
    const lines = (await samplePdf('004_8a7553dc6f277047')).text.split('\n');
    expect(lines).toContain('Synes du, at du har for meget at se til? Svar: "tit" og "meget tit"\t11 %\t17 %');
  });
});

describe('readPdf on real municipal PDFs', () => {
  test('Ballerup (eDoc): 5-line running header "… Dato: … Side N" removed on all 15 pages; the TOC is whole', async () => {
    const r = await read('ballerup', () => fixture('real/02_ballerup_sundheds-og-forebyggelsesudvalget_referat_2012-12-04.pdf'));
    expect(r.pageStarts).toHaveLength(15);
    expect(r.text).not.toMatch(/^Side \d+$/m);
    expect(r.text).not.toContain('Dato: 04.12.2012');
    const lines = r.text.split('\n');
    expect(lines.slice(0, 2)).toEqual(['Referat', 'Sundheds- og Forebyggelsesudvalget']);
    expect(lines).toContain('5. KL\'s opfølgningsproces vedrørende det nære sundhedsvæsen\t9');
    expect(lines).toContain('6. Prioritering af midler til kronisk syge borgere og hverdagsrehabilitering for ældre\t10');
    // a decision heading is not glued to the decision below it
    expect(lines).toContain('Sundheds- og Forebyggelsesudvalgets beslutning den 04.12.2012 Punkt 2');
    expect(r.diagnostics.find((d) => d.code === 'running-lines-removed')!.message).toMatch(/Fjernede 75 /);
  });

  test('Syddjurs (Acadre): "N of 5" stamps and the running header are removed, also on the last page with other margins', async () => {
    const r = await read('syddjurs', () => fixture('real/05_syddjurs_puk_ekstraordinaert_referat_2013-06-20.pdf'));
    expect(r.text).not.toMatch(/\d of 5/);
    expect(r.text).not.toContain('Referat For Udvalget');
    expect(r.text).not.toMatch(/20\. juni 2013 - kl\. 10:30/);
    const lines = r.text.split('\n');
    expect(lines[0]).toBe('Referat');
    // a layout table of names is not mistaken for wrapped cells
    expect(lines).toContain('Niels Viderø (A)');
    expect(lines).toContain('Juni 2012: Definering og planlægning af projektet (herunder fastsættelse af dato for workshop)');
    expect(r.text.slice(r.pageStarts![4]).split('\n')[0]).toBe('Underskriftsside');
  });
});

describe('PDFs that cannot be read', () => {
  test('with OCR off, an image-only PDF is not an exception: empty text and a no-text-layer error diagnostic', async () => {
    const r = await readPdf(sample('000_94bc2a59beba3b57.scanned.pdf'), { ocr: 'off' });
    expect(r.text).toBe('');
    expect(r.pageStarts).toEqual([0, 0, 0]);
    expect(r.diagnostics).toHaveLength(1);
    expect(r.diagnostics[0]).toMatchObject({ code: 'no-text-layer', severity: 'error' });
    expect(r.diagnostics[0].message).toMatch(/OCR/);
  });

  test('a password-protected PDF', async () => {
    const err = await readPdf(encryptedPdf()).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(IngestError);
    expect((err as IngestError).reason).toBe('password-protected PDF');
  });

  test('a truncated or corrupt PDF: IngestError with a one-line reason', async () => {
    const pdf = sample('000_94bc2a59beba3b57.pdf');
    for (const bytes of [pdf.subarray(0, 5000), Buffer.from(`%PDF-1.7\n${'x'.repeat(500)}`)]) {
      const err = await readPdf(bytes).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(IngestError);
      expect((err as IngestError).reason).toMatch(/^corrupt PDF: [^\n]{1,160}$/);
    }
  });
});

describe('the engine', () => {
  test('is reused across documents, gives the same result each time, and can be closed and restarted', async () => {
    const bytes = sample('003_e413edb90be0967c.pdf');
    const a = await readPdf(bytes);
    const b = await readPdf(bytes);
    expect(b).toEqual(a);
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-'); // the caller's buffer is untouched
    await closePdfEngine();
    expect(await readPdf(bytes)).toEqual(a);
  });

  test('keeps nothing of a document once it is read (heap after 40 reads of a 13-page PDF, collected, grows < 5 MB)', async () => {
    v8.setFlagsFromString('--expose-gc');
    const gc = vm.runInNewContext('gc') as () => void;
    const bytes = sample('001_7b1df9de962b88b2.pdf');
    const heapAfter = async (reads: number) => {
      for (let i = 0; i < reads; i++) await readPdf(bytes);
      gc();
      return v8.getHeapStatistics().used_heap_size;
    };
    const warm = await heapAfter(5);
    // before the fix every read left ~400 KB here (its pages' text, held by promise reactions)
    expect((await heapAfter(40)) - warm).toBeLessThan(5 * 1024 * 1024);
  });

  test("leaves the engine's own Array.prototype.push and JSON.parse in place (pdf.js's core-js would slow every push in the thread)", async () => {
    await readPdf(sample('000_94bc2a59beba3b57.pdf'));
    // (core-js makes its replacements print as native code, so compare identity)
    expect(Array.prototype.push).toBe(NATIVE.push);
    expect(JSON.parse).toBe(NATIVE.parse);
    expect(typeof (Promise as unknown as { withResolvers?: unknown }).withResolvers).toBe('function'); // what pdf.js needs on Node 20 stays
  });
});

describe('pdf.js without the native canvas', () => {
  test('reading a PDF loads no @napi-rs/canvas; the globals pdf.js set load the real canvas at first use', async () => {
    const { createRequire } = await import('node:module');
    const require = createRequire(import.meta.url);
    const loadedCanvas = () => Object.keys(require.cache).some((k) => /@napi-rs[\\/]canvas/.test(k));
    const r = await samplePdf('000_94bc2a59beba3b57');
    expect(r.pageStarts).toHaveLength(3);
    expect(loadedCanvas()).toBe(false);
    // what pdf.js put on globalThis is the real thing once asked for (so other code, and rendering, get it)
    const canvas = require('@napi-rs/canvas') as Record<string, unknown>;
    for (const name of ['DOMMatrix', 'ImageData', 'Path2D']) expect((globalThis as Record<string, unknown>)[name], name).toBe(canvas[name]);
    expect(new DOMMatrix([1, 2, 3, 4, 5, 6]).f).toBe(6);
  });
});
