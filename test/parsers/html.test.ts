import iconv from 'iconv-lite';
import { describe, expect, test } from 'vitest';
import { htmlToText, readHtml } from '../../parsers/html.js';
import { stripUiText } from '../../parsers/ui-text.js';
import { UI_TEXT } from '../../src/vocabulary/page-chrome.js';
import { fixture } from './paths.js';

const page = readHtml(fixture('parsers/agenda-page.html'));
const lines = page.text.split('\n');
const headings = page.headingStarts.map((s) => page.text.slice(s, page.text.indexOf('\n', s) < 0 ? undefined : page.text.indexOf('\n', s)));

describe('readHtml on an agenda page', () => {
  test('format, encoding, no pages', () => {
    expect(page.format).toBe('html');
    expect(page.encoding).toBe('utf-8');
    expect(page.pageStarts).toBeNull();
  });

  test('page chrome is dropped: scripts, styles, cookie banner, skip link, menus, breadcrumb, header, footer, aside, form, hidden', () => {
    for (const gone of [
      'tracking', 'color: red', 'cookies', 'Tillad alle', 'Gå til indhold', 'Forside', 'Menupunkt', 'Politik',
      'Relaterede', 'Søg', 'Skjult', 'Også skjult', 'Testkommune', 'JavaScript',
    ]) {
      expect(page.text, gone).not.toContain(gone);
    }
  });

  test('the <title> comes first when no h1 repeats it (it carries the date)', () => {
    expect(lines[0]).toBe('Testudvalget 12-03-2024 kl. 16:00 | Dagsorden og referat');
    const repeated = htmlToText('<html><head><title>Byrådet - Referat - 1. maj 2024</title></head><body><h1>Byrådet - Referat - 1. maj 2024</h1></body></html>', { useTitle: true });
    expect(repeated.text).toBe('Byrådet - Referat - 1. maj 2024');
  });

  test('UI text is removed; glued prefixes and suffixes are stripped, the content kept', () => {
    expect(page.text).not.toMatch(/Ikon|fold dette punkt|Luk alle punkter|Udskriv|Til toppen|Se alle bilag|Klik her/);
    expect(lines).toContain('Udvalg');
    expect(lines).toContain('Tidspunkt');
    expect(lines).toContain('3. Godkendelse af dagsorden');
    expect(lines).toContain('4. Budgetopfølgning');
    // "Luk alle punkter Referat" keeps "Referat"
    expect(lines.filter((l) => l === 'Referat')).toHaveLength(2);
  });

  test('headings are recorded at their line starts (after UI stripping)', () => {
    expect(headings).toEqual(['Referat', '3. Godkendelse af dagsorden', 'Sagsfremstilling', 'Indstilling', '4. Budgetopfølgning']);
  });

  test('ordered lists get their printed numbers (start and value attributes)', () => {
    const i = lines.indexOf('3. Godkendelse af dagsorden');
    expect(lines.slice(i, i + 3)).toEqual(['3. Godkendelse af dagsorden', '4. Budgetopfølgning & prognose', '7. Eventuelt']);
  });

  test('bullets become "- " lines, nested one level deeper with a leading space; an empty bullet stays', () => {
    const i = lines.indexOf('- at dagsordenen godkendes');
    expect(lines.slice(i, i + 4)).toEqual(['- at dagsordenen godkendes', '- at referatet offentliggøres', ' - på hjemmesiden', '-']);
  });

  test('blocks are lines, <br> breaks a line, white space and entities are normalised', () => {
    expect(lines).toContain('Dagsordenen udsendes otte dage før mødet.');
    expect(lines).toContain('Den er udsendt rettidigt.');
    expect(lines).toContain('12-03-2024 kl. 16:00 - 18:00');
  });

  test('table rows are lines with tab-separated cells', () => {
    expect(lines).toContain('Område\tBeløb');
    expect(lines).toContain('Ældre\t1.250.000 kr.');
    expect(lines).toContain('I alt\t2.500.000 kr.');
  });
});

describe('htmlToText details', () => {
  test('layout tables (cells with several blocks) are read cell by cell', () => {
    const html = '<table><tr><td><p>Medlemmer</p><p>Anna Hansen (A)</p></td><td><p>Bo Jensen (V)</p></td></tr></table>';
    expect(htmlToText(html).text).toBe('Medlemmer\nAnna Hansen (A)\nBo Jensen (V)');
  });

  test('list items that hold whole sections get no marker', () => {
    const html = '<ul class="agenda"><li><h2>Pkt. 14 Meddelelser</h2><p>Intet.</p></li></ul>';
    expect(htmlToText(html).text).toBe('Pkt. 14 Meddelelser\nIntet.');
  });

  test('reversed and lettered ordered lists', () => {
    expect(htmlToText('<ol type="a"><li>x</li><li>y</li></ol>').text).toBe('a. x\nb. y');
    expect(htmlToText('<ol reversed><li>x</li><li>y</li></ol>').text).toBe('2. x\n1. y');
  });

  test('"nav" inside a word is not a menu (class "navn")', () => {
    expect(htmlToText('<p class="navn">Anne Jensen</p><div class="nav-bar">Menu</div>').text).toBe('Anne Jensen');
  });

  test('article headers are content, page headers are not', () => {
    const html = '<header><p>Logo</p></header><article><header><h1>Referat 1. maj</h1></header><p>Tekst</p></article>';
    expect(htmlToText(html).text).toBe('Referat 1. maj\nTekst');
  });

  test('preserveTabs keeps Word tabs as one tab', () => {
    expect(htmlToText('<p>Punkt nr.\t \t\tSide</p>', { preserveTabs: true }).text).toBe('Punkt nr.\tSide');
    expect(htmlToText('<p>Punkt nr.\t \t\tSide</p>').text).toBe('Punkt nr. Side');
  });

  test('a Windows-1252 page declared by <meta charset> is decoded by its declaration', () => {
    const html = '<html><head><meta charset="windows-1252"><title>Møde</title></head><body><p>Ærø – “Åbent”</p></body></html>';
    const r = readHtml(iconv.encode(html, 'windows-1252'));
    expect(r.encoding).toBe('windows-1252');
    expect(r.text).toBe('Møde\nÆrø – “Åbent”');
  });
});

describe('UI text table', () => {
  test('one table holds the vocabulary', () => {
    expect(UI_TEXT.length).toBeGreaterThan(10);
    expect(UI_TEXT.every((r) => ['line', 'prefix', 'suffix', 'drop-if-prefix'].includes(r.mode))).toBe(true);
  });

  test.each([
    ['Til toppen', null],
    ['Tilbage til toppen', null],
    ['Luk alle punkter', null],
    ['Fold alle ud', null],
    ['Udskriv', null],
    ['Se alle bilag', null],
    ['You are here', null],
    ['Du er her: Forside > Politik', null],
    ['fold dette punkt ind Sagsfremstilling', 'Sagsfremstilling'],
    ['Luk alle punkter Referat', 'Referat'],
    ['Udvalg Ikon', 'Udvalg'],
    ['Tidspunkt Ikon', 'Tidspunkt'],
    ['Budget 2025 Klik her for at folde ud og læse mere om Budget 2025', 'Budget 2025'],
    ['Udskrivning af patienter fra sygehuset', 'Udskrivning af patienter fra sygehuset'],
    ['Ikonografi i kirken', 'Ikonografi i kirken'],
    ['Der blev drøftet et nyt ikon for kommunens app og hvordan det skulle se ud Ikon', 'Der blev drøftet et nyt ikon for kommunens app og hvordan det skulle se ud Ikon'],
  ])('%s', (input, expected) => {
    expect(stripUiText(input)).toBe(expected);
  });
});

describe('title', () => {
  test('an SVG <title> in the body is not the page title', () => {
    const html = '<html><body><svg><title>Ikon</title></svg><h1>Referat</h1></body></html>';
    expect(htmlToText(html, { useTitle: true }).text).toBe('Referat');
    const both = '<html><head><title>Byrådet 1. maj 2024</title></head><body><svg><title>Ikon</title></svg><h1>Referat</h1></body></html>';
    expect(htmlToText(both, { useTitle: true }).text).toBe('Byrådet 1. maj 2024\nReferat');
  });
});

// Issue 17.14: markup that node-html-parser's error recovery read in super-linear time (87 s for the
// table, 205 s for the divs) or that overflowed the call stack. parse5 builds the tree as a browser
// does, and the walk uses no recursion; these assert what is read, not how fast.
describe('hostile markup is read as a browser reads it (issue 17.14)', () => {
  test('a 2,000-row table without closing tags: one line per row, two cells each', () => {
    const rows = Array.from({ length: 2000 }, (_, i) => `<tr><td>Punkt ${i + 1}<td>Sag 24/${i + 1}`).join('\n');
    const { lines } = htmlToText(`<table>${rows}</table>`);
    expect(lines).toHaveLength(2000);
    expect(lines[0].text).toBe('Punkt 1\tSag 24/1');
    expect(lines[1999].text).toBe('Punkt 2000\tSag 24/2000');
    expect(lines.every((l, i) => l.text === `Punkt ${i + 1}\tSag 24/${i + 1}`)).toBe(true);
  });

  test('4,000 unclosed <div><span>: each div is a line of its own, in order', () => {
    const html = Array.from({ length: 4000 }, (_, i) => `<div><span>Linje ${i + 1}`).join('');
    const { lines } = readHtmlLines(html);
    expect(lines).toHaveLength(4000);
    expect(lines[0]).toBe('Linje 1');
    expect(lines[3999]).toBe('Linje 4000');
  });

  test('100,000 nested closed divs are read without overflowing the stack', () => {
    const html = `<p>Før</p>${'<div>'.repeat(100_000)}Inderst${'</div>'.repeat(100_000)}<p>Efter</p>`;
    expect(readHtmlLines(html).lines).toEqual(['Før', 'Inderst', 'Efter']);
  });

  test('10,000 nested lists: every item is read, the indentation stops growing', () => {
    const { lines } = htmlToText('<ul><li>Punkt'.repeat(10_000));
    expect(lines).toHaveLength(10_000);
    expect(lines[0].text).toBe('- Punkt');
    expect(lines[2].text).toBe('  - Punkt');
    expect(lines[9999].text).toBe(`${' '.repeat(10)}- Punkt`);
  });

  test('formatting tags reopened in every paragraph (quadratic recovery) are refused with a reason', () => {
    const html = `<div>${Array.from({ length: 2000 }, (_, i) => `<b id=${i}>`).join('')}</div>${'<p>x'.repeat(2000)}`;
    expect(() => readHtml(Buffer.from(html))).toThrow(/unreadable HTML: formatting tags left open are reopened so often/);
    // a few formatting tags left open, as in real pages, are reopened as browsers do
    expect(readHtmlLines('<font face="Arial"><b>Referat<p>Tekst<p>Mere').lines).toEqual(['Referat', 'Tekst', 'Mere']);
  });
});

function readHtmlLines(html: string): { lines: string[] } {
  return { lines: readHtml(Buffer.from(html)).text.split('\n') };
}
