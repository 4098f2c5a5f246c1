/**
 * Minutes, agenda or memo: from the document-kind word in the title and the structure (items with
 * decisions are minutes; items without any decision are an agenda; no items and no meeting header is
 * a memo). The reason is returned for a diagnostic.
 */
import type { DocumentType } from '../../schemas/referat.js';
import type { ReferatDocument } from '../document.js';
import { DOCUMENT_KIND_WORDS } from '../vocabulary/structure.js';

export function classifyDocument(doc: ReferatDocument, title: string | null, hasMeetingDate: boolean, decisions: number): { type: DocumentType; reason: string } {
  const { tree, text } = doc;
  const head = text.slice(0, Math.min(text.length, 600));
  const titleText = title ?? head;
  const items = tree.items.filter((i) => !i.fromTocOnly).length;
  const says = {
    minutes: DOCUMENT_KIND_WORDS.minutes.test(titleText) || DOCUMENT_KIND_WORDS.minutes.test(head),
    agenda: DOCUMENT_KIND_WORDS.agenda.test(titleText),
    memo: DOCUMENT_KIND_WORDS.memo.test(titleText) || /^\s*(notat|memo)\b/im.test(head),
  };
  if (items > 0 && decisions > 0) return { type: 'minutes', reason: `${items} dagsordenspunkter, heraf ${decisions} med beslutning` };
  if (items > 0 && says.minutes && !says.agenda) return { type: 'minutes', reason: `titlen siger referat; ${items} punkter uden fundne beslutninger` };
  if (items > 0) return { type: 'agenda', reason: `${items} dagsordenspunkter og ingen beslutninger: en dagsorden` };
  if (text.trim().length === 0) return { type: 'unknown', reason: 'dokumentet har ingen tekst' };
  if (says.minutes && hasMeetingDate && !says.memo) return { type: 'minutes', reason: 'titlen siger referat, men ingen punkter blev fundet' };
  if (says.agenda && hasMeetingDate && !says.memo) return { type: 'agenda', reason: 'titlen siger dagsorden, men ingen punkter blev fundet' };
  return { type: 'memo', reason: says.memo ? 'titlen siger notat/bilag, og der er ingen dagsordenspunkter' : 'ingen dagsordenspunkter og intet referat- eller dagsordenshoved' };
}
