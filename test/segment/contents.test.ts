/** Tables of contents in the layouts published minutes use, and what the segmenter makes of them. */
import { describe, it, expect } from 'vitest';
import { fromText } from '../families/helpers.js';

const items = (r: Awaited<ReturnType<typeof fromText>>) => r.items.map((i) => `${i.number}:${i.title}`);

describe('contents without a heading', () => {
  it('a run of numbered entries whose first title comes round again is the contents; unreached entries are items', async () => {
    const r = await fromText(['Sundhedsudvalget - Referat - 13. december 2011', '', '  1. Præsentation af kampagnen', '  2. Program for studietur', '  3. Mødeplan', '  4. Eventuelt', '', '1. Præsentation af kampagnen', '', 'Beslutning', 'Taget til efterretning.', ''].join('\n'));
    expect(items(r)).toEqual(['1:Præsentation af kampagnen', '2:Program for studietur', '3:Mødeplan', '4:Eventuelt']);
    expect(r.toc.map((e) => e.number)).toEqual([1, 2, 3, 4]);
    expect(r.items[0].decision?.text).toBe('Taget til efterretning.');
    expect(r.items.slice(1).every((i) => i.confidence === 0.5)).toBe(true);
  });
  it('a numbered list whose titles never come round again is not contents', async () => {
    const r = await fromText(['Referat', 'Byrådet', '', '1. Godkendelse af dagsorden', '', 'Beslutning', 'Indstillingen godkendes:', '1. Budgettet vedtages', '2. Rammen fastholdes', '3. Puljen nedlægges', ''].join('\n'));
    expect(r.toc).toEqual([]);
    expect(items(r)).toEqual(['1:Godkendelse af dagsorden']);
  });
  it('the first item\'s case line right under the last entry belongs to the body, not the end of the contents', async () => {
    const r = await fromText(['Sundhedsudvalget - Referat', '', '  1. Præsentation af kampagnen', '  2. Program for studietur', '  3. Eventuelt', '', '  Sagsnr. 11/6228', '  1. Præsentation af kampagnen', '  Beslutning', '  Orienteredes.', '', '  Sagsnr. 11/4647', '  2. Program for studietur', '  Beslutning', '  Godkendt.', ''].join('\n'));
    expect(r.toc.map((e) => e.number)).toEqual([1, 2, 3]);
    expect(items(r)).toEqual(['1:Præsentation af kampagnen', '2:Program for studietur', '3:Eventuelt']);
    expect(r.items.map((i) => i.caseNumber)).toEqual(['11/6228', '11/4647', null]);
  });
  it('bulleted entries are numbered in order when the first comes round again as item 1', async () => {
    const r = await fromText(['Referat: 27. oktober 2025 kl. 08:00', 'Referat', '- Godkendelse af dagsorden', '- Virksomhedsbesøg', '- Gensidig orientering', 'Kopier link til punktet - Print', '1 : Godkendelse af dagsorden', 'Beslutning', 'Godkendt.', 'Kopier link til punktet - Print', ''].join('\n'));
    expect(items(r)).toEqual(['1:Godkendelse af dagsorden', '2:Virksomhedsbesøg', '3:Gensidig orientering']);
    // the page's link line ends the decision
    expect(r.items[0].decision?.text).toBe('Godkendt.');
  });
});

describe('contents in other writings', () => {
  it('"åbent 3 Title" entries under "Dagsordenspunkter"; the body heads items as "1  Title"', async () => {
    const r = await fromText(['Referat', 'Kommunalbestyrelsen', 'Dagsordenspunkter', '', '  åbent 1 Fraværende og bemærkninger', '  åbent 2 Sundhedsaftale 2015-2018', '  åbent 3 Nyt museum', '', 'Til indholdsfortegnelse', '', ' 1  Fraværende og bemærkninger', '', 'Beslutning', 'Ingen bemærkninger.', ''].join('\n'));
    expect(items(r)).toEqual(['1:Fraværende og bemærkninger', '2:Sundhedsaftale 2015-2018', '3:Nyt museum']);
    expect(r.items[0].decision?.text).toBe('Ingen bemærkninger.');
  });
  it('a table exported one cell per line: number, title (two lines), page', async () => {
    const r = await fromText(['Dagsorden', 'Indholdsfortegnelse', 'Pkt.', 'Tekst', 'Side', '1', 'Høring budget 2016', '4', '2', 'Revidering af timepriser til private leverandører af', 'hjemmehjælp', '9', '3', 'Suppleant til LAG', '11', '', '1', 'Høring budget 2016', 'Sagsfremstilling', 'Sydtrafik har sendt budgettet i høring.', ''].join('\n'));
    expect(r.toc.map((e) => [e.number, e.title, e.page])).toEqual([[1, 'Høring budget 2016', 4], [2, 'Revidering af timepriser til private leverandører af hjemmehjælp', 9], [3, 'Suppleant til LAG', 11]]);
    expect(items(r)).toEqual(['1:Høring budget 2016', '2:Revidering af timepriser til private leverandører af hjemmehjælp', '3:Suppleant til LAG']);
  });
  it('one cell per line across a page break: a number in a title, the page, then the footer and running header', async () => {
    const r = await fromText(['Dagsorden', 'Indholdsfortegnelse', 'Pkt.', 'Tekst', 'Side', '1', 'Høring budget 2016', '4', '2', 'Evaluering af resultatmål for', '2014', '17', '3', 'Rømø Havn - Årsregnskab', '24', '25. juni 2015', '2', 'Tønder Kommune – Kommunalbestyrelsen', 'Dagsorden', '4', 'Spildevandsplan', '28', '', '1', 'Høring budget 2016', 'Sagsfremstilling', 'Sydtrafik har sendt budgettet i høring.', ''].join('\n'));
    expect(r.toc.map((e) => [e.number, e.title, e.page])).toEqual([[1, 'Høring budget 2016', 4], [2, 'Evaluering af resultatmål for 2014', 17], [3, 'Rømø Havn - Årsregnskab', 24], [4, 'Spildevandsplan', 28]]);
    expect(items(r)).toEqual(['1:Høring budget 2016', '2:Evaluering af resultatmål for 2014', '3:Rømø Havn - Årsregnskab', '4:Spildevandsplan']);
  });
  it('dotted entry numbers out of sequence (the closed items listed last) are not taken for a page footer', async () => {
    const r = await fromText(['Dagsorden', 'Indholdsfortegnelse', '1.', 'Godkendelse af dagsorden', '3', '2.', 'Budget 2021', '5', '4.', 'Meddelelser', '9', 'Indholdsfortegnelse lukket møde', '3.', 'Salg af ejendom (Lukket punkt)', '8', '', '1. Godkendelse af dagsorden', 'Beslutning', 'Godkendt.', ''].join('\n'));
    expect(r.toc.map((e) => [e.number, e.title, e.page])).toEqual([[1, 'Godkendelse af dagsorden', 3], [2, 'Budget 2021', 5], [4, 'Meddelelser', 9], [3, 'Salg af ejendom (Lukket punkt)', 8]]);
  });
  it('an item heading glued to the text before it is split off where the contents name it', async () => {
    const r = await fromText(['UDVALG', 'Handicaprådet', 'PUNKTER', '1. Orientering og rundvisning', '2. Godkendelse af dagsorden og referat', '3. Eventuelt1. Orientering og rundvisning', 'Beslutning i Handicaprådet den 03-11-2015', 'Rådet blev vist rundt.', 'Sagsfremstilling2. Godkendelse af dagsorden og referat', 'Beslutning i Handicaprådet den 03-11-2015', 'Godkendt.', ''].join('\n'));
    expect(r.toc.map((e) => e.title)).toEqual(['Orientering og rundvisning', 'Godkendelse af dagsorden og referat', 'Eventuelt']);
    expect(items(r)).toEqual(['1:Orientering og rundvisning', '2:Godkendelse af dagsorden og referat', '3:Eventuelt']);
    expect(r.items.map((i) => i.decision?.text ?? null)).toEqual(['Rådet blev vist rundt.', 'Godkendt.', null]);
  });
});

describe('item headings', () => {
  it('"Nr.1 - Title" and a number printed twice', async () => {
    const a = await fromText(['Byrådet', '26-01-2015 kl. 18:00', '', 'Nr.1 - Godkendelse af dagsordenen', '', 'Beslutning', 'Godkendt.', '', 'Nr.2 - Lukning af vej', '', 'Beslutning', 'Godkendt.', ''].join('\n'));
    expect(items(a)).toEqual(['1:Godkendelse af dagsordenen', '2:Lukning af vej']);
    const b = await fromText(['Referat', 'Kommunalbestyrelsen', '', ' 1.  1. Godkendelse af dagsordenen', '', '  Beslutning', '  Godkendt.', '', ' 2.  2. Orientering fra borgmesteren', '', '  Beslutning', '  Til orientering.', ''].join('\n'));
    expect(items(b)).toEqual(['1:Godkendelse af dagsordenen', '2:Orientering fra borgmesteren']);
  });
});

describe('a numbered list broken into several lists', () => {
  it('items numbered again from 1 at the same indentation continue the count; a sub-list indented deeper does not', async () => {
    const r = await fromText(['Referat af lokalrådsmødet 6. marts 2017', '', ' 1. Godkendelse af dagsorden', '  Godkendt.', '', ' 2. Regnskab 2016', 'Regnskabet er under udarbejdelse.', '', ' 3. Beboermødet', '– Formandens beretning blev drøftet', '', ' 1. Sommerfest', '  Se referatet fra februar.', ' 2. Siden sidst', '  – Husk at søge fonde:', '  1. SEAS-NVE – senest 10. marts', '  2. Friluftsrådet', ' 3. Eventuelt', '  Intet.', ''].join('\n'));
    expect(items(r)).toEqual(['1:Godkendelse af dagsorden', '2:Regnskab 2016', '3:Beboermødet', '4:Sommerfest', '5:Siden sidst', '6:Eventuelt']);
    expect(r.items.slice(3).every((i) => i.numberInferred)).toBe(true);
    // minutes whose items carry no headings: each item's text is its record, whatever it says
    expect(r.items.map((i) => i.decision?.text.split('\n')[0] ?? null)).toEqual(['Godkendt.', 'Regnskabet er under udarbejdelse.', 'Formandens beretning blev drøftet', 'Se referatet fra februar.', 'Husk at søge fonde:', 'Intet.']);
  });
  it('not a list that repeats the items\' titles (the agenda printed again below)', async () => {
    const r = await fromText(['Referat af lokalrådsmødet 6. marts 2017', '', '1. Godkendelse af dagsorden', 'Godkendt.', '', '2. Regnskab 2016', 'Godkendt.', '', 'Dagsorden for næste møde:', '1. Godkendelse af dagsorden', '2. Regnskab 2016', ''].join('\n'));
    expect(items(r)).toEqual(['1:Godkendelse af dagsorden', '2:Regnskab 2016']);
  });
});

describe('"Ad N." headings', () => {
  it('minutes that take the agenda one item at a time under "Ad 1.", "Ad 2." have those items, with their records', async () => {
    const r = await fromText(['Referat af Klyngerådets møde den 27. februar 2020', '', 'Dagsorden:', '', '1. Vedtagelse af dagsorden', '2. Godkendelse af referat', '3. Eventuelt', '', 'Ad 1.  Vedtagelse af dagsorden', '', 'Den udsendte dagsorden blev godkendt.', '', 'Ad 2.  Godkendelse af referat', '', 'Referatet blev godkendt uden ændring.', '', 'Ad 3.  Eventuelt', '', 'Intet.', ''].join('\n'));
    expect(items(r)).toEqual(['1:Vedtagelse af dagsorden', '2:Godkendelse af referat', '3:Eventuelt']);
    expect(r.items.map((i) => i.decision?.text ?? null)).toEqual(['Den udsendte dagsorden blev godkendt.', 'Referatet blev godkendt uden ændring.', 'Intet.']);
  });
});

describe('an agenda table exported one cell per line, with a time and a kind cell', () => {
  it('what follows the time slot (after the kind cell) is the record; the description before it stays case text', async () => {
    const r = await fromText(['Referat 25. maj 2022', '', 'Dagsorden', '', 'Pkt. 1', 'Godkendelse af dagsorden', 'Er der punkter til eventuelt?', 'Kl. 18.30-18.35', 'Beslutning', '', 'Pkt. 2', 'Kvalitet på tværs af klasser', 'Hvordan arbejder skolen med kvalitet?', 'Kl.19.45-19.55', 'Orientering og drøftelse', 'Udsættes', '', 'Pkt. 3', 'Eventuelt', '20.20– 20.30', 'Der skal afholdes valg den 27. april.', ''].join('\n'));
    expect(items(r)).toEqual(['1:Godkendelse af dagsorden', '2:Kvalitet på tværs af klasser', '3:Eventuelt']);
    expect(r.items.map((i) => i.decision?.text ?? null)).toEqual([null, 'Udsættes', 'Der skal afholdes valg den 27. april.']);
  });
});

describe('a remark beside the number', () => {
  it('"Pkt. 3 (Malou)" with the title on the next line: the title is the next line', async () => {
    const r = await fromText(['Referat 25. maj 2022', '', 'Pkt. 1', 'Godkendelse af dagsorden', 'Godkendt.', '', 'Pkt. 2 (Malou)', 'Elevrådet har ordet', 'Elevrådet deltager ikke.', ''].join('\n'));
    expect(items(r)).toEqual(['1:Godkendelse af dagsorden', '2:Elevrådet har ordet']);
  });
});

describe('time given to an item', () => {
  it('an allotment between number and title is not title, also glued to the number in a table export', async () => {
    const a = await fromText(['Referat af bestyrelsesmøde 3. april 2024', '', 'Punkt 1 (10 min.) Godkendelse af dagsorden', 'Godkendt.', '', 'Punkt 2 - 20 min - Budget', 'Budgettet blev drøftet.', ''].join('\n'));
    expect(items(a)).toEqual(['1:Godkendelse af dagsorden', '2:Budget']);
    const b = await fromText(['Dagsorden/Referat fra Skolebestyrelsesmøde', '', 'Dato: 03-04-2024 kl. 18:00-20:00', '', 'Punkt 15minGodkendelse af dagsorden', 'Her nævnes punkter til evt.', ' 18.00 - 18.05 ', 'Punkt 210minElevrådet har ordet', ' 18.05 - 18.15Der har været lidt uro i frikvartererne.', 'Punkt 1020minEventuelt', ' 19.45 - 20.00Intet.', ''].join('\n'));
    expect(items(b)).toEqual(['1:Godkendelse af dagsorden', '2:Elevrådet har ordet', '10:Eventuelt']);
    // the item's text after its time slot is the record; before it, the agenda's description
    expect(b.items.map((i) => i.decision?.text ?? null)).toEqual([null, 'Der har været lidt uro i frikvartererne.', 'Intet.']);
  });
});

describe('the kind of an item', () => {
  it('from the block under "Sagsgang og sagstype", and from "(orienteringssag)" after the title', async () => {
    const r = await fromText(['Udvalget for Ældre og Sundhed', 'Referat', '', '49. Godkendelse af dagsorden', '', 'Sagsgang og sagstype', 'Udvalget for Ældre og Sundhed', 'Beslutningssag', 'Indstilling', 'Dagsordenen godkendes.', 'Beslutning i Udvalget for Ældre og Sundhed den 04-06-2020', 'Godkendt', '', '50. Budgetstatus (orienteringssag)', '', 'Sagsgang og sagstype', 'Udvalget for Ældre og Sundhed', 'Orientering', 'Beslutning i Udvalget for Ældre og Sundhed den 04-06-2020', 'Taget til efterretning', ''].join('\n'));
    expect(r.items.map((i) => [i.number, i.kind])).toEqual([[49, 'beslutning'], [50, 'orientering']]);
    expect(r.items[1].title).toBe('Budgetstatus (orienteringssag)');
  });
  it('a bare "Orientering" outside such a block is not a kind', async () => {
    const r = await fromText(['Referat', 'Byrådet', '', '1. Meddelelser', '', 'Orientering', 'Borgmesteren orienterede.', '', 'Beslutning', 'Taget til efterretning.', '', '2. Eventuelt', '', 'Beslutning', 'Intet.', ''].join('\n'));
    expect(r.items[0].kind).toBeNull();
  });
});

describe('contents entries whose numbers the export dropped', () => {
  it('an entry that ends as the entries before it do ("( )" and a page) is the next in the sequence', async () => {
    const r = await fromText(['Referat', 'Lokaludvalget', '', 'Indholdsfortegnelse', '1. Spørgsmål fra borgere ( ) 1', '2. Godkendelse af dagsorden ( ) 2', '3. Høring: Kreative zoner ( )', 'Høring: Skybrudsplan ( )', 'Byens Puls ( )', 'Evt. ( ) 20', '', '1. Spørgsmål fra borgere ( )', 'Beslutning', 'Ingen henvendelser.', ''].join('\n'));
    expect(items(r)).toEqual(['1:Spørgsmål fra borgere', '2:Godkendelse af dagsorden', '3:Høring: Kreative zoner', '4:Høring: Skybrudsplan', '5:Byens Puls', '6:Evt.']);
  });
  it('a line of another shape after the entries is not one', async () => {
    const r = await fromText(['Referat', 'Lokaludvalget', '', 'Indholdsfortegnelse', '1. Spørgsmål fra borgere ( ) 1', '2. Godkendelse af dagsorden ( ) 2', '3. Høring: Kreative zoner ( )', 'Mødet blev holdt i salen.', '', '1. Spørgsmål fra borgere ( )', 'Beslutning', 'Ingen henvendelser.', ''].join('\n'));
    expect(items(r).map((t) => t.split(':')[0])).toEqual(['1', '2', '3']);
  });
});

describe('a programme-style agenda above items headed "Punkt N:"', () => {
  const text = [
    'Styregruppemøde den 10. april 2013',
    '',
    '1. Velkomst og præsentation af nye medlemmer v. Anne Neergaard',
    '2. Godkendelse af referat fra sidste møde v. Anne Neergaard',
    '3. Orientering fra LAG v. Mette Risager (kl )',
    'Kl : Kaffepause',
    '4. Emner til næste møde v. Anne Neergaard (kl )',
    '',
    'Punkt 1: Velkomst og præsentation af nye medlemmer v. Anne Neergaard Anne Neergaard bød velkommen til de nye medlemmer af styregruppen, som præsenterede sig og fortalte om deres arbejde.',
    '',
  ].join('\n');
  it('is the contents: its first title comes round again after "Punkt 1:", a break line does not end it', async () => {
    const r = await fromText(text);
    expect(r.toc.map((e) => e.number)).toEqual([1, 2, 3, 4]);
    // "v." (ved) is no sentence end, and an emptied "(kl )" is no part of a title
    expect(items(r)).toEqual(['1:Velkomst og præsentation af nye medlemmer v. Anne Neergaard', '2:Godkendelse af referat fra sidste møde v. Anne Neergaard', '3:Orientering fra LAG v. Mette Risager', '4:Emner til næste møde v. Anne Neergaard']);
  });
  it('the body heading that ran on into its text ends where its contents title ends', async () => {
    const r = await fromText(text);
    expect(r.items[0].title).toBe('Velkomst og præsentation af nye medlemmer v. Anne Neergaard');
    expect(r.items[0].sections[0].text).toMatch(/^Anne Neergaard bød velkommen/);
  });
});
