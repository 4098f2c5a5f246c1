/**
 * The bad-input corpus, written into a folder at test time by buildCorpus(): every case is generated
 * from the samples or from a seeded PRNG. Each case says what must happen: a one-line error (the
 * reason, as the library gives it and as the batch records it) or a result.
 */
import { execFileSync } from 'node:child_process';
import { closeSync, mkdirSync, openSync, readFileSync, symlinkSync, writeFileSync, writeSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import iconv from 'iconv-lite';
import JSZip from 'jszip';
import type { Referat } from '../../schemas/referat.js';
import { encryptedPdf } from '../parsers/encrypted-pdf.js';
import { docxWithBody, docxWithRepeatedBody, makePdf, nestedBody, para, prng, randomBytes } from './generate.js';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const sampleBytes = (name: string): Buffer => readFileSync(join(ROOT, 'samples', name));

export interface Case {
  /** path inside the corpus folder */
  file: string;
  /** what the input is (for the report table) */
  kind: string;
  /** the reason expected from readDocument/convertBuffer; absent when a result is expected */
  error?: RegExp;
  /** the reason expected in errors.ndjson when it differs from the library's */
  cliError?: RegExp;
  /** checks on the result (when no error is expected) */
  check?: (r: Referat) => void;
  /** read it with readFile (limits before reading) rather than readFile + convertBuffer */
  viaReadFile?: boolean;
  /** the library loop reads it with OCR off (OCR would pass the loop's 10 s per input); the CLI run uses OCR auto */
  ocrOff?: boolean;
}

export const TRUNCATED_PDF = /^corrupt PDF: .+ \(truncated\? no %%EOF at the end\)$/;
const MINUTES_TXT = '001_7b1df9de962b88b2.txt';

/** A name with spaces, Danish letters and shell syntax: nothing may interpret it. */
export const ODD_NAME = `møde $(rm -rf) ; 'a' "b" æøå \`x\` & | > <.txt`;

function check(cond: boolean, what: string): void {
  if (!cond) throw new Error(what);
}

/**
 * Writes the corpus into `dir` and returns its cases. `bigFile` adds the 200 MB text file (written in
 * 1 MB chunks; the batch refuses it by size without reading it).
 */
export async function buildCorpus(dir: string, opts: { bigFile?: boolean } = {}): Promise<Case[]> {
  const cases: Case[] = [];
  const put = (file: string, bytes: Buffer | string, c: Omit<Case, 'file'>) => {
    mkdirSync(dirname(join(dir, file)), { recursive: true });
    writeFileSync(join(dir, file), bytes);
    cases.push({ file, ...c });
  };
  const rand = prng(20240426);

  put('empty.pdf', Buffer.alloc(0), { kind: 'empty file', error: /^empty file$/ });
  put('blank.txt', ' \n\t\r\n  \n', { kind: 'white space only', error: /^empty file$/ });

  // truncated PDFs and DOCX at several cut points
  for (const [src, short] of [
    ['001_7b1df9de962b88b2.pdf', '001'],
    ['004_8a7553dc6f277047.pdf', '004'],
  ] as const) {
    const b = sampleBytes(src);
    for (const pct of [1, 10, 50, 90, 99]) {
      put(`truncated/${short}-${pct}pct.pdf`, b.subarray(0, Math.floor((b.length * pct) / 100)), { kind: `PDF cut at ${pct} %`, error: TRUNCATED_PDF });
    }
  }
  for (const [src, short] of [
    ['001_7b1df9de962b88b2.docx', '001'],
    ['004_8a7553dc6f277047.docx', '004'],
  ] as const) {
    const b = sampleBytes(src);
    for (const pct of [1, 10, 50, 90, 99]) {
      put(`truncated/${short}-${pct}pct.docx`, b.subarray(0, Math.floor((b.length * pct) / 100)), {
        kind: `DOCX cut at ${pct} %`,
        error: /^corrupt (DOCX: Corrupted zip: can't find end of central directory|zip archive: no central directory \(truncated\?\))$/,
      });
    }
  }

  put('random.pdf', randomBytes(64 * 1024, rand), { kind: 'random bytes named .pdf', error: /^not a readable document: binary data$/ });
  put('random.docx', randomBytes(64 * 1024, rand), { kind: 'random bytes named .docx', error: /^not a readable document: binary data$/ });
  put('random-with-pdf-header.pdf', Buffer.concat([Buffer.from('%PDF-1.7\n'), randomBytes(64 * 1024, rand)]), {
    kind: '%PDF- header, then random bytes',
    error: /^corrupt PDF: /,
  });

  put('encrypted.pdf', encryptedPdf(), { kind: 'password-protected PDF', error: /^password-protected PDF$/ });
  put('scanned.pdf', sampleBytes('000_94bc2a59beba3b57.scanned.pdf'), {
    kind: 'PDF without a text layer (scanned)',
    ocrOff: true,
    // read by OCR (CLI, where Tesseract is installed): every page, the one item; else (OCR off or no engine) empty text and an error
    check: (r) =>
      check(
        r.source.pageInfo?.every((p) => p.origin === 'ocr')
          ? r.items.length === 1 && r.text.includes('Mødedato')
          : r.diagnostics.some((d) => d.code === 'no-text-layer' && d.severity === 'error') && r.text === '',
        'read by OCR (every page, one item), or with OCR off or unavailable a no-text-layer error and empty text',
      ),
  });
  put('pages-2500.pdf', makePdf(2500), { kind: 'PDF with 2500 pages (limit 2000)', error: /^too many pages: 2500 \(limit 2000\)$/ });

  // DOCX: corrupt zip, bombs, nesting
  const docx = sampleBytes('003_e413edb90be0967c.docx');
  const cdAt = docx.lastIndexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
  const badDirectory = Buffer.from(docx);
  for (let i = cdAt - 600; i < cdAt + 40; i++) if (i > 0) badDirectory[i] ^= 0x5a; // central directory and the data before it
  put('corrupt/directory.docx', badDirectory, { kind: 'DOCX with a damaged zip directory', error: /^corrupt DOCX: / });
  const zip = await JSZip.loadAsync(docx);
  const data = (zip.files['word/document.xml'] as unknown as { _data: { compressedContent: Uint8Array } })._data.compressedContent;
  const at = docx.indexOf(Buffer.from(data.subarray(0, 32)));
  const badData = Buffer.from(docx);
  randomBytes(2000, rand).copy(badData, at + 200);
  put('corrupt/deflate.docx', badData, { kind: 'DOCX whose document.xml data is garbage', error: /^corrupt DOCX: / });

  const unit = para('x'.repeat(1000));
  const mbOfXml = unit.repeat(Math.floor((1024 * 1024) / unit.length));
  put('bomb/honest-3.7GB.docx', docxWithRepeatedBody(mbOfXml, 3800), {
    kind: 'DOCX zip bomb, 9 MB -> 3.7 GB (sizes declared)',
    error: /^DOCX expands beyond 200 MB \(zip bomb\?\): its parts declare 3\.7 GB$/,
  });
  put('bomb/lying-3.7GB.docx', docxWithRepeatedBody(mbOfXml, 3800, 10_000), {
    kind: 'DOCX zip bomb, 9 MB -> 3.7 GB (declares 10 kB)',
    error: /^DOCX expands beyond 200 MB \(zip bomb\?\): word\/document\.xml inflates past the limit$/,
  });
  put('bomb/huge-xml-300MB.docx', docxWithRepeatedBody(para('Byrådet godkendte budgettet. '.repeat(40)).repeat(800), 300), {
    kind: 'DOCX with a 300 MB document.xml',
    error: /^DOCX expands beyond 200 MB \(zip bomb\?\): its parts declare \d{3}\.\d MB$/,
  });
  put('deep/nested-100k.docx', docxWithBody(nestedBody(50_000)), {
    kind: 'DOCX with 100k nested elements',
    error: /^DOCX XML nests too deeply: word\/document\.xml has more than 500 levels \(limit 500\)$/,
  });
  put('deep/nested-200.docx', docxWithBody(nestedBody(100) + para('1. Godkendelse af dagsorden')), {
    kind: 'DOCX with 200 nested elements (allowed)',
    check: (r) => check(r.text.includes('Dybt inde'), 'the nested paragraph is read'),
  });

  // text encodings and control characters
  const minutes = readFileSync(join(ROOT, 'samples', MINUTES_TXT), 'utf8');
  put('text/windows-1252.txt', iconv.encode(minutes, 'windows-1252'), {
    kind: 'text in Windows-1252',
    check: (r) => check(r.source.encoding === 'windows-1252' && r.text.includes('Sundhedsklynge') && /[æøå]/.test(r.text) && r.items.length > 0, 'decoded as windows-1252 with items'),
  });
  put('text/utf16-bom.txt', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(minutes, 'utf16le')]), {
    kind: 'text in UTF-16 LE with BOM',
    check: (r) => check(r.source.encoding === 'utf-16le' && /[æøå]/.test(r.text) && r.items.length > 0, 'decoded as utf-16le with items'),
  });
  const withNuls = minutes.slice(0, 2000) + '\u0000\u0000' + minutes.slice(2000, 4000) + '\u0000' + minutes.slice(4000);
  put('text/some-nul-bytes.txt', withNuls, {
    kind: 'text with a few NUL bytes',
    check: (r) => check(!r.text.includes('\u0000') && r.diagnostics.some((d) => d.code === 'nul-bytes-removed'), 'NULs removed and reported'),
  });
  put('text/mostly-nul.txt', Buffer.from(minutes.slice(0, 3000).replace(/(.{4})/gs, '$1\u0000')), {
    kind: 'text with a NUL every 5th byte',
    error: /^not a readable document: binary data$/,
  });
  put(ODD_NAME, minutes, { kind: 'name with spaces, æøå, $( ), ; quotes, backticks, & | > <', check: (r) => check(r.items.length > 0, 'items found') });

  if (opts.bigFile) {
    // 200 MB of minutes-like lines, written in 1 MB chunks
    const path = join(dir, 'big-200MB.txt');
    const line = 'Punkt 1. Byrådet godkendte budgettet med 1.250.000 kr. den 12. marts 2024.\n';
    const chunk = Buffer.from(line.repeat(Math.ceil((1024 * 1024) / line.length))).subarray(0, 1024 * 1024);
    const fd = openSync(path, 'w');
    try {
      for (let i = 0; i < 200; i++) writeSync(fd, chunk);
    } finally {
      closeSync(fd);
    }
    cases.push({
      file: 'big-200MB.txt',
      kind: '200 MB text file (limit 100 MB)',
      viaReadFile: true,
      error: /^file too large: 209715200 bytes \(limit 104857600\)$/,
      cliError: /^file too large: 200\.0 MB \(limit 100\.0 MB, see --max-size\)$/,
    });
  }
  return cases;
}

/**
 * Inputs of the folder walk itself (for the batch only): a symlink loop, a FIFO and a folder named
 * like a document. Returns the paths (relative to dir) and what the batch should do with them.
 */
export function addWalkTraps(dir: string): { loop: string; fifo: string | null; folderNamedPdf: string } {
  const loopDir = join(dir, 'loop');
  mkdirSync(loopDir, { recursive: true });
  symlinkSync('..', join(loopDir, 'again'));
  writeFileSync(join(loopDir, 'inside-loop.txt'), readFileSync(join(ROOT, 'samples', '004_8a7553dc6f277047.txt')));
  mkdirSync(join(dir, 'folder.pdf'), { recursive: true });
  let fifo: string | null = join(dir, 'pipe.pdf');
  try {
    execFileSync('mkfifo', [fifo]);
  } catch {
    fifo = null; // no mkfifo (Windows)
  }
  return { loop: 'loop/again', fifo: fifo && 'pipe.pdf', folderNamedPdf: 'folder.pdf' };
}

/** Good documents the batch must convert next to the bad ones. */
export const GOOD = ['000_94bc2a59beba3b57.pdf', '002_2b64a8c1b9967320.docx', '003_e413edb90be0967c.txt', '004_8a7553dc6f277047.pdf'] as const;
