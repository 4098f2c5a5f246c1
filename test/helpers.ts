import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { analyze } from '../src/pipeline.js';
import { ReferatDocument } from '../src/document.js';
import { segment } from '../src/segment/index.js';
import type { ParsedText } from '../parsers/types.js';

export const samplePath = (name: string) => fileURLToPath(new URL(`../samples/${name}`, import.meta.url));
export const sampleText = (name: string) => readFileSync(samplePath(name), 'utf8');

export function parsedFrom(text: string): ParsedText {
  return { format: 'txt', text, pageStarts: null, headingStarts: [], encoding: 'utf-8', diagnostics: [] };
}

const sourceOf = (text: string) => ({ path: 'passage.txt', format: 'txt' as const, sha256: '0'.repeat(64), bytes: text.length, pages: null, encoding: 'utf-8', pageInfo: null });

/** A document read up to its tree (normalized and segmented), for the extractors' tests. */
export function docOf(text: string): ReferatDocument {
  const doc = new ReferatDocument(parsedFrom(text), sourceOf(text));
  doc.tree = segment(doc);
  return doc;
}

export function treeOf(text: string) {
  return docOf(text).tree;
}

export function analyzeText(text: string) {
  return analyze(parsedFrom(text), sourceOf(text));
}

export const sectionTypes = (item: { sections: { type: string }[] }) => [...new Set(item.sections.map((s) => s.type).filter((t) => t !== 'other'))];
