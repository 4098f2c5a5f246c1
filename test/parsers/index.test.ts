import JSZip from 'jszip';
import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { closeReaders, readDocument, readFile } from '../../parsers/index.js';
import { IngestError } from '../../parsers/types.js';
import { encryptedPdf } from './encrypted-pdf.js';
import { fixture, repoPath, sample } from './paths.js';

afterAll(() => closeReaders());

async function reason(p: Promise<unknown>): Promise<string> {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(IngestError);
  const r = (e as IngestError).reason;
  expect(r).not.toContain('\n');
  return r;
}

describe('readDocument', () => {
  test('dispatches on the bytes, not on the path', async () => {
    const pdf = await readDocument(sample('003_e413edb90be0967c.pdf'), { path: 'memo.txt' });
    expect(pdf.format).toBe('pdf');
    const docx = await readDocument(sample('003_e413edb90be0967c.docx'), { path: 'memo.pdf' });
    expect(docx.format).toBe('docx');
    const txt = await readDocument(sample('003_e413edb90be0967c.txt'), { path: 'memo.docx' });
    expect(txt).toMatchObject({ format: 'txt', encoding: 'utf-8' });
    const html = await readDocument(fixture('parsers/agenda-page.html'), { path: 'page.txt' });
    expect(html.format).toBe('html');
    // the same document in three formats gives the same first line
    for (const r of [pdf, docx, txt]) expect(r.text.trim().split('\n')[0]).toBe('Fælles udviklingsområder i "Samarbejdsaftale om børn og unge i psykisk mistrivsel"');
  });

  test('every failure is an IngestError with a one-line reason', async () => {
    expect(await reason(readDocument(Buffer.alloc(0), { path: 'x' }))).toBe('empty file');
    expect(await reason(readDocument(encryptedPdf(), { path: 'x' }))).toBe('password-protected PDF');
    expect(await reason(readDocument(sample('001_7b1df9de962b88b2.pdf').subarray(0, 4000), { path: 'x' }))).toMatch(/^corrupt PDF: /);
    const zip = new JSZip();
    zip.file('mimetype', 'application/epub+zip');
    expect(await reason(readDocument(await zip.generateAsync({ type: 'nodebuffer' }), { path: 'x' }))).toBe('a zip archive but not a Word document');
    expect(await reason(readDocument(sample('001_7b1df9de962b88b2.docx').subarray(0, 9000), { path: 'x' }))).toMatch(/^corrupt DOCX: /);
    const noise = Buffer.alloc(2048);
    for (let i = 0; i < noise.length; i++) noise[i] = (i * 131) % 256;
    expect(await reason(readDocument(noise, { path: 'x' }))).toBe('not a readable document: binary data');
  });

  test('maxBytes', async () => {
    const bytes = sample('000_94bc2a59beba3b57.txt');
    expect(await reason(readDocument(bytes, { path: 'x', maxBytes: 100 }))).toMatch(/^file too large: \d+ bytes \(limit 100\)$/);
    await expect(readDocument(bytes, { path: 'x', maxBytes: bytes.length })).resolves.toMatchObject({ format: 'txt' });
  });

  test('a DOCX whose document part is broken XML: a short, tidy reason', async () => {
    const zip = await JSZip.loadAsync(sample('003_e413edb90be0967c.docx'));
    zip.file('word/document.xml', '<w:document><w:body><w:p>');
    const r = await reason(readDocument(await zip.generateAsync({ type: 'nodebuffer' }), { path: 'x' }));
    expect(r).toMatch(/^corrupt DOCX: malformed XML in word\/document\.xml at line 1, column \d+: /);
    expect(r).not.toMatch(/\t|^corrupt DOCX: error/i);
  });
});

describe('readFile', () => {
  test('reads from disk; missing files are IngestErrors', async () => {
    const r = await readFile(repoPath('samples/004_8a7553dc6f277047.docx'));
    expect(r.format).toBe('docx');
    expect(await reason(readFile(repoPath('samples/does-not-exist.pdf')))).toBe('file not found');
    expect(await reason(readFile(repoPath('samples')))).toBe('a directory, not a file');
  });

  test('a text file with form feeds has pages', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'referat-parsers-'));
    const path = join(dir, 'pages.txt');
    writeFileSync(path, 'Dato: 09.04.2024 Side 1\nReferat\n\fDato: 09.04.2024 Side 2\nPunkt 1\n\fDato: 09.04.2024 Side 3\nBeslutning\n');
    const r = await readFile(path);
    // The running header is gone from pages 2 and 3 (page 1 keeps its top lines); pages start where their text starts.
    expect(r.text.match(/Dato: 09\.04\.2024/g)).toHaveLength(1);
    expect(r.pageStarts).toHaveLength(3);
    expect(r.text.slice(r.pageStarts![1], r.pageStarts![2]).trim()).toBe('Punkt 1');
    expect(r.text.slice(r.pageStarts![2]).trim()).toBe('Beslutning');
    expect(r.diagnostics.map((d) => d.code)).toContain('running-headers-removed');
  });
});
