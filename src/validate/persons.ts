/**
 * Persons named in running text, for the personal-data rules: a known first name and one to three
 * capitalised words after it ("Anne Marie Holm", "Jens-Ole B. Hansen"). Officials are told apart: the
 * meeting's participants, a name with a party letter ("Bo Jensen (V)") or with a title before it
 * ("sundhedschef Anne Holm"): minutes name them legitimately.
 */
import type { AnalysisContext } from '../pipeline.js';
import { isPersonName } from '../extract/names.js';
import { TITLE_SUFFIX, ORG_WORD } from '../vocabulary/people.js';
import { FIRST_NAMES } from '../vocabulary/personal-data.js';
import { sameName } from './helpers.js';

export interface PersonMention {
  name: string;
  start: number;
  end: number;
  official: boolean;
}

const NAME_RUN = /(?<![\p{L}\d])(\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?)((?:[ \u00a0]+(?:\p{Lu}\.|\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?)){1,3})(?![\p{L}])/gu;
const PARTY_AFTER = /^\s*\(\s*(\p{Lu}{1,2}|ufp)\s*\)/u;

const byContext = new WeakMap<AnalysisContext, PersonMention[]>();

/** The persons named in the document's text, in text order. */
export function personMentions(ctx: AnalysisContext): PersonMention[] {
  const cached = byContext.get(ctx);
  if (cached) return cached;
  const { text } = ctx;
  const participants = ctx.referat.participants.map((p) => p.name);
  const out: PersonMention[] = [];
  const run = new RegExp(NAME_RUN.source, 'gu');
  for (let m; (m = run.exec(text)); ) {
    // "Borgeren Anne Holm": the name may start at any capitalised word of the run
    if (!FIRST_NAMES.has(m[1].toLowerCase().split('-')[0])) {
      run.lastIndex = m.index + m[1].length;
      continue;
    }
    let name = m[0];
    // a trailing capitalised word that starts the next sentence or an organisation is not the name's
    while (name.split(/\s+/).length > 2 && ORG_WORD.test(name)) name = name.replace(/\s+\S+$/, '');
    if (!isPersonName(name)) continue;
    const start = m.index;
    const end = start + name.length;
    const wordBefore = /(\p{L}+)\s*$/u.exec(text.slice(Math.max(0, start - 40), start))?.[1] ?? '';
    const official =
      participants.some((p) => sameName(p, name)) || PARTY_AFTER.test(text.slice(end, end + 12)) || (wordBefore.length > 3 && TITLE_SUFFIX.test(wordBefore));
    out.push({ name, start, end, official });
    run.lastIndex = end;
  }
  byContext.set(ctx, out);
  return out;
}

/**
 * The sentence around an offset: from after the last full stop (or blank line) before it to the next
 * one after it, at most `reach` characters each way.
 */
export function sentenceAround(text: string, start: number, end: number, reach = 300): [number, number] {
  let a = start;
  const floor = Math.max(0, start - reach);
  while (a > floor && !/[.!?]\s$|\n\s*\n$/.test(text.slice(Math.max(0, a - 3), a))) a--;
  let b = end;
  const ceiling = Math.min(text.length, end + reach);
  while (b < ceiling && !/^[.!?](\s|$)|^\n\s*\n/.test(text.slice(b, b + 3))) b++;
  return [a, b];
}

/** The item that holds an offset, or null outside items. */
export function itemAt(ctx: AnalysisContext, offset: number) {
  return ctx.tree.items.find((i) => !i.fromTocOnly && i.start <= offset && offset < i.end) ?? null;
}
