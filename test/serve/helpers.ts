/** Shared by the review server's tests: multipart bodies built by the platform's own FormData encoder. */
import { readFileSync } from 'node:fs';
import { repoPath } from '../parsers/paths.js';

export const SAMPLES = [
  '000_94bc2a59beba3b57.docx', '000_94bc2a59beba3b57.pdf', '000_94bc2a59beba3b57.scanned.pdf', '000_94bc2a59beba3b57.txt',
  '001_7b1df9de962b88b2.docx', '001_7b1df9de962b88b2.pdf', '001_7b1df9de962b88b2.txt',
  '002_2b64a8c1b9967320.docx', '002_2b64a8c1b9967320.pdf', '002_2b64a8c1b9967320.txt',
  '003_e413edb90be0967c.docx', '003_e413edb90be0967c.pdf', '003_e413edb90be0967c.txt',
  '004_8a7553dc6f277047.docx', '004_8a7553dc6f277047.pdf', '004_8a7553dc6f277047.txt',
] as const;

export const sampleBytes = (name: string): Buffer => readFileSync(repoPath(`samples/${name}`));

export interface Part {
  name: string;
  value: string | Buffer;
  /** a file part when given */
  filename?: string;
}

/** A multipart/form-data body and its content-type header (with the boundary). */
export async function formBody(parts: Part[]): Promise<{ payload: Buffer; headers: Record<string, string> }> {
  const fd = new FormData();
  for (const p of parts) {
    if (p.filename !== undefined) fd.append(p.name, new Blob([typeof p.value === 'string' ? p.value : new Uint8Array(p.value)]), p.filename);
    else fd.append(p.name, typeof p.value === 'string' ? p.value : p.value.toString('utf8'));
  }
  const res = new Response(fd);
  return { payload: Buffer.from(await res.arrayBuffer()), headers: { 'content-type': res.headers.get('content-type')! } };
}

/** The body of an upload of `bytes` as `filename` in the field "file", with optional rule overrides. */
export function upload(bytes: Buffer, filename: string, rules?: Record<string, string>) {
  const parts: Part[] = [{ name: 'file', value: bytes, filename }];
  if (rules) parts.push({ name: 'rules', value: JSON.stringify(rules) });
  return formBody(parts);
}
