/** Removes the page chrome (src/vocabulary/page-chrome.ts) from lines of web pages and text exports. */
import { UI_TEXT, type UiRule } from '../src/vocabulary/page-chrome.js';

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

interface CompiledRule {
  rule: UiRule;
  re: RegExp;
}

const COMPILED: CompiledRule[] = UI_TEXT.map((rule) => {
  if (rule.text instanceof RegExp) return { rule, re: rule.text };
  const p = escapeRe(rule.text).replace(/ /g, '\\s+');
  switch (rule.mode) {
    case 'line':
      return { rule, re: new RegExp(`^${p}[\\s.:!]*$`, 'i') };
    case 'prefix':
      return { rule, re: new RegExp(`^${p}(?:[\\s:]+|$)`, 'i') };
    case 'drop-if-prefix':
      return { rule, re: new RegExp(`^${p}(?:[\\s:>»]|$)`, 'i') };
    case 'suffix':
      return { rule, re: new RegExp(`\\s*${p}$`, 'i') };
  }
});

/** Removes UI text from one line; returns null when nothing is left. */
export function stripUiText(line: string): string | null {
  let s = line.trim();
  for (let pass = 0; pass < 3; pass++) {
    const before = s;
    for (const { rule, re } of COMPILED) {
      if (rule.mode === 'line' || rule.mode === 'drop-if-prefix') {
        if (re.test(s)) return null;
      } else if (rule.mode === 'prefix') {
        s = s.replace(re, '');
      } else if (rule.mode === 'suffix') {
        if (rule.maxWords && s.split(/\s+/).length > rule.maxWords) continue;
        s = s.replace(re, '');
      }
      s = s.trim();
      if (s === '') return null;
    }
    if (s === before) break;
  }
  return s;
}
