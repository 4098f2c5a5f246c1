/**
 * Structure read from the document's own evidence (src/segment/evidence.ts): headings no vocabulary
 * knows, found by repetition, typography, a label's colon or a paragraph's layout; history blocks; item
 * numbers standing alone; decorations repeated on titles. Each case has a passage that must be read as
 * structure and one that must not.
 */
import { describe, expect, it } from 'vitest';
import { fromHtml, fromText } from '../families/helpers.js';
import { hasHeadingShape, headingTypeFromWords } from '../../src/segment/evidence.js';

const sections = (r: Awaited<ReturnType<typeof fromText>>, n: number) => r.items.find((i) => i.number === n)!.sections.map((s) => `${s.type}:${s.heading ?? ''}`);

describe('heading shape and head words', () => {
  it('takes short noun phrases as headings', () => {
    for (const t of ['Sagsprocedure', 'Direktionens påtegning', 'Oplæg:', 'Retsgrundlag', 'Beslutningspunkter']) expect(hasHeadingShape(t), t).toBe(true);
  });
  it('does not take sentences, names, values or lead-ins as headings', () => {
    for (const t of ['Godkendt.', 'Udvalget besluttede følgende:', 'Jens Hansen', 'Sundhedsklynge Lillebælt', 'Sagsnr. 24/1234', '3,5 mio. kr.', 'Det indstilles, at', '- Punkt på listen', 'Fraværende: Jens Hansen', 'Til toppen'])
      expect(hasHeadingShape(t), t).toBe(false);
  });
  it('maps a heading by the head of its last word', () => {
    expect(headingTypeFromWords('Byrådets beslutning')).toEqual({ type: 'beslutning', history: false });
    expect(headingTypeFromWords('Indstillingen')).toEqual({ type: 'indstilling', history: false });
    // the case presented under another word: "Redegørelse", "Forvaltningens redegørelse"
    expect(headingTypeFromWords('Forvaltningens redegørelse')).toEqual({ type: 'sagsfremstilling', history: false });
    expect(headingTypeFromWords('Redegørelse:')).toEqual({ type: 'sagsfremstilling', history: false });
    expect(headingTypeFromWords('Beslutningspunkter')).toEqual({ type: 'other', history: false });
    expect(headingTypeFromWords('Sagsforløb')).toEqual({ type: 'other', history: true });
    expect(headingTypeFromWords('Sagens forløb:')).toEqual({ type: 'other', history: true });
    expect(headingTypeFromWords('Tidligere behandling')).toEqual({ type: 'other', history: true });
    // a course of treatment, not the case's history
    expect(headingTypeFromWords('Anbefaling om yderligere forløb')).toEqual({ type: 'other', history: false });
  });
});

describe('an unknown heading ends the decision before it', () => {
  it('by repetition: the same line opens a block in several items', async () => {
    const r = await fromText(`Referat\nSocialudvalget\n\n1. Budget\nBeslutning\nGodkendt.\nSagsprocedure\nSagen går videre til byrådet.\n\n2. Plan\nBeslutning\nTaget til efterretning.\nSagsprocedure\nIngen videre behandling.\n`);
    expect(r.items.map((i) => i.decision?.text)).toEqual(['Godkendt.', 'Taget til efterretning.']);
    expect(sections(r, 1)).toEqual(['beslutning:Beslutning', 'other:Sagsprocedure']);
  });
  it('by layout: a paragraph of its own after a finished sentence', async () => {
    const r = await fromText(`Referat\nSocialudvalget\n\n1. Budget\n\nBeslutning\n\nGodkendt.\n\nDirektionens påtegning\n\nDirektionen anbefaler sagen.\n`);
    expect(r.items[0].decision?.text).toBe('Godkendt.');
  });
  it('by typography: a bold line in HTML', async () => {
    const r = await fromHtml(`<html><body><h1>Referat</h1><p>Socialudvalget</p><h2>1. Budget</h2><p><b>Beslutning</b></p><p>Godkendt med en bemærkning</p><p><strong>Redegørelse fra direktionen</strong></p><p>Direktionen anbefaler sagen.</p></body></html>`);
    expect(r.items[0].decision?.text).toBe('Godkendt med en bemærkning');
  });
  it('but a decision of several sentences and lists stays whole', async () => {
    const r = await fromText(`Referat\nSocialudvalget\n\n1. Budget\nBeslutning\nIndstillingen godkendt\nUdvalget ønsker en status i juni.\nSagen sendes videre til byrådet\n\n2. Plan\nBeslutning\nIndstillingen godkendt\n`);
    expect(r.items[0].decision?.text).toBe('Indstillingen godkendt\nUdvalget ønsker en status i juni.\nSagen sendes videre til byrådet');
    expect(r.items[1].decision?.text).toBe('Indstillingen godkendt');
  });
  it('and the page\'s own links after an item are not its decision', async () => {
    const r = await fromText(`Referat\nSocialudvalget\n\n1. Budget\nBeslutning\nGodkendt.\nUdskriv\nKopier link\nDel på Facebook\nKontakt kommunen\n`);
    expect(r.items[0].decision?.text).toBe('Godkendt.');
  });
});

describe('history blocks', () => {
  const TEXT = `Referat\nByrådet\nMødedato: 12. marts 2024\n\n1. Ny skolestruktur\nSagsfremstilling\nForvaltningen foreslår en ny struktur.\nSagens forløb\nBørne- og Skoleudvalget den 3. februar 2024, pkt. 4:\nAnbefales.\nAfbud: Jens Hansen (A)\nPeter Holm deltog ikke i behandlingen af sagen.\nBeslutning\nGodkendt.\n\n2. Eventuelt\nBeslutning\nIntet.\nAnne Berg deltog ikke i behandlingen af sagen.\n`;
  it('an earlier committee\'s decision and absences are not this meeting\'s', async () => {
    const r = await fromText(TEXT);
    expect(r.items[0].decision?.text).toBe('Godkendt.');
    expect(r.items[0].absent).toEqual([]);
    expect(sections(r, 1)).toEqual(['sagsfremstilling:Sagsfremstilling', 'other:Sagens forløb', 'beslutning:Beslutning']);
  });
  it('an absence outside the history block still counts', async () => {
    const r = await fromText(TEXT);
    expect(r.items[1].absent).toEqual(['Anne Berg']);
  });
});

describe('item numbers on a line of their own', () => {
  it('reads the number and the title under it', async () => {
    const r = await fromText(`Referat\nLokalrådet\n\n1\nGodkendelse af dagsorden\nBeslutning\nGodkendt.\n\n2.\nBudget 2025\nSagsfremstilling\nNoget om budgettet.\nBeslutning\nGodkendt med bemærkninger.\n\n3\nEventuelt\nBeslutning\nIntet.\n`);
    expect(r.items.map((i) => [i.number, i.title, i.decision?.text])).toEqual([
      [1, 'Godkendelse af dagsorden', 'Godkendt.'],
      [2, 'Budget 2025', 'Godkendt med bemærkninger.'],
      [3, 'Eventuelt', 'Intet.'],
    ]);
  });
  it('does not take a count in running text for an item', async () => {
    const r = await fromText(`Referat\nLokalrådet\n\n1. Budget\nSagsfremstilling\nAntal ansøgninger:\n12\nheraf godkendt\nBeslutning\nGodkendt.\n`);
    expect(r.items.map((i) => i.number)).toEqual([1]);
  });
});

describe('decorations repeated on titles', () => {
  it('a kind prefix with a dash is the kind; a letter marker stays in the title as printed', async () => {
    const r = await fromText(`Referat\nByrådet\n\n1. Beslutning - Budget 2025 (A)\nBeslutning\nGodkendt.\n\n2. Orientering - Status på byggeri (A)\nBeslutning\nTaget til efterretning.\n\n3. Beslutning - Salg af grund (C)\nBeslutning\nGodkendt.\n`);
    expect(r.items.map((i) => [i.title, i.kind])).toEqual([
      ['Budget 2025 (A)', 'beslutning'],
      ['Status på byggeri (A)', 'orientering'],
      ['Salg af grund (C)', 'beslutning'],
    ]);
  });
  it('a closed marker marks the item closed and stays in the title', async () => {
    const r = await fromText(`Referat\nByrådet\n\n1. Lukket punkt: Salg af grund\nBeslutning\nGodkendt.\n\n2. Lukket punkt: Personalesag\nBeslutning\nGodkendt.\n\n3. Budget 2025\nBeslutning\nGodkendt.\n`);
    expect(r.items.map((i) => [i.title, i.closed])).toEqual([
      ['Lukket punkt: Salg af grund', true],
      ['Lukket punkt: Personalesag', true],
      ['Budget 2025', false],
    ]);
  });
  it('items only the contents list lose the same kind prefixes as the body\'s', async () => {
    const r = await fromText(`Dagsorden\nRegionsrådet\n\nIndholdsfortegnelse\n1. Meddelelser\n2. Beslutning - Budget 2025\n3. Beslutning - Salg af grund\n4. Godkendelse - Takster 2025\n\n1. Meddelelser\nReferat\nFormanden orienterede.\n`);
    expect(r.items.map((i) => [i.number, i.title, i.kind])).toEqual([
      [1, 'Meddelelser', null],
      [2, 'Budget 2025', 'beslutning'],
      [3, 'Salg af grund', 'beslutning'],
      [4, 'Godkendelse - Takster 2025', null],
    ]);
  });
  it('an item only the contents list takes the kind its entry states, before or after the title', async () => {
    const r = await fromText(`Referat\nRegionsrådet\n\nIndholdsfortegnelse\n1. Meddelelser\n2. Beslutning: Anlægsbevilling til byggeri\n3. Personalepolitiske nøgletal (orienteringssag)\n\n1. Meddelelser\nReferat\nFormanden orienterede.\n`);
    expect(r.items.map((i) => i.kind)).toEqual([null, 'beslutning', 'orientering']);
  });
  it('a prefix on one title only is left alone', async () => {
    const r = await fromText(`Referat\nByrådet\n\n1. Trafik: Ny cykelsti\nBeslutning\nGodkendt.\n\n2. Budget 2025\nBeslutning\nGodkendt.\n`);
    expect(r.items[0].title).toBe('Trafik: Ny cykelsti');
  });
});

describe('case numbers', () => {
  it('reads the case line above the heading when the layout puts it there, but not a document number', async () => {
    const r = await fromText(`Referat\nStyregruppen\n\nSagnr.: 1-30-72-58-24\n1. Godkendelse af dagsorden\nBeslutning\nGodkendt.\n\nDok.nr.: 2024-1234\n2. Budget\nBeslutning\nGodkendt.\n`);
    expect(r.items.map((i) => i.caseNumber)).toEqual(['1-30-72-58-24', null]);
  });
});

describe('a label after a finished sentence', () => {
  it('ends the decision even without a blank line', async () => {
    const r = await fromText(`Referat\nLokaludvalget\n\n1. Valg af dirigent\nBeslutning\nDagsordenen blev godkendt.\nFremmøde og inhabilitet:\nDeltagerne var:\nJens Hansen\n\n2. Eventuelt\nBeslutning\nIntet.\n`);
    expect(r.items[0].decision?.text).toBe('Dagsordenen blev godkendt.');
  });
});

describe('a title that ends in a dash', () => {
  it('goes on on the next short line, and loses the dash where a question or sentence follows', async () => {
    const r = await fromText(`Referat\nSkolebestyrelsen\n\nPkt. 1\nEventuelt –\nValg\n\n20.20-20.30\nDer skal afholdes valg den 27. april.\n\nPkt. 2\nMødeevaluering –\nHvad har fungeret godt i dette møde?\n\n20.30-20.45\nUdgår\n\nPkt. 3\nNæste møde\n\nIntet.\n`);
    expect(r.items.map((i) => i.title)).toEqual(['Eventuelt – Valg', 'Mødeevaluering', 'Næste møde']);
  });
});

describe('case numbers beside other numbers', () => {
  it('the case number before the journal number, whichever stands first', async () => {
    const r = await fromText(`Referat\nBestyrelsen\n\nPkt. 1. Godkendelse af dagsorden\n\nJ.nr.: 00.01.00.A10-0001/2013\nSagsnr.: 6628\n\nBeslutning\nGodkendt.\n\nPkt. 2. Budget 2025\n\nJ.nr.: 00.30.00-S00-1-24\n\nBeslutning\nGodkendt.\n`);
    expect(r.items.map((i) => i.caseNumber)).toEqual(['6628', '00.30.00-S00-1-24']);
  });
  it('a bare case number on the line above the heading', async () => {
    const r = await fromText(`Referat\nUdvalget for Teknik og Miljø\n\n85.02.02-G01-5-17\n\n131. Godkendelse af dagsorden\n\nBeslutning\nGodkendt.\n\n02.34.02-P19-12-20\n\n132. Højdevej 13 - Byggesag\n\nBeslutning\nGodkendt.\n`);
    expect(r.items.map((i) => [i.number, i.caseNumber])).toEqual([[131, '85.02.02-G01-5-17'], [132, '02.34.02-P19-12-20']]);
  });
});

describe('a decision headed by the meeting itself', () => {
  it('"<Udvalg>s møde den <dato>:" heads the record (PolWeb), a sentence about a meeting does not', async () => {
    const r = await fromText(`Referat\nIntegrationsudvalget\n\n1. Bemærkninger til dagsordenen\nÅbent\nSagsnr.: 326-2010-57347\n\nIntegrationsudvalgets møde den 12. december 2011:\n\nDagsordenen blev godkendt.\n\n2. Gensidig orientering\nÅbent\n\nSAGSFREMSTILLING\nUdvalgets møde den 5. december 2011 blev aflyst.\n\nIntegrationsudvalgets møde den 12. december 2011:\nTaget til efterretning.\n`);
    expect(r.items.map((i) => i.decision?.text)).toEqual(['Dagsordenen blev godkendt.', 'Taget til efterretning.']);
  });
});

describe('the programme goes on after a record', () => {
  it('a break ("PAUSE") or the next time slot ends the record after an item\'s time slot', async () => {
    const r = await fromText(`Referat 25. maj 2022\nSkolebestyrelsen\n\nPkt. 1\nGodkendelse af dagsorden\n\nKl. 18.30-18.40\n\nBeslutning\n\nGodkendt.\n\nPkt. 2\nElevrådet har ordet\n\n18.45-18.55\n\nOrientering\n\nElevrådsrepræsentant deltager ikke.\n\nPAUSE\n\nKl.19.30-19.45\n\nPkt. 3\nEventuelt\n\n19.45-20.00\n\nOrientering\n\nIntet.\n`);
    expect(r.items.map((i) => i.decision?.text)).toEqual(['Godkendt.', 'Elevrådsrepræsentant deltager ikke.', 'Intet.']);
  });
  it('and after a decision heading', async () => {
    const r = await fromText(`Referat\nSkolebestyrelsen\n\n1. Godkendelse af dagsorden\n\nBeslutning\nGodkendt.\n\nPAUSE\n\nKl. 19.30-19.45\n\n2. Eventuelt\n\nBeslutning\nIntet.\n`);
    expect(r.items[0].decision?.text).toBe('Godkendt.');
  });
});

describe('a line that ends the record', () => {
  it('a drawn rule or "Mødet sluttede" ends an unheaded record; notes on the meeting after it are not the item\'s', async () => {
    const r = await fromText(`Referat af lokalrådsmødet 6. marts 2017\n\n1. Sommerfest\nSe referatet fra februar.\n\n2. Siden sidst\nDer er søgt fonde.\n\n3. Eventuelt\nDet er aftalt, at Lokalrådet får en konto i Brugsen.\n\n——————————————–\n\nMødet sluttede klokken 20.45.\n\nUnder mødet blev der drukket kaffe.\n`);
    expect(r.items.at(-1)?.decision?.text).toBe('Det er aftalt, at Lokalrådet får en konto i Brugsen.');
  });
});

describe('an agenda table exported a cell a line', () => {
  it('the kind cell after the item\'s time slot is its kind; a combined cell states none', async () => {
    const r = await fromText(`Referat 25. maj 2022\nSkolebestyrelsen\n\nPkt. 1\nGodkendelse af dagsorden\n\nKl. 18.30-18.40\n\nBeslutning\n\nGodkendt.\n\nPkt. 2\nElevrådet har ordet\n\n18.45-18.55\n\nOrientering\n\nIntet nyt.\n\nPkt. 3\nKvalitet på tværs af klasser\n\n19.45-19.55\n\nOrientering og drøftelse\n\nUdsættes.\n`);
    expect(r.items.map((i) => i.kind)).toEqual(['beslutning', 'orientering', null]);
  });
});

describe('numbers that start again at 1', () => {
  it('are counted on, and said so as information, not as items without numbers', async () => {
    const r = await fromText(`Referat af lokalrådsmødet mandag den 6. marts 2017\n\nTil stede var Karen, Mette, Thomas og Jørgen\n\n 1. Godkendelse af dagsorden og referat\n  Begge dele godkendt uden kommentarer\n\n 2. Regnskab 2016\nRegnskabet er under udarbejdelse.\n\n 3. Beboermødet 15. marts 2017\n– Formandens beretning blev drøftet\n\n 1. Sommerfest\n  Se referatet fra februar.\n 2. Eventuelt\n  Intet.\n`);
    expect(r.items.map((i) => i.number)).toEqual([1, 2, 3, 4, 5]);
    const codes = r.diagnostics.map((d) => d.code);
    expect(codes).toContain('items-renumbered');
    expect(codes).not.toContain('items-unnumbered');
  });
});

describe('items without visible numbers', () => {
  it('two or more are numbered in order and said so; one block alone is not', async () => {
    const two = await fromText(`Referat\nBestyrelsen\n\nGodkendelse af dagsorden\nBeslutning\nGodkendt.\n\nBudget 2025\nBeslutning\nBudgettet blev vedtaget.\n`);
    expect(two.items.map((i) => [i.number, i.title])).toEqual([[1, 'Godkendelse af dagsorden'], [2, 'Budget 2025']]);
    expect(two.diagnostics.map((d) => d.code)).toContain('items-unnumbered');
    const one = await fromText(`Referat\nBestyrelsen\n\nGodkendelse af dagsorden\nBeslutning\nGodkendt.\n`);
    expect(one.diagnostics.map((d) => d.code)).not.toContain('items-unnumbered');
  });
});

describe('decorations before the number', () => {
  it('"(A) Beslutning - 14. …" and "(C) Lukket punkt: 15. …" are item headings; the marks say kind and status', async () => {
    const r = await fromText(`Referat\nRegionsrådet\n\n(A) Beslutning - 14. Budgetopfølgning\nSagsnummer: 25/1234\nBeslutning\nGodkendt.\n\n(C) Lukket punkt: 15. Salg af ejendom\nBeslutning\nGodkendt.\n\n(A) Orientering - 16. Eventuelt\nBeslutning\nIntet.\n`);
    expect(r.items.map((i) => [i.number, i.title, i.kind, i.closed])).toEqual([
      [14, 'Budgetopfølgning', 'beslutning', false],
      [15, 'Salg af ejendom', null, true],
      [16, 'Eventuelt', 'orientering', false],
    ]);
    expect(r.items[0].caseNumber).toBe('25/1234');
  });
  it('not a sentence that mentions a number', async () => {
    const r = await fromText(`Referat\nRegionsrådet\n\n1. Budget\nBeslutning\nGodkendt. Beslutning - 2. behandling i maj.\n`);
    expect(r.items.map((i) => i.number)).toEqual([1]);
  });
});

describe('a heading the vocabulary knows by its head word', () => {
  it('ends the decision after a finished sentence, without blank lines around it', async () => {
    const r = await fromText(`Referat\nRegionsrådet\n\n1. Budgetopfølgning\nBeslutning\nIndstillingen blev godkendt.\nDirektionens påtegning\nDirektionen anbefaler sagen.\n\n2. Salg af ejendom\nBeslutning\nGodkendt.\nSagsforløb\nSagen blev behandlet i Forretningsudvalget den 3. marts 2025.\n`);
    expect(r.items.map((i) => i.decision?.text)).toEqual(['Indstillingen blev godkendt.', 'Godkendt.']);
  });
  it('an unknown short line after a sentence is still the decision\'s text', async () => {
    const r = await fromText(`Referat\nRegionsrådet\n\n1. Budgetopfølgning\nBeslutning\nIndstillingen blev godkendt.\nTak for indsatsen\nFormanden takkede.\n`);
    expect(r.items[0].decision?.text).toBe('Indstillingen blev godkendt.\nTak for indsatsen\nFormanden takkede.');
  });
});
