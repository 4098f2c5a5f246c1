/**
 * Attachment titles: the lines under an item's Bilag heading, or file names listed inline in the item
 * where the family has no Bilag heading.
 */
import type { ItemNode } from '../segment/index.js';
import { isAttachmentFile } from '../segment/sections.js';
import { NONE } from '../vocabulary/structure.js';

export function extractAttachments(item: ItemNode, text: string): string[] {
  const titles: string[] = [];
  const bilag = item.sections.filter((s) => s.type === 'bilag');
  for (const s of bilag) {
    for (const raw of text.slice(s.bodyStart, s.bodyEnd).split('\n')) {
      const line = raw.trim().replace(/^([-–•·*]|\d{1,2}[.)])\s*/, '');
      if (!line || NONE.test(line)) continue;
      titles.push(line);
    }
  }
  if (bilag.length === 0) {
    for (const raw of text.slice(item.start, item.end).split('\n')) {
      const line = raw.trim().replace(/^([-–•·*])\s*/, '');
      if (isAttachmentFile(line)) titles.push(line);
    }
  }
  return titles;
}
