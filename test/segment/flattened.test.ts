/**
 * Flattened text (a PDF viewer's transcript: one line per page) and run-in headings (a paragraph per
 * item, its first sentence the title): the structure read from the document's own sequence.
 */
import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fromText } from '../families/helpers.js';
import { transcriptPages } from '../../parsers/transcript.js';
import { readText } from '../../parsers/text.js';
import { flattenedBreaks, runInHeadings } from '../../src/segment/flattened.js';
import { splitLines } from '../../src/segment/lines.js';

const realWorld = resolve(import.meta.dirname, '../real-world');
const real = (name: string) => readFileSync(join(realWorld, name), 'utf8');
const items = (r: Awaited<ReturnType<typeof fromText>>) => r.items.map((i) => `${i.number}:${i.title}`);

const TRANSCRIPT = [
  'Referat fra Udvalget',
  '',
  'Transkript',
  '',
  '1 Referat fra Udvalget Mødedato: 6. oktober 2014 Deltagere: Anne Hansen (V), Bo Jensen (A)',
  '',
  '2 1. Godkendelse af dagsorden Sagsid.: 14/40 Åben sag Beslutning Godkendt. Side 2',
  '',
  '3 2. Budgetopfølgning Sagsid.: 14/41 Sagsfremstilling Forvaltningen har gjort status. Indstilling Det indstilles, at status tages til efterretning. Beslutning Taget til efterretning. Side 3',
  '',
  '4 3. Eventuelt Beslutning Intet. Side 4',
].join('\n');

describe('a PDF viewer\'s transcript', () => {
  it('is read as pages: the viewer\'s page numbers and page footers become page breaks', () => {
    const pages = transcriptPages(TRANSCRIPT)!;
    expect(pages).toHaveLength(4);
    expect(pages[1]).toMatch(/^1\. Godkendelse af dagsorden/);
    expect(pages[1]).not.toMatch(/Side 2/);
    const parsed = readText(new TextEncoder().encode(TRANSCRIPT));
    expect(parsed.pageStarts).toHaveLength(4);
    expect(parsed.diagnostics.map((d) => d.code)).toContain('transcript-pages');
  });
  it('a text without the viewer\'s marker, or whose numbered lines do not count up from 1, is not one', () => {
    expect(transcriptPages(TRANSCRIPT.replace('Transkript', 'Referat'))).toBeNull();
    expect(transcriptPages(TRANSCRIPT.replace('\n1 Referat fra', '\n5 Referat fra'))).toBeNull();
  });
  it('its items, sections and decisions are found in the run-together pages', async () => {
    const r = await fromText(TRANSCRIPT);
    expect(items(r)).toEqual(['1:Godkendelse af dagsorden', '2:Budgetopfølgning', '3:Eventuelt']);
    expect(r.items.map((i) => i.decision?.text)).toEqual(['Godkendt.', 'Taget til efterretning.', 'Intet.']);
    expect(r.items[1].sections.map((s) => s.type)).toEqual(['sagsfremstilling', 'indstilling', 'beslutning']);
    expect(r.items[1].caseNumber).toBe('14/41');
  });
  it('a published transcript (Esbjerg, docplayer) gets its first items back', async () => {
    const r = await fromText(real('rwB08_esbjerg_oekonomiudvalget_2014-10-06.txt'));
    expect(items(r).slice(0, 2)).toEqual(['1:Godkendelse af dagsorden', '2:Formulering i retningslinjer om håndtering af individuelt sygefravær vedr. livstruende sygdom']);
    expect(r.items[0].decision?.text).toMatch(/Godkendt\./);
  });
});

describe('run-together lines', () => {
  it('long paragraphs without headings or labels inside them are left alone', () => {
    const paragraph = 'Projektet har til formål at styrke samarbejdet mellem kommunerne og hospitalet om de borgere, der har brug for en koordineret indsats, og det forventes, at der vil være udgifter for kr. 900.000. Der vil ske en evaluering af projektet efter et år, og resultaterne vil blive fremlagt for klyngen.';
    const text = ['Referat', '', '1. Projekt om koordineret indsats', '', paragraph, '', 'Indstilling', '', '1. Godkender projektet', '2. Godkender anvendelsen af 220.000 kr.', '', paragraph].join('\n');
    expect(flattenedBreaks(splitLines(text))).toEqual([]);
  });
  it('a numbered list inside a run-together page is not items unless it counts up through the text', () => {
    const page = 'Sagsfremstilling Forvaltningen foreslår to ting: 1. At puljen fordeles. Det er vigtigt. ' + 'Økonomi Udgiften afholdes inden for rammen og giver ingen merudgift for kommunen i indeværende år eller de kommende år. '.repeat(3);
    const lines = splitLines(['Transkript', '', '1 ' + page].join('\n'));
    const breaks = flattenedBreaks(lines);
    const marker = lines[2].textStart + lines[2].text.indexOf('1. At');
    expect(breaks).not.toContain(marker);
  });
});

describe('run-in headings', () => {
  it('paragraphs numbered 0, 1, 2 … whose first sentence is the title (Hørsholm Seniorråd) are items with their record', async () => {
    const r = await fromText(real('rwA11_hoersholm-seniorraad_seniorraadet_2022-06-09.txt'));
    expect(items(r).slice(0, 4)).toEqual(['0:Gæsteforelæsning og debat ved udvalgsformand Caroline Victoria Christensen', '1:Valg af mødeleder og ordstyrer', '2:Valg af referent', '3:Godkendelse af dagsorden']);
    // the last paragraph's title ends at a wide gap, where the page's cells ran together
    expect(items(r).at(-1)).toBe('10:Hørsholm Kommune, direkte relationer');
    expect(r.items[2].decision?.text).toBe('Jørgen valgt som referent.');
    expect(r.items[2].sections.map((s) => s.type)).toEqual(['beslutning']);
  });
  it('a wide gap ends a title that has no full stop', () => {
    const lines = splitLines(['1.Valg af referent. Jørgen valgt.', '', '2.Godkendelse af dagsorden. Godkendt.', '', '3.Kommunens relationer  SSU og ØU orienterede om året'].join('\n'));
    const found = runInHeadings(lines);
    expect(found.headings).toHaveLength(3);
    expect(found.breaks[2]).toBe(lines[4].textStart + '3.Kommunens relationer'.length);
  });
  it('fewer than three such paragraphs, or numbers that do not count up, are not headings', () => {
    const two = splitLines(['1.Valg af referent. Jørgen valgt.', '', '2.Godkendelse af dagsorden. Godkendt.'].join('\n'));
    expect(runInHeadings(two).headings).toEqual([]);
    const jumping = splitLines(['1.Valg af referent. Jørgen valgt.', '', '4.Godkendelse af dagsorden. Godkendt.', '', '9.Eventuelt. Intet.'].join('\n'));
    expect(runInHeadings(jumping).headings).toEqual([]);
  });
  it('in a document that calls itself an agenda the text after the title is not a record', async () => {
    const r = await fromText(['Dagsorden for seniorrådet', '', '1.Valg af referent. Formanden foreslår Jørgen.', '', '2.Godkendelse af dagsorden. Udsendt med indkaldelsen.', '', '3.Meddelelser. Fra formanden og kassereren.'].join('\n'));
    expect(r.items).toHaveLength(3);
    expect(r.items.every((i) => i.decision === null)).toBe(true);
  });
});

describe('a sequence the chosen items leave gaps in', () => {
  it('an agenda\'s items without text before the first item with text are filled in (Albertslund Handicapråd)', async () => {
    const r = await fromText(readFileSync(join(realWorld, 'kept-aside', 'ka06_albertslund_handicapraadet_2018-03-14.txt'), 'utf8'));
    expect(r.items.map((i) => i.number)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(r.items[0].title).toBe('Godkendelse af referat og dagsorden');
  });
  it('a gap filled only in part is left open', async () => {
    const r = await fromText(['Referat', '', '1. Godkendelse af dagsorden', 'Beslutning', 'Godkendt.', '', 'Tekst med en liste:', '2. Første punkt', '', '5. Budget', 'Beslutning', 'Godkendt.', '', '6. Eventuelt', 'Beslutning', 'Intet.'].join('\n'));
    expect(r.items.map((i) => i.number)).toEqual([1, 5, 6]);
  });
});

describe('a page label run into the heading below it', () => {
  it('"Side 1 1. KB - Spørgetid": the page label is not part of the heading', async () => {
    const r = await fromText(['Referat', 'Kommunalbestyrelsen mandag den 24. april 2017', '', 'Side 1 1. KB - Spørgetid', 'Sagsnr.: 17/46', 'Beslutning', 'Der var ingen spørgsmål.', '', 'Side 2 2. KB - Godkendelse af dagsorden', 'Sagsnr.: 17/47', 'Beslutning', 'Godkendt.', ''].join('\n'));
    expect(items(r)).toEqual(['1:KB - Spørgetid', '2:KB - Godkendelse af dagsorden']);
    expect(r.items.map((i) => i.caseNumber)).toEqual(['17/46', '17/47']);
  });
  it('a page label before a sentence is left alone', async () => {
    const r = await fromText(['Referat', 'Kommunalbestyrelsen', '', '1. Spørgetid', 'Beslutning', 'Se side 2 3 gange nævnt.', ''].join('\n'));
    expect(r.items[0].decision?.text).toBe('Se side 2 3 gange nævnt.');
  });
});
