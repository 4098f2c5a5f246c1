/**
 * Builders for hostile, broken and odd inputs, made at test time from the samples and a seeded PRNG
 * (nothing binary is committed): minimal PDFs with any number of pages, zip archives with any size
 * fields, DEFLATE streams that expand to gigabytes, deeply nested Word XML.
 */
import { constants, deflateRawSync } from 'node:zlib';

/** A small seeded PRNG (mulberry32): the same seed gives the same inputs on every machine. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function randomBytes(n: number, rand: () => number): Buffer {
  const b = Buffer.alloc(n);
  for (let i = 0; i < n; i++) b[i] = Math.floor(rand() * 256);
  return b;
}

// ---------------------------------------------------------------------------------------------
// PDF

/** A valid PDF with `pages` pages that all show the same lines (one shared content stream). */
export function makePdf(pages: number, lines: string[] = ['Referat', 'Punkt 1. Godkendelse af dagsorden']): Buffer {
  const esc = (s: string) => s.replace(/[\\()]/g, (c) => `\\${c}`);
  const content = `BT /F1 12 Tf 72 720 Td 14 TL ${lines.map((l) => `(${esc(l)}) '`).join(' ')} ET`;
  const objects: string[] = [];
  objects[1] = '<< /Type /Catalog /Pages 2 0 R >>';
  const kids = Array.from({ length: pages }, (_, i) => `${5 + i} 0 R`).join(' ');
  objects[2] = `<< /Type /Pages /Kids [${kids}] /Count ${pages} >>`;
  objects[3] = '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>';
  objects[4] = `<< /Length ${Buffer.byteLength(content, 'latin1')} >>\nstream\n${content}\nendstream`;
  for (let i = 0; i < pages; i++) {
    objects[5 + i] = '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 3 0 R >> >> >>';
  }
  let out = '%PDF-1.4\n%\xe6\xf8\xe5\xc6\n';
  const offsets: number[] = [];
  for (let n = 1; n < objects.length; n++) {
    offsets[n] = Buffer.byteLength(out, 'latin1');
    out += `${n} 0 obj\n${objects[n]}\nendobj\n`;
  }
  const xref = Buffer.byteLength(out, 'latin1');
  out += `xref\n0 ${objects.length}\n0000000000 65535 f \n`;
  for (let n = 1; n < objects.length; n++) out += `${String(offsets[n]).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

/**
 * A one-page PDF whose content stream (FlateDecode) inflates to about `mb` MB of drawing operators: a
 * "stream bomb" of a few hundred kB that keeps a PDF parser busy for a long time.
 */
export function streamBombPdf(mb: number): Buffer {
  const unit = '1 0 0 1 0 0 cm\n'.repeat(65536);
  const { data } = repeatedDeflate('BT /F1 12 Tf 72 720 Td (Referat) Tj ET\n', unit, Math.ceil((mb * 1024 * 1024) / unit.length), '');
  const stream = Buffer.concat([Buffer.from([0x78, 0xda]), data, Buffer.alloc(4)]); // zlib header, no checksum (pdf.js does not check it)
  const parts: Buffer[] = [Buffer.from('%PDF-1.4\n', 'latin1')];
  const offsets: number[] = [];
  let length = parts[0].length;
  const add = (...bs: (string | Buffer)[]) => {
    for (const b of bs) {
      const buf = typeof b === 'string' ? Buffer.from(b, 'latin1') : b;
      parts.push(buf);
      length += buf.length;
    }
  };
  const obj = (n: number, ...body: (string | Buffer)[]) => {
    offsets[n] = length;
    add(`${n} 0 obj\n`, ...body, '\nendobj\n');
  };
  obj(1, '<< /Type /Catalog /Pages 2 0 R >>');
  obj(2, '<< /Type /Pages /Kids [3 0 R] /Count 1 >>');
  obj(3, '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>');
  obj(4, `<< /Length ${stream.length} /Filter /FlateDecode >>\nstream\n`, stream, '\nendstream');
  obj(5, '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>');
  const xref = length;
  add(`xref\n0 6\n0000000000 65535 f \n${offsets.slice(1).map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`);
  add(`trailer\n<< /Size 6 /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`);
  return Buffer.concat(parts);
}

// ---------------------------------------------------------------------------------------------
// ZIP

export interface ZipEntry {
  name: string;
  /** the bytes as stored (already compressed for method 8) */
  data: Buffer;
  /** 0 stored, 8 deflate */
  method: 0 | 8;
  /** the uncompressed size written into the headers (may lie) */
  declaredSize: number;
  crc?: number;
}

/** Writes a zip archive with exactly the given headers (no ZIP64; sizes must fit in 32 bits). */
export function writeZip(entries: ZipEntry[]): Buffer {
  const local: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8');
    const h = Buffer.alloc(30);
    h.writeUInt32LE(0x04034b50, 0);
    h.writeUInt16LE(20, 4);
    h.writeUInt16LE(0x0800, 6); // UTF-8 names
    h.writeUInt16LE(e.method, 8);
    h.writeUInt32LE(0x00210000, 10); // 1980-01-01 00:00
    h.writeUInt32LE(e.crc ?? 0, 14);
    h.writeUInt32LE(e.data.length, 18);
    h.writeUInt32LE(e.declaredSize, 22);
    h.writeUInt16LE(name.length, 26);
    h.writeUInt16LE(0, 28);
    local.push(h, name, e.data);
    const c = Buffer.alloc(46);
    c.writeUInt32LE(0x02014b50, 0);
    c.writeUInt16LE(20, 4);
    c.writeUInt16LE(20, 6);
    c.writeUInt16LE(0x0800, 8);
    c.writeUInt16LE(e.method, 10);
    c.writeUInt32LE(0x00210000, 12);
    c.writeUInt32LE(e.crc ?? 0, 16);
    c.writeUInt32LE(e.data.length, 20);
    c.writeUInt32LE(e.declaredSize, 24);
    c.writeUInt16LE(name.length, 28);
    c.writeUInt32LE(offset, 42);
    central.push(c, name);
    offset += 30 + name.length + e.data.length;
  }
  const cd = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...local, cd, end]);
}

/**
 * A raw DEFLATE stream of `head`, then `unit` repeated `times` times, then `tail`, built without ever
 * holding the expanded data: each piece is compressed once with a full flush (byte-aligned, no
 * references back), the repeated piece's blocks are copied, and an empty final block ends the stream.
 * 1 MB of repeated XML compresses to about 1 kB, so `times` = 4000 gives ~4 GB from ~4 MB.
 */
export function repeatedDeflate(head: string, unit: string, times: number, tail: string): { data: Buffer; size: number } {
  const flush = (s: string) => deflateRawSync(Buffer.from(s, 'utf8'), { level: 9, finishFlush: constants.Z_FULL_FLUSH });
  const u = flush(unit);
  const parts = [flush(head), ...Array.from({ length: times }, () => u), flush(tail), deflateRawSync(Buffer.alloc(0))];
  const size = Buffer.byteLength(head) + Buffer.byteLength(unit) * times + Buffer.byteLength(tail);
  return { data: Buffer.concat(parts), size };
}

export const W_NS = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const CONTENT_TYPES =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
  '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
  '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>';
const ROOT_RELS =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
  '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>';
export const DOC_HEAD = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="${W_NS}"><w:body>`;
export const DOC_TAIL = '</w:body></w:document>';
export const para = (text: string) => `<w:p><w:r><w:t>${text}</w:t></w:r></w:p>`;

/**
 * A minimal Word document whose word/document.xml is `head + unit × times + tail`, deflated as in
 * repeatedDeflate. `declare` is the size written into the zip headers: 'honest' or a lie in bytes.
 */
export function docxWithRepeatedBody(unit: string, times: number, declare: 'honest' | number = 'honest'): Buffer {
  const { data, size } = repeatedDeflate(DOC_HEAD, unit, times, DOC_TAIL);
  const stored = (name: string, text: string): ZipEntry => ({ name, data: Buffer.from(text), method: 0, declaredSize: Buffer.byteLength(text) });
  return writeZip([
    stored('[Content_Types].xml', CONTENT_TYPES),
    stored('_rels/.rels', ROOT_RELS),
    { name: 'word/document.xml', data, method: 8, declaredSize: declare === 'honest' ? size : declare },
  ]);
}

/** A minimal Word document with the given body XML (deflated normally). */
export function docxWithBody(body: string): Buffer {
  const xml = DOC_HEAD + body + DOC_TAIL;
  const stored = (name: string, text: string): ZipEntry => ({ name, data: Buffer.from(text), method: 0, declaredSize: Buffer.byteLength(text) });
  return writeZip([
    stored('[Content_Types].xml', CONTENT_TYPES),
    stored('_rels/.rels', ROOT_RELS),
    { name: 'word/document.xml', data: deflateRawSync(Buffer.from(xml)), method: 8, declaredSize: Buffer.byteLength(xml) },
  ]);
}

/** `depth` nested content controls around one paragraph (each level is two elements). */
export function nestedBody(levels: number): string {
  return '<w:sdt><w:sdtContent>'.repeat(levels) + para('Dybt inde') + '</w:sdtContent></w:sdt>'.repeat(levels);
}
