/** Converting a file or buffer: read (parsers/), analyze (pipeline), validate against the schema. */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { Source } from '../schemas/referat.js';
import { referatIssue, SchemaError } from '../schemas/referat-check.js';
import { readDocument, type ReadLimits } from '../parsers/index.js';
import type { ParsedText } from '../parsers/types.js';
import { analyze, type AnalysisContext, type AnalyzeOptions } from './pipeline.js';

export function sourceOf(path: string, bytes: Buffer, parsed: Pick<ParsedText, 'format' | 'pageStarts' | 'encoding' | 'pages'>): Source {
  return {
    path,
    format: parsed.format,
    sha256: createHash('sha256').update(bytes).digest('hex'),
    bytes: bytes.length,
    pages: parsed.pageStarts ? parsed.pageStarts.length : null,
    encoding: parsed.encoding,
    pageInfo: parsed.pages ?? null,
  };
}

/** Convert one file to a validated Referat. Throws IngestError for unreadable input. */
export async function convertFile(path: string | Buffer, options: AnalyzeOptions & { displayPath?: string; read?: ReadLimits } = {}): Promise<AnalysisContext> {
  const bytes = await readFile(path);
  return convertBuffer(bytes, options.displayPath ?? String(path), options);
}

export async function convertBuffer(bytes: Buffer, path: string, options: AnalyzeOptions & { read?: ReadLimits } = {}): Promise<AnalysisContext> {
  const parsed = await readDocument(bytes, { ...options.read, path });
  const source = sourceOf(path, bytes, parsed);
  const ctx = analyze(parsed, source, options);
  // Every output is checked against the published schema before anyone sees it (as zod's Referat.parse
  // would, by a check generated from the schema: see scripts/schema-check.ts).
  const issue = referatIssue(ctx.referat);
  if (issue) throw new SchemaError(issue);
  return ctx;
}
