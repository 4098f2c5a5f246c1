import { describe, expect, test } from 'vitest';
import {
  assembleLines,
  endsSentence,
  joinHyphenated,
  joinWrappedLines,
  learnLineGaps,
  removeRunningLines,
  runningKey,
  type JoinContext,
  type PdfLine,
  type PdfPage,
} from '../../parsers/pdf-layout.js';

/** A line of 11pt text, ~5pt per character, starting at x. */
function line(text: string, y: number, x = 70, opts: Partial<PdfLine> = {}): PdfLine {
  const charW = 5;
  return { text, x0: x, x1: x + text.length * charW, y, size: 11, charW, cells: [x], cellEnds: [x + text.length * charW], textX: x, ...opts };
}
const page = (...lines: PdfLine[]): PdfPage => ({ lines, width: 595, height: 842 });

describe('assembleLines', () => {
  test('items on one baseline form a line, ordered by x; wide gaps become tabs; lines ordered top-down', () => {
    const lines = assembleLines([
      { str: 'Beløb', x: 400, y: 100, width: 30, size: 11 },
      { str: 'Område', x: 70, y: 100.5, width: 40, size: 11 },
      { str: 'Punkt', x: 70, y: 80, width: 30, size: 11 },
      { str: '1:', x: 103, y: 80, width: 8, size: 11 },
      { str: 'Velkomst', x: 114, y: 80, width: 45, size: 11 },
    ]);
    expect(lines.map((l) => l.text)).toEqual(['Punkt 1: Velkomst', 'Område\tBeløb']);
    expect(lines[1].cells).toEqual([70, 400]);
  });

  test('a bullet glyph set apart from its text becomes "- "; the text start is recorded', () => {
    const [l] = assembleLines([
      { str: '\uf0b7', x: 70, y: 100, width: 4, size: 11 },
      { str: 'Drøfter sagen', x: 88, y: 100, width: 60, size: 11 },
    ]);
    expect(l.text).toBe('- Drøfter sagen');
    expect(l.textX).toBe(88);
  });

  test('overprinted duplicates (fake bold) are dropped; rotated text goes last', () => {
    const lines = assembleLines([
      { str: 'Referat', x: 70, y: 50, width: 40, size: 11 },
      { str: 'Referat', x: 70.3, y: 50, width: 40, size: 11 },
      { str: 'Stempel', x: 10, y: 400, width: 40, size: 8, rotated: true },
      { str: 'Tekst', x: 70, y: 70, width: 25, size: 11 },
    ]);
    expect(lines.map((l) => l.text)).toEqual(['Referat', 'Tekst', 'Stempel']);
  });
});

describe('removeRunningLines', () => {
  const words = ['Indledning', 'Baggrund', 'Økonomi', 'Beslutning'];
  const body = (n: number) => [line(`Brødtekst om ${words[n - 1]}`, 120), line(`Mere tekst om ${words[n - 1].toLowerCase()}`, 135)];

  test('repeated header and page-number footer go; the body title on page 1 (lower on the page) stays', () => {
    const pages = [1, 2, 3, 4].map((n) =>
      page(
        line('REFERAT Sundhedsklynge d. 26-04-2024', 40),
        ...(n === 1 ? [line('REFERAT Sundhedsklynge d. 26-04-2024', 80)] : []),
        ...body(n),
        line(`Side ${n} af 4`, 800),
      ),
    );
    const r = removeRunningLines(pages);
    expect(r.removed).toBe(8);
    expect(r.example).toBe('REFERAT Sundhedsklynge d. 26-04-2024');
    expect(r.pages[0].lines.map((l) => l.text)).toEqual(['REFERAT Sundhedsklynge d. 26-04-2024', 'Brødtekst om Indledning', 'Mere tekst om indledning']);
    expect(r.pages[3].lines.map((l) => l.text)).toEqual(['Brødtekst om Beslutning', 'Mere tekst om beslutning']);
  });

  test('digits are normalised: "Side 3 af 21", "Side 4", "3 of 5", "Dato: 04.12.2012 Side 9"', () => {
    expect(runningKey('Side 3 af 21')).toBe(runningKey('Side 10 af 21'));
    expect(runningKey('3 of 5')).toBe(runningKey('4 of 5'));
    expect(runningKey('Dato: 04.12.2012  Side 9')).toBe(runningKey('Dato: 04.12.2012 Side 10'));
  });

  test('a body line repeated under the header is kept (only runs from the page edge are removed)', () => {
    const pages = [1, 2, 3].map((n) => page(line('Header', 40), line(`Punkt ${n}: Titel nummer ${'x'.repeat(n)}`, 80), line('22/43575', 95), line(`${n} of 3`, 800)));
    const r = removeRunningLines(pages);
    expect(r.pages.every((p) => p.lines.some((l) => l.text === '22/43575'))).toBe(true);
    expect(r.removed).toBe(6);
  });

  test('a line repeated at the end of pages but at different heights is not a footer', () => {
    const pages = [300, 500, 650].map((y, i) => page(line(`Tekst ${'y'.repeat(i)}`, 100), line('Fraværende: Anna Hansen', y), line(`Side ${i + 1} af 3`, 800)));
    const r = removeRunningLines(pages);
    expect(r.pages.every((p) => p.lines.some((l) => l.text === 'Fraværende: Anna Hansen'))).toBe(true);
    expect(r.removed).toBe(3);
  });

  test('needs at least 2 pages and ≥ 50% of them', () => {
    expect(removeRunningLines([page(line('Side 1 af 1', 800))]).removed).toBe(0);
    const pages = ['a', 'b', 'c', 'd', 'e'].map((n) => page(line(`Tekst ${n}`, 100), ...(n === 'a' || n === 'b' ? [line('Bilag', 800)] : [])));
    expect(removeRunningLines(pages).removed).toBe(0);
    // on 3 of 5 pages it is a footer
    const more = ['a', 'b', 'c', 'd', 'e'].map((n) => page(line(`Tekst ${n}`, 100), ...(n <= 'c' ? [line('Bilag', 800)] : [])));
    expect(removeRunningLines(more).removed).toBe(3);
  });

  test('numbered lines that do not count the pages are not headers ("Punkt 4" at the top of pages)', () => {
    const pages = [4, 7, 9].map((n, i) => page(line(`Punkt ${n}`, 60), line(`Titel ${'w'.repeat(i)}`, 80)));
    expect(removeRunningLines(pages).removed).toBe(0);
    const counted = [1, 2, 3].map((n, i) => page(line(`Side ${n + 1}`, 60), line(`Titel ${'w'.repeat(i)}`, 80)));
    expect(removeRunningLines(counted).removed).toBe(3);
  });

  test('a page with other margins: the header may sit a few points lower', () => {
    const pages = [0, 0, 0, 8.6].map((shift, i) => page(line('Referat For Udvalget (PUK)', 40 + shift), line(`Tekst ${'z'.repeat(i)}`, 120)));
    expect(removeRunningLines(pages).removed).toBe(4);
  });
});

describe('hyphenation and sentence ends', () => {
  test('a word broken at a line end is joined when the result is a Danish word', () => {
    expect(joinHyphenated('og sikre projektets sammen-', 'hæng med øvrige')).toBe('og sikre projektets sammenhæng med øvrige');
  });

  test('suspended hyphens, abbreviations and unknown compounds keep their hyphen', () => {
    expect(joinHyphenated('Social-', 'og Sundhedsudvalget')).toBe('Social- og Sundhedsudvalget');
    expect(joinHyphenated('Børne- og Unge-', 'eller Kulturudvalget')).toBe('Børne- og Unge- eller Kulturudvalget');
    expect(joinHyphenated('har PPR-', 'lederne i de fire')).toBe('har PPR-lederne i de fire');
    expect(joinHyphenated('i 2023-', 'budgettet')).toBe('i 2023-budgettet');
    expect(joinHyphenated('Middelfart-', 'Projektet')).toBe('Middelfart-Projektet');
    expect(joinHyphenated('ansætte ”halve-', 'medarbejdere”')).toBe('ansætte ”halve-medarbejdere”');
    expect(joinHyphenated('blød\u00ad', 'gøring')).toBe('blødgøring');
  });

  test('endsSentence ignores abbreviations', () => {
    expect(endsSentence('Det blev godkendt.')).toBe(true);
    expect(endsSentence('REFERAT Sundhedsklynge d.')).toBe(false);
    expect(endsSentence('mødet kl.')).toBe(false);
    expect(endsSentence('kunne')).toBe(false);
    expect(endsSentence('Fraværende:')).toBe(false);
  });
});

describe('joinWrappedLines', () => {
  const ctx: JoinContext = { left: 70, right: 520, lineGap: () => 13.2, paragraphSpacing: () => true };
  const text = (...ls: PdfLine[]) => joinWrappedLines(ls, ctx);
  // 88 characters * 5pt = 440pt: a full line from x=70 ends at 510, too close to 520 for another word
  const full = 'Det politiske niveau præsenteres for Middelfart Kommunes erfaringer med frisættelse på i';

  test('a full line that stops mid-sentence is joined with the next line, lower or upper case', () => {
    expect(text(line(full, 100), line('Middelfart Kommune', 113.2))).toEqual([`${full} Middelfart Kommune`]);
    expect(text(line(full, 100), line('ældreområdet og mere.', 113.2))).toEqual([`${full} ældreområdet og mere.`]);
  });

  test('never joined: short lines, list items, Punkt lines, table rows, other sizes, paragraph gaps', () => {
    expect(text(line('Sagsfremstilling', 100), line('tekst', 113.2))).toHaveLength(2);
    expect(text(line(full, 100), line('- næste punkt', 113.2))).toHaveLength(2);
    expect(text(line(full, 100), line('2. næste punkt', 113.2))).toHaveLength(2);
    expect(text(line(full, 100), line('Punkt 3: Eventuelt', 113.2))).toHaveLength(2);
    expect(text(line(full, 100), line('beløb\t1.000 kr.', 113.2))).toHaveLength(2);
    expect(text(line(full, 100), line('mindre tekst', 113.2, 70, { size: 9 }))).toHaveLength(2);
    expect(text(line(full, 100), line('næste afsnit', 130))).toHaveLength(2);
  });

  test('a heading that ends in a number is not glued to the text below it', () => {
    const heading = 'Sundheds- og Forebyggelsesudvalgets beslutning den 04.12.2012 Punkt 2 og andet her 12';
    expect(text(line(heading, 100), line('Indstillingen godkendt', 113.2))).toHaveLength(2);
  });

  test('across a sentence end only when the document separates paragraphs by spacing', () => {
    const sentence = 'Der har i forbindelse med alle de udbudte kompetenceforløb været meget stor søgning nu.';
    expect(text(line(sentence, 100), line('Kompetenceforløbene understøtter', 113.2))).toHaveLength(1);
    expect(joinWrappedLines([line(sentence, 100), line('Kompetenceforløbene understøtter', 113.2)], { ...ctx, paragraphSpacing: () => false })).toHaveLength(2);
  });

  test('hyphen at the end of a wrapped line: PPR-lederne survives', () => {
    const a = 'I arbejdet med at udvikle og beskrive tværsektorielle gruppeforløb til børn har PPR-';
    expect(text(line(a, 100), line('lederne i de fire sønderjyske kommuner', 113.2))).toEqual([
      'I arbejdet med at udvikle og beskrive tværsektorielle gruppeforløb til børn har PPR-lederne i de fire sønderjyske kommuner',
    ]);
  });

  test('a list item continues at its hanging indent, even when the continuation starts like a date', () => {
    const item = line('- 23. februar 2023 kl. 15.30 – 17.30 (virtuelt), (Deadline for fremsendelse af dagsordenen, den', 100, 70, { textX: 88 });
    expect(text(item, line('20. januar 2023)', 113.2, 88))).toEqual([`${item.text} 20. januar 2023)`]);
  });

  test('a wrapped table cell goes back into its cell', () => {
    const row = line('Samlede anbefalinger til kompetenceudvikling (allerede\t3.549.518', 100, 76, {
      cells: [76, 489],
      cellEnds: [325, 534],
    });
    expect(text(row, line('igangsatte + anbefalede initiativer)', 113.2, 76))).toEqual([
      'Samlede anbefalinger til kompetenceudvikling (allerede igangsatte + anbefalede initiativer)\t3.549.518',
    ]);
    // a short cell followed by the next row of a layout table is not a wrapped cell
    const names = line('Ole Bollesen (A)\tSteen Fris (C)', 100, 70, { cells: [70, 297], cellEnds: [150, 366] });
    expect(text(names, line('Niels Viderø (A)', 113.2, 70))).toHaveLength(2);
  });

  test('a TOC page number pushed onto its own line goes back behind a tab', () => {
    expect(text(line(full, 100), line('12', 113.2, 505, { x1: 515 }))).toEqual([`${full}\t12`]);
  });

  test('a TOC entry wrapped before its page number: the tail joins, the tab stays', () => {
    const entry = line('6. Prioritering af midler til kronisk syge borgere og hverdagsrehabilitering for', 100, 84, { textX: 106 });
    const tail = line('ældre\t10', 113.2, 106, { cells: [106, 502], cellEnds: [135, 515] });
    expect(text(entry, tail)).toEqual(['6. Prioritering af midler til kronisk syge borgere og hverdagsrehabilitering for ældre\t10']);
  });
});

describe('learnLineGaps', () => {
  test('the smallest frequent gap is the line gap; a larger frequent one means paragraph spacing', () => {
    const lines: PdfLine[] = [];
    let y = 100;
    for (let i = 0; i < 20; i++) {
      lines.push(line('x', y));
      y += i % 2 === 0 ? 13.2 : 16.2;
    }
    const g = learnLineGaps([page(...lines)]);
    expect(g.lineGap(11)).toBe(13);
    expect(g.paragraphSpacing(11)).toBe(true);
    const even = learnLineGaps([page(...Array.from({ length: 10 }, (_, i) => line('x', 100 + i * 13.2)))]);
    expect(even.paragraphSpacing(11)).toBe(false);
  });
});
