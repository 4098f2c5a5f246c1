/**
 * Warming a worker before its first document: the PDF engine (pdf.js, ~150 ms to load) is started by
 * reading a tiny generated PDF, and the Danish word list (loaded at the first hyphenated line break,
 * seconds) is loaded, so that neither lands on a document's time limit.
 */
import { readDocument, warmDictionary } from '../../parsers/index.js';
import { dictionaryLoaded } from '../../parsers/dictionary.js';

/** A valid one-page PDF with one line of text, built with a correct cross-reference table. */
export function tinyPdf(): Buffer {
  const content = 'BT /F1 12 Tf 72 720 Td (Referat) Tj ET';
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let pdf = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(pdf.length);
    pdf += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = pdf.length;
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const o of offsets) pdf += `${String(o).padStart(10, '0')} 00000 n \n`;
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(pdf, 'latin1');
}

export async function warmReaders(): Promise<void> {
  await readDocument(tinyPdf(), { path: 'warm-up.pdf' });
  warmDictionary();
}

/** A worker's start: warm the readers when asked (a reader that cannot warm up fails on the document instead, with its own reason); the 'ready' message's figures. */
export async function warmUpWorker(warm: boolean): Promise<{ warmMs: number; readersWarm: boolean }> {
  const t0 = performance.now();
  if (warm) {
    try {
      await warmReaders();
    } catch {
      // the document that needs the reader reports it
    }
  }
  return { warmMs: Math.round(performance.now() - t0), readersWarm: dictionaryLoaded() };
}
