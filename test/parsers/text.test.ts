import iconv from 'iconv-lite';
import { describe, expect, test } from 'vitest';
import { countSuspicious, decodeBytes, cleanDecodedText, readText, repairMojibake } from '../../parsers/text.js';
import { DOCS, sample, sampleText } from './paths.js';

const original = sampleText('000_94bc2a59beba3b57.txt');

describe('decodeBytes', () => {
  test.each(DOCS)('sample %s is UTF-8 and decodes to the same string', (doc) => {
    const r = readText(sample(`${doc}.txt`));
    expect(r.encoding).toBe('utf-8');
    expect(r.format).toBe('txt');
    expect(r.text).toBe(sampleText(`${doc}.txt`));
    expect(r.pageStarts).toBeNull();
    expect(r.headingStarts).toEqual([]);
    expect(r.diagnostics).toEqual([]);
  });

  test('byte order marks: UTF-8, UTF-16LE, UTF-16BE', () => {
    const utf8 = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(original, 'utf8')]);
    expect(decodeBytes(utf8)).toMatchObject({ encoding: 'utf-8', bom: true, text: original });
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(original, 'utf16le')]);
    expect(decodeBytes(le)).toMatchObject({ encoding: 'utf-16le', bom: true, text: original });
    const be = Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(original, 'utf16le').swap16()]);
    expect(decodeBytes(be)).toMatchObject({ encoding: 'utf-16be', bom: true, text: original });
  });

  test('UTF-16LE without a BOM is recognised by its NUL bytes', () => {
    expect(decodeBytes(Buffer.from(original, 'utf16le'))).toMatchObject({ encoding: 'utf-16le', text: original });
  });

  test('Windows-1252 text keeps æøå and “ ” – (not read as Latin-1 or a DOS code page)', () => {
    const text = 'Referat fra mødet i Ældre- og Sundhedsudvalget – “Åbent møde” på rådhuset. Beløb: 1.245 kr.\n'.repeat(3);
    const r = readText(iconv.encode(text, 'windows-1252'));
    expect(r.encoding).toBe('windows-1252');
    expect(r.text).toBe(text);
  });

  test('the real sample re-encoded as Windows-1252 round-trips', () => {
    const bytes = iconv.encode(original, 'windows-1252');
    expect(iconv.decode(bytes, 'windows-1252')).toBe(original); // the sample is representable
    const r = readText(bytes);
    expect(r.encoding).toBe('windows-1252');
    expect(r.text).toBe(original);
  });

  test('ISO-8859-1 Danish text decodes correctly too', () => {
    const text = 'Sagsfremstilling: Økonomiudvalget godkendte bevillingen på mødet i år.';
    expect(readText(iconv.encode(text, 'latin1')).text).toBe(text);
  });
});

describe('cleanDecodedText', () => {
  test('CRLF and CR become LF', () => {
    expect(cleanDecodedText('a\r\nb\rc\n').text).toBe('a\nb\nc\n');
  });

  test('NUL bytes are removed with an info diagnostic', () => {
    const r = readText(Buffer.from('Refe\u0000rat\u0000\nPunkt 1', 'utf8'));
    expect(r.text).toBe('Referat\nPunkt 1');
    expect(r.diagnostics).toHaveLength(1);
    expect(r.diagnostics[0]).toMatchObject({ code: 'nul-bytes-removed', severity: 'info', span: null });
  });

  test('form feeds are page breaks: pageStarts point at each page’s first character', () => {
    const raw = 'Side et\nlinje\n\fSide to\n\fSide tre\f';
    const r = readText(Buffer.from(raw));
    expect(r.text).not.toContain('\f');
    expect(r.pageStarts).toHaveLength(3);
    const pages = r.pageStarts!.map((s, i) => r.text.slice(s, r.pageStarts![i + 1] ?? r.text.length));
    expect(pages.map((p) => p.split('\n')[0])).toEqual(['Side et', 'Side to', 'Side tre']);
    // a form feed in the middle of a line still starts the page on a line of its own
    const mid = readText(Buffer.from('slut\fStart'));
    expect(mid.text).toBe('slut\nStart');
    expect(mid.pageStarts).toEqual([0, 5]);
  });

  test('no form feed: pageStarts is null', () => {
    expect(readText(Buffer.from('a\nb')).pageStarts).toBeNull();
  });
});

describe('mojibake repair', () => {
  test('UTF-8 read as Windows-1252 ("Ã¸") is repaired and reported', () => {
    const broken = iconv.decode(Buffer.from(original, 'utf8'), 'windows-1252');
    expect(countSuspicious(broken)).toBeGreaterThan(10);
    const r = readText(Buffer.from(broken, 'utf8'));
    expect(r.text).toBe(original);
    const d = r.diagnostics.find((x) => x.code === 'mojibake-repaired');
    expect(d).toMatchObject({ severity: 'warning' });
    expect(d!.message).toContain('windows-1252');
    expect(d!.quote).toMatch(/→/);
  });

  test('UTF-8 read as Latin-1 is repaired', () => {
    const broken = iconv.decode(Buffer.from('Mødet i Sundhedsudvalget på Rådhuset', 'utf8'), 'latin1');
    expect(broken).toContain('Ã¸');
    expect(repairMojibake(broken).text).toBe('Mødet i Sundhedsudvalget på Rådhuset');
  });

  test('DOS code page mojibake ("Regionsr├ądet", CP852) is repaired', () => {
    const broken = iconv.decode(Buffer.from('Regionsrådet og Sundhedsudvalget mødtes i Ørestad', 'utf8'), 'cp852');
    expect(broken).toContain('Regionsr├ądet');
    const r = repairMojibake(broken);
    expect(r.text).toBe('Regionsrådet og Sundhedsudvalget mødtes i Ørestad');
    expect(r.codepage).toBe('cp852');
  });

  test('CP850 mojibake is repaired', () => {
    const broken = iconv.decode(Buffer.from('Økonomiudvalget bevilger 2,5 mio. kr. til næste år', 'utf8'), 'cp850');
    expect(repairMojibake(broken).text).toBe('Økonomiudvalget bevilger 2,5 mio. kr. til næste år');
  });

  test('partly damaged text: only the damaged words change', () => {
    const text = 'Mødet blev holdt på rådhuset. ' + iconv.decode(Buffer.from('Beslutning: Godkendt på mødet', 'utf8'), 'windows-1252');
    expect(repairMojibake(text).text).toBe('Mødet blev holdt på rådhuset. Beslutning: Godkendt på mødet');
  });

  test('correct Danish text is left alone (no diagnostic)', () => {
    for (const doc of DOCS) {
      const t = sampleText(`${doc}.txt`);
      const r = repairMojibake(t);
      expect(r.codepage).toBeNull();
      expect(r.text).toBe(t);
    }
    expect(repairMojibake('Åbent møde – Ærø Kommune, Øster Hurup').codepage).toBeNull();
  });
});

describe('page numbers in unpaged text', () => {
  test('"Side N af M" lines that count up are blanked, so no section ends with them', () => {
    const text = 'Referat\n\n1. Budget\nBeslutning\nGodkendt.\n\nSide 1 af 2\n\n2. Eventuelt\nBeslutning\nIntet.\n\nSide 2 af 2\n';
    const r = readText(Buffer.from(text, 'utf8'));
    expect(r.text).not.toMatch(/Side \d/);
    expect(r.text.split('\n')).toHaveLength(text.split('\n').length);
    expect(r.diagnostics.map((d) => d.code)).toContain('running-headers-removed');
  });
  test('a lone page reference in prose stays', () => {
    const text = 'Referat\n\nSe bilaget\nSide 3\nfor detaljer.\n';
    expect(readText(Buffer.from(text, 'utf8')).text).toContain('Side 3');
  });
});
