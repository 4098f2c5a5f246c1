/**
 * How sure the segmenter is of the structure it read: a confidence per item, from the evidence that
 * made it an item (the layout cues of its heading, the table of contents naming it, the sections under
 * it), and one for the document, with the reasons that lowered it. An analyst sorts an archive by it to
 * find the documents that need a look instead of trusting a wrong structure silently.
 */
import type { ReferatDocument } from '../document.js';
import type { ItemNode } from '../segment/index.js';

export interface StructureConfidence {
  confidence: number;
  /** Why the confidence is below 1, in Danish, for the diagnostic and the review page. */
  reasons: string[];
}

const MAIN = new Set(['beslutning', 'indstilling', 'resume', 'sagsfremstilling']);
const round = (x: number) => Math.round(x * 100) / 100;
const titleKey = (s: string) => s.toLowerCase().replace(/[^a-zæøå0-9]+/g, ' ').trim().slice(0, 30);

/** One item: its heading's layout evidence, a title the contents confirm, sections under it. */
export function itemConfidence(item: ItemNode, tocTitles: Set<string>): number {
  if (item.fromTocOnly) return 0.5;
  // Layout evidence: 1.5 is the least that makes a heading; 6 and more is a heading beyond doubt.
  let c = item.numberInferred ? 0.45 : 0.35 + Math.min(0.45, Math.max(0, item.evidence) * 0.075);
  if (tocTitles.has(titleKey(item.title))) c += 0.15;
  if (item.sections.some((s) => MAIN.has(s.type) && s.heading)) c += 0.15;
  if (!item.title) c -= 0.2;
  return round(Math.max(0.05, Math.min(1, c)));
}

export function structureConfidence(doc: ReferatDocument, itemConfidences: number[]): StructureConfidence {
  const { tree } = doc;
  const reasons: string[] = [];
  const body = tree.items.filter((i) => !i.fromTocOnly);
  if (!tree.items.length) {
    const minutes = /\S/.test(doc.text) && doc.facts.documentType?.type !== 'memo';
    return { confidence: minutes ? 0.2 : 1, reasons: minutes ? ['ingen dagsordenspunkter fundet'] : [] };
  }
  let c = itemConfidences.reduce((a, b) => a + b, 0) / itemConfidences.length;
  if (body.length && body.every((i) => i.numberInferred)) reasons.push('punkterne har ingen synlige numre');
  const tocOnly = tree.items.length - body.length;
  if (tocOnly > 0) reasons.push(`${tocOnly} af ${tree.items.length} punkter står kun i indholdsfortegnelsen`);
  const weak = tree.items.filter((item, k) => !item.fromTocOnly && itemConfidences[k] < 0.6).length;
  if (weak) reasons.push(`${weak} punktoverskrift${weak === 1 ? '' : 'er'} med svage layout-tegn`);
  // Numbers that skip or repeat in the body.
  const numbers = body.map((i) => i.number);
  const gaps = numbers.filter((n, k) => k > 0 && n !== numbers[k - 1] + 1).length;
  if (gaps) {
    reasons.push(`nummerfølgen springer ${gaps} gang${gaps === 1 ? '' : 'e'}`);
    c -= Math.min(0.2, gaps * 0.05);
  }
  const noSections = body.filter((i) => !i.sections.some((s) => s.heading)).length;
  if (body.length && noSections === body.length) reasons.push('ingen punkter har afsnitsoverskrifter');
  return { confidence: round(Math.max(0.05, Math.min(1, c))), reasons };
}

export function tocTitleKeys(doc: ReferatDocument): Set<string> {
  return new Set((doc.tree.toc?.entries ?? []).map((e) => titleKey(e.title)));
}
