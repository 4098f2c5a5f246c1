import { describe, test, expect } from 'vitest';
import {
  findDates,
  findYearlessDates,
  findImpossibleDates,
  findTimes,
  type DateMatch,
} from '../../src/extract/dates/dates.js';

function dates(text: string, referenceYear: number | null = null): DateMatch[] {
  const found = findDates(text, { referenceYear });
  for (const d of found) expect(text.slice(d.start, d.end)).toBe(d.raw);
  return found;
}
const isos = (text: string, referenceYear: number | null = null): string[] => dates(text, referenceYear).map((d) => d.date);

describe('findDates: formats', () => {
  test.each<[string, string, string]>([
    ['Mødedato Fredag d. 26. april 2024 kl. 12:30', 'Fredag d. 26. april 2024', '2024-04-26'],
    ['mødet den 1. oktober 2018 i regionshuset', '1. oktober 2018', '2018-10-01'],
    ['har været i drift siden d. 18. januar 2021.', '18. januar 2021', '2021-01-18'],
    ['Møde i Sundhedsklynge Nordsjælland d. 10 februar 2022', '10 februar 2022', '2022-02-10'],
    ['På mødet den 20 april 2023 blev der besluttet', '20 april 2023', '2023-04-20'],
    ['Udvalget - Referat - 03. oktober 2011', '03. oktober 2011', '2011-10-03'],
    ['Beslutning i Sundhedsklynge Lillebælt den 26-04-2024', '26-04-2024', '2024-04-26'],
    ['Udvalgets beslutning den 04.12.2012 Punkt 3', '04.12.2012', '2012-12-04'],
    ['Punkt 3 Klyngemidler - Status og overblik 2024-04-15', '2024-04-15', '2024-04-15'],
    ['Mødet blev holdt 15-maj-2002 på rådhuset', '15-maj-2002', '2002-05-15'],
    ['Taksterne gælder med virkning fra 1/1 2013.', '1/1 2013', '2013-01-01'],
    ['sendes i høring med frist 14/12 2012.', '14/12 2012', '2012-12-14'],
    ['Dato: Onsdag, April 3, 2019 - 18:00', 'Onsdag, April 3, 2019', '2019-04-03'],
    ['Date: Wednesday, February 7, 2024', 'Wednesday, February 7, 2024', '2024-02-07'],
    ['- Mødedato: 28. februar, 2025 kl. 09:30', '28. februar, 2025', '2025-02-28'],
    ['STARTTIDSPUNKT\n03-10-2011 09:30:00', '03-10-2011', '2011-10-03'],
    ['den 5. okt. 2023 og', '5. okt. 2023', '2023-10-05'],
    ['den 3. sept. 2023 og', '3. sept. 2023', '2023-09-03'],
    ['Tirsdag den 04-12-2012 kl. 14:00', 'Tirsdag den 04-12-2012', '2012-12-04'],
    ['"Kommunalbestyrelsen den 30. januar 2012 Punkt 5"', '30. januar 2012', '2012-01-30'],
    ['gælder fra den 1.\njanuar 2007', '1.\njanuar 2007', '2007-01-01'],
    ['Notat om kapacitet (påført 07.04.2025)', '07.04.2025', '2025-04-07'],
    ['Notat, 18.08.25', '18.08.25', '2025-08-18'],
    ['svarfrist 26-04-24', '26-04-24', '2024-04-26'],
    ['gældende fra 1/1-24', '1/1-24', '2024-01-01'],
  ])('%s', (text, raw, iso) => {
    const found = dates(text);
    expect(found).toHaveLength(1);
    expect(found[0].raw).toBe(raw);
    expect(found[0].date).toBe(iso);
    expect(found[0].yearInferred).toBe(false);
  });

  test('a written weekday is reported (0 = Sunday) and checked', () => {
    const [ok] = dates('torsdag den 20. februar 2025 kl. 13-16');
    expect(ok.weekday).toBe(4);
    expect(ok.weekdayMismatch).toBe(false);
    const [bad] = dates('fredag den 20. februar 2025');
    expect(bad.weekdayMismatch).toBe(true);
  });
});

describe('findDates: compact DDMMYY only in file-name contexts', () => {
  test.each([
    ['Kompetenceudvikling - oplæg politisk niveau260424', '260424'],
    ['Bilag til punkt 10 (260424) - Implementeringsplan', '260424'],
    ['Oplæg_260424.pdf', '260424'],
    ['Kvalitetsstandard 260424.pdf', '260424'],
    ['Godkendt af byrådet 300409', '300409'],
  ])('%s', (text, raw) => {
    const found = dates(text);
    expect(found.map((d) => d.raw)).toEqual([raw]);
  });

  test('ordinary 6-digit numbers are not dates', () => {
    expect(dates('Sagsnr. 120324 og Brevid: 4418203, projekt nr. 520110 med 120324 deltagere')).toEqual([]);
    expect(dates('se https://example.dk/wm201010 for detaljer')).toEqual([]);
  });
});

describe('findDates: ranges and lists', () => {
  test('"3.-4. januar 2023" is one match with an end date', () => {
    const [d] = dates('drejebogen for 12-12 seminaret den 3.-4. januar 2023.');
    expect(d.raw).toBe('3.-4. januar 2023');
    expect(d.date).toBe('2023-01-03');
    expect(d.endDate).toBe('2023-01-04');
  });

  test('"26. - 27. april 2012" is one range', () => {
    const [d] = dates('at gennemføre studieturen den 26. - 27. april 2012.');
    expect([d.raw, d.date, d.endDate]).toEqual(['26. - 27. april 2012', '2012-04-26', '2012-04-27']);
  });

  test('"30. april - 2. maj 2024" is one cross-month range', () => {
    const [d] = dates('kurset 30. april - 2. maj 2024');
    expect([d.date, d.endDate]).toEqual(['2024-04-30', '2024-05-02']);
  });

  test('"d. 26. og 27. april" with a reference year gives both days (real passage)', () => {
    const text = 'Faglig strategisk niveau afholdt d. 26. og 27. april 12/12 seminar med et klart formål';
    const found = dates(text, 2023);
    expect(found.map((d) => [d.raw, d.date, d.yearSource])).toEqual([
      ['26.', '2023-04-26', 'reference'],
      ['27. april', '2023-04-27', 'reference'],
    ]);
    expect(found.every((d) => d.yearInferred)).toBe(true);
  });

  test('"den 12. og 13. maj 2024": both days share the written year', () => {
    const found = dates('Kommunalbestyrelsen holdt budgetseminar den 12. og 13. maj 2024.');
    expect(found.map((d) => [d.date, d.yearSource])).toEqual([
      ['2024-05-12', 'shared'],
      ['2024-05-13', 'written'],
    ]);
  });

  test('"fra 2. april til 3. maj 2024": two dates, the first shares the year', () => {
    const found = dates('Høringen løber fra 2. april til 3. maj 2024.');
    expect(found.map((d) => [d.raw, d.date, d.yearInferred])).toEqual([
      ['2. april', '2024-04-02', true],
      ['3. maj 2024', '2024-05-03', false],
    ]);
  });

  test('"fra 1. december til 5. januar 2024": the first date falls in the year before', () => {
    expect(isos('fra 1. december til 5. januar 2024')).toEqual(['2023-12-01', '2024-01-05']);
  });

  test('a list "14. maj, 11. juni og 10. september 2024" shares the year', () => {
    expect(isos('Møderne holdes 14. maj, 11. juni og 10. september 2024.')).toEqual(['2024-05-14', '2024-06-11', '2024-09-10']);
  });

  test('a year-less list uses the reference year', () => {
    const text = 'Møderne holdes fortsat tirsdage kl. 16:00:\n\n14. maj, 11. juni, 13. august, 10. september, 8. oktober, 12. november\nog 10. december.';
    expect(isos(text, 2024)).toEqual(['2024-05-14', '2024-06-11', '2024-08-13', '2024-09-10', '2024-10-08', '2024-11-12', '2024-12-10']);
  });
});

describe('findDates: year-less dates', () => {
  test('without a reference year they are left to findYearlessDates', () => {
    const text = 'frem mod mødet d. 12. november afklares lokale ønsker';
    expect(dates(text)).toEqual([]);
    expect(findYearlessDates(text)).toEqual([{ raw: '12. november', start: text.indexOf('12.'), end: text.indexOf('12.') + 12, day: 12, month: 11, endDay: null, weekday: null }]);
  });

  test('with a reference year they get it, yearInferred', () => {
    const [d] = dates('dagsordenen til mødet den 6. december.', 2022);
    expect([d.raw, d.date, d.yearInferred, d.yearSource]).toEqual(['6. december', '2022-12-06', true, 'reference']);
  });

  test('a weekday that fits the reference year keeps it', () => {
    const [d] = dates('behandles på Byrådets næste møde tirsdag den 9. april.', 2024);
    expect([d.raw, d.date, d.weekday, d.weekdayMismatch]).toEqual(['tirsdag den 9. april', '2024-04-09', 2, false]);
  });

  test('a weekday that does not fit moves to the neighbouring year that fits', () => {
    // 9 April is a Wednesday in 2025, a Tuesday in 2024
    const [d] = dates('onsdag den 9. april', 2024);
    expect(d.date).toBe('2025-04-09');
    expect(d.weekdayMismatch).toBe(false);
  });

  test('a weekday that fits no nearby year keeps the reference year, marked', () => {
    // 9 April: Tue 2024, Wed 2025, Sun 2023
    const [d] = dates('fredag den 9. april', 2024);
    expect(d.date).toBe('2024-04-09');
    expect(d.weekdayMismatch).toBe(true);
  });

  test('"Oplæg 26. april Kongshøj" (attachment name) takes the reference year', () => {
    expect(isos('Oplæg 26. april Kongshøj', 2024)).toEqual(['2024-04-26']);
  });

  test('with the meeting\'s date: placed in the months ahead rather than far behind', () => {
    const at = (text: string, meeting: string) => findDates(text, { referenceYear: Number(meeting.slice(0, 4)), referenceDate: meeting }).map((d) => d.date);
    // December minutes: January is the coming one, a December day this one
    expect(at('Infomøde om valg d. 8. januar. Julehygge d. 10. december.', '2013-12-12')).toEqual(['2014-01-08', '2013-12-10']);
    // October minutes: May is next May, a day in September this year's
    expect(at('mødet afholdes den 20. maj; sidste møde var den 10. september', '2020-10-08')).toEqual(['2021-05-20', '2020-09-10']);
  });

  test('a list of year-less dates is a schedule in order: an earlier month is the next year\'s', () => {
    const text = 'Mødekalender kommende skoleår\n\n31. august\n\n27. oktober\n\n5. januar\n\n24. februar\n\n22. marts';
    expect(findDates(text, { referenceYear: 2022, referenceDate: '2022-05-25' }).map((d) => d.date)).toEqual(['2022-08-31', '2022-10-27', '2023-01-05', '2023-02-24', '2023-03-22']);
    // without the meeting's date: the reference year, as before
    expect(findDates(text, { referenceYear: 2022 }).map((d) => d.date)).toEqual(['2022-08-31', '2022-10-27', '2022-01-05', '2022-02-24', '2022-03-22']);
  });

  test('findYearlessDates returns weekday and list days', () => {
    const y = findYearlessDates('d. 26. og 27. april, og tirsdag den 9. april');
    expect(y.map((d) => [d.raw, d.day, d.month, d.weekday])).toEqual([
      ['26.', 26, 4, null],
      ['27. april', 27, 4, null],
      ['tirsdag den 9. april', 9, 4, 2],
    ]);
  });
});

describe('findDates: not dates', () => {
  test.each([
    'Det Politiske Niveau godkendte i januar 2023 igangsættelsen',
    'forventes afsluttet i april 2024',
    'Implementering af Sundhedsaftalen 2024-27',
    'i perioden 2015-2022 og 2023-27',
    'Godkendelse af program for 12-12 seminaret',
    'afholdt 12/12 seminar',
    'Aktiviteten ligger i uge 43.',
    'forventes i 2./3. kvartal 2024',
    'Sagsnr. 22/43575',
    'i alt 1.240 og 8.389.000 og 1.014.060',
    'Mødet sluttede kl. 15.30.',
    '1. suppleant Allan Hede var indkaldt',
    '1. at dagsordenen godkendes',
    'Punkt 3. Eventuelt',
    'Ultimo maj 2023 og okt. 2023 og skoleåret 2015/2016',
    '2. Jan Hansen (A)\n3. Maj Britt Olsen (V)',
    'Godkendelse af 1. maj-arrangementet',
    'Åbent - 27.12.00A00 - 2012/066310',
    'Sagnr.: 1-30-72-58-24',
    'version 1.2.13 og telefon 12 34 56 78',
    '1/2 af budgettet og 3/4 af tiden',
  ])('%s', (text) => {
    expect(dates(text, 2024)).toEqual([]);
  });
});

describe('findImpossibleDates', () => {
  test('impossible dates are flagged, not returned as dates', () => {
    const text = 'fristen er 31-02-2024, mødet den 30. februar 2023 og den 29. februar 2023, men 29. februar 2024 findes';
    expect(findImpossibleDates(text).map((d) => d.raw)).toEqual(['31-02-2024', '30. februar 2023', '29. februar 2023']);
    expect(isos(text)).toEqual(['2024-02-29']);
    for (const d of findImpossibleDates(text)) {
      expect(text.slice(d.start, d.end)).toBe(d.raw);
      expect(d.reason).toMatch(/februar/);
    }
  });

  test('"31. april" without a year is impossible in every year', () => {
    expect(findImpossibleDates('mødet den 31. april').map((d) => d.raw)).toEqual(['31. april']);
  });
});

describe('findTimes', () => {
  test.each<[string, string, string, string | null]>([
    ['Mødedato Fredag d. 26. april 2024 kl. 13:00', 'kl. 13:00', '13:00', null],
    ['X til kl. 15.30 i punkt 2', 'kl. 15.30', '15:30', null],
    ['forlod mødet kl.21.33 efter punkt 6', 'kl.21.33', '21:33', null],
    ['Tidspunkt: Kl. 19:00', 'Kl. 19:00', '19:00', null],
    ['Mødet holdes kl. 15:00 - 17:00', 'kl. 15:00 - 17:00', '15:00', '17:00'],
    ['Program: 14:00-14:10 Velkomst', '14:00-14:10', '14:00', '14:10'],
    ['Tid: 14:00 - 16:30', '14:00 - 16:30', '14:00', '16:30'],
    ['Frokost fra 12.30', '12.30', '12:30', null],
    ['Frokost 12.30-13.00', '12.30-13.00', '12:30', '13:00'],
    ['torsdag den 20. februar 2025 kl. 13-16', 'kl. 13-16', '13:00', '16:00'],
    ['STARTTIDSPUNKT 03-10-2011 09:30:00', '09:30:00', '09:30', null],
  ])('%s', (text, raw, time, endTime) => {
    const found = findTimes(text);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ raw, time, endTime });
    expect(text.slice(found[0].start, found[0].end)).toBe(raw);
  });

  test('dates, amounts, scales and section numbers are not times', () => {
    expect(findTimes('Dato: 09.04.2024, beløb 1.240 kr., målestok 1:50.000, afsnit 4.10')).toEqual([]);
  });
});

describe('dates and times: property', () => {
  test('spans always slice to raw and dates are valid ISO days', async () => {
    const fc = (await import('fast-check')).default;
    const token = fc.constantFrom(
      '26', '3', '31', '02', '2024', '24', '.', '-', '/', ' ', '\n', ',', 'og', 'til', 'den', 'd.', 'tirsdag', 'april', 'februar',
      'okt.', 'maj', 'kl.', ':', '13', '30', '260424', '(', ')', '_', 'Sagsnr.',
    );
    fc.assert(
      fc.property(fc.array(token, { maxLength: 25 }), fc.option(fc.integer({ min: 1990, max: 2030 })), (parts, ref) => {
        const text = parts.join('');
        for (const d of findDates(text, { referenceYear: ref })) {
          expect(text.slice(d.start, d.end)).toBe(d.raw);
          const t = new Date(`${d.date}T00:00:00Z`);
          expect(t.toISOString().slice(0, 10)).toBe(d.date);
          if (d.endDate !== null) expect(d.endDate > d.date).toBe(true);
        }
        for (const x of [...findYearlessDates(text), ...findImpossibleDates(text), ...findTimes(text)]) {
          expect(text.slice(x.start, x.end)).toBe(x.raw);
        }
      }),
      { numRuns: 500 },
    );
  });
});
