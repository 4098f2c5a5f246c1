/** Document readers: one entry point that detects the format from the bytes and dispatches. */
import { readFile as readFileBytes } from 'node:fs/promises';
import { IngestError, type ParsedText } from '../src/types.js';
import { detectFormat } from './detect.js';
import { readDocx } from './docx.js';
import { shortReason } from './errors.js';
import { readHtml } from './html.js';
import { closePdfEngine, readPdf } from './pdf.js';
import { readText } from './text.js';

export { detectFormat } from './detect.js';
export { warmDictionary } from './dictionary.js';

export interface ReadOptions {
  /** the file's path (for messages; the format is never taken from the extension) */
  path: string;
  /** refuse larger inputs */
  maxBytes?: number;
}

/** Reads a document of any supported format. Every failure is an IngestError with a one-line reason. */
export async function readDocument(input: Buffer, opts: ReadOptions): Promise<ParsedText> {
  if (opts.maxBytes !== undefined && input.length > opts.maxBytes) {
    throw new IngestError(`file too large: ${input.length} bytes (limit ${opts.maxBytes})`, 'too-large');
  }
  const format = detectFormat(input);
  try {
    switch (format) {
      case 'pdf':
        return await readPdf(input);
      case 'docx':
        return await readDocx(input);
      case 'html':
        return readHtml(input);
      case 'txt':
        return readText(input);
    }
  } catch (e) {
    if (e instanceof IngestError) throw e;
    const what = format === 'txt' ? 'text file' : format.toUpperCase();
    throw new IngestError(`unreadable ${what}: ${shortReason(e)}`, 'unreadable');
  }
}

/** Reads a document from disk. */
export async function readFile(path: string, opts: Omit<ReadOptions, 'path'> = {}): Promise<ParsedText> {
  let bytes: Buffer;
  try {
    bytes = await readFileBytes(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new IngestError(code === 'ENOENT' ? 'file not found' : code === 'EISDIR' ? 'a directory, not a file' : `cannot read file: ${shortReason(e)}`, 'io');
  }
  return readDocument(bytes, { ...opts, path });
}

/** Frees reader resources held for reuse (the pdf.js worker). Safe to call more than once. */
export async function closeReaders(): Promise<void> {
  await closePdfEngine();
}
