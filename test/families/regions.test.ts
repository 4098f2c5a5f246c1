/**
 * Layout families of the regions (LAYOUTS.md F1-F4, F9): invented passages in each family's shape.
 */
import { beforeAll, describe, test } from 'vitest';
import type { Referat } from '../../schemas/referat.js';
import { checkAmounts, checkDates, checkItems, checkMeeting, checkParticipants, fromText } from './helpers.js';

// ---------------------------------------------------------------------------------------------
describe('F1 Region Midtjylland meeting page (Referat / til / mødet i …)', () => {
  const TEXT = `Referat
til
mødet i Styregruppen for Sundhedsklynge Limfjord
den 14. september 2023 kl. 14:00
i Mødelokale 4, Regionshuset Viborg
Sagnr.: 1-30-72-114-23
1. Mødedeltagere og godkendelse af dagsorden
Resume
Styregruppen orienteres om fremmøde, og dagsordenen forelægges til godkendelse.
Sagsfremstilling
Deltagere:
Direktør Karen Sølvhøj, Hospitalsenhed Limfjord
Kommunaldirektør Jens Riisgaard, Skovby Kommune
Praksiskoordinator Lotte Brandt, PLO Midtjylland
Lone Vinther, Skovby Kommune
Afbud:
Sundhedschef Mikkel Aagaard, Fjordby Kommune
Mødeleder: Karen Sølvhøj
Det indstilles,
at | dagsordenen godkendes |
Beslutning
Dagsordenen blev godkendt. Lone Vinther deltog for Mikkel Aagaard.
Tilbage til toppen
Sagnr.: 1-30-72-115-23
2. Status på fælles rehabiliteringsforløb
Resume
Projektet om fælles rehabiliteringsforløb er i drift i to kommuner.
Sagsfremstilling
Siden opstarten den 1. februar 2023 er 212 borgere visiteret til forløbet. Projektets budget er på 2,4 mio. kr. over to år, og der er brugt 850.000 kr. til og med august.
Administrationen indstiller,
at styregruppen tager status til efterretning, og
at projektets budget fastholdes.
Beslutning
Styregruppen tog status til efterretning og fastholdt budgettet.
Tilbage til toppen
Sagnr.: 1-30-72-116-23
3. Eventuelt
Beslutning
Næste møde holdes den 7. december 2023.
Tilbage til toppen
`;
  let r: Referat;
  beforeAll(async () => {
    r = await fromText(TEXT);
  });

  test('meeting header', () => {
    checkMeeting(r, {
      documentType: 'minutes',
      body: 'Styregruppen for Sundhedsklynge Limfjord',
      level: null,
      date: '2023-09-14',
      startTime: '14:00',
      location: 'Mødelokale 4, Regionshuset Viborg',
    });
  });

  test('participants from the labelled lists inside item 1 (titles and organisations stripped)', () => {
    checkParticipants(r, {
      present: ['Karen Sølvhøj', 'Jens Riisgaard', 'Lotte Brandt', 'Lone Vinther'],
      absent: ['Mikkel Aagaard'],
    });
  });

  test('items, sections and decisions', () => {
    checkItems(r, [
      {
        number: 1,
        title: 'Mødedeltagere og godkendelse af dagsorden',
        // the Afbud: list sits inside the Sagsfremstilling; whether it opens an 'absent' section is left open
        sections: ['resume', 'sagsfremstilling', 'indstilling', 'beslutning'],
        sectionsIgnore: ['absent'],
        decision: /^Dagsordenen blev godkendt/,
        // a plain meeting-level Afbud: list is not copied into the item (gold convention)
        absent: [],
      },
      {
        number: 2,
        title: 'Status på fælles rehabiliteringsforløb',
        sections: ['resume', 'sagsfremstilling', 'indstilling', 'beslutning'],
        decision: /^Styregruppen tog status til efterretning/,
        absent: [],
      },
      { number: 3, title: 'Eventuelt', sections: ['beslutning'], decision: /^Næste møde holdes/, absent: [] },
    ]);
  });

  test('amounts and dates (Sagnr. is not a date)', () => {
    checkAmounts(r, [2_400_000, 850_000]);
    checkDates(r, ['2023-02-01', '2023-09-14', '2023-12-07']);
  });
});

// ---------------------------------------------------------------------------------------------
describe('F2 Region Sjælland agenda.aspx (Brevid, "Behandling i …")', () => {
  const TEXT = `Referat
Møde i Forretningsudvalget
Mandag den 6. marts 2023 kl. 15:00
Mødelokale M1, Regionshuset Sorø
Deltagere:
Birgitte Kjær (A), Formand
Henrik Dall (V), Næstformand
Susanne Lund (C)- afbud
Peter Brix (F)
Anders Møllgaard (O)- deltog ikke i behandlingen af punkt: 2, 3
Rikke Thygesen (Ø)
1. Godkendelse af dagsorden
Åbent
Forretningsudvalget Brevid: 4417823
Resume
Dagsordenen forelægges til godkendelse.
Indstilling
Administrationen indstiller, at dagsordenen godkendes.
Behandling i Forretningsudvalget mandag den 6. marts 2023, pkt. 1
Godkendt.
2. Akutberedskab i Vestsjælland
Åbent
Forretningsudvalget Brevid: 4417901
Resume
Sagen handler om en styrkelse af akutberedskabet i Vestsjælland.
Sagsfremstilling
Regionen har i 2022 haft 1.840 akutte udrykninger i området. Det foreslås at etablere en ekstra akutbil fra 1. maj 2023 til en årlig udgift på 3,75 mio. kr.
Indstilling
Administrationen indstiller, at forretningsudvalget anbefaler regionsrådet at godkende en ekstra akutbil.
Behandling i Forretningsudvalget mandag den 6. marts 2023, pkt. 2
Anbefalet.
Peter Brix (F) og Rikke Thygesen (Ø) deltog ikke i Forretningsudvalgets behandling af sagen.
3. Orientering om ventetider
Åbent
Forretningsudvalget Brevid: 4418002
Sagsfremstilling
Ventetiden til planlagte operationer er faldet fra 94 til 71 dage.
Indstilling
Administrationen indstiller, at orienteringen tages til efterretning.
Behandling i Forretningsudvalget mandag den 6. marts 2023, pkt. 3
Taget til efterretning.
`;
  let r: Referat;
  beforeAll(async () => {
    r = await fromText(TEXT);
  });

  test('meeting header', () => {
    checkMeeting(r, {
      documentType: 'minutes',
      body: 'Forretningsudvalget',
      level: 'politisk',
      date: '2023-03-06',
      startTime: '15:00',
      location: 'Mødelokale M1, Regionshuset Sorø',
    });
  });

  test('participants: "- afbud" suffix is absent, "- deltog ikke i behandlingen af punkt: 2, 3" is present', () => {
    checkParticipants(r, {
      present: ['Birgitte Kjær', 'Henrik Dall', 'Peter Brix', 'Anders Møllgaard', 'Rikke Thygesen'],
      absent: ['Susanne Lund'],
    });
  });

  test('items: "Behandling i …, pkt. N" is the decision heading; per-item absences', () => {
    checkItems(r, [
      {
        number: 1,
        title: 'Godkendelse af dagsorden',
        sections: ['resume', 'indstilling', 'beslutning'],
        decision: /^Godkendt/,
        absent: [],
      },
      {
        number: 2,
        title: 'Akutberedskab i Vestsjælland',
        sections: ['resume', 'sagsfremstilling', 'indstilling', 'beslutning'],
        decision: /^Anbefalet/,
        absent: ['Anders Møllgaard', 'Peter Brix', 'Rikke Thygesen'],
      },
      {
        number: 3,
        title: 'Orientering om ventetider',
        sections: ['sagsfremstilling', 'indstilling', 'beslutning'],
        decision: /^Taget til efterretning/,
        absent: ['Anders Møllgaard'],
      },
    ]);
  });

  test('amounts and dates (1.840 udrykninger is a count, not money)', () => {
    checkAmounts(r, [3_750_000]);
    checkDates(r, ['2023-03-06', '2023-05-01']);
  });
});

// ---------------------------------------------------------------------------------------------
describe('F3 Region Syddanmark wm pages ("fold dette punkt ind")', () => {
  const TEXT = `Udvalg for Nære Sundhedstilbud - Referat - 03. oktober 2011
Mødedato
03-10-2011 kl. 13:00 - 16:00
Mødested
Regionshuset, Damhaven 12, Vejle, mødelokale 2
Deltagere
• Lars Kirkegaard (V)
• Marianne Vestergaard (B)
• Ib Thorsen (O)
• Ellen Skau (A)
• Afbud
• Hanne Bøgh (A)
• Ib Thorsen deltog ikke i punkterne 2 – 3
Luk alle punkter Referat
1. Godkendelse af dagsorden
2. Budgetopfølgning pr. 31. august 2011
3. LUKKET PUNKT - Indgåelse af lejekontrakt
Sagsnr. 11/7995
1. Godkendelse af dagsorden
fold dette punkt ind Indstilling
Administrationen indstiller, at dagsordenen godkendes.
fold dette punkt ind Beslutning i Udvalg for Nære Sundhedstilbud den 03-10-2011
Godkendt.
Sagsnr. 11/6120
2. Budgetopfølgning pr. 31. august 2011
fold dette punkt ind Resume
Der forventes et merforbrug på 9,640 mio.kr. på området for 2011.
fold dette punkt ind Sagsfremstilling
Merforbruget skyldes især udgifter til medicin. Hertil kommer en efterregulering på 578.250 kr. vedrørende 2010.
fold dette punkt ind Indstilling
Administrationen indstiller, at budgetopfølgningen tages til efterretning.
fold dette punkt ind Beslutning i Udvalg for Nære Sundhedstilbud den 03-10-2011
Taget til efterretning.
Sagsnr. 11/8012
3. LUKKET PUNKT - Indgåelse af lejekontrakt
fold dette punkt ind Beslutning i Udvalg for Nære Sundhedstilbud den 03-10-2011
Godkendt.
`;
  let r: Referat;
  beforeAll(async () => {
    r = await fromText(TEXT);
  });

  test('meeting header (title line, labels with values on the next line)', () => {
    checkMeeting(r, {
      documentType: 'minutes',
      body: 'Udvalg for Nære Sundhedstilbud',
      level: 'politisk',
      date: '2011-10-03',
      startTime: '13:00',
      location: 'Regionshuset, Damhaven 12, Vejle, mødelokale 2',
    });
  });

  test('participants: "• Afbud" bullet heading; a qualified absent line is present at meeting level', () => {
    checkParticipants(r, {
      present: ['Lars Kirkegaard', 'Marianne Vestergaard', 'Ib Thorsen', 'Ellen Skau'],
      absent: ['Hanne Bøgh'],
    });
  });

  test('items: TOC not doubled, UI prefix stripped from headings, closed item', () => {
    checkItems(r, [
      {
        number: 1,
        title: 'Godkendelse af dagsorden',
        sections: ['indstilling', 'beslutning'],
        decision: /^Godkendt/,
        absent: [],
      },
      {
        number: 2,
        title: 'Budgetopfølgning pr. 31. august 2011',
        sections: ['resume', 'sagsfremstilling', 'indstilling', 'beslutning'],
        decision: /^Taget til efterretning/,
        absent: ['Ib Thorsen'],
      },
      {
        number: 3,
        title: /Indgåelse af lejekontrakt$/,
        closed: true,
        sections: ['beslutning'],
        decision: /^Godkendt/,
        absent: ['Ib Thorsen'],
      },
    ]);
  });

  test('amounts ("9,640 mio.kr." and full form) and dates', () => {
    checkAmounts(r, [9_640_000, 578_250]);
    checkDates(r, ['2011-08-31', '2011-10-03']);
  });
});

// ---------------------------------------------------------------------------------------------
describe('F4a First Agenda HtmlPublication (headings dropped)', () => {
  const TEXT = `Forretningsudvalget
Referat
Tirsdag den 14. marts 2023 kl. 10:00
Regionsgården, mødelokale H7
1. Godkendelse af dagsorden
23004512
Administrationen indstiller overfor forretningsudvalget:
at dagsordenen godkendes.
Forretningsudvalgets beslutning den 14. marts 2023:
Godkendt.
Der var modtaget afbud fra Mette Juul (A), Thomas Krag (V) og Sofie Hein (ufp).
Som stedfortræder deltog Emil Fogh (O).
Peter Lund (C) ankom kl. 10:20.
2. Udbud af liggende patientbefordring
23001877
Den nuværende kontrakt om liggende patientbefordring udløber den 31. januar 2024. Den samlede kontraktværdi forventes at udgøre ca. 412 mio. kr. over fire år.
Administrationen indstiller overfor forretningsudvalget:
at forretningsudvalget anbefaler regionsrådet at godkende udbudsstrategien.
Forretningsudvalgets beslutning den 14. marts 2023:
Anbefalet.
For stemte: A (9), C (4), V (6), i alt 19.
Imod stemte: Ø (3).
Undlod at stemme: F (2).
Lise Bundgaard (F) deltog ikke i sagens behandling.
3. Nyt akuthus i Nordsjælland
23002290
Sagen blev udsat på mødet den 7. februar 2023 med henblik på yderligere belysning af anlægsudgiften på 86,5 mio. kr.
Det indstilles til forretningsudvalget:
at anbefale regionsrådet at godkende placeringen af akuthuset.
Forretningsudvalgets beslutning den 14. marts 2023:
Anbefalet.
Forretningsudvalgets beslutning den 7. februar 2023:
Sagen blev udsat.
Hans Vinding (B) forlod mødet kl. 12:30.
Mødet sluttede kl. 13:05.
`;
  let r: Referat;
  beforeAll(async () => {
    r = await fromText(TEXT);
  });

  test('meeting header', () => {
    checkMeeting(r, {
      documentType: 'minutes',
      body: 'Forretningsudvalget',
      level: 'politisk',
      date: '2023-03-14',
      startTime: '10:00',
      location: 'Regionsgården, mødelokale H7',
    });
  });

  test('participants from prose: afbud absent; substitute, late arrival, partial absence, early leaver not absent', () => {
    checkParticipants(r, {
      absent: ['Mette Juul', 'Thomas Krag', 'Sofie Hein'],
      presentIncludes: ['Emil Fogh'],
      notAbsent: ['Emil Fogh', 'Peter Lund', 'Lise Bundgaard', 'Hans Vinding'],
      // vote lines carry party letters, not names
      notListed: ['A', 'C', 'V', 'Ø', 'F'],
    });
  });

  test('items: lead-ins open indstilling/beslutning; unheaded text is sagsfremstilling; newest decision first', () => {
    checkItems(r, [
      {
        number: 1,
        title: 'Godkendelse af dagsorden',
        caseNumber: '23004512',
        sections: ['indstilling', 'beslutning'],
        decision: /^Godkendt/,
        absentIncludes: ['Mette Juul', 'Thomas Krag', 'Sofie Hein'],
        absentExcludes: ['Emil Fogh'],
      },
      {
        number: 2,
        title: 'Udbud af liggende patientbefordring',
        caseNumber: '23001877',
        sections: ['sagsfremstilling', 'indstilling', 'beslutning'],
        decision: /^Anbefalet/,
        absent: ['Lise Bundgaard'],
      },
      {
        number: 3,
        title: 'Nyt akuthus i Nordsjælland',
        caseNumber: '23002290',
        sections: ['sagsfremstilling', 'indstilling', 'beslutning'],
        decision: /^Anbefalet/,
        absentExcludes: ['Mette Juul', 'Lise Bundgaard', 'Peter Lund'],
      },
    ]);
  });

  test('amounts (vote counts are not money) and dates', () => {
    checkAmounts(r, [412_000_000, 86_500_000]);
    checkDates(r, ['2023-02-07', '2023-03-14', '2024-01-31']);
  });
});

// ---------------------------------------------------------------------------------------------
describe('F4b First Agenda static HTML (UDVALG / MØDE / STED / STARTTIDSPUNKT)', () => {
  const TEXT = `UDVALG
Udvalget for Forebyggelse og Sammenhæng
MØDE
Referat
STED
Regionsgården, mødelokale H5
STARTTIDSPUNKT
09-05-2022 15:00:00
SLUTTIDSPUNKT
09-05-2022 17:00:00
PUNKTER
49. Godkendelse af dagsorden
50. Temadrøftelse om sundhedshuse
51. Evaluering af følgeordning for borgere med kronisk sygdom
49. Godkendelse af dagsorden
Godkendelse af dagsorden
Sagsgang og sagstype
Udvalget for Forebyggelse og Sammenhæng, beslutningssag.
Indstilling
Administrationen indstiller, at:
1. dagsordenen godkendes.
Beslutning i Udvalget for Forebyggelse og Sammenhæng den 09-05-2022
Godkendt.
Beskrivelse af sagen
Dagsordenen er udsendt til udvalgets medlemmer.
50. Temadrøftelse om sundhedshuse
Temadrøftelse om sundhedshuse
Sagsgang og sagstype
Udvalget for Forebyggelse og Sammenhæng, drøftelsessag.
Indstilling
Administrationen indstiller, at:
1. udvalget drøfter principper for fremtidens sundhedshuse.
Beslutning i Udvalget for Forebyggelse og Sammenhæng den 09-05-2022
Udvalget drøftede principperne.
Beskrivelse af sagen
Der er i dag fem sundhedshuse i regionen. Etableringen af et nyt hus koster typisk op til 13,5 mio. kr.
51. Evaluering af følgeordning for borgere med kronisk sygdom
Evaluering af følgeordning for borgere med kronisk sygdom
INDSTILLING
Administrationen indstiller, at:
1. udvalget tager evalueringen til efterretning.
2. ordningen videreføres i 2023 inden for en ramme på 1,8 mio. kr.
Beslutning i Udvalget for Forebyggelse og Sammenhæng den 09-05-2022
Indstillingen blev godkendt.
BAGGRUND
Følgeordningen blev etableret i 2020.
SAGSFREMSTILLING
Evalueringen viser høj tilfredshed blandt 640 borgere.
KONSEKVENSER
Ordningen kan fortsætte uændret.
RISIKOVURDERING
Der er ikke identificeret væsentlige risici.
ØKONOMI
Udgiften på 1,8 mio. kr. afholdes inden for udvalgets ramme.
`;
  let r: Referat;
  beforeAll(async () => {
    r = await fromText(TEXT);
  });

  test('meeting header from uppercase label/value lines (MØDE value "Referat" is not the body)', () => {
    checkMeeting(r, {
      documentType: 'minutes',
      body: 'Udvalget for Forebyggelse og Sammenhæng',
      level: 'politisk',
      date: '2022-05-09',
      startTime: '15:00',
      location: 'Regionsgården, mødelokale H5',
    });
  });

  test('no participants are listed', () => {
    checkParticipants(r, { present: [], absent: [] });
  });

  test('items: running numbers 49-51, numbered "1." clauses are not items, repeated title is not text', () => {
    checkItems(r, [
      {
        number: 49,
        title: 'Godkendelse af dagsorden',
        kind: null,
        sections: ['indstilling', 'beslutning', 'sagsfremstilling'],
        decision: /^Godkendt/,
        absent: [],
      },
      {
        number: 50,
        title: 'Temadrøftelse om sundhedshuse',
        kind: null,
        sections: ['indstilling', 'beslutning', 'sagsfremstilling'],
        decision: /^Udvalget drøftede principperne/,
        absent: [],
      },
      {
        number: 51,
        title: 'Evaluering af følgeordning for borgere med kronisk sygdom',
        sections: ['indstilling', 'beslutning', 'sagsfremstilling'],
        decision: /^Indstillingen blev godkendt/,
        absent: [],
      },
    ]);
  });

  test('amounts and dates ("DD-MM-YYYY HH:MM:SS")', () => {
    checkAmounts(r, [13_500_000, 1_800_000, 1_800_000]);
    checkDates(r, ['2022-05-09']);
  });
});

// ---------------------------------------------------------------------------------------------
describe('F4c regionh.dk nye-moeder SharePoint page (Ikon labels, "Name: Afbud (Stedfortræder X)")', () => {
  const TEXT = `Møde i Udvalget for Psykiatri og Socialområdet d. 10 februar 2022
Udvalg Ikon
Udvalget for Psykiatri og Socialområdet
Tidspunkt Ikon
Dato: 10-02-2022
Tid: 15:00 - 17:30
Sted
Regionsgården, Kongens Vænge 2, Hillerød
Punkter på dagsordenen
1. Beslutningssag: Godkendelse af dagsorden
2. Drøftelsessag: Fremtidens bostøtte
3. Beslutningssag: Takster for botilbud 2022
Medlemmer
Camilla Holt: Deltog
Jesper Borre: Deltog
Ulla Friis: Afbud
Morten Skov: Afbud (Stedfortræder Lene Aabo)
Rasmus Kiil: Afbud (Stedfortræder Bente Nørgaard, fraværende ved sag 1-2. )
1. Beslutningssag: Godkendelse af dagsorden
INDSTILLING
Administrationen indstiller, at udvalget godkender dagsordenen.
POLITISK BEHANDLING
Godkendt.
2. Drøftelsessag: Fremtidens bostøtte
INDSTILLING
Administrationen indstiller, at udvalget drøfter oplægget om fremtidens bostøtte.
POLITISK BEHANDLING
Udvalget drøftede oplægget og bad om en opfølgning i juni.
BAGGRUND
Antallet af borgere med behov for bostøtte er steget med 12 pct. siden 2019.
3. Beslutningssag: Takster for botilbud 2022
INDSTILLING
Administrationen indstiller, at udvalget godkender taksterne for 2022.
POLITISK BEHANDLING
Godkendt.
BAGGRUND
Taksten for en plads på et længerevarende botilbud stiger til 1.245.300 kr. årligt.
`;
  let r: Referat;
  beforeAll(async () => {
    r = await fromText(TEXT);
  });

  test('meeting header (title "d. 10 februar 2022", "Udvalg Ikon" noise)', () => {
    checkMeeting(r, {
      documentType: 'minutes',
      body: 'Udvalget for Psykiatri og Socialområdet',
      level: 'politisk',
      date: '2022-02-10',
      startTime: '15:00',
      location: 'Regionsgården, Kongens Vænge 2, Hillerød',
    });
  });

  test('participants: status after colon; substitutes present', () => {
    checkParticipants(r, {
      present: ['Camilla Holt', 'Jesper Borre', 'Lene Aabo', 'Bente Nørgaard'],
      absent: ['Ulla Friis', 'Morten Skov', 'Rasmus Kiil'],
    });
  });

  test('items: kind prefixes, POLITISK BEHANDLING is the decision, BAGGRUND is case text', () => {
    checkItems(r, [
      {
        number: 1,
        title: 'Godkendelse af dagsorden',
        kind: 'beslutning',
        sections: ['indstilling', 'beslutning'],
        decision: /^Godkendt/,
        absent: ['Bente Nørgaard'],
      },
      {
        number: 2,
        title: 'Fremtidens bostøtte',
        kind: 'drøftelse',
        sections: ['indstilling', 'beslutning', 'sagsfremstilling'],
        decision: /^Udvalget drøftede oplægget/,
        absent: ['Bente Nørgaard'],
      },
      {
        number: 3,
        title: 'Takster for botilbud 2022',
        kind: 'beslutning',
        sections: ['indstilling', 'beslutning', 'sagsfremstilling'],
        decision: /^Godkendt/,
        absent: [],
      },
    ]);
  });

  test('amounts and dates', () => {
    checkAmounts(r, [1_245_300]);
    checkDates(r, ['2022-02-10']);
  });
});

// ---------------------------------------------------------------------------------------------
describe('F9 Region Nordjylland eDoc publishing (glued "TitleReferat", mojibake)', () => {
  const TEXT = `Regionsr├ądet
23-05-2023 14:00
Dagsorden
1.Meddelelse fra formanden
2.Regnskab 2022
3.Ny regional buslinje mellem Hjørring og Hirtshals
4. LUKKET PUNKT: Salg af ejendom i Aars
1. Meddelelse fra formandenReferat
1. Afbud. Der var afbud fra Louise Dam, Bent Thygesen og Rie Kampmann.
2. Poul Esmann havde meddelt, at han var forsinket.
3. Formanden orienterede om status på sygehusbyggeriet.
Sagsfremstilling
Formanden giver en mundtlig orientering.
2. Regnskab 2022Referat
Regnskabet blev godkendt.
Indstilling
Koncerndirektionen indstiller, at regnskabet for 2022 godkendes.
Sagsfremstilling
Regnskabet viser et samlet overskud på 34,2 mio. kr. Revisionen afgav sin beretning den 28. april 2023.
3. Ny regional buslinje mellem Hjørring og HirtshalsReferat
Godkendt. Poul Esmann deltog ikke i sagens behandling.
Indstilling
Koncerndirektionen indstiller, at buslinjen etableres fra 1. august 2023.
Sagsfremstilling
Driftsudgiften er beregnet til 2.150.000 kr. årligt.
`;
  let r: Referat;
  beforeAll(async () => {
    r = await fromText(TEXT);
  });

  test('meeting header (mojibake repaired; labelled Dagsorden but holds decisions)', () => {
    checkMeeting(r, {
      documentType: 'minutes',
      body: 'Regionsrådet',
      level: 'politisk',
      date: '2023-05-23',
      startTime: '14:00',
      location: null,
    });
  });

  test('participants: afbud sub-point of item 1; late arrival is not absence', () => {
    checkParticipants(r, {
      absent: ['Louise Dam', 'Bent Thygesen', 'Rie Kampmann'],
      notAbsent: ['Poul Esmann'],
    });
  });

  test('items: glued TOC "1.Title", glued heading "…formandenReferat", numbered sub-points of item 1 are not items', () => {
    checkItems(r, [
      {
        number: 1,
        title: 'Meddelelse fra formanden',
        sections: ['beslutning', 'sagsfremstilling'],
        decision: /Afbud\. Der var afbud fra Louise Dam/,
        absentIncludes: ['Louise Dam', 'Bent Thygesen', 'Rie Kampmann'],
      },
      {
        number: 2,
        title: 'Regnskab 2022',
        sections: ['beslutning', 'indstilling', 'sagsfremstilling'],
        decision: /^Regnskabet blev godkendt/,
        absent: [],
      },
      {
        number: 3,
        title: 'Ny regional buslinje mellem Hjørring og Hirtshals',
        sections: ['beslutning', 'indstilling', 'sagsfremstilling'],
        decision: /^Godkendt/,
        absent: ['Poul Esmann'],
      },
      { number: 4, title: /Salg af ejendom i Aars$/, closed: true },
    ]);
  });

  test('amounts and dates', () => {
    checkAmounts(r, [34_200_000, 2_150_000]);
    checkDates(r, ['2023-04-28', '2023-05-23', '2023-08-01']);
  });
});
