/**
 * The project's rooms, checked: the field's Danish words stand only in src/vocabulary/, the readers
 * (parsers/) import nothing from src/ but the vocabulary's data, and no module imports itself through
 * others (no import cycle).
 */
import { describe, test, expect } from 'vitest';
import { readFileSync, readdirSync, statSync, existsSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';

const root = resolve(import.meta.dirname, '../..');

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...sourceFiles(p));
    else if (p.endsWith('.ts')) out.push(p);
  }
  return out;
}
const FILES = ['src', 'parsers', 'schemas'].flatMap((d) => sourceFiles(join(root, d)));
const rel = (p: string) => relative(root, p);
const parsed = new Map(FILES.map((f) => [f, ts.createSourceFile(f, readFileSync(f, 'utf8'), ts.ScriptTarget.Latest, true)]));

/**
 * Stems of the field's words (headings, labels, attendance, outcomes, money, calendar, kinds). A pattern
 * that spells one of them, at a word start, belongs in the vocabulary.
 */
const FIELD_STEMS = [
  'beslutning', 'indstil', 'sagsfremstilling', 'resum', 'bilag', 'fravær', 'afbud', 'deltag', 'mødt', 'punkt', 'pkt',
  'referat', 'dagsorden', 'møde', 'tidspunkt', 'januar', 'februar', 'marts', 'april', 'juni', 'juli', 'august',
  'september', 'oktober', 'november', 'december', 'kroner', 'mio', 'mia', 'udvalg', 'godkend', 'orienter',
  'drøft', 'lukket', 'efterretning', 'vedtag', 'anbefal', 'tiltræ', 'formand', 'kommune', 'klynge', 'sagsnr',
  'sagsid', 'journal', 'indholdsfortegnelse', 'forløb', 'byråd', 'regionsråd', 'suppleant', 'stedfortræd',
  'samlet', 'samlede', 'heraf', 'herunder', 'hovedtotal', 'mandag', 'tirsdag', 'onsdag', 'torsdag', 'fredag', 'lørdag', 'søndag', 'cirka', 'i alt', 'underskrift',
];
// Short words need a whole-word match (kr, ca, kl, sag, dato, sted), not a stem.
const FIELD_WORDS = ['kr', 'ca', 'kl', 'sag', 'dato', 'sted', 'maj', 'side'];
const STEM = new RegExp(`(?<![\\p{L}])(?:${FIELD_STEMS.join('|')})`, 'iu');
const WORD = new RegExp(`(?<![\\p{L}])(?:${FIELD_WORDS.join('|')})(?![\\p{L}])`, 'iu');

/** A pattern's letters with the regex syntax that is not text taken out ("\\s+" and "(?:" are not words). */
function patternText(source: string): string {
  return source.replace(/\\[a-zA-Z][*+?]?/g, ' ').replace(/\(\?(?:<?[=!]|:|<\w+>)/g, ' ').replace(/\[\^?|\]/g, ' ');
}

export function fieldWordsInPatterns(file: string): string[] {
  const found: string[] = [];
  const sf = parsed.get(file)!;
  const check = (node: ts.Node, text: string) => {
    const t = patternText(text);
    if (STEM.test(t) || WORD.test(t)) found.push(`${rel(file)}:${sf.getLineAndCharacterOfPosition(node.getStart()).line + 1}: ${text.slice(0, 80)}`);
  };
  const visit = (node: ts.Node) => {
    if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) check(node, (node as ts.RegularExpressionLiteral).text);
    // new RegExp('…') with a literal string spelling a word
    if (ts.isNewExpression(node) && node.expression.getText() === 'RegExp' && node.arguments?.[0]) {
      const a = node.arguments[0];
      if (ts.isStringLiteral(a) || ts.isNoSubstitutionTemplateLiteral(a)) check(node, a.text);
      if (ts.isTemplateExpression(a)) check(node, [a.head.text, ...a.templateSpans.map((s) => s.literal.text)].join(' '));
    }
    // String.raw`…`: the way this code base writes the sources of patterns built from parts
    if (ts.isTaggedTemplateExpression(node) && node.tag.getText() === 'String.raw') {
      const t = node.template;
      check(node, ts.isNoSubstitutionTemplateLiteral(t) ? t.text : [t.head.text, ...t.templateSpans.map((s) => s.literal.text)].join(' '));
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return found;
}

function importsOf(file: string): string[] {
  const sf = parsed.get(file)!;
  const out: string[] = [];
  const visit = (node: ts.Node) => {
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      const isTypeOnly = ts.isImportDeclaration(node) ? !!node.importClause?.isTypeOnly : node.isTypeOnly;
      if (!isTypeOnly) out.push(node.moduleSpecifier.text);
    }
    if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword && node.arguments[0] && ts.isStringLiteral(node.arguments[0])) out.push(node.arguments[0].text);
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return out
    .filter((s) => s.startsWith('.'))
    .map((s) => resolve(dirname(file), s.replace(/\.js$/, '.ts')))
    .filter((p) => existsSync(p));
}

describe('the field\'s words live in src/vocabulary/', () => {
  test('no file outside src/vocabulary/ spells a field word in a regular expression', () => {
    const offenders = FILES.filter((f) => !rel(f).startsWith('src/vocabulary/')).flatMap(fieldWordsInPatterns);
    expect(offenders).toEqual([]);
  });
  test('the check finds a field word in a pattern (it can fail)', () => {
    const probe = ts.createSourceFile('probe.ts', 'const A = /^beslutning:/i; const B = new RegExp(`${x}\\\\s*kr\\\\.`); const C = String.raw`afbud\\s+fra`; const D = /^\\d+\\s*%$/;', ts.ScriptTarget.Latest, true);
    parsed.set('probe.ts', probe);
    expect(fieldWordsInPatterns('probe.ts')).toHaveLength(3);
    parsed.delete('probe.ts');
  });
});

describe('rooms', () => {
  test('the readers import nothing from src/ except the vocabulary', () => {
    const bad = FILES.filter((f) => rel(f).startsWith('parsers/')).flatMap((f) =>
      importsOf(f)
        .filter((p) => rel(p).startsWith('src/') && !rel(p).startsWith('src/vocabulary/'))
        .map((p) => `${rel(f)} -> ${rel(p)}`),
    );
    expect(bad).toEqual([]);
  });
  test('the vocabulary is data: it imports only itself and schema types', () => {
    const bad = FILES.filter((f) => rel(f).startsWith('src/vocabulary/')).flatMap((f) =>
      importsOf(f).filter((p) => !rel(p).startsWith('src/vocabulary/')).map((p) => `${rel(f)} -> ${rel(p)}`),
    );
    expect(bad).toEqual([]);
  });
  test('no import cycle', () => {
    const graph = new Map(FILES.map((f) => [f, importsOf(f)]));
    const cycles: string[] = [];
    const state = new Map<string, 'open' | 'done'>();
    const stack: string[] = [];
    const walk = (f: string) => {
      state.set(f, 'open');
      stack.push(f);
      for (const g of graph.get(f) ?? []) {
        if (state.get(g) === 'open') cycles.push([...stack.slice(stack.indexOf(g)), g].map(rel).join(' -> '));
        else if (!state.has(g)) walk(g);
      }
      stack.pop();
      state.set(f, 'done');
    };
    for (const f of FILES) if (!state.has(f)) walk(f);
    expect(cycles).toEqual([]);
  });
});
