/**
 * The points of an item's Indstilling: list lines ("- ", "•", "1.", "A)", "at | ... |", "At 1)") with
 * their wrapped continuations, or the whole recommendation when it is one sentence.
 */
import type { ItemNode } from '../segment/index.js';
import { RECOMMENDATION_LEAD_IN } from '../vocabulary/structure.js';

const POINT = /^([-–•·*▪]|\d{1,2}[.)]|[A-Za-z][.)]|at\s*\||at\s+\d\))\s*/i;
const AT_CLAUSE = /^at\s+\S/i;

export function extractRecommendations(item: ItemNode, text: string): string[] {
  const points: string[] = [];
  for (const s of item.sections) {
    if (s.type !== 'indstilling') continue;
    const body = text.slice(s.bodyStart, s.bodyEnd);
    const lines = body.split('\n').map((l) => l.trim()).filter(Boolean);
    const found: string[] = [];
    let loose: string[] = [];
    for (const line of lines) {
      if (RECOMMENDATION_LEAD_IN.test(line)) continue;
      const clean = line.replace(/\|/g, ' ').replace(/\s+/g, ' ').trim();
      if (POINT.test(line) || (AT_CLAUSE.test(line) && found.length > 0) || (AT_CLAUSE.test(line) && lines.length > 2)) {
        found.push(clean.replace(POINT, '').trim());
      } else if (found.length && /^[a-zæøå]/.test(line)) {
        found[found.length - 1] += ' ' + clean;
      } else {
        loose.push(clean);
      }
    }
    if (found.length) points.push(...found.filter(Boolean));
    else if (loose.length) points.push(loose.join(' '));
    loose = [];
  }
  return points;
}
