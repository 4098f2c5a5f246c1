// Scanned-looking images of PDF pages, and image-only PDFs made from them (no text layer), for measuring
// and testing OCR: scripts/ocr-renderings.mjs (the scored sets) and scripts/ocr-fixtures.mjs (test fixtures).
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';

/** Renders every page of a PDF to 8-bit grey PGM files; returns the images. */
export function renderPages(pdf, dpi, dir, pages = null) {
  mkdirSync(dir, { recursive: true });
  const range = pages ? ['-f', String(pages[0]), '-l', String(pages[1])] : [];
  const r = spawnSync('pdftoppm', ['-r', String(dpi), '-gray', ...range, pdf, join(dir, 'p')], { stdio: ['ignore', 'ignore', 'inherit'] });
  if (r.status !== 0) throw new Error(`pdftoppm failed on ${pdf}`);
  return readdirSync(dir)
    .filter((f) => f.endsWith('.pgm'))
    .sort()
    .map((f) => readPgm(readFileSync(join(dir, f))));
}

export function readPgm(buf) {
  // P5 <w> <h> <max>\n<bytes>
  let pos = 0;
  const tokens = [];
  while (tokens.length < 4) {
    while (/\s/.test(String.fromCharCode(buf[pos]))) pos++;
    let t = '';
    while (!/\s/.test(String.fromCharCode(buf[pos]))) t += String.fromCharCode(buf[pos++]);
    tokens.push(t);
  }
  pos++;
  const [magic, w, h] = tokens;
  if (magic !== 'P5') throw new Error('not a PGM');
  return { width: +w, height: +h, data: buf.subarray(pos, pos + +w * +h) };
}

/** A small deterministic random generator (mulberry32), so every run builds the same scans. */
export function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Turns the image by `deg` about its centre (bilinear, white outside), then greys the paper, lightens the
 * ink and adds grey noise (standard deviation `noise`) and dark specks (share `specks` of the pixels).
 */
export function skewAndNoise(img, deg, rnd, { noise = 14, specks = 0.0015, contrast = 0.88 } = {}) {
  const { width: w, height: h, data } = img;
  const out = Buffer.alloc(w * h);
  const t = (deg * Math.PI) / 180;
  const cos = Math.cos(t);
  const sin = Math.sin(t);
  const cx = w / 2;
  const cy = h / 2;
  const gauss = () => Math.sqrt(-2 * Math.log(rnd() + 1e-12)) * Math.cos(2 * Math.PI * rnd());
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      // source pixel of this output pixel (inverse rotation)
      const sx = cx + (x - cx) * cos + (y - cy) * sin;
      const sy = cy - (x - cx) * sin + (y - cy) * cos;
      const x0 = Math.floor(sx);
      const y0 = Math.floor(sy);
      let v = 255;
      if (x0 >= 0 && y0 >= 0 && x0 + 1 < w && y0 + 1 < h) {
        const fx = sx - x0;
        const fy = sy - y0;
        const i = y0 * w + x0;
        v = (data[i] * (1 - fx) + data[i + 1] * fx) * (1 - fy) + (data[i + w] * (1 - fx) + data[i + w + 1] * fx) * fy;
      }
      // paper a little grey, ink a little lighter, noise on top
      v = 255 * (1 - contrast) * 0.8 + v * contrast + gauss() * noise;
      if (rnd() < specks) v = 40 + rnd() * 60; // dust and toner specks
      out[y * w + x] = v < 0 ? 0 : v > 255 ? 255 : v;
    }
  }
  return { width: w, height: h, data: out };
}

// ---------------------------------------------------------------------------------------------
// an image-only PDF: one grey image per page, the page the image's size at `dpi`

export function writeImagePdf(file, images, dpi) {
  const chunks = [];
  let length = 0;
  const offsets = [];
  const push = (b) => {
    const buf = typeof b === 'string' ? Buffer.from(b, 'latin1') : b;
    chunks.push(buf);
    length += buf.length;
  };
  const obj = (n, body, stream) => {
    offsets[n] = length;
    push(`${n} 0 obj\n${body}\n`);
    if (stream) {
      push('stream\n');
      push(stream);
      push('\nendstream\n');
    }
    push('endobj\n');
  };
  push('%PDF-1.5\n%\xe2\xe3\xcf\xd3\n');
  const pageIds = images.map((_, i) => 3 + i * 3);
  obj(1, '<< /Type /Catalog /Pages 2 0 R >>');
  obj(2, `<< /Type /Pages /Kids [${pageIds.map((id) => `${id} 0 R`).join(' ')}] /Count ${images.length} >>`);
  images.forEach((img, i) => {
    const id = pageIds[i];
    const pw = +((img.width * 72) / dpi).toFixed(2);
    const ph = +((img.height * 72) / dpi).toFixed(2);
    const content = Buffer.from(`q ${pw} 0 0 ${ph} 0 0 cm /Im0 Do Q`, 'latin1');
    const pixels = deflateSync(img.data, { level: 6 });
    obj(id, `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${pw} ${ph}] /Resources << /XObject << /Im0 ${id + 2} 0 R >> >> /Contents ${id + 1} 0 R >>`);
    obj(id + 1, `<< /Length ${content.length} >>`, content);
    obj(id + 2, `<< /Type /XObject /Subtype /Image /Width ${img.width} /Height ${img.height} /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /FlateDecode /Length ${pixels.length} >>`, pixels);
  });
  const count = 3 + images.length * 3;
  const xref = length;
  push(`xref\n0 ${count}\n0000000000 65535 f \n`);
  for (let n = 1; n < count; n++) push(`${String(offsets[n]).padStart(10, '0')} 00000 n \n`);
  push(`trailer\n<< /Size ${count} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`);
  writeFileSync(file, Buffer.concat(chunks));
}

