import JSZip from 'jszip';
import { describe, expect, test } from 'vitest';
import { detectFormat, looksLikeHtml, zipEntryNames } from '../../parsers/detect.js';
import { IngestError } from '../../parsers/types.js';
import { DOCS, fixture, sample } from './paths.js';

function ingestReason(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(IngestError);
    return (e as IngestError).reason;
  }
  throw new Error('expected an IngestError');
}

describe('detectFormat', () => {
  test.each(DOCS)('sample %s: pdf, docx and txt by content', (doc) => {
    expect(detectFormat(sample(`${doc}.pdf`))).toBe('pdf');
    expect(detectFormat(sample(`${doc}.docx`))).toBe('docx');
    expect(detectFormat(sample(`${doc}.txt`))).toBe('txt');
  });

  test('real fixtures and the image-only PDF', () => {
    expect(detectFormat(sample('000_94bc2a59beba3b57.scanned.pdf'))).toBe('pdf');
    expect(detectFormat(fixture('real/05_syddjurs_puk_ekstraordinaert_referat_2013-06-20.docx'))).toBe('docx');
    expect(detectFormat(fixture('real/02_ballerup_sundheds-og-forebyggelsesudvalget_referat_2012-12-04.pdf'))).toBe('pdf');
    expect(detectFormat(fixture('parsers/agenda-page.html'))).toBe('html');
  });

  test('PDF header after leading junk within the first 1024 bytes, not beyond', () => {
    const pdf = sample('000_94bc2a59beba3b57.pdf');
    expect(detectFormat(Buffer.concat([Buffer.alloc(500, 0x20), pdf]))).toBe('pdf');
    expect(detectFormat(Buffer.concat([Buffer.from('\r\n\x00junk'), pdf]))).toBe('pdf');
    // 2000 bytes of text before "%PDF-": not a PDF header any more, and the PDF body is binary
    expect(() => detectFormat(Buffer.concat([Buffer.alloc(2000, 0x41), pdf]))).toThrow(IngestError);
  });

  test('the extension plays no part: a PDF is a PDF whatever the bytes are called', () => {
    // detectFormat only sees bytes; the same bytes give the same answer
    expect(detectFormat(new Uint8Array(sample('001_7b1df9de962b88b2.pdf')))).toBe('pdf');
  });

  test('a zip archive without word/document.xml is refused', async () => {
    const zip = new JSZip();
    zip.file('data.csv', 'a;b\n1;2\n');
    const buf = await zip.generateAsync({ type: 'nodebuffer' });
    expect(zipEntryNames(buf)).toEqual(['data.csv']);
    expect(ingestReason(() => detectFormat(buf))).toBe('a zip archive but not a Word document');
  });

  test('zip entry names come from the central directory (and from local headers when it is missing)', () => {
    const names = zipEntryNames(sample('000_94bc2a59beba3b57.docx'));
    expect(names).toContain('word/document.xml');
    expect(names).toContain('[Content_Types].xml');
    const truncated = sample('000_94bc2a59beba3b57.docx').subarray(0, 3000);
    expect(zipEntryNames(truncated).length).toBeGreaterThan(0);
  });

  test('HTML is sniffed after BOM and white space', () => {
    expect(detectFormat(Buffer.from('\ufeff  \n<!DOCTYPE html><html><body><p>Referat</p></body></html>'))).toBe('html');
    expect(detectFormat(Buffer.from('<div class="x"><p>Referat</p></div>'))).toBe('html');
    expect(detectFormat(Buffer.from('<!-- saved --><html><body>x</body></html>'))).toBe('html');
    expect(detectFormat(Buffer.from('Referat\n\nPunkt 1: <b> er ikke html'))).toBe('txt');
    expect(looksLikeHtml('<p>kun et afsnit uden slut')).toBe(false);
    expect(looksLikeHtml('<p>afsnit</p>')).toBe(true);
  });

  test('empty and whitespace-only files', () => {
    expect(ingestReason(() => detectFormat(Buffer.alloc(0)))).toBe('empty file');
    expect(ingestReason(() => detectFormat(Buffer.from(' \n\t\r\n')))).toBe('empty file');
  });

  test('binary data is refused; UTF-16 text is not binary', () => {
    const png = Buffer.from('89504e470d0a1a0a0000000d49484452000000100000001008060000001ff3ff61', 'hex');
    const noise = Buffer.alloc(4096);
    for (let i = 0; i < noise.length; i++) noise[i] = (i * 7919) % 256;
    expect(ingestReason(() => detectFormat(Buffer.concat([png, noise])))).toBe('not a readable document: binary data');
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Referat fra mødet', 'utf16le')]);
    expect(detectFormat(utf16)).toBe('txt');
  });
});
