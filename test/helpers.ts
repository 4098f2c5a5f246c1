import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { analyze } from '../src/pipeline.js';
import { normalize } from '../src/normalize.js';
import { segment } from '../src/segment/index.js';
import type { ParsedText } from '../src/types.js';

export const samplePath = (name: string) => fileURLToPath(new URL(`../samples/${name}`, import.meta.url));
export const sampleText = (name: string) => readFileSync(samplePath(name), 'utf8');

export function parsedFrom(text: string): ParsedText {
  return { format: 'txt', text, pageStarts: null, headingStarts: [], encoding: 'utf-8', diagnostics: [] };
}

export function treeOf(text: string) {
  return segment(normalize(parsedFrom(text)));
}

export function analyzeText(text: string) {
  const source = { path: 'passage.txt', format: 'txt' as const, sha256: '0'.repeat(64), bytes: text.length, pages: null, encoding: 'utf-8', pageInfo: null };
  return analyze(parsedFrom(text), source);
}

export const sectionTypes = (item: { sections: { type: string }[] }) => [...new Set(item.sections.map((s) => s.type).filter((t) => t !== 'other'))];
