import { describe, test, expect } from 'vitest';
import { findAmounts, type AmountMatch } from '../../src/extract/money/amounts.js';

/** every match must slice back to its raw */
function amounts(text: string): AmountMatch[] {
  const found = findAmounts(text);
  for (const a of found) expect(text.slice(a.start, a.end)).toBe(a.raw);
  return found;
}
const values = (text: string): number[] => amounts(text).map((a) => a.value);
const raws = (text: string): string[] => amounts(text).map((a) => a.raw);

describe('findAmounts: writings that count', () => {
  test.each<[string, string, number]>([
    ['Det vurderes, at der skal bruges 3,9 mio. kr. til at udvikle', '3,9 mio. kr.', 3_900_000],
    ['Beløbet dækker over 700.000 kr. til frikøb', '700.000 kr.', 700_000],
    ['samt 50.000kr til udgifter til transport', '50.000kr', 50_000],
    ['vil være udgifter for kr. 900.000. Der vil ske', 'kr. 900.000', 900_000],
    ['Døgntaksten fastsættes til kr. 1.245, mens egenbetalingen', 'kr. 1.245', 1_245],
    ['har i 2022 og 2023 fået tildelt i alt 8.389.000 kr. via klyngemidler.', '8.389.000 kr.', 8_389_000],
    ['merudgifter for regionen på 9,640 mio.kr. årligt fra 2012', '9,640 mio.kr.', 9_640_000],
    ['Der er i budget 2012 afsat 2,5 mio.kr. til puljen', '2,5 mio.kr.', 2_500_000],
    ['udgør på landsplan en pulje på 1,2 mia. kr., som', '1,2 mia. kr.', 1_200_000_000],
    ['Lokaludvalgets samlede budget for 2023 udgør 1.240 t.kr.', '1.240 t.kr.', 1_240_000],
    ['Heraf er 450 t.kr. afsat til puljen', '450 t.kr.', 450_000],
    ['Den samlede kontraktsum er opgjort til 2.920.460 kr., ekskl. moms', '2.920.460 kr.', 2_920_460],
    ['Prisen er 895 kr. pr. m2, svarende til', '895 kr.', 895],
    ['tilkøb af praktisk hjælp fastsættes til 342 kr. pr. time.', '342 kr.', 342],
    ['Tilskuddet er DKK 1.000.000 i alt', 'DKK 1.000.000', 1_000_000],
    ['Tilskuddet er 1.000.000 DKK i alt', '1.000.000 DKK', 1_000_000],
    ['et tilskud på kr. 2,5 mio. til projektet', 'kr. 2,5 mio.', 2_500_000],
    ['en bevilling på mio. kr. 3,5 til projektet', 'mio. kr. 3,5', 3_500_000],
    ['Projektet koster 3 millioner kroner', '3 millioner kroner', 3_000_000],
    ['Projektet koster 2 mio. kroner', '2 mio. kroner', 2_000_000],
    ['Prisen er 100.000,- kr. i alt', '100.000,- kr.', 100_000],
    ['Der er bevilget 2½ mio. kr. til indsatsen', '2½ mio. kr.', 2_500_000],
    ['Der er afsat ½ mio. kr. til puljen', '½ mio. kr.', 500_000],
    ['Udgiften er ca.75.000 kr. årligt', '75.000 kr.', 75_000],
    ['Tilskuddet udgør kr. 45.000,- i alt', 'kr. 45.000,-', 45_000],
    ['Tilskuddet udgør 45.000,- i alt', '45.000,-', 45_000],
    ['Betalingen er 1.500,50 kr. om måneden', '1.500,50 kr.', 1_501],
    ['Tilskuddet er 1 000 000 kr. i alt', '1 000 000 kr.', 1_000_000],
    ['Regionernes bloktilskud reguleres med 64 mio. kr. i 2024', '64 mio. kr.', 64_000_000],
    ['Den samlede pris er 56 kr.', '56 kr.', 56],
  ])('%s', (text, raw, value) => {
    const found = amounts(text);
    expect(found).toHaveLength(1);
    expect(found[0].raw).toBe(raw);
    expect(found[0].value).toBe(value);
  });

  test('two amounts in one sentence: "fra 56 kr. til 58 kr."', () => {
    expect(raws('Prisen for en hovedret stiger fra 56 kr. til 58 kr., og')).toEqual(['56 kr.', '58 kr.']);
  });

  test('"1.316.000" at the end of a line and "kr." on the next', () => {
    expect(raws('en samlet udgift på 1.316.000\nkr. i 2013')).toEqual(['1.316.000\nkr.']);
  });

  test('a range borrows the unit of its second number', () => {
    expect(values('Indsatsen koster 1,5-2 mio. kr. årligt')).toEqual([1_500_000, 2_000_000]);
    expect(values('Indsatsen koster mellem 2 og 3 mio. kr. om året')).toEqual([2_000_000, 3_000_000]);
    // the first number leaves out the thousands the second writes
    expect(values('Udgifterne er ca. 300-400.000 kr.')).toEqual([300_000, 400_000]);
    expect(values('Udgifterne er 1-1.500.000 kr.')).toEqual([1_000_000, 1_500_000]);
  });
});

describe('findAmounts: a range with the currency before the first number', () => {
  test('"kr. 20 – 40.000" is two amounts, the first with the thousands the second writes', () => {
    expect(values('Prisen anslås til kr. 20 – 40.000 pr. projekt.')).toEqual([20_000, 40_000]);
  });
  test('"kr. 1,5-2 mio." reads the factor for both', () => {
    expect(values('en udgift på kr. 1,5-2 mio. over tre år')).toEqual([1_500_000, 2_000_000]);
  });
  test('a year after the range is not its end', () => {
    expect(values('Tilskuddet er kr. 5.000 til 2025 og derefter ingen.')).toEqual([5_000]);
  });
});

describe('findAmounts: irregular writings are read and flagged', () => {
  test('"2.5 mio. kr." (decimal point) = 2.500.000, ambiguous', () => {
    const [a] = amounts('Anbefalingerne beløber sig til 2.5 mio. kr. hvilket altså overstiger rammen');
    expect(a.raw).toBe('2.5 mio. kr.');
    expect(a.value).toBe(2_500_000);
    expect(a.ambiguous).not.toBeNull();
    expect(a.ambiguous!.why).toMatch(/decimal/);
  });

  test('"1. mio. kr." (stray dot) = 1.000.000, ambiguous', () => {
    const [a] = amounts('hvilket altså overstiger den forhåndsgodkendte ramme med 1. mio. kr.');
    expect(a.raw).toBe('1. mio. kr.');
    expect(a.value).toBe(1_000_000);
    expect(a.ambiguous).not.toBeNull();
  });

  test('"1,500,000 kr." (English thousands) is read and flagged', () => {
    const [a] = amounts('en udgift på 1,500,000 kr. i alt');
    expect(a.value).toBe(1_500_000);
    expect(a.ambiguous).not.toBeNull();
  });

  test('regular writings are not flagged', () => {
    for (const a of amounts('3,9 mio. kr. og 700.000 kr. og kr. 900.000 og 9,640 mio.kr.')) expect(a.ambiguous).toBeNull();
  });
});

describe('findAmounts: "mio." without "kr." needs money context', () => {
  test('"1.5 mio." next to "midler" counts (and is ambiguous)', () => {
    const [a] = amounts('godkendt, at 1.5 mio. af Sundhedsklynge Lillebælts midler anvendes til nye kompetenceudviklingsforløb.');
    expect(a.raw).toBe('1.5 mio.');
    expect(a.value).toBe(1_500_000);
  });

  test('"cirka 4,4 mio." after a sentence about kr. counts, approximate', () => {
    const text =
      'har Sundhedsklynge Lillebælt fået tildelt cirka 8,4 mio. kr. i fælles klyngemidler. Afhængigt af beslutningen under punkt 5 er cirka 4,4 mio. øremærket til anvendelse til tre initiativer.';
    const found = amounts(text);
    expect(found.map((a) => a.value)).toEqual([8_400_000, 4_400_000]);
    expect(found.every((a) => a.approximate)).toBe(true);
    expect(found[1].raw).toBe('4,4 mio.');
  });

  test('"mio." without money words does not count', () => {
    expect(amounts('Der var 1,5 mio. besøg på hjemmesiden i 2023.')).toEqual([]);
    expect(amounts('Regionen har 1,2 mio. indbyggere, og budgettet er stort.')).toEqual([]);
  });
});

describe('findAmounts: qualifiers and signs', () => {
  test('"ca." is outside raw, sets approximate and is reported as qualifier', () => {
    const text = 'Dette er estimeret til ca. 220.000 kr. for den samlede periode.';
    const [a] = amounts(text);
    expect(a.raw).toBe('220.000 kr.');
    expect(a.approximate).toBe(true);
    expect(a.qualifier).toEqual({ raw: 'ca.', start: text.indexOf('ca.'), approximate: true });
    expect(text.slice(a.qualifier!.start, a.end)).toBe('ca. 220.000 kr.');
  });

  test.each(['cirka 1 mio. kr.', 'omkring 3 mio. kr.', 'godt 2 mio. kr.', 'knap 5 mio. kr.', 'op mod 4 mio. kr.', 'under 1 mio. kr.'])(
    '%s is approximate',
    (text) => {
      const [a] = amounts(`Udgiften er ${text}`);
      expect(a.approximate).toBe(true);
    },
  );

  test('"op til 13,5 mio. kr." is a bound, not an estimate', () => {
    const [a] = amounts('Der kan søges op til 13,5 mio. kr. til projekter');
    expect(a.value).toBe(13_500_000);
    expect(a.approximate).toBe(false);
    expect(a.qualifier?.raw).toBe('op til');
  });

  test('"netto -3.751.000 kr." is negative, sign in raw', () => {
    const [a] = amounts('et samlet mindreforbrug på netto -3.751.000 kr. i forhold til det korrigerede budget');
    expect(a.raw).toBe('-3.751.000 kr.');
    expect(a.value).toBe(-3_751_000);
    expect(a.negative).toBe(true);
  });

  test('"÷ 250.000 kr." is negative', () => {
    const [a] = amounts('Resultat ÷ 250.000 kr. i alt');
    expect(a.value).toBe(-250_000);
    expect(a.raw).toBe('÷ 250.000 kr.');
  });

  test('a bullet dash is not a minus sign', () => {
    expect(values('Økonomi:\n- 700.000 kr. til frikøb')).toEqual([700_000]);
  });
});

describe('findAmounts: not money', () => {
  test.each([
    'Der er 9.200 personer i målgruppen og 4.600 på venteliste.',
    'Medarbejderen frikøbes 12 timer ugentligt.',
    'Budgettet for 2024 og 2025 er endnu ikke vedtaget.',
    'Sagsnr. 22/43575 og sagsnr.: 2012-28504',
    'Arealet er på 3.400 m2.',
    'Kontakt os på 12 34 56 78.',
    'Godkendelse af program for 12/12 seminaret.',
    'Der er bestilt 100 stk. T-shirts.',
    'Udledningen falder med 331.000 tons CO2e.',
    'Andelen steg med 19,8 pct., 9% og 66,11% i alt.',
    'Mødet holdes den 04.12.2012 kl. 15.30.',
    'projekt nr. 650260 og punkt 3.',
    'Budget (1.000 kr.) fremgår af bilaget.',
  ])('%s', (text) => {
    expect(amounts(text)).toEqual([]);
  });
});

describe('findAmounts: budget tables without "kr."', () => {
  test('tab-separated table under a money paragraph, with a total line (real passage)', () => {
    const text = [
      'Finansieringen via klyngemidlerne foreslås efter samme fordeling som tidligere anvendt; så hver kommune og regionen bidrager med samme andel af den samlede udgift.',
      '',
      'Samlede anbefalinger til kompetenceudvikling (allerede igangsatte + anbefalede initiativer)\t3.549.518',
      'Tidligere bevilget (okt. 2023)\t1.014.060',
      'Forhåndsgodkendt ramme (okt. 2023), Bevilget (marts 2024)\t1.500.000',
      'Til finansiering ud over forhåndsgodkendelse\t1.035.458',
    ].join('\n');
    const found = amounts(text);
    expect(found.map((a) => a.value)).toEqual([3_549_518, 1_014_060, 1_500_000, 1_035_458]);
    expect(found.map((a) => a.raw)).toEqual(['3.549.518', '1.014.060', '1.500.000', '1.035.458']);
  });

  test('pipe table with "(kr.)" header and "I alt" row', () => {
    const text = [
      'Status på projekterne:',
      '| Projekt | Bevilling (kr.) |',
      '| Tidlig opsporing af KOL | 2.150.000 |',
      '| Fælles akutteam | 3.265.000 |',
      '| Kompetenceløft | 650.000 |',
      '| I alt | 6.065.000 |',
    ].join('\n');
    expect(values(text)).toEqual([2_150_000, 3_265_000, 650_000, 6_065_000]);
  });

  test('space-aligned table (pdftotext layout) with an "I alt" row and no money words', () => {
    const text = [
      '     Overslag:',
      '',
      '     Ombygning af træningssal                              865.000',
      '     Ventilation og lys                                    312.000',
      '     I alt                                               1.177.000',
    ].join('\n');
    const found = amounts(text);
    expect(found.map((a) => a.value)).toEqual([865_000, 312_000, 1_177_000]);
    expect(found[2].raw).toBe('1.177.000');
  });

  test('space-aligned rows that carry "kr." are counted once', () => {
    const text = ['     Ombygning af træningssal      865.000 kr.', '     I alt                         865.000 kr.'].join('\n');
    expect(values(text)).toEqual([865_000, 865_000]);
  });

  test('a "(1.000 kr.)" header scales the cells and plain cells count', () => {
    const text = ['Budget (1.000 kr.)', 'Post\t2024\t2025', 'Løn\t1.200\t1.300', 'Drift\t450\t500', 'I alt\t1.650\t1.800'].join('\n');
    expect(values(text)).toEqual([1_200_000, 1_300_000, 450_000, 500_000, 1_650_000, 1_800_000]);
  });

  test('a "mio. kr." header cell scales decimal cells', () => {
    const text = ['| Område | mio. kr. |', '| Drift | 12,5 |', '| Anlæg | 3,25 |'].join('\n');
    expect(values(text)).toEqual([12_500_000, 3_250_000]);
  });

  test('percent tables, count tables and tables of contents are not money', () => {
    expect(amounts(['\t5. klasse\t8. klasse', 'Synes du, at du har for meget at se til?\t11 %\t17 %', 'Er du blevet mobbet?\t24 %\t13 %'].join('\n'))).toEqual([]);
    expect(amounts(['Budgettet dækker disse målgrupper:', 'Kommune\tAntal personer', 'Aabenraa\t9.200', 'Tønder\t4.600'].join('\n'))).toEqual([]);
    expect(amounts(['Indholdsfortegnelse', 'Økonomi og budget.....\t3', 'Eventuelt.....\t12'].join('\n'))).toEqual([]);
  });

  test('a table of thousands-formatted numbers without any money cue does not count', () => {
    expect(amounts(['Besøg på hjemmesiden', 'Januar\t12.400', 'Februar\t13.100'].join('\n'))).toEqual([]);
  });
});

describe('findAmounts: spans', () => {
  test('offsets slice to raw in a longer passage with many kinds of amounts', () => {
    const text =
      'Regionernes bloktilskud reguleres med 64 mio. kr. i 2024, 178 mio. kr. i 2025, 285 mio. kr. i 2026 og 323 mio. kr. i 2027 og frem, heraf er 64 mio. kr. i 2024 og 161 mio. kr. i 2025 og frem nye statslige midler.';
    const found = amounts(text);
    expect(found.map((a) => a.value)).toEqual([64e6, 178e6, 285e6, 323e6, 64e6, 161e6]);
    for (const a of found) expect(text.slice(a.start, a.end)).toBe(a.raw);
  });

  test('results are in text order and do not overlap', () => {
    const found = amounts('kr. 900.000 og ca. 220.000 kr. samt 75.000 kr. i 2023 og 145.000 kr. i 2024');
    expect(found.map((a) => a.value)).toEqual([900_000, 220_000, 75_000, 145_000]);
    for (let i = 1; i < found.length; i++) expect(found[i].start).toBeGreaterThanOrEqual(found[i - 1].end);
  });
});

describe('findAmounts: property', () => {
  test('spans always slice to raw, results are ordered and disjoint, values are integers', async () => {
    const fc = (await import('fast-check')).default;
    const token = fc.constantFrom(
      '3,9', '700.000', '1.', '2.5', '1.5', ' ', '  ', '\t', '\n', '|', 'kr.', 'kr', 'mio.', 'mia.', 't.kr.', 'DKK', ',-', '-', '÷',
      'ca.', 'cirka', 'op til', 'budget', 'I alt', '2024', '12', '%', 'personer', '(1.000 kr.)', 'og', 'til', '1 000',
    );
    fc.assert(
      fc.property(fc.array(token, { maxLength: 25 }), (parts) => {
        const text = parts.join('');
        const found = findAmounts(text);
        let last = -1;
        for (const a of found) {
          expect(text.slice(a.start, a.end)).toBe(a.raw);
          expect(Number.isInteger(a.value)).toBe(true);
          expect(a.start).toBeGreaterThanOrEqual(last);
          last = a.end;
        }
      }),
      { numRuns: 500 },
    );
  });
});
