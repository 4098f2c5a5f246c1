/** The body that met, read as the header part that best names a body, in headers of many publishers. */
import { describe, it, expect } from 'vitest';
import { fromText } from '../families/helpers.js';

const body = async (header: string[]) => (await fromText([...header, '', '1. Godkendelse af dagsorden', '', 'Beslutning', 'Godkendt.', ''].join('\n'))).meeting?.body ?? null;

describe('meeting body', () => {
  it('the part of a title line that names a body, not the date or the document kind', async () => {
    expect(await body(['Byrådet - 25-05-2023', '', 'Referat'])).toBe('Byrådet');
    expect(await body(['Sundhedssamordningsudvalget - Referat - 08. marts 2016'])).toBe('Sundhedssamordningsudvalget');
    expect(await body(['Økonomiudvalget Åben beslutningsprotokol'])).toBe('Økonomiudvalget');
  });
  it('not the publisher, a room or a breadcrumb', async () => {
    expect(await body(['Tønder Kommune – Kommunalbestyrelsen', 'Dagsorden'])).toBe('Kommunalbestyrelsen');
    expect(await body(['Referat: 21. maj 2019 kl. 16:00', '', 'Byrådssalen, Rådhuset, Ved Fjorden 6, Ringkøbing', 'Byrådet'])).toBe('Byrådet');
    expect(await body(['ForsidepilPolitikpilDagsordner og referaterpilSundhedsudvalgetpilSundhedsudvalget', 'Sundhedsudvalget - Referat - 3. maj 2016'])).toBe('Sundhedsudvalget');
  });
  it('not the date and time after the body, nor the preposition left of a document kind', async () => {
    expect(await body(['Regionsrådet 24-11-2020 13:00', '', 'Referat'])).toBe('Regionsrådet');
    expect(await body(['Referat. fra Økonomiudvalget'])).toBe('Økonomiudvalget');
  });
  it('the genitive before "møde", and the body after "møde i"', async () => {
    expect(await body(['Referat af Byrådets møde d. 20.09.2016'])).toBe('Byrådet');
    expect(await body(['Referat af 2. rådsmøde i Medicinrådet. Afholdt onsdag den 1. marts 2017'])).toBe('Medicinrådet');
  });
  it('a meeting named by a compound of its body: the body in its definite form', async () => {
    expect(await body(['Referat af Lokalrådsmøde', '', 'Tirsdag d. 6. oktober 2020 – kl 19.00'])).toBe('Lokalrådet');
    expect(await body(['Referat af bestyrelsesmøde den 27. februar 2014'])).toBe('Bestyrelsen');
    expect(await body(['Dagsorden/Referat fra Skolebestyrelsesmøde'])).toBe('Skolebestyrelsen');
    // a compound whose first part names no body is not one
    expect(await body(['Referat af temamøde den 3. maj 2021'])).toBeNull();
  });
  it('a level phrase inside the name stays; a stated level is stripped', async () => {
    expect(await body(['Dagsordner og referater Faglig strategisk gruppe Gødstrup-klyngen'])).toBe('Faglig strategisk gruppe Gødstrup-klyngen');
    expect(await body(['Sundhedsklynge Lillebælt – Politisk Niveau', 'Referat 26-04-2024'])).toBe('Sundhedsklynge Lillebælt');
  });
  it('an empty label does not take the next label as its value', async () => {
    expect(await body(['Byrådet - 25-05-2023', 'Referat', 'Udvalg:', 'Dato:', 'Torsdag, 25 maj, 2023 - 18:30'])).toBe('Byrådet');
  });
  it('a single item without a header: the body and date from the decision heading', async () => {
    const r = await fromText(['1.      Status på bevillinger pr. 16.08.2021', '', 'Sagsnr.', '', '450-2020-62968', '', 'Sagsfremstilling', 'Status fremlægges.', '', 'Beslutning i Erhvervs- og Udviklingsudvalget 4. oktober 2021:', '', 'Til efterretning.', ''].join('\n'));
    expect(r.meeting?.body).toBe('Erhvervs- og Udviklingsudvalget');
    expect(r.meeting?.date).toBe('2021-10-04');
    expect(r.items[0].caseNumber).toBe('450-2020-62968');
  });
});

describe('meeting body with what publishers put around it', () => {
  it('a document kind after it, an election period, "Åbent møde for" before it', async () => {
    expect(await body(['REFERAT', 'ØKONOMIUDVALGET Dagsorden'])).toBe('ØKONOMIUDVALGET');
    expect(await body(['Forretningsudvalget 2018-2021', 'Referat fra mødet 14. august 2020'])).toBe('Forretningsudvalget');
    expect(await body(['Åbent møde for Kultur- og fritidsudvalget', 'Referat 5. marts 2009'])).toBe('Kultur- og fritidsudvalget');
  });
  it('a body label inside a run-together header line', async () => {
    expect(await body(['1 Dagsorden Forum: Handicaprådet Tid: 14. marts 2018, kl Sted: Mødelokale 915'])).toBe('Handicaprådet');
  });
});
