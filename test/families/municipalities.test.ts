/**
 * Municipal layout families (LAYOUTS.md F5-F8, F10a, F11-F17): invented passages in each family's shape.
 */
import { beforeAll, describe, expect, test } from 'vitest';
import type { Referat } from '../../schemas/referat.js';
import { checkAmounts, checkDates, checkItems, checkMeeting, checkParticipants, fromHtml, fromText } from './helpers.js';

// ---------------------------------------------------------------------------------------------
describe('F5a kk.dk edoc-agenda item pages', () => {
  const LOKALUDVALG = `Valby Lokaludvalg
Referat
Onsdag den 12. april 2023 kl. 18.30
Valby Kulturhus, lokale 3
1. Fremmøde og inhabilitet ( )
Fremmøde og inhabilitet:
Fraværende med afbud: Jonas Ravn og Pia Kallesøe.
Fraværende uden afbud: Ingen.
Mikkel Stær havde meldt afbud, og Johanne Lykke deltog i stedet.
Henrik Ladefoged udeblev uden afbud.
1. suppleant Bodil Ravnkilde var indkaldt, men mødte ikke frem.
Inger Sloth til kl. 19.45 i punkt 2
Ingen erklærede sig inhabile.
Indstilling og beslutning
Formanden indstiller til Valby Lokaludvalg,
1. at lokaludvalget godkender dagsordenen.
Beslutning
Godkendt.
2. Puljeansøgninger april 2023 ( )
Sagsfremstilling
Lokaludvalget har modtaget fire ansøgninger på i alt 186.500 kr. Puljen har en restramme på 92.000 kr.
Indstilling
Formanden indstiller,
1. at lokaludvalget bevilger 45.000 kr. til Valby Sommerfest,
2. at lokaludvalget afslår ansøgningen fra Foreningen Grøn Gade.
Problemstilling
Ansøgningerne overstiger den resterende ramme.
Løsning
Sekretariatet foreslår, at de to største projekter prioriteres.
Beslutning
Indstillingens 1. at-punkt blev godkendt, og 2. at-punkt blev forkastet.
Mads Pihl deltog ikke under behandlingen af dagsordenpunkt 2.
3. Eventuelt ( )
Beslutning
Næste møde holdes den 10. maj 2023 kl.18.30.
Mødet sluttede kl.21.33.
`;
  const OKONOMIUDVALGET = `Økonomiudvalget
Referat
Tirsdag den 14. marts 2023 kl. 15.30
Rådhuset, Udvalgsværelse B
1. Budgetopfølgning 1. kvartal 2023 ( )
Sagsfremstilling
Forvaltningerne forventer et samlet mindreforbrug på 212,4 mio. kr.
Indstilling
Økonomiforvaltningen indstiller over for Økonomiudvalget,
1. at budgetopfølgningen tages til efterretning.
Beslutning
Dagsordenspunkt 1: Budgetopfølgning 1. kvartal 2023
Økonomiudvalgets beslutning i mødet den 14. marts 2023
Indstillingen blev godkendt uden afstemning.
Louise Krog (V) deltog ikke under behandlingen af dagsordenpunkt 1.
2. Salg af byggefelt i Nordhavn ( )
Sagsfremstilling
Byggefeltet sælges for kr. 48.500.000 til højestbydende.
Indstilling
Økonomiforvaltningen indstiller over for Økonomiudvalget,
1. at salget godkendes.
Beslutning
Dagsordenspunkt 2: Salg af byggefelt i Nordhavn
Økonomiudvalgets beslutning i mødet den 14. marts 2023
Indstillingen blev godkendt med 7 stemmer mod 2.
Niels Hald (B) var inhabil og deltog ikke i behandlingen (dagsordenens pkt. 2).
`;
  let lu: Referat;
  let ou: Referat;
  beforeAll(async () => {
    lu = await fromText(LOKALUDVALG);
    ou = await fromText(OKONOMIUDVALGET);
  });

  test('lokaludvalg: meeting header (time with a dot: kl. 18.30); a lokaludvalg is not political', () => {
    checkMeeting(lu, {
      documentType: 'minutes',
      body: 'Valby Lokaludvalg',
      level: null,
      date: '2023-04-12',
      startTime: '18:30',
      location: 'Valby Kulturhus, lokale 3',
    });
  });

  test('lokaludvalg: attendance prose (afbud, udeblev, suppleant mødte ikke frem; substitute and early leaver present)', () => {
    checkParticipants(lu, {
      absent: ['Jonas Ravn', 'Pia Kallesøe', 'Mikkel Stær', 'Henrik Ladefoged', 'Bodil Ravnkilde'],
      presentIncludes: ['Johanne Lykke'],
      notAbsent: ['Johanne Lykke', 'Inger Sloth', 'Mads Pihl'],
      notListed: ['Ingen'],
    });
  });

  test('lokaludvalg: items; "( )" suffix, "1. at" clauses and "1. suppleant" are not items', () => {
    checkItems(lu, [
      {
        number: 1,
        title: 'Fremmøde og inhabilitet',
        // the attendance block before the combined heading is left open (absent / unheaded text)
        sections: ['indstilling', 'beslutning'],
        sectionsIgnore: ['absent', 'sagsfremstilling'],
        decision: /^Godkendt/,
        absent: ['Jonas Ravn', 'Pia Kallesøe', 'Mikkel Stær', 'Henrik Ladefoged', 'Bodil Ravnkilde'],
      },
      {
        number: 2,
        title: 'Puljeansøgninger april 2023',
        sections: ['sagsfremstilling', 'indstilling', 'beslutning'],
        decision: /^Indstillingens 1\. at-punkt blev godkendt/,
        absentIncludes: ['Mads Pihl'],
        absentExcludes: ['Jonas Ravn', 'Johanne Lykke'],
      },
      {
        number: 3,
        title: 'Eventuelt',
        sections: ['beslutning'],
        decision: /^Næste møde holdes/,
        // "Inger Sloth til kl. 19.45 i punkt 2": gone for the later items
        absentIncludes: ['Inger Sloth'],
        absentExcludes: ['Mads Pihl', 'Jonas Ravn'],
      },
    ]);
  });

  test('lokaludvalg: amounts and dates', () => {
    checkAmounts(lu, [186_500, 92_000, 45_000]);
    checkDates(lu, ['2023-04-12', '2023-05-10']);
  });

  test('Økonomiudvalget variant: "Dagsordenspunkt 1: …" inside Beslutning is not an item; decision after "…s beslutning i mødet den"', () => {
    checkMeeting(ou, { documentType: 'minutes', body: 'Økonomiudvalget', level: 'politisk', date: '2023-03-14', startTime: '15:30', location: 'Rådhuset, Udvalgsværelse B' });
    checkParticipants(ou, { notAbsent: ['Louise Krog', 'Niels Hald'] });
    checkItems(ou, [
      {
        number: 1,
        title: 'Budgetopfølgning 1. kvartal 2023',
        sections: ['sagsfremstilling', 'indstilling', 'beslutning'],
        decision: /^Indstillingen blev godkendt uden afstemning/,
        absent: ['Louise Krog'],
      },
      {
        number: 2,
        title: 'Salg af byggefelt i Nordhavn',
        sections: ['sagsfremstilling', 'indstilling', 'beslutning'],
        decision: /^Indstillingen blev godkendt med 7 stemmer/,
        absent: ['Niels Hald'],
      },
    ]);
    checkAmounts(ou, [212_400_000, 48_500_000]);
    checkDates(ou, ['2023-03-14']);
  });
});

// ---------------------------------------------------------------------------------------------
describe('F5b kk.dk dagsordener-og-referater punkt pages', () => {
  const TEXT = `Borgerrepræsentationen
Mødedato: 25.05.2023, kl. 16:00
Mødested: Rådhuset, Borgerrepræsentationens mødesal
1. Forslag om gratis svømmeundervisning for 2. klasser
Se alle bilag
Borgerrepræsentationen skal tage stilling til et medlemsforslag om at tilbyde gratis svømmeundervisning til alle elever i 2. klasse fra skoleåret 2023/24.
Indstilling
Indstilling om,
1. at Borgerrepræsentationen pålægger Børne- og Ungdomsudvalget at udarbejde en model for svømmeundervisning inden for en ramme på 4,5 mio. kr.
(Gruppeformandskredsen)
(1. behandling)
Problemstilling
Kun 61 pct. af eleverne kan svømme 200 meter ved udgangen af 6. klasse.
Løsning
Undervisningen kan tilrettelægges i samarbejde med de kommunale svømmehaller.
Beslutning
Forslaget blev vedtaget uden afstemning.
Mødedato: 25.05.2023, kl. 16:00
Mødested: Rådhuset, Borgerrepræsentationens mødesal
2. Udpegning af medlem til bestyrelsen for Fonden for Byens Træer
Se alle bilag
Borgerrepræsentationen skal udpege et nyt medlem til fondens bestyrelse for perioden 1. juni 2023 til 31. december 2025.
Indstilling
Indstilling om,
1. at Borgerrepræsentationen udpeger Nanna Friis (Ø) som medlem af bestyrelsen.
(Økonomiudvalget)
Problemstilling
Det hidtidige medlem er udtrådt af Borgerrepræsentationen.
Løsning
Enhedslisten har indstillet Nanna Friis.
Beslutning
Indstillingen blev godkendt uden afstemning.
`;
  let r: Referat;
  beforeAll(async () => {
    r = await fromText(TEXT);
  });

  test('meeting header ("Mødedato: DD.MM.YYYY, kl. HH:MM")', () => {
    checkMeeting(r, {
      documentType: 'minutes',
      body: 'Borgerrepræsentationen',
      level: 'politisk',
      date: '2023-05-25',
      startTime: '16:00',
      location: 'Rådhuset, Borgerrepræsentationens mødesal',
    });
  });

  test('no participants (a person named in a recommendation is not one)', () => {
    checkParticipants(r, { present: [], absent: [] });
  });

  test('items: "Se alle bilag" UI line, summary paragraph, "Indstilling om," + "1. at", origin in parentheses', () => {
    checkItems(r, [
      {
        number: 1,
        title: 'Forslag om gratis svømmeundervisning for 2. klasser',
        sections: ['sagsfremstilling', 'indstilling', 'beslutning'],
        decision: /^Forslaget blev vedtaget/,
        absent: [],
      },
      {
        number: 2,
        title: 'Udpegning af medlem til bestyrelsen for Fonden for Byens Træer',
        sections: ['sagsfremstilling', 'indstilling', 'beslutning'],
        decision: /^Indstillingen blev godkendt/,
        absent: [],
      },
    ]);
  });

  test('amounts and dates', () => {
    checkAmounts(r, [4_500_000]);
    checkDates(r, ['2023-05-25', '2023-06-01', '2025-12-31']);
  });
});

// ---------------------------------------------------------------------------------------------
describe('F6 PolWeb / Word-template HTML ("Beslutning i <organ> D. måned YYYY:" + "Fraværende:")', () => {
  const TEXT = `Teknik- og Miljøudvalget
Referat af ordinært møde
Mødedato: 11. juni 2018
Mødetidspunkt: 16:00
Mødested: Mødelokale 1, Rådhuset
 
1.      Godkendelse af dagsorden
1.    Godkendelse af dagsorden
Sagsnr.: 330-2018-3619   Dok.nr.: 330-2018-500301   Åbent
 
Sagsfremstilling
Dagsordenen fremlægges til godkendelse.
 
Indstilling
Det indstilles, at dagsordenen godkendes.
 
Beslutning i Teknik- og Miljøudvalget 11. juni 2018:
Fraværende: Trine Fuglsang
Godkendt.
 
2.      Anlægsbevilling til cykelsti langs Åvej (B)
Sag 330-2018-2240
Dok. 330-2018-488120
Initialer: KLM
Åbent
 
Sagsfremstilling
·       Cykelstien skal forbinde Nørreby og skolen på Åvej.
·       Projektet er prioriteret i trafiksikkerhedsplanen.
Økonomiske konsekvenser
Anlægsudgiften er anslået til 3.450.000 kr.
Indstilling
Borgmesteren indstiller,
1.    at der gives en anlægsbevilling på 3.450.000 kr., og
2.    at beløbet finansieres af puljen til trafiksikkerhed.
Sagen afgøres i
Byrådet
Beslutning i Teknik- og Miljøudvalget den 11. juni 2018:
Fraværende: Trine Fuglsang
Anbefales.
Bilagsnr
Oversigtskort over cykelstien
 
3.      Orientering om vintertjeneste (O)
Sagsnr.
330-2018-1177
Initialer
HBN
Åbent
Beslutningstema
Udvalget orienteres om sæsonens vintertjeneste.
Sagsfremstilling
Sæsonens udgifter til vintertjeneste blev 1,1 mio. kr. lavere end budgetteret.
Indstilling
Det indstilles, at orienteringen tages til efterretning.
Beslutning i Teknik- og Miljøudvalget 11. juni 2018:
Fraværende: 
Taget til efterretning.
`;
  let r: Referat;
  beforeAll(async () => {
    r = await fromText(TEXT);
  });

  test('meeting header', () => {
    checkMeeting(r, {
      documentType: 'minutes',
      body: 'Teknik- og Miljøudvalget',
      level: 'politisk',
      date: '2018-06-11',
      startTime: '16:00',
      location: 'Mødelokale 1, Rådhuset',
    });
  });

  test('a member absent from some items only is not absent at meeting level', () => {
    checkParticipants(r, { notAbsent: ['Trine Fuglsang'] });
  });

  test('items: repeated title line, padded metadata, category letter, Fraværende right after the decision heading', () => {
    checkItems(r, [
      {
        number: 1,
        title: 'Godkendelse af dagsorden',
        sections: ['sagsfremstilling', 'indstilling', 'beslutning'],
        sectionsIgnore: ['absent'],
        decision: /^Godkendt/,
        decisionExcludes: ['Fraværende'],
        absent: ['Trine Fuglsang'],
      },
      {
        number: 2,
        title: /^Anlægsbevilling til cykelsti langs Åvej( \(B\))?$/,
        sections: ['sagsfremstilling', 'indstilling', 'beslutning', 'bilag'],
        sectionsIgnore: ['absent'],
        decision: /^Anbefales/,
        decisionExcludes: ['Fraværende', 'Oversigtskort'],
        absent: ['Trine Fuglsang'],
      },
      {
        number: 3,
        title: /^Orientering om vintertjeneste( \(O\))?$/,
        sections: ['resume', 'sagsfremstilling', 'indstilling', 'beslutning'],
        sectionsIgnore: ['absent'],
        decision: /^Taget til efterretning/,
        absent: [],
      },
    ]);
  });

  test('amounts and dates (case numbers 330-2018-… are neither)', () => {
    checkAmounts(r, [3_450_000, 3_450_000, 1_100_000]);
    checkDates(r, ['2018-06-11']);
  });
});

// ---------------------------------------------------------------------------------------------
describe('F7 Odense eDoc family', () => {
  const OLDER = `Økonomiudvalget
Åben
Referat
Onsdag den 14-03-2012 kl. 08:30
Udvalgsværelse 1, Odense Rådhus
Afbud fra:
Jane Kolding
I stedet for Jane Kolding mødte Søren Hvidt.
Oversigtsdagsorden:Åben referat
A: Sager til afgørelse i Økonomiudvalg/Byråd
1. Budgetopfølgning pr. 29. februar 2012
2. Salg af grund på Havnegade
B: Sager til orientering
3. Status på bredbåndsudbygning
A: Sager til afgørelse i Økonomiudvalg/Byråd
1. Budgetopfølgning pr. 29. februar 2012
Åbent - 00.30.10-S00 - 2012/023311
SAGSRESUMÉ
Budgetopfølgningen viser et forventet merforbrug på 8.000.000 kr.
INDSTILLING
Borgmesterforvaltningen indstiller, at Økonomiudvalget anbefaler byrådet at tage budgetopfølgningen til efterretning.
Økonomiudvalgetanbefaler indstillingen.
BESLUTNING
Anbefales.
SAGSFREMSTILLING
Merforbruget vedrører især ældreområdet. Nye takster træder i kraft 1/1 2013.
2. Salg af grund på Havnegade
Åbent - 2012/019872
Sagsresumé
Kommunen har modtaget et bud på 2.750.000 kr. for grunden.
Indstilling
Borgmesterforvaltningen indstiller, at grunden sælges.
Beslutning
Godkendt.
Sagsfremstilling
Grunden blev udbudt i offentligt udbud 2/3 2012. Der indkom tre bud.
B: Sager til orientering
3. Status på bredbåndsudbygning
Åbent - 24.10.00-G01 - 2012/004411
Sagsresumé
Udbygningen følger tidsplanen.
Indstilling
Borgmesterforvaltningen indstiller, at orienteringen tages til efterretning.
Beslutning
Taget til efterretning.
`;
  const SBSYS = `Referat
til
mødet i Børn- og Ungeudvalget
den 7. november 2017 kl. 15:00
i Udvalgsværelse 2, Odense Rådhus
Afbud fra Ulrik Bang. I stedet mødte Signe Krogh.
Afbud fra Anja Winther. I stedet mødte Poul Brandt.
Torben Lykke deltog ikke i behandlingen af pkt. 1 og 3.
Skolechef Mona Friis deltog i forbindelse med behandlingen af pkt. 2.
A. Sager til afgørelse i byrådet
1 Udbygning af Bolbro Skole
B. Sager til afgørelse i udvalget
2 Kvalitetsrapport 2017
C. Sager til orientering
3 Status på inklusionsindsatsen
1. Udbygning af Bolbro Skole
A. Sager til afgørelse i byrådet
Åbent - 17.13.00-G01-3-17
RESUMÉ
Skolen mangler plads til to spor mere fra august 2018. Udbygningen koster 46,5 mio. kr.
INDSTILLING
By- og Kulturforvaltningen indstiller, at udbygningen igangsættes.
BESLUTNING
Anbefales.
SAGSFREMSTILLING
Der er gennemført en kapacitetsanalyse i foråret 2017.
2. Kvalitetsrapport 2017
B. Sager til afgørelse i udvalget
Åbent - 17.01.00-A00-8-16
RESUMÉ
Kvalitetsrapporten beskriver skolernes resultater.
INDSTILLING
Børn- og Ungeforvaltningen indstiller, at kvalitetsrapporten godkendes.
BESLUTNING
Godkendt.
3. Status på inklusionsindsatsen
C. Sager til orientering
Åbent - 17.01.10-G01-2-17
RESUMÉ
Andelen af elever i almenundervisningen er steget.
INDSTILLING
Børn- og Ungeforvaltningen indstiller, at orienteringen tages til efterretning.
BESLUTNING
Taget til efterretning.
`;
  let older: Referat;
  let sbsys: Referat;
  beforeAll(async () => {
    older = await fromText(OLDER);
    sbsys = await fromText(SBSYS);
  });

  test('older eDoc: meeting header (stacked organ / Åben / Referat / date)', () => {
    checkMeeting(older, {
      documentType: 'minutes',
      body: 'Økonomiudvalget',
      level: 'politisk',
      date: '2012-03-14',
      startTime: '08:30',
      location: 'Udvalgsværelse 1, Odense Rådhus',
    });
  });

  test('older eDoc: "Afbud fra:" + "I stedet for X mødte Y."', () => {
    checkParticipants(older, { absent: ['Jane Kolding'], presentIncludes: ['Søren Hvidt'] });
  });

  test('older eDoc: items, group headers, UPPERCASE and capitalised headings, glued committee chain', () => {
    checkItems(older, [
      {
        number: 1,
        title: 'Budgetopfølgning pr. 29. februar 2012',
        sections: ['resume', 'indstilling', 'beslutning', 'sagsfremstilling'],
        decision: /^Anbefales/,
        absent: [],
      },
      {
        number: 2,
        title: 'Salg af grund på Havnegade',
        sections: ['resume', 'indstilling', 'beslutning', 'sagsfremstilling'],
        decision: /^Godkendt/,
        absent: [],
      },
      {
        number: 3,
        title: 'Status på bredbåndsudbygning',
        sections: ['resume', 'indstilling', 'beslutning'],
        decision: /^Taget til efterretning/,
        absent: [],
      },
    ]);
  });

  test('older eDoc: amounts and dates ("1/1 2013", "2/3 2012"; KLE numbers are not dates)', () => {
    checkAmounts(older, [8_000_000, 2_750_000]);
    checkDates(older, ['2012-02-29', '2012-03-02', '2012-03-14', '2013-01-01']);
  });

  test('SBSYS 2017: meeting header (F1 skeleton)', () => {
    checkMeeting(sbsys, {
      documentType: 'minutes',
      body: 'Børn- og Ungeudvalget',
      level: 'politisk',
      date: '2017-11-07',
      startTime: '15:00',
      location: 'Udvalgsværelse 2, Odense Rådhus',
    });
  });

  test('SBSYS 2017: prose absences; "deltog i forbindelse med behandlingen" is presence', () => {
    checkParticipants(sbsys, {
      absent: ['Ulrik Bang', 'Anja Winther'],
      presentIncludes: ['Signe Krogh', 'Poul Brandt'],
      notAbsent: ['Torben Lykke', 'Mona Friis'],
    });
  });

  test('SBSYS 2017: lettered TOC "1 Title" not doubled; group name under the item title is not part of it', () => {
    checkItems(sbsys, [
      {
        number: 1,
        title: 'Udbygning af Bolbro Skole',
        sections: ['resume', 'indstilling', 'beslutning', 'sagsfremstilling'],
        decision: /^Anbefales/,
        absent: ['Torben Lykke'],
      },
      {
        number: 2,
        title: 'Kvalitetsrapport 2017',
        sections: ['resume', 'indstilling', 'beslutning'],
        decision: /^Godkendt/,
        absent: [],
      },
      {
        number: 3,
        title: 'Status på inklusionsindsatsen',
        sections: ['resume', 'indstilling', 'beslutning'],
        decision: /^Taget til efterretning/,
        absent: ['Torben Lykke'],
      },
    ]);
  });

  test('SBSYS 2017: amounts and dates', () => {
    checkAmounts(sbsys, [46_500_000]);
    checkDates(sbsys, ['2017-11-07']);
  });
});

// ---------------------------------------------------------------------------------------------
describe('F8 cookie-banner aspx template (Brønderslev/Hvidovre) and the Køge cousin', () => {
  const MODEFAKTA = `Referat - Kultur- og Fritidsudvalget den 7. juni 2022
Mødefakta
Dato: Tirsdag den 7. juni 2022
Mødetidspunkt: Kl. 16:30
Mødested: Mødelokale 1, Rådhuset
Medlemmer
• Lene Dahl (A)
• Frank Ibsen (V)
• Sanne Holmgaard (F)
• Jørgen Rask (O)
• Tine Bech (C)
Fraværende med afbud
• Jørgen Rask (O)
Bemærkninger
Afbud fra Jørgen Rask stedfortræder Karin Esbensen
Indholdsfortegnelse1. Fraværende
2. Tilskud til foreningernes lokaler
3. Orientering om idrætsstrategi
1. Fraværende
Beslutning
Jørgen Rask (O) var fraværende.
Til toppen
2. Tilskud til foreningernes lokaler
Resume
Udvalget skal fordele lokaletilskud for 2022.
Sagsforløb: KFU
Sagsfremstilling
Der er søgt om i alt 1.125.000 kr., og rammen er 980.000 kr.
Personale
Ingen konsekvenser.
Beslutning
Godkendt.
Jørgen Rask var fraværende.
Til toppen
3. Orientering om idrætsstrategi
Beslutningstema
Udvalget orienteres om arbejdet med den nye idrætsstrategi.
Sagsfremstilling
Strategien forventes færdig den 1. december 2022.
Beslutning
Taget til efterretning.
Jørgen Rask var fraværende.
Til toppen
`;
  const HTML = `<!DOCTYPE html>
<html lang="da"><head><meta charset="utf-8"><title>Kommunalbestyrelsen - Referat</title></head>
<body>
<div id="cookie-banner" class="cookie-consent"><p>Vi bruger cookies for at forbedre din oplevelse af hjemmesiden. Ved at klikke accepterer du vores brug af cookies.</p><a href="#">Accepter alle</a> <a href="#">Kun nødvendige</a></div>
<nav class="main-nav"><ul><li><a href="/">Forside</a></li><li><a href="/politik">Politik</a></li><li><a href="/moeder">Dagsordener og referater</a></li></ul></nav>
<main>
<h1>Kommunalbestyrelsen - Referat</h1>
<p>Dato: 23. marts 2021</p>
<p>Lokale: Byrådssalen</p>
<p>Tidspunkt: Kl. 18:00</p>
<h2>Indholdsfortegnelse</h2>
<ol><li><a href="#p1">Godkendelse af dagsorden</a></li><li><a href="#p2">Anlægsbevilling til renovering af svømmehal</a></li></ol>
<h2 id="p1">1. Godkendelse af dagsorden</h2>
<h3>Beslutning i Kommunalbestyrelsen den 23-03-2021</h3>
<p>Godkendt.</p>
<p>Ib Mølgaard og Anne Toft var fraværende.</p>
<p><a href="#top">Til toppen</a></p>
<h2 id="p2">2. Anlægsbevilling til renovering af svømmehal</h2>
<h3>Resume</h3>
<p>Svømmehallen trænger til en gennemgribende renovering.</p>
<h3>Sagsforløb: ØU/KB</h3>
<h3>Sagsfremstilling</h3>
<p>Renoveringen er budgetteret til 14,2 mio. kr., heraf 2.018.000 kr. til rådgivning.</p>
<h3>Beslutning i Økonomiudvalget den 16-03-2021</h3>
<p>Anbefales.</p>
<p>Ib Mølgaard var fraværende.</p>
<h3>Beslutning i Kommunalbestyrelsen den 23-03-2021</h3>
<p>Kommunalbestyrelsen godkendte anlægsbevillingen.</p>
<p>Ib Mølgaard og Anne Toft var fraværende.</p>
<p><a href="#top">Til toppen</a></p>
</main>
<footer><p>Rådhuset · Telefon 11 22 33 44</p></footer>
</body></html>
`;
  const KOGE = `Referat af møde i Teknik- og Miljøudvalget
Den 14.09.2021 kl. 16:00 i Mødelokale 2, Rådhuset
Deltagere:
Anne Mørk, (A)
Bo Hedegaard, (V)
Lis Vangsgaard, (F)
Ebbe Tønder, (C)
12.   Godkendelse af dagsorden
Beslutning
Godkendt.
Ebbe Tønder (C) deltog ikke under punkterne 13-14.
Til toppen
13.   Trafiksikkerhedsplan 2021-2025
Sagsfremstilling
Planen indeholder 24 konkrete tiltag til i alt 8,6 mio. kr.
Indstilling
Forvaltningen indstiller, at planen sendes i høring.
Beslutning
Godkendt.
Til toppen
14.   Vintervedligeholdelse af cykelstier
Sagsfremstilling
Der er afsat 750.000 kr. til ekstra saltning.
Indstilling
Forvaltningen indstiller, at orienteringen tages til efterretning.
Beslutning
Taget til efterretning.
Til toppen
`;
  let mf: Referat;
  let html: Referat;
  let koge: Referat;
  beforeAll(async () => {
    mf = await fromText(MODEFAKTA);
    html = await fromHtml(HTML);
    koge = await fromText(KOGE);
  });

  test('Mødefakta variant: meeting header', () => {
    checkMeeting(mf, {
      documentType: 'minutes',
      body: 'Kultur- og Fritidsudvalget',
      level: 'politisk',
      date: '2022-06-07',
      startTime: '16:30',
      location: 'Mødelokale 1, Rådhuset',
    });
  });

  test('Mødefakta variant: Medlemmer minus "Fraværende med afbud"; substitute from Bemærkninger', () => {
    checkParticipants(mf, {
      present: ['Lene Dahl', 'Frank Ibsen', 'Sanne Holmgaard', 'Tine Bech', 'Karin Esbensen'],
      absent: ['Jørgen Rask'],
    });
  });

  test('Mødefakta variant: "Indholdsfortegnelse1." glue, item 1 titled "Fraværende", absences repeated after every decision', () => {
    checkItems(mf, [
      { number: 1, title: 'Fraværende', sections: ['beslutning'], absent: ['Jørgen Rask'] },
      {
        number: 2,
        title: 'Tilskud til foreningernes lokaler',
        sections: ['resume', 'sagsfremstilling', 'beslutning'],
        decision: /^Godkendt/,
        absent: ['Jørgen Rask'],
      },
      {
        number: 3,
        title: 'Orientering om idrætsstrategi',
        sections: ['resume', 'sagsfremstilling', 'beslutning'],
        decision: /^Taget til efterretning/,
        absent: ['Jørgen Rask'],
      },
    ]);
    checkAmounts(mf, [1_125_000, 980_000]);
    checkDates(mf, ['2022-06-07', '2022-12-01']);
  });

  test('HTML rendering: cookie banner and menu dropped; "<Organ> - Referat" + Dato/Lokale/Tidspunkt', () => {
    expect.soft(html.text, 'cookie banner text').not.toMatch(/cookies/i);
    expect.soft(html.text, 'menu text').not.toMatch(/Forside/);
    checkMeeting(html, {
      documentType: 'minutes',
      body: 'Kommunalbestyrelsen',
      level: 'politisk',
      date: '2021-03-23',
      startTime: '18:00',
      location: 'Byrådssalen',
    });
    // No attendance list on the page: participants stay empty (gold convention, as for PolWeb and Roskilde);
    // the absences are recorded per item.
    expect(html.participants).toEqual([]);
  });

  test('HTML rendering: "Beslutning i Kommunalbestyrelsen den DD-MM-YYYY" is the current decision', () => {
    checkItems(html, [
      {
        number: 1,
        title: 'Godkendelse af dagsorden',
        sections: ['beslutning'],
        decision: /^Godkendt/,
        absent: ['Ib Mølgaard', 'Anne Toft'],
      },
      {
        number: 2,
        title: 'Anlægsbevilling til renovering af svømmehal',
        sections: ['resume', 'sagsfremstilling', 'beslutning'],
        decision: /^Kommunalbestyrelsen godkendte anlægsbevillingen/,
        absent: ['Ib Mølgaard', 'Anne Toft'],
      },
    ]);
    checkAmounts(html, [14_200_000, 2_018_000]);
    checkDates(html, ['2021-03-16', '2021-03-23']);
  });

  test('Køge: "Referat af møde i …" / "Den DD.MM.YYYY kl. HH:MM i <sted>"; "Name, (A)"', () => {
    checkMeeting(koge, {
      documentType: 'minutes',
      body: 'Teknik- og Miljøudvalget',
      level: 'politisk',
      date: '2021-09-14',
      startTime: '16:00',
      location: 'Mødelokale 2, Rådhuset',
    });
    checkParticipants(koge, { present: ['Anne Mørk', 'Bo Hedegaard', 'Lis Vangsgaard', 'Ebbe Tønder'], absent: [] });
  });

  test('Køge: "N.   Title", "deltog ikke under punkterne 13-14" ties the name to those items', () => {
    checkItems(koge, [
      { number: 12, title: 'Godkendelse af dagsorden', sections: ['beslutning'], decision: /^Godkendt/, absent: [] },
      {
        number: 13,
        title: 'Trafiksikkerhedsplan 2021-2025',
        sections: ['sagsfremstilling', 'indstilling', 'beslutning'],
        decision: /^Godkendt/,
        absent: ['Ebbe Tønder'],
      },
      {
        number: 14,
        title: 'Vintervedligeholdelse af cykelstier',
        sections: ['sagsfremstilling', 'indstilling', 'beslutning'],
        decision: /^Taget til efterretning/,
        absent: ['Ebbe Tønder'],
      },
    ]);
    checkAmounts(koge, [8_600_000, 750_000]);
    checkDates(koge, ['2021-09-14']);
  });
});

// ---------------------------------------------------------------------------------------------
describe('F10a Aarhus vis-dagsorden (unnumbered items, Beslutning first)', () => {
  const TEXT = `Referat Aarhus Byråd 25-01-2023
Lokalplan nr. 1180, Boliger ved Søndervangen
BeslutningForslaget blev vedtaget med 27 stemmer for og 4 imod.
Resumé
Lokalplanen giver mulighed for 120 nye boliger.
Indstilling
Det indstilles:
At 1) forslag til lokalplan nr. 1180 vedtages endeligt,
At 2) kommunen indgår en udbygningsaftale med grundejeren.
Sagens forløb
12-01-2023 Teknisk Udvalg
Sagen blev drøftet. Jan Dahl (V) tog forbehold.
18-01-2023 Magistraten
Rådmand Karsten Holm deltog ikke i sagens behandling.
Bilag
Bilag 1: Lokalplanforslag
Salg af grund ved Marselis Boulevard for 4,2 mio. kr.
Beslutning
Indstillingen blev vedtaget.
Rådmand Nikolaj Beck deltog ikke i sagens behandling.
Resumé
Kommunen har modtaget et bud på grunden.
Indstilling
Det indstilles:
At 1) grunden sælges for 4,2 mio. kr. til højestbydende.
Sagens forløb
18-01-2023 Magistraten
Sagen blev anbefalet.
Bilag
Bilag 1: Købstilbud
Forespørgsel om letbanens etape 2
BeslutningForespørgslen blev besvaret af rådmanden.
Resumé
Forespørgslen handler om tidsplanen for letbanens etape 2.
Bilag
Bilag 1: Forespørgsel
`;
  let r: Referat;
  beforeAll(async () => {
    r = await fromText(TEXT);
  });

  test('meeting header ("Referat Aarhus Byråd DD-MM-YYYY")', () => {
    checkMeeting(r, { documentType: 'minutes', body: 'Aarhus Byråd', level: 'politisk', date: '2023-01-25', startTime: null });
  });

  test('nobody is absent at meeting level', () => {
    checkParticipants(r, { absent: [], notAbsent: ['Nikolaj Beck', 'Karsten Holm', 'Jan Dahl'] });
  });

  test('items: titles without numbers get 1..n; glued "BeslutningText"; order Beslutning → Resumé → Indstilling → Bilag', () => {
    checkItems(r, [
      {
        number: 1,
        numberInferred: true,
        title: 'Lokalplan nr. 1180, Boliger ved Søndervangen',
        sections: ['beslutning', 'resume', 'indstilling', 'bilag'],
        decision: /^Forslaget blev vedtaget med 27 stemmer/,
        // the absence sentence in Sagens forløb is the Magistrate's meeting of 18-01-2023, not this one
        absent: [],
      },
      {
        number: 2,
        numberInferred: true,
        title: 'Salg af grund ved Marselis Boulevard for 4,2 mio. kr',
        sections: ['beslutning', 'resume', 'indstilling', 'bilag'],
        decision: /^Indstillingen blev vedtaget/,
        absent: ['Nikolaj Beck'],
      },
      {
        number: 3,
        numberInferred: true,
        title: 'Forespørgsel om letbanens etape 2',
        sections: ['beslutning', 'resume', 'bilag'],
        decision: /^Forespørgslen blev besvaret/,
        absent: [],
      },
    ]);
  });

  test('amounts (one inside a title) and dates', () => {
    checkAmounts(r, [4_200_000, 4_200_000]);
    checkDates(r, ['2023-01-12', '2023-01-18', '2023-01-25']);
  });
});

// ---------------------------------------------------------------------------------------------
describe('F11 Aalborg referater (no number, no title: each item starts with "Åben")', () => {
  const TEXT = `13. marts 2023 - referat fra byrådet
Åben
Indstilling
Magistraten indstiller, at byrådet godkender,
at der gives en anlægsbevilling på 20,4 mio. kr. til ny daginstitution i Vejgaard,                    at projektet finansieres af rammen for dagtilbud.
Magistraten: Lasse Brix var fraværende.
Beslutning
Godkendt.
Marianne Bak og Henrik Lau var fraværende.
Bilag
Skitseprojekt for daginstitution
Åben
Indstilling
By- og Landskabsudvalget indstiller, at byrådet godkender,
at kontrakten om vejbelysning indgås til 2.920.460 kr., ekskl. moms,
at der frigives 5 mio. kr. til udskiftning af armaturer.
By- og Landskabsudvalget: Søren Vang var fraværende.
Beslutning
Godkendt.
Marianne Bak og Henrik Lau var fraværende.
Bilag
Tilbudsoversigt
Åben
Indstilling
Magistraten indstiller, at byrådet godkender,
at regnskabet for 2022 med netto -3.751.000 kr. i mindreudgifter godkendes.
Beslutning
Godkendt.
Marianne Bak og Henrik Lau var fraværende.
`;
  let r: Referat;
  beforeAll(async () => {
    r = await fromText(TEXT);
  });

  test('meeting header ("D. måned YYYY - referat fra byrådet")', () => {
    checkMeeting(r, { documentType: 'minutes', body: 'byrådet', level: 'politisk', date: '2023-03-13', startTime: null });
  });

  test('members absent after every decision: recorded per item, no meeting-level list is invented', () => {
    // No attendance list on the page: participants stay empty (gold convention, as for PolWeb and Roskilde);
    // the absences are recorded per item.
    expect(r.participants).toEqual([]);
  });

  test('items: "Åben" starts each item; numbered 1..n as inferred', () => {
    checkItems(r, [
      {
        number: 1,
        numberInferred: true,
        sections: ['indstilling', 'beslutning', 'bilag'],
        decision: /^Godkendt/,
        // committee-prefixed absence in the recommendation chain is inside the item too
        absent: ['Lasse Brix', 'Marianne Bak', 'Henrik Lau'],
      },
      {
        number: 2,
        numberInferred: true,
        sections: ['indstilling', 'beslutning', 'bilag'],
        decision: /^Godkendt/,
        absent: ['Søren Vang', 'Marianne Bak', 'Henrik Lau'],
      },
      {
        number: 3,
        numberInferred: true,
        sections: ['indstilling', 'beslutning'],
        decision: /^Godkendt/,
        absent: ['Marianne Bak', 'Henrik Lau'],
      },
    ]);
  });

  test('amounts (signed full form, ekskl. moms, mio. kr.) and dates', () => {
    checkAmounts(r, [20_400_000, 2_920_460, 5_000_000, -3_751_000]);
    checkDates(r, ['2023-03-13']);
  });
});

// ---------------------------------------------------------------------------------------------
describe('F12 Roskilde (Drupal: "Pkt. 42", English date, "<Udvalg>, DD-MM-YYYY, pkt. N")', () => {
  const TEXT = `Referat
Byrådet
Dato: Onsdag, April 3, 2019 - 18:00
Sted: Byrådssalen, Roskilde Rådhus
• Pkt. 42 Godkendelse af dagsorden
• Pkt. 43 Salg af storparcel i Trekroner
• Pkt. 44 Budgetopfølgning pr. 28. februar 2019
Pkt. 42
Godkendelse af dagsorden
Sagsnr. 299835 Byrådet Åbent punkt
Resume
Dagsordenen forelægges til godkendelse.
Indstilling
Forvaltningen indstiller, at dagsordenen godkendes.
Beslutningskompetence
Byrådet.
Byrådet, 03-04-2019, pkt. 42
Godkendt.
Fraværende: Hans Lyng (V) - Mie Storm (V) mødte som stedfortræder.
Pkt. 43
Salg af storparcel i Trekroner
Sagsnr. 298112 Byrådet Åbent punkt
Resume
Kommunen har udbudt en storparcel til boligbyggeri.
Indstilling
Forvaltningen indstiller, at storparcellen sælges til højestbydende for 18.600.000 kr.
Beslutningskompetence
Byrådet.
Sagsfremstilling
Der er modtaget fire bud.
Økonomi
Salgsindtægten tilgår kassebeholdningen.
Byrådet, 03-04-2019, pkt. 43
Godkendt.
Fraværende: Hans Lyng (V) - Mie Storm (V) mødte som stedfortræder.
Trekroner_udbudsvilkaar_2019.pdf
Budbehandling_storparcel_2019.pdf
Pkt. 44
Budgetopfølgning pr. 28. februar 2019
Sagsnr. 300457 Byrådet Åbent punkt
Resume
Der forventes et mindreforbrug på 6,3 mio. kr.
Indstilling
Forvaltningen indstiller, at budgetopfølgningen tages til efterretning.
Byrådet, 03-04-2019, pkt. 44
Taget til efterretning.
Fraværende: Hans Lyng (V) - Mie Storm (V) mødte som stedfortræder.
`;
  let r: Referat;
  beforeAll(async () => {
    r = await fromText(TEXT);
  });

  test('meeting header ("Dato: Onsdag, April 3, 2019 - 18:00")', () => {
    checkMeeting(r, {
      documentType: 'minutes',
      body: 'Byrådet',
      level: 'politisk',
      date: '2019-04-03',
      startTime: '18:00',
      location: 'Byrådssalen, Roskilde Rådhus',
    });
  });

  test('"Fraværende: X (V) - Y (V) mødte som stedfortræder." on every item: per item, not a meeting list', () => {
    // No attendance list on the page: participants stay empty (gold convention, as for PolWeb and Roskilde);
    // the absences are recorded per item.
    expect(r.participants).toEqual([]);
  });

  test('items: bulleted TOC not doubled, "Pkt. 42" with the title on the next line', () => {
    checkItems(r, [
      {
        number: 42,
        title: 'Godkendelse af dagsorden',
        sections: ['resume', 'indstilling', 'beslutning'],
        sectionsIgnore: ['absent'],
        decision: /^Godkendt/,
        absent: ['Hans Lyng'],
      },
      {
        number: 43,
        title: 'Salg af storparcel i Trekroner',
        sections: ['resume', 'indstilling', 'sagsfremstilling', 'beslutning'],
        sectionsIgnore: ['absent'],
        decision: /^Godkendt/,
        absent: ['Hans Lyng'],
        attachmentsInclude: ['Trekroner_udbudsvilkaar_2019.pdf', 'Budbehandling_storparcel_2019.pdf'],
      },
      {
        number: 44,
        title: 'Budgetopfølgning pr. 28. februar 2019',
        sections: ['resume', 'indstilling', 'beslutning'],
        sectionsIgnore: ['absent'],
        decision: /^Taget til efterretning/,
        absent: ['Hans Lyng'],
      },
    ]);
  });

  test('amounts and dates (attachment file names with years are not dates)', () => {
    checkAmounts(r, [18_600_000, 6_300_000]);
    checkDates(r, ['2019-02-28', '2019-04-03']);
  });
});

// ---------------------------------------------------------------------------------------------
describe('F13 Rødovre TYPO3 ("Sag nr. 129", "Name (A), sag 129-131")', () => {
  const TEXT = `Kommunalbestyrelsen
28-05-2024
Medlemmer
Britt Jensen (A)
Kasper Lund (A)
Helle Fogh (V)
Nikolaj Dam (F)
Tom Bager (A), Suppleant for Lise Brandt (A)
Fraværende
Lise Brandt (A), sag 129-131
Nikolaj Dam (F), sag 130-131
Sager 129 - 131
Fold alle ud
Godkendelse af dagsorden
Sag nr. 129
Beslutningskompetence: KB
Sagens kerne
Kommunalbestyrelsen skal godkende dagsordenen.
Indstilling
Økonomiforvaltningen indstiller,
at dagsordenen godkendes.
Beslutning
Kommunalbestyrelsen godkendte dagsordenen.
Sagsfremstilling
Dagsordenen er udsendt rettidigt.
Renovering af Espelunden
Sag nr. 130
Beslutningskompetence: KB
Sagens kerne
Der søges en anlægsbevilling på 12,5 mio. kr. til renovering af boligafdelingen Espelunden.
Indstilling
Teknisk Forvaltning indstiller,
at der gives en anlægsbevilling på 12,5 mio. kr.,
at udgiften finansieres af kassebeholdningen.
Økonomiudvalget, 14. maj 2024, pkt. 65:
Anbefales.
Beslutning
Kommunalbestyrelsen godkendte indstillingen.
Sagsfremstilling
Afdelingen er opført i 1968 og trænger til nye tage.
Takster for hjemmehjælp 2024
Sag nr. 131
Beslutningskompetence: KB
Sagens kerne
Timeprisen for praktisk hjælp fastsættes til 342 kr.
Indstilling
Social- og Sundhedsforvaltningen indstiller,
at taksterne godkendes.
Beslutning
Kommunalbestyrelsen godkendte taksterne.
Sagsfremstilling
Taksterne er beregnet efter reglerne om frit valg.
`;
  let r: Referat;
  beforeAll(async () => {
    r = await fromText(TEXT);
  });

  test('meeting header (organ and date on separate lines)', () => {
    checkMeeting(r, { documentType: 'minutes', body: 'Kommunalbestyrelsen', level: 'politisk', date: '2024-05-28', startTime: null, location: null });
  });

  test('participants: absent for all items = absent; for some items = present; suppleant present', () => {
    checkParticipants(r, {
      present: ['Britt Jensen', 'Kasper Lund', 'Helle Fogh', 'Nikolaj Dam', 'Tom Bager'],
      absent: ['Lise Brandt'],
    });
  });

  test('items: title line then "Sag nr. N"; earlier committee verdict is not the decision', () => {
    checkItems(r, [
      {
        number: 129,
        numberInferred: false,
        title: 'Godkendelse af dagsorden',
        sections: ['resume', 'indstilling', 'beslutning', 'sagsfremstilling'],
        decision: /^Kommunalbestyrelsen godkendte dagsordenen/,
        absent: ['Lise Brandt'],
      },
      {
        number: 130,
        numberInferred: false,
        title: 'Renovering af Espelunden',
        sections: ['resume', 'indstilling', 'beslutning', 'sagsfremstilling'],
        decision: /^Kommunalbestyrelsen godkendte indstillingen/,
        absent: ['Lise Brandt', 'Nikolaj Dam'],
      },
      {
        number: 131,
        numberInferred: false,
        title: 'Takster for hjemmehjælp 2024',
        sections: ['resume', 'indstilling', 'beslutning', 'sagsfremstilling'],
        decision: /^Kommunalbestyrelsen godkendte taksterne/,
        absent: ['Lise Brandt', 'Nikolaj Dam'],
      },
    ]);
  });

  test('amounts and dates', () => {
    checkAmounts(r, [12_500_000, 12_500_000, 342]);
    checkDates(r, ['2024-05-14', '2024-05-28']);
  });
});

// ---------------------------------------------------------------------------------------------
describe('F14 Vejen agendaId ("1.Title (C)", chained decisions, "Afbud: X (Løsgænger).")', () => {
  const TEXT = `Udvalg: Byrådet
Mødedato: 24-06-2020
Mødested: Byrådssalen, Vejen Rådhus
1.Godkendelse af dagsorden (B)
Sagsnummer: 20/8545
Administrativ indstilling
Kommunaldirektøren indstiller, at
• dagsordenen godkendes.
Beslutning Byrådet den 24-06-2020
Godkendt.
Afbud: Erik Lund (Løsgænger).
2.Salg af erhvervsjord i Rødding (B)
Sagsnummer: 20/6011
Sagsfremstilling
Der er indgået betinget købsaftale om 8.200 m2 erhvervsjord til 895 kr. pr. m2. Erhvervsområdets samlede anlægsbudget er 73.438.000 kr., og der er solgt for ca. 42,7 mio. kr. Udnyttelsesgraden er 66,11%.
Administrativ indstilling
Direktøren for Teknik og Miljø indstiller, at
• salget godkendes,
• indtægten tilgår kassebeholdningen.
Beslutning Økonomiudvalget den 16-06-2020
Anbefales.
Beslutning Byrådet den 24-06-2020
Byrådet godkendte salget.
Afbud: Erik Lund (Løsgænger).
3.Orientering om sommerferieaktiviteter (O)
Sagsnummer: 20/9177
Sagsfremstilling
Der er afsat 250.000 kr. til aktiviteter i sommerferien.
Administrativ indstilling
Direktøren for Børn og Kultur indstiller, at
• orienteringen tages til efterretning.
Beslutning Byrådet den 24-06-2020
Taget til efterretning.
Afbud: Erik Lund (Løsgænger).
`;
  let r: Referat;
  beforeAll(async () => {
    r = await fromText(TEXT);
  });

  test('meeting header (Udvalg: / Mødedato: / Mødested:)', () => {
    checkMeeting(r, {
      documentType: 'minutes',
      body: 'Byrådet',
      level: 'politisk',
      date: '2020-06-24',
      startTime: null,
      location: 'Byrådssalen, Vejen Rådhus',
    });
  });

  test('afbud in every decision: recorded per item, no meeting-level list is invented', () => {
    // No attendance list on the page: participants stay empty (gold convention, as for PolWeb and Roskilde);
    // the absences are recorded per item.
    expect(r.participants).toEqual([]);
  });

  test('items: "1.Title (C)"; the last decision in the chain is the current one', () => {
    checkItems(r, [
      {
        number: 1,
        title: /^Godkendelse af dagsorden( \(B\))?$/,
        caseNumber: '20/8545',
        sections: ['indstilling', 'beslutning'],
        sectionsIgnore: ['absent'],
        decision: /^Godkendt/,
        absent: ['Erik Lund'],
      },
      {
        number: 2,
        title: /^Salg af erhvervsjord i Rødding( \(B\))?$/,
        sections: ['sagsfremstilling', 'indstilling', 'beslutning'],
        sectionsIgnore: ['absent'],
        decision: /^Byrådet godkendte salget/,
        absent: ['Erik Lund'],
      },
      {
        number: 3,
        title: /^Orientering om sommerferieaktiviteter( \(O\))?$/,
        sections: ['sagsfremstilling', 'indstilling', 'beslutning'],
        sectionsIgnore: ['absent'],
        decision: /^Taget til efterretning/,
        absent: ['Erik Lund'],
      },
    ]);
  });

  test('amounts ("895 kr. pr. m2", "ca. 42,7 mio. kr."; m2 and % are not money) and dates', () => {
    checkAmounts(r, [895, 73_438_000, 42_700_000, 250_000]);
    checkDates(r, ['2020-06-16', '2020-06-24']);
  });
});

// ---------------------------------------------------------------------------------------------
describe('F15 Aabenraa Beslutningsprotokol', () => {
  const TEXT = `Beslutningsprotokol
Teknik- og Miljøudvalget
onsdag den 9. september 2020 kl. 08:00
Mødested: Mødelokale 3, Rådhuset
Udvalg: Teknik- og Miljøudvalget
Medlemmer: Lars Vinkel, Kirsten Nissum, Erik Holdt, Mikael Bøgh, Povl Skelde
Bemærkninger:
1. Godkendelse af dagsorden
Sagsid.: 20/26406, Sagsinitialer: ABCD
Beslutning
Godkendt.
Hanne Bro deltog som stedfortræder for Kirsten Nissum.
2. Kloakering af sommerhusområde ved Kelstrup
Sagsid.: 20/19870, Sagsinitialer: MKJ
Sagsfremstilling
Projektet omfatter 140 ejendomme og har en anslået anlægssum på 21,3 mio. kr.
Indstilling
Forvaltningen indstiller, at projektet sendes i offentlig høring i perioden 14. september til 12. oktober 2020.
Beslutning
Indstillingen blev godkendt.
3. Orientering om vejarbejder
Sagsid.: 20/22015, Sagsinitialer: PLH
Sagsfremstilling
Forvaltningen orienterer om vejarbejder i efteråret.
Beslutning
Taget til efterretning.
`;
  let r: Referat;
  beforeAll(async () => {
    r = await fromText(TEXT);
  });

  test('meeting header; "Beslutningsprotokol" is minutes', () => {
    checkMeeting(r, {
      documentType: 'minutes',
      body: 'Teknik- og Miljøudvalget',
      level: 'politisk',
      date: '2020-09-09',
      startTime: '08:00',
      location: 'Mødelokale 3, Rådhuset',
    });
  });

  test('participants: comma-separated Medlemmer line; absence inferred from a substitute named in an item', () => {
    checkParticipants(r, {
      present: ['Lars Vinkel', 'Erik Holdt', 'Mikael Bøgh', 'Povl Skelde', 'Hanne Bro'],
      absent: ['Kirsten Nissum'],
    });
  });

  test('items with "Sagsid.: …, Sagsinitialer: …"', () => {
    checkItems(r, [
      { number: 1, title: 'Godkendelse af dagsorden', sections: ['beslutning'], decision: /^Godkendt/ },
      {
        number: 2,
        title: 'Kloakering af sommerhusområde ved Kelstrup',
        caseNumber: '20/19870',
        sections: ['sagsfremstilling', 'indstilling', 'beslutning'],
        decision: /^Indstillingen blev godkendt/,
        absent: [],
      },
      {
        number: 3,
        title: 'Orientering om vejarbejder',
        sections: ['sagsfremstilling', 'beslutning'],
        decision: /^Taget til efterretning/,
        absent: [],
      },
    ]);
  });

  test('amounts and dates (a day without year takes the year from the range)', () => {
    checkAmounts(r, [21_300_000]);
    checkDates(r, ['2020-09-09', '2020-09-14', '2020-10-12']);
  });
});

// ---------------------------------------------------------------------------------------------
describe('F16 Hedensted dagsorden.xml ("TitleKlik her for at folde ud …")', () => {
  const TEXT = `Byrådet - Dagsordener og referater
Mødedato: 27. januar 2021
Mødested: Byrådssalen, Rådhuset
Dagsordenpunkter
1. Godkendelse af dagsordenKlik her for at folde ud og læse mere om Godkendelse af dagsorden
Beslutningstema
Byrådet skal godkende dagsordenen.
Administrationen indstiller
at | dagsordenen godkendes. |
Beslutning
Godkendt.
Anders Vig, Mette Krog og Per Holm deltog ikke på mødet.
Lisbeth Mørch og Ulla Sand deltog som suppleanter.
2. Udvidelse af daginstitution i JuelsmindeKlik her for at folde ud og læse mere om Udvidelse af daginstitution i Juelsminde
Beslutningstema
Byrådet skal tage stilling til en anlægsbevilling.
Sagsfremstilling
Institutionen udvides med to grupper fra 1. august 2021.
Økonomi
Der gives en anlægsbevilling på 6.400.000 kr.
Historik
Børne- og Familieudvalget anbefalede sagen den 12. januar 2021.
Administrationen indstiller
at | der gives en anlægsbevilling på 6.400.000 kr. |
at | udgiften finansieres af kassebeholdningen. |
Beslutning
Godkendt.
Anders Vig, Mette Krog og Per Holm deltog ikke på mødet.
Lisbeth Mørch og Ulla Sand deltog som suppleanter.
3. Orientering om vintervedligeholdelseKlik her for at folde ud og læse mere om Orientering om vintervedligeholdelse
Beslutningstema
Byrådet orienteres om vintervedligeholdelse.
Sagsfremstilling
Der er brugt 3,2 mio. kr. i indeværende sæson.
Administrationen indstiller
at | orienteringen tages til efterretning. |
Beslutning
Taget til efterretning.
Anders Vig, Mette Krog og Per Holm deltog ikke på mødet.
Lisbeth Mørch og Ulla Sand deltog som suppleanter.
`;
  let r: Referat;
  beforeAll(async () => {
    r = await fromText(TEXT);
  });

  test('meeting header ("<Organ> - Dagsordener og referater")', () => {
    checkMeeting(r, {
      documentType: 'minutes',
      body: 'Byrådet',
      level: 'politisk',
      date: '2021-01-27',
      startTime: null,
      location: 'Byrådssalen, Rådhuset',
    });
  });

  test('"deltog ikke på mødet" absent; "deltog som suppleanter" present', () => {
    checkParticipants(r, { absent: ['Anders Vig', 'Mette Krog', 'Per Holm'], presentIncludes: ['Lisbeth Mørch', 'Ulla Sand'] });
  });

  test('items: expander text stripped from titles; "Administrationen indstiller" + pipe cells', () => {
    const absent = ['Anders Vig', 'Mette Krog', 'Per Holm'];
    checkItems(r, [
      {
        number: 1,
        title: 'Godkendelse af dagsorden',
        sections: ['resume', 'indstilling', 'beslutning'],
        decision: /^Godkendt/,
        absent,
      },
      {
        number: 2,
        title: 'Udvidelse af daginstitution i Juelsminde',
        sections: ['resume', 'sagsfremstilling', 'indstilling', 'beslutning'],
        decision: /^Godkendt/,
        absent,
      },
      {
        number: 3,
        title: 'Orientering om vintervedligeholdelse',
        sections: ['resume', 'sagsfremstilling', 'indstilling', 'beslutning'],
        decision: /^Taget til efterretning/,
        absent,
      },
    ]);
  });

  test('amounts and dates', () => {
    checkAmounts(r, [6_400_000, 6_400_000, 3_200_000]);
    checkDates(r, ['2021-01-12', '2021-01-27', '2021-08-01']);
  });
});

// ---------------------------------------------------------------------------------------------
describe('F17 Ishøj (item titles missing; items run together)', () => {
  const TEXT = `Referat
Økonomiudvalget tirsdag den 22. september 2020 kl. 17:00
Mødelokale 1, Rådhuset
Resume
Forvaltningen fremlægger forslag til budget 2021-2024 til 1. behandling.
Sagsfremstilling
Budgetforslaget indeholder anlægsinvesteringer for 64,8 mio. kr. i 2021.
Indstilling
Forvaltningen indstiller, at budgetforslaget oversendes til 1. behandling i Kommunalbestyrelsen.
Beslutning
Anbefales.
Bilag
Budgetforslag 2021-2024
Resume
Idrætscentret ønsker at forlænge driftsaftalen med kommunen.
Sagsfremstilling
Den nuværende aftale udløber d. 18. januar 2021. Det årlige driftstilskud er 1.450.000 kr.
Indstilling
Forvaltningen indstiller, at driftsaftalen forlænges i fire år.
Beslutning
Godkendt.
Resume
Forvaltningen orienterer om status på den nye ungeindsats.
Sagsfremstilling
Indsatsen har været i drift siden den 31. august 2020.
Indstilling
Forvaltningen indstiller, at orienteringen tages til efterretning.
Beslutning
Taget til efterretning.
Bilag
Statusnotat om ungeindsatsen
`;
  let r: Referat;
  beforeAll(async () => {
    r = await fromText(TEXT);
  });

  test('meeting header ("<Udvalg> <ugedag> den D. måned YYYY kl. HH:MM" on one line)', () => {
    checkMeeting(r, {
      documentType: 'minutes',
      body: 'Økonomiudvalget',
      level: 'politisk',
      date: '2020-09-22',
      startTime: '17:00',
      location: 'Mødelokale 1, Rådhuset',
    });
  });

  test('items: a new Resume after Beslutning/Bilag starts the next item; numbered 1..n as inferred', () => {
    checkItems(r, [
      {
        number: 1,
        numberInferred: true,
        sections: ['resume', 'sagsfremstilling', 'indstilling', 'beslutning', 'bilag'],
        decision: /^Anbefales/,
        absent: [],
      },
      {
        number: 2,
        numberInferred: true,
        sections: ['resume', 'sagsfremstilling', 'indstilling', 'beslutning'],
        decision: /^Godkendt/,
        absent: [],
      },
      {
        number: 3,
        numberInferred: true,
        sections: ['resume', 'sagsfremstilling', 'indstilling', 'beslutning', 'bilag'],
        decision: /^Taget til efterretning/,
        absent: [],
      },
    ]);
  });

  test('amounts and dates ("den 22. september 2020" and "d. 18. januar 2021")', () => {
    checkAmounts(r, [64_800_000, 1_450_000]);
    checkDates(r, ['2020-08-31', '2020-09-22', '2021-01-18']);
  });
});
