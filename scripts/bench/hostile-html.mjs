#!/usr/bin/env node
// The HTML reader on the hostile inputs of issue 17.14, with the built reader (npm run build first):
//   node scripts/bench/hostile-html.mjs
// node-html-parser took 87-129 s for the table (and read no row of it), 30 s and 205 s for the
// <div><span> runs, and overflowed the stack on the nested divs. Each case runs once; a busy machine
// gives noisy figures.
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const { htmlToText, readHtml } = await import(pathToFileURL(join(root, 'dist', 'parsers', 'html.js')).href);

const divSpans = (n) => Buffer.from(Array.from({ length: n }, (_, i) => `<div><span>Linje ${i + 1} med lidt tekst`).join(''));
const cases = [
  ['table of 2,000 rows without closing tags (<tr><td>a<td>b)', () => htmlToText(`<table>${Array.from({ length: 2000 }, (_, i) => `<tr><td>Punkt ${i + 1}<td>Sag 24/${i + 1}`).join('\n')}</table>`).lines.length],
  ['2,000 x <div><span>', () => readHtml(divSpans(2000)).text.split('\n').length],
  ['4,000 x <div><span>', () => readHtml(divSpans(4000)).text.split('\n').length],
  ['100,000 nested closed divs', () => readHtml(Buffer.from(`${'<div>'.repeat(100_000)}Inderst${'</div>'.repeat(100_000)}`)).text.split('\n').length],
  ['10,000 nested lists (<ul><li>)', () => htmlToText('<ul><li>Punkt'.repeat(10_000)).lines.length],
];
console.log('| input | lines read | seconds |');
console.log('| --- | ---: | ---: |');
for (const [name, read] of cases) {
  const t0 = performance.now();
  const lines = read();
  console.log(`| ${name} | ${lines} | ${((performance.now() - t0) / 1000).toFixed(2)} |`);
}
