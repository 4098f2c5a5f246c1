import JSZip from 'jszip';
import { describe, expect, test } from 'vitest';
import { numberParagraphs, parseNumbering, readDocx, stripFieldCodes } from '../../parsers/docx.js';
import { IngestError } from '../../parsers/types.js';
import { DOCS, fixture, linesOf, sample, sampleText } from './paths.js';

const HEADING_LINE = /^(Punkt \d+:|\d+ [-–] )/;

describe('readDocx on the field samples', () => {
  test.each(DOCS)('%s: the .txt lines come out as lines, numbered items keep their numbers', async (doc) => {
    const r = await readDocx(sample(`${doc}.docx`));
    expect(r.format).toBe('docx');
    expect(r.pageStarts).toBeNull();
    expect(r.encoding).toBeNull();
    const out = new Set(linesOf(r.text));
    const txt = linesOf(sampleText(`${doc}.txt`));
    // every "Punkt N:" / "N - title" line and every numbered "N. ..." line of the .txt is a line of the DOCX text
    const wanted = txt.filter((l) => HEADING_LINE.test(l) || (/^\d+\. \S/.test(l) && !l.includes('**')));
    expect(wanted.length).toBeGreaterThan(0);
    for (const l of wanted) expect(out.has(l), l).toBe(true);
    // and nearly all lines overall (the differences are markdown markers and the dropped "---" TOC row)
    const missing = txt.filter((l) => !out.has(l));
    expect(missing.length).toBeLessThanOrEqual(3);
  });

  test('001: headings are marked; "1. Tager oplæg ..." keeps its number', async () => {
    const r = await readDocx(sample('001_7b1df9de962b88b2.docx'));
    const lines = r.text.split('\n');
    expect(lines).toContain('1. Tager oplæg og rundvisning til efterretning.');
    // lists that start at 2 and 3 in Word (mammoth alone would print them as "1.")
    expect(lines).toContain('2. Nedbringelse af tvang i psykiatrien og forebyggelse af voldsepisoder på botilbud');
    expect(lines).toContain('3. Akutområdet – forebyggelse af indlæggelser');
    expect(lines).not.toContain('1. Akutområdet – forebyggelse af indlæggelser');
    expect(lines).toContain('3. Godkender, at det politiske formandskab, sammen med fagligt strategisk niveau får bemyndigelse til at godkende endelige initiativbeskrivelser, og igangsætte konkrete initiativer.');
    const headingLines = r.headingStarts.map((s) => r.text.slice(s).split('\n')[0]);
    expect(headingLines[0]).toBe('REFERAT Sundhedsklynge Lillebælt d. 26-04-2024'); // Title
    expect(headingLines).toContain('Punkt 1: Velkomst ved formandskabet'); // Heading 1
    expect(headingLines).toContain('Sagsfremstilling'); // Heading 2
    expect(headingLines).not.toContain('Indholdsfortegnelse'); // TOC Heading is not a heading
    for (const s of r.headingStarts) expect(s === 0 || r.text[s - 1] === '\n').toBe(true);
  });

  test('001: the TOC keeps its tab, the Økonomi table is tab-separated, bullets are "- "', async () => {
    const lines = (await readDocx(sample('001_7b1df9de962b88b2.docx'))).text.split('\n');
    expect(lines).toContain('Velkomst ved formandskabet.....\t3');
    expect(lines).toContain('Tidligere bevilget (okt. 2023)\t1.014.060');
    expect(lines).toContain('- Vicky Kim Andersen, Senior- og Sundhedschef, Middelfart Kommune');
  });

  test('000: second-level bullets are indented "- "', async () => {
    const lines = (await readDocx(sample('000_94bc2a59beba3b57.docx'))).text.split('\n');
    expect(lines).toContain(' - at projektperioden forlænges til udgangen af 2024');
  });

  test('Word original with field codes (real Acadre export): no field-code residue, headings and tables read', async () => {
    const r = await readDocx(fixture('real/05_syddjurs_puk_ekstraordinaert_referat_2013-06-20.docx'));
    expect(r.text).not.toMatch(/PAGEREF|TOC \\|_Toc\d|MERGEFORMAT/);
    const lines = r.text.split('\n');
    expect(lines).toContain('715. Kulturkommune 2017. Politiske fokusområder\t2');
    expect(lines).toContain('Sagsnr.:\t12/27845');
    expect(lines).toContain('- Hvad vil du gerne have opnået i 2017?');
    expect(lines).toContain('Jesper Mathiesen (A)');
    const headingLines = r.headingStarts.map((s) => r.text.slice(s).split('\n')[0]);
    expect(headingLines).toContain('715. Kulturkommune 2017. Politiske fokusområder');
    expect(headingLines).toContain('Beslutning i Udvalget for plan, udvikling og kultur (PUK) den 20-06-2013');
  });
});

describe('Word numbering', () => {
  const numberingXml = `<w:numbering xmlns:w="x">
    <w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>
      <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%2)"/></w:lvl></w:abstractNum>
    <w:abstractNum w:abstractNumId="2"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="•"/></w:lvl></w:abstractNum>
    <w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num>
    <w:num w:numId="2"><w:abstractNumId w:val="1"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="5"/></w:lvlOverride></w:num>
    <w:num w:numId="3"><w:abstractNumId w:val="2"/></w:num>
  </w:numbering>`;
  const p = (numId: number | null, ilvl: number, text: string) =>
    `<w:p>${numId === null ? '' : `<w:pPr><w:numPr><w:ilvl w:val="${ilvl}"/><w:numId w:val="${numId}"/></w:numPr></w:pPr>`}<w:r><w:t>${text}</w:t></w:r></w:p>`;

  test('start values, start overrides, levels that restart, bullets', () => {
    const doc = `<w:body>${[
      p(1, 0, 'a'), p(1, 1, 'b'), p(1, 1, 'c'), p(1, 0, 'd'), p(1, 1, 'e'), p(null, 0, 'plain'),
      p(2, 0, 'f'), p(2, 0, 'g'), p(3, 0, 'bullet &amp; co'), p(0, 0, 'numbering removed'),
    ].join('')}</w:body>`;
    const out = numberParagraphs(doc, parseNumbering(numberingXml, ''));
    expect(out).toEqual([
      { text: 'a', label: '1.' },
      { text: 'b', label: 'a)' },
      { text: 'c', label: 'b)' },
      { text: 'd', label: '2.' },
      { text: 'e', label: 'a)' },
      { text: 'f', label: '5.' },
      { text: 'g', label: '6.' },
      { text: 'bullet & co', label: null },
    ]);
  });

  test('the field samples start their lists at N', async () => {
    const zip = await JSZip.loadAsync(sample('001_7b1df9de962b88b2.docx'));
    const [documentXml, numberingXml2, stylesXml] = await Promise.all(
      ['word/document.xml', 'word/numbering.xml', 'word/styles.xml'].map((n) => zip.file(n)!.async('string')),
    );
    const labels = numberParagraphs(documentXml, parseNumbering(numberingXml2, stylesXml))
      .filter((x) => x.label !== null)
      .map((x) => `${x.label} ${x.text}`);
    // "2. Nedbringelse ..." and "3. Akutområdet ..." are lists of one item that start at 2 and 3
    expect(labels).toContain('2. Nedbringelse af tvang i psykiatrien og forebyggelse af voldsepisoder på botilbud - inspiration fra botilbudsteams mellem Vejle Kommune og psykiatrien');
    expect(labels).toContain('3. Akutområdet – forebyggelse af indlæggelser');
  });
});

describe('field-code residue and failures', () => {
  test.each([
    ['TOC \\o "1-1" \\h \\z Indholdsfortegnelse', 'Indholdsfortegnelse'],
    ['715. Kulturkommune PAGEREF _Toc359504416 \\h 2', '715. Kulturkommune 2'],
    ['Se HYPERLINK \\l "_Toc123" punkt 3', 'Se punkt 3'],
    ['Ingen feltkoder her: TOCentry og PAGE 3', 'Ingen feltkoder her: TOCentry og PAGE 3'],
  ])('%s', (input, expected) => {
    expect(stripFieldCodes(input)).toBe(expected);
  });

  test('a corrupt DOCX is an IngestError with a short reason', async () => {
    const broken = Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.alloc(200, 0x41)]);
    await expect(readDocx(broken)).rejects.toBeInstanceOf(IngestError);
    await expect(readDocx(broken)).rejects.toThrow(/^corrupt DOCX: /);
    const truncated = sample('000_94bc2a59beba3b57.docx').subarray(0, 6000);
    const err = await readDocx(truncated).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(IngestError);
    expect((err as IngestError).reason).toMatch(/^corrupt DOCX: [^\n]+$/);
  });
});
