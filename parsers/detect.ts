/** Format detection from the file's bytes (the extension is never trusted). */
import type { Format } from '../schemas/referat.js';
import { IngestError } from './types.js';
import { decodeBytes, looksLikeText } from './text.js';

const PDF_MAGIC = Buffer.from('%PDF-', 'latin1');
const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

/** Offset of "%PDF-" within the first 1024 bytes (some producers put junk before it), or -1. */
export function pdfHeaderOffset(bytes: Uint8Array): number {
  return Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 1024 + PDF_MAGIC.length)).indexOf(PDF_MAGIC);
}

/**
 * Names of the entries of a zip archive, read from its local file headers (enough to find
 * word/document.xml without inflating anything). Falls back to the central directory when a
 * header uses a data descriptor and the sizes are unknown.
 */
export function zipEntryNames(bytes: Uint8Array): string[] {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const names: string[] = [];
  // Central directory: signature PK\x01\x02, name length at +28, extra at +30, comment at +32, name at +46.
  const eocd = buf.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (eocd >= 0 && eocd + 22 <= buf.length) {
    const entries = buf.readUInt16LE(eocd + 10);
    let p = buf.readUInt32LE(eocd + 16);
    for (let i = 0; i < entries && p + 46 <= buf.length && buf.readUInt32LE(p) === 0x02014b50; i++) {
      const nameLen = buf.readUInt16LE(p + 28);
      const extraLen = buf.readUInt16LE(p + 30);
      const commentLen = buf.readUInt16LE(p + 32);
      names.push(buf.toString('utf8', p + 46, p + 46 + nameLen));
      p += 46 + nameLen + extraLen + commentLen;
    }
    if (names.length > 0) return names;
  }
  // Truncated archive without a central directory: walk the local headers.
  let p = 0;
  while (p + 30 <= buf.length && buf.readUInt32LE(p) === 0x04034b50) {
    const flags = buf.readUInt16LE(p + 6);
    const compSize = buf.readUInt32LE(p + 18);
    const nameLen = buf.readUInt16LE(p + 26);
    const extraLen = buf.readUInt16LE(p + 28);
    names.push(buf.toString('utf8', p + 30, p + 30 + nameLen));
    if (flags & 0x08) break; // sizes follow the data; cannot skip reliably
    p += 30 + nameLen + extraLen + compSize;
  }
  return names;
}

/** True when the archive has an end-of-central-directory record (its last part; missing when the file is cut short). */
export function hasZipDirectory(bytes: Uint8Array): boolean {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return buf.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06])) >= 0;
}

const HTML_SNIFF = /^<(?:!doctype\s+html|html[\s>]|head[\s>]|body[\s>]|div[\s>]|meta[\s>]|title[\s>]|table[\s>]|p[\s>]|h[1-6][\s>]|section[\s>]|article[\s>]|!--)/i;

/** True when the text starts (after BOM, whitespace and an optional XML declaration) like an HTML document. */
export function looksLikeHtml(start: string): boolean {
  let s = start.replace(/^\ufeff/, '').trimStart();
  s = s.replace(/^<\?xml[^>]*\?>\s*/i, '');
  // leading comments (e.g. "<!-- saved from url -->") before the real start
  while (s.startsWith('<!--')) {
    const end = s.indexOf('-->');
    if (end < 0) break;
    const rest = s.slice(end + 3).trimStart();
    if (!rest.startsWith('<')) return false;
    s = rest;
  }
  // a strong marker anywhere in the first few KB (e.g. after a text preamble)
  if (/<!doctype\s+html|<html[\s>]|<body[\s>]/i.test(s.slice(0, 4096))) return true;
  if (!HTML_SNIFF.test(s)) return false;
  // "<p>" alone is weak evidence: require a closing tag or a second element somewhere in the sample
  return /<\/[a-z][a-z0-9]*\s*>|<(?:br|hr|meta|img)\b/i.test(s) || /^<!doctype\s+html|^<html/i.test(s);
}

/** Detects the format of a document from its bytes. Throws IngestError for empty, non-Word zip and binary files. */
export function detectFormat(bytes: Uint8Array): Format {
  if (bytes.length === 0) throw new IngestError('empty file', 'empty');
  if (pdfHeaderOffset(bytes) >= 0) return 'pdf';
  if (bytes.length >= 4 && Buffer.from(bytes.buffer, bytes.byteOffset, 4).equals(ZIP_MAGIC)) {
    const names = zipEntryNames(bytes);
    if (names.includes('word/document.xml')) return 'docx';
    if (!hasZipDirectory(bytes)) {
      // the start of a zip archive without its end: a Word document (or anything else) cut short
      throw new IngestError('corrupt zip archive: no central directory (truncated?)', 'corrupt');
    }
    throw new IngestError('a zip archive but not a Word document', 'not-a-document');
  }
  if (!looksLikeText(bytes)) throw new IngestError('not a readable document: binary data', 'binary');
  const head = decodeBytes(bytes.subarray(0, 4096)).text;
  if (head.trim() === '') {
    // whitespace only: still text, but nothing to read
    if (decodeBytes(bytes).text.trim() === '') throw new IngestError('empty file', 'empty');
  }
  return looksLikeHtml(head) ? 'html' : 'txt';
}
