/**
 * Paged (PDF/DOCX-derived) layout families (LAYOUTS.md F10b, F18, F19, F20): invented passages, pages
 * separated by form feeds as the text reader receives them.
 */
import { beforeAll, describe, expect, test } from 'vitest';
import type { Referat } from '../../schemas/referat.js';
import { checkAmounts, checkDates, checkItem, checkItems, checkMeeting, checkParticipants, fromText } from './helpers.js';

// ---------------------------------------------------------------------------------------------
describe('F10b Aarhus FirstAgenda PDF ("Punkt N: Title", EMN-id, "Beslutninger")', () => {
  const TEXT = `REFERAT Aarhus Byråd d. 08-03-2023
Mødedato Onsdag d. 8. marts 2023 kl. 18:30
Mødested Byrådssalen, Aarhus Rådhus
Indholdsfortegnelse
Punkt 1: Godkendelse af dagsorden ............................................. 2
Punkt 2: Udvidelse af Ådalsbanen ............................................... 2
Punkt 3: Budgetrevision 2023 ................................................... 3
\fPunkt 1: Godkendelse af dagsorden
EMN-2023-001122
Beslutninger
Dagsordenen blev godkendt.
Punkt 2: Udvidelse af Ådalsbanen
EMN-2023-000871
Beslutninger
Indstillingen blev vedtaget med 25 stemmer for og 6 imod.
Peter Frost deltog ikke i sagens behandling.
Resumé
Etape 2 af Ådalsbanen forventes at koste 1,9 mia. kr., hvoraf staten bidrager med 640 mio. kr.
Indstilling
Det indstilles:
At 1) projektet igangsættes.
\fPunkt 3: Budgetrevision 2023
EMN-2023-000455
Beslutninger
Indstillingen blev vedtaget.
Resumé
Budgetrevisionen viser merudgifter på 38,5 mio. kr. og mindreudgifter på 12 mio. kr.
Indstilling
Det indstilles:
At 1) budgetrevisionen godkendes.
`;
  let r: Referat;
  beforeAll(async () => {
    r = await fromText(TEXT);
  });

  test('meeting header ("REFERAT Aarhus Byråd d. DD-MM-YYYY", "Mødedato Onsdag d. …")', () => {
    checkMeeting(r, {
      documentType: 'minutes',
      body: 'Aarhus Byråd',
      level: 'politisk',
      date: '2023-03-08',
      startTime: '18:30',
      location: 'Byrådssalen, Aarhus Rådhus',
    });
    checkParticipants(r, { absent: [], notAbsent: ['Peter Frost'] });
  });

  test('items: dotted-leader TOC not doubled; "Beslutninger" is the decision heading', () => {
    checkItems(r, [
      {
        number: 1,
        title: 'Godkendelse af dagsorden',
        caseNumber: 'EMN-2023-001122',
        sections: ['beslutning'],
        decision: /^Dagsordenen blev godkendt/,
        absent: [],
      },
      {
        number: 2,
        title: 'Udvidelse af Ådalsbanen',
        sections: ['beslutning', 'resume', 'indstilling'],
        decision: /^Indstillingen blev vedtaget med 25 stemmer/,
        absent: ['Peter Frost'],
      },
      {
        number: 3,
        title: 'Budgetrevision 2023',
        sections: ['beslutning', 'resume', 'indstilling'],
        decision: /^Indstillingen blev vedtaget/,
        absent: [],
      },
    ]);
  });

  test('amounts (mia./mio. kr.) and dates', () => {
    checkAmounts(r, [1_900_000_000, 640_000_000, 38_500_000, 12_000_000]);
    checkDates(r, ['2023-03-08']);
  });
});

// ---------------------------------------------------------------------------------------------
describe('F18 legacy PDF transcripts (docplayer: page-number prefixes, stripped digits)', () => {
  const EGEBJERG = `1 Egebjerg Kommune
Økonomiudvalget
Referat
Mødedato: Mødested: Mødetidspunkt:
15-maj-2002 Rådhuset, mødelokale 1 kl
Afbud fra:
Fraværende: Ingen.
Mødedeltagere:
Jens Ole Hvid, Birte Lund, Karsten Bøg, Anni Skov, Henning Dal
2 Indholdsfortegnelse
89. Godkendelse af dagsorden
90. Budgetopfølgning pr. . april
91. Ansøgning om tilskud til byfest
\f3 Økonomiudvalget
89. Godkendelse af dagsorden
J.nr.:. Sagsid.: Initialer: Åben sag
Sagsfremstilling
Dagsordenen forelægges til godkendelse.
Indstilling
Det indstilles, at dagsordenen godkendes.
Beslutning
Godkendt.
90. Budgetopfølgning pr. . april
J.nr.:. Sagsid.: Initialer: Åben sag
Sagsfremstilling
Budgetopfølgningen viser et merforbrug på 1.250.000 kr. på ældreområdet.
Indstilling
Økonomichefen indstiller, at budgetopfølgningen tages til efterretning.
Beslutning
Taget til efterretning.
\f4 Økonomiudvalget
91. Ansøgning om tilskud til byfest
J.nr.:. Sagsid.: Initialer: Åben sag
Sagsfremstilling
Byfestforeningen søger om et tilskud på 25.000 kr.
Indstilling
Det indstilles, at der bevilges 15.000 kr.
Beslutning
Der blev bevilget 15.000 kr.
Mødet blev hævet kl
`;
  const RM2007 = `1 Referat
fra mødet i Regionsrådet
den . juni 2007 kl
i Regionshuset Viborg
Medlemmerne var mødt, bortset fra Anders Fuglsang, Lene Brink og Søren Holt, der havde meldt afbud.
Mikkel Vad forlod mødet kl efter behandlingen af punkt 22.
Kirsten Ege var inhabil under punkt 23 og deltog ikke i behandlingen.
\f2
21. Godkendelse af dagsorden
Resume
Dagsordenen forelægges til godkendelse.
Beslutning
Dagsordenen blev godkendt.
22. Regnskab 2006 for regionen
Resume
Regnskabet for 2006 viser et overskud på 112,4 mio. kr.
Beslutning
Indstillingen blev godkendt.
\f3
23. Salg af ejendommen Skovbrynet
Resume
Regionen har modtaget et bud på 6.500.000 kr.
Beslutning
Salget blev godkendt.
Mødet blev hævet kl
`;
  const GUDENA = `1 Referat fra møde i GudenåSamarbejdet
Mødedato: . november 2013 kl
Deltagere: Borgmester Anne Lind, Silkeborg Kommune; Kaj Holm, Favrskov Kommune, formand; Dorte Skaarup, Randers Kommune; sekretariatsleder Bo Friis
Dagsorden
1. Velkomst
2. Vandplaner for Gudenåen
3. Eventuelt
\f2
Punkt 1: Velkomst v. Kaj Holm
Formanden bød velkommen.
Punkt 2: Vandplaner for Gudenåen v. Bo Friis
Bo Friis gennemgik status for vandplanerne. Indsatsen koster kommunerne i alt 3,2 mio. kr.
Beslutning: Styregruppen tog orienteringen til efterretning.
Punkt 3: Eventuelt
Intet.
`;
  let ege: Referat;
  let rm: Referat;
  let gud: Referat;
  beforeAll(async () => {
    ege = await fromText(EGEBJERG);
    rm = await fromText(RM2007);
    gud = await fromText(GUDENA);
  });

  test('Egebjerg 2002: labels first, values later; "kl" without digits gives no time', () => {
    checkMeeting(ege, { documentType: 'minutes', body: 'Økonomiudvalget', date: '2002-05-15', startTime: null });
  });

  test('Egebjerg 2002: empty "Afbud fra:", "Fraværende: Ingen.", Mødedeltagere run-on line', () => {
    checkParticipants(ege, {
      present: ['Jens Ole Hvid', 'Birte Lund', 'Karsten Bøg', 'Anni Skov', 'Henning Dal'],
      absent: [],
      notListed: ['Ingen'],
    });
  });

  test('Egebjerg 2002: running numbers 89-91, page prefixes are not items', () => {
    const sections = ['sagsfremstilling', 'indstilling', 'beslutning'] as const;
    checkItems(ege, [
      { number: 89, title: 'Godkendelse af dagsorden', sections: [...sections], decision: /^Godkendt/, absent: [] },
      { number: 90, title: /^Budgetopfølgning pr\./, sections: [...sections], decision: /^Taget til efterretning/, absent: [] },
      { number: 91, title: 'Ansøgning om tilskud til byfest', sections: [...sections], decision: /^Der blev bevilget 15\.000 kr/, absent: [] },
    ]);
    checkAmounts(ege, [1_250_000, 25_000, 15_000, 15_000]);
    checkDates(ege, ['2002-05-15']);
  });

  test('Region Midtjylland 2007: stripped date gives no meeting date; prose absences', () => {
    checkMeeting(rm, { documentType: 'minutes', body: 'Regionsrådet', level: 'politisk', date: null, startTime: null, location: 'Regionshuset Viborg' });
    checkParticipants(rm, { absent: ['Anders Fuglsang', 'Lene Brink', 'Søren Holt'], notAbsent: ['Mikkel Vad', 'Kirsten Ege'] });
  });

  test('Region Midtjylland 2007: "forlod mødet kl efter … punkt 22" and "inhabil under punkt 23" tie names to items', () => {
    checkItems(rm, [
      { number: 21, title: 'Godkendelse af dagsorden', sections: ['resume', 'beslutning'], decision: /^Dagsordenen blev godkendt/, absent: [] },
      { number: 22, title: 'Regnskab 2006 for regionen', sections: ['resume', 'beslutning'], decision: /^Indstillingen blev godkendt/, absent: [] },
      { number: 23, title: 'Salg af ejendommen Skovbrynet', sections: ['resume', 'beslutning'], decision: /^Salget blev godkendt/, absent: ['Mikkel Vad', 'Kirsten Ege'] },
    ]);
    checkAmounts(rm, [112_400_000, 6_500_000]);
    checkDates(rm, []);
  });

  test('GudenåSamarbejdet 2013: "Punkt 1: Title v. Person"; run-on Deltagere list with roles and municipalities', () => {
    checkMeeting(gud, { documentType: 'minutes', body: 'GudenåSamarbejdet', date: null, startTime: null });
    checkParticipants(gud, { present: ['Anne Lind', 'Kaj Holm', 'Dorte Skaarup', 'Bo Friis'], absent: [] });
    checkItems(gud, [
      { number: 1, title: /^Velkomst/, absent: [] },
      { number: 2, title: /^Vandplaner for Gudenåen/, decision: /^Styregruppen tog orienteringen til efterretning/, absent: [] },
      { number: 3, title: 'Eventuelt', absent: [] },
    ]);
    checkAmounts(gud, [3_200_000]);
    checkDates(gud, []);
  });
});

// ---------------------------------------------------------------------------------------------
describe('F19 eDoc PDF Ballerup (running page header, Tilstede / Afbud/Fraværende, "Følgende deltog ikke …")', () => {
  const HEADER = (page: number): string => `Social- og Ældreudvalget
Referat
Åbent referat
Dato: 04.12.2012
Side ${page}
`;
  const TEXT = `${HEADER(1)}Mødetidspunkt: 17:00
Mødested: Mødelokale C, Rådhuset
Tilstede
Lone Krag (A) - formand
Per Ottesen (V)
Birgit Haahr (F)
Jesper Lindholm (C)
Afbud/Fraværende
Sekretær
Marianne Tved
Åbent referat
1. Godkendelse af dagsorden 2
2. Takster for hjemmepleje 2013 2
3. Budgetopfølgning 3
Lukket referat
4. Personalesag 3
\f${HEADER(2)}1. Godkendelse af dagsorden
Sagsnr.: 2012-28504
Dok.nr.: 2012-203438
Indstilling
Social- og Ældreforvaltningen indstiller, at dagsordenen godkendes.
Social- og Ældreudvalgets beslutning den 04.12.2012 Punkt 1
Indstillingen godkendt
Følgende deltog ikke i behandlingen af punktet:
2. Takster for hjemmepleje 2013
Sagsnr.: 2012-27011
Dok.nr.: 2012-198765
Kommunalbestyrelsen den 30. januar 2012 Punkt 5
Sammendrag
Taksterne for hjemmepleje skal fastsættes for 2013.
Baggrund
Taksterne beregnes efter de gældende regler.
Sagsfremstilling
Den samlede udgift til hjemmepleje udgør 300 mio. kr., heraf 1.316.000 kr. til administration.
Beslutningen træffes af
Kommunalbestyrelsen
Indstilling
Social- og Ældreforvaltningen indstiller, at taksterne godkendes.
Social- og Ældreudvalgets beslutning den 04.12.2012 Punkt 2
Indstillingen anbefalet
Følgende deltog ikke i behandlingen af punktet:
Per Ottesen (V)
\f${HEADER(3)}3. Budgetopfølgning
Sagsnr.: 2012-29113
Dok.nr.: 2012-207001
Sammendrag
Der forventes et mindreforbrug på 2,5 mio. kr.
Indstilling
Social- og Ældreforvaltningen indstiller, at budgetopfølgningen tages til efterretning.
Social- og Ældreudvalgets beslutning den 04.12.2012 Punkt 3 Taget til efterretning
Følgende deltog ikke i behandlingen af punktet:
`;
  let r: Referat;
  beforeAll(async () => {
    r = await fromText(TEXT);
  });

  test('the text reader turns form feeds into pages', () => {
    expect(r.source.pages).toBe(3);
  });

  test('meeting header (running header "Dato: DD.MM.YYYY")', () => {
    checkMeeting(r, {
      documentType: 'minutes',
      body: 'Social- og Ældreudvalget',
      level: 'politisk',
      date: '2012-12-04',
      startTime: '17:00',
      location: 'Mødelokale C, Rådhuset',
    });
  });

  test('participants: Tilstede with "- formand"; empty Afbud/Fraværende', () => {
    checkParticipants(r, { presentIncludes: ['Lone Krag', 'Per Ottesen', 'Birgit Haahr', 'Jesper Lindholm'], absent: [] });
  });

  test('items: TOC with page numbers and a Lukket referat section; decision line "…s beslutning den DD.MM.YYYY Punkt N"', () => {
    const numbers = r.items.map((i) => i.number);
    // the closed item 4 exists only in the TOC: it may be reported (closed) or left out
    expect.soft(numbers.slice(0, 3), 'item numbers').toEqual([1, 2, 3]);
    expect.soft(numbers.length, 'item count').toBeLessThanOrEqual(4);
    const four = r.items.find((i) => i.number === 4);
    if (four) expect.soft(four.closed, 'item 4 (Lukket referat) closed').toBe(true);
    const noHeader = ['Side ', 'Åbent referat', 'Dato: 04.12.2012'];
    checkItem(r, {
      number: 1,
      title: 'Godkendelse af dagsorden',
      caseNumber: '2012-28504',
      sections: ['indstilling', 'beslutning', 'absent'],
      decision: /^Indstillingen godkendt/,
      decisionExcludes: [...noHeader, 'Takster'],
      absent: [],
    });
    checkItem(r, {
      number: 2,
      title: 'Takster for hjemmepleje 2013',
      sections: ['resume', 'sagsfremstilling', 'indstilling', 'beslutning', 'absent'],
      decision: /^Indstillingen anbefalet/,
      decisionExcludes: noHeader,
      absent: ['Per Ottesen'],
    });
    checkItem(r, {
      number: 3,
      title: 'Budgetopfølgning',
      sections: ['resume', 'indstilling', 'beslutning', 'absent'],
      decision: /^Taget til efterretning/,
      decisionExcludes: noHeader,
      absent: [],
    });
  });

  test('amounts and dates', () => {
    checkAmounts(r, [300_000_000, 1_316_000, 2_500_000]);
    checkDates(r, ['2012-01-30', '2012-12-04']);
  });
});

// ---------------------------------------------------------------------------------------------
describe('F20 Acadre Word/PDF Syddjurs (running case numbers, earlier decision then Supplerende Sagsfremstilling)', () => {
  const RUNNING = (page: number): string => `Referat For Plan- og Kulturudvalget (PKU)
20. juni 2013 - kl. 15:00
Side ${page}
`;
  const TEXT = `Referat
Plan- og Kulturudvalget (PKU)
Ordinært møde
Torsdag den 20. juni 2013
Kl. 15:00
Rådhuset, mødelokale 2
Lundbergsvej 2
8400 Ebeltoft
Medlemmer
Henning Brix (V)
Gitte Lauesen (A)
Torben Skov (O)
Mette Ravn (C)
Peder Kjær (F)
Fraværende

Punkt nr.  Side
TOC \\o "1-1" \\h \\z \\u
715. Godkendelse af dagsorden PAGEREF _Toc358290121 \\h 2
716. Lokalplan 12-2013 for boliger i Rønde PAGEREF _Toc358290122 \\h 2
717. Kulturpulje 2013 PAGEREF _Toc358290123 \\h 3
1 of 3
\f${RUNNING(2)}715. Godkendelse af dagsorden
Sagsnr.: 13/11002
Sagen afgøres i: Plan- og Kulturudvalget
Resumé
Dagsordenen forelægges til godkendelse.
Indstilling
Direktøren indstiller, at dagsordenen godkendes.
Beslutning i Plan- og Kulturudvalget (PKU) den 20-06-2013
Godkendt.
716. Lokalplan 12-2013 for boliger i Rønde
Sagsnr.: 12/27845
Sagen afgøres i: Byrådet
Resumé
Lokalplanen muliggør 34 nye boliger.
Sagsfremstilling
Planforslaget har været i offentlig høring fra 15. marts til 10. maj 2013.
Økonomi og organisatoriske konsekvenser
Byggemodningen koster 3.600.000 kr.
Indstilling
Direktøren indstiller, at lokalplanen anbefales vedtaget.
Beslutning i Plan- og Kulturudvalget (PKU) den 16-05-2013
Sagen udsættes.
2 of 3
\f${RUNNING(3)}Supplerende Sagsfremstilling
Der er afholdt borgermøde den 3. juni 2013.
Beslutning i Plan- og Kulturudvalget (PKU) den 20-06-2013
Anbefales godkendt.
717. Kulturpulje 2013
Sagsnr.: 13/4410
Sagen afgøres i: Plan- og Kulturudvalget
Resumé
Der er modtaget 11 ansøgninger.
Sagsfremstilling
Puljen udgør 400.000 kr.
Indstilling
Direktøren indstiller, at puljen fordeles som foreslået.
Beslutning i Plan- og Kulturudvalget (PKU) den 20-06-2013
Godkendt.
3 of 3
`;
  let r: Referat;
  beforeAll(async () => {
    r = await fromText(TEXT);
  });

  test('meeting header (stacked: Referat / organ (PUK) / meeting name / date / Kl. / address)', () => {
    checkMeeting(r, {
      documentType: 'minutes',
      body: /^Plan- og Kulturudvalget( \(PKU\))?$/,
      level: 'politisk',
      date: '2013-06-20',
      startTime: '15:00',
      location: /^Rådhuset, mødelokale 2/,
    });
  });

  test('participants: Medlemmer; empty Fraværende = nobody absent', () => {
    checkParticipants(r, { present: ['Henning Brix', 'Gitte Lauesen', 'Torben Skov', 'Mette Ravn', 'Peder Kjær'], absent: [] });
  });

  test('items: running numbers, Word field codes in the TOC, the current meeting\'s decision after Supplerende Sagsfremstilling', () => {
    checkItems(r, [
      {
        number: 715,
        title: 'Godkendelse af dagsorden',
        caseNumber: '13/11002',
        sections: ['resume', 'indstilling', 'beslutning'],
        decision: /^Godkendt/,
        absent: [],
      },
      {
        number: 716,
        title: 'Lokalplan 12-2013 for boliger i Rønde',
        sections: ['resume', 'sagsfremstilling', 'indstilling', 'beslutning'],
        decision: /^Anbefales godkendt/,
        decisionExcludes: ['of 3', 'Side 3', 'Referat For'],
        absent: [],
      },
      {
        number: 717,
        title: 'Kulturpulje 2013',
        sections: ['resume', 'sagsfremstilling', 'indstilling', 'beslutning'],
        decision: /^Godkendt/,
        decisionExcludes: ['of 3'],
        absent: [],
      },
    ]);
    for (const it of r.items) expect.soft(it.title, `item ${it.number} title has no field codes`).not.toMatch(/PAGEREF|_Toc/);
  });

  test('amounts and dates ("Lokalplan 12-2013" is not a date)', () => {
    checkAmounts(r, [3_600_000, 400_000]);
    checkDates(r, ['2013-03-15', '2013-05-10', '2013-05-16', '2013-06-03', '2013-06-20']);
  });
});
