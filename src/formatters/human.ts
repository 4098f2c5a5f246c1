/**
 * Human output: per file, one block per finding ("path:line:column (punkt 4) fejl rule-id" for text and
 * HTML, "path (side 2, punkt 4) fejl rule-id" for PDF and DOCX, whose extracted text no editor opens),
 * the message, the offending text, then one summary line; a clean file is one line
 * ("✓ path: ingen fund (0 fejl, 0 advarsler)"), a file that is not minutes too ("? path: ligner ikke …").
 */
import type { Severity } from '../../schemas/referat.js';
import { LineIndex } from './location.js';
import { counts, placeOf, type FileReport, type Formatter } from './types.js';

const LABEL: Record<Severity, string> = { error: 'fejl', warning: 'advarsel', info: 'info' };
const COLOR: Record<Severity, string> = { error: '\x1b[31m', warning: '\x1b[33m', info: '\x1b[36m' };
const DIM = '\x1b[2m';
const BOLD = '\x1b[1m';
const RESET = '\x1b[0m';

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

export function summary(c: { errors: number; warnings: number; infos: number }): string {
  const base = `${plural(c.errors, 'fejl', 'fejl')}, ${plural(c.warnings, 'advarsel', 'advarsler')}`;
  return c.infos ? `${base}, ${c.infos} info` : base;
}

function fileBlock(f: FileReport, color: boolean, quiet: boolean): string[] {
  const paint = (code: string, s: string) => (color ? code + s + RESET : s);
  const shown = quiet ? f.diagnostics.filter((d) => d.severity === 'error') : f.diagnostics;
  const c = counts(f.diagnostics);
  // ✓ only for a file with neither errors nor warnings, also when --quiet hides the warnings
  const mark = c.errors ? paint(COLOR.error, '✗') : c.warnings ? paint(COLOR.warning, '!') : paint('\x1b[32m', '✓');
  if (!shown.length) {
    if (f.notMinutes && !f.diagnostics.length) return [`${paint(COLOR.warning, '?')} ${f.path}: ligner ikke et referat (${f.notMinutes}); reglerne for referater er ikke prøvet`];
    if (!f.diagnostics.length) return [`${mark} ${f.path}: ingen fund (0 fejl, 0 advarsler)`];
    return [`${mark} ${f.path}: ${summary(c)}`];
  }
  const index = f.text != null ? new LineIndex(f.text) : null;
  const out: string[] = [];
  for (const d of shown) {
    const { lineColumn, words: where } = placeOf(f, d, index);
    const loc = lineColumn ? `${f.path}:${lineColumn.line}:${lineColumn.column}` : f.path;
    const head = `${paint(BOLD, loc)}${where.length ? ` (${where.join(', ')})` : ''} ${paint(COLOR[d.severity], LABEL[d.severity])} ${paint(DIM, d.code)}`;
    out.push(head);
    out.push(`  ${d.message}`);
    if (d.quote) out.push(`  ${paint(DIM, '»')}${d.quote}${paint(DIM, '«')}`);
  }
  if (f.notMinutes) out.push(`  ${paint(DIM, `ligner ikke et referat (${f.notMinutes})`)}`);
  out.push(`${mark} ${f.path}: ${summary(c)}`);
  return out;
}

export const human: Formatter = (report, options = {}) => {
  const color = !!options.color;
  // Unreadable files are reported on stderr by the command, one line each.
  const blocks = report.files.filter((f) => !f.error).map((f) => fileBlock(f, color, !!options.quiet));
  if (report.files.length > 1) {
    const all = counts(report.files.flatMap((f) => f.diagnostics));
    const unreadable = report.files.filter((f) => f.error).length;
    const notMinutes = report.files.filter((f) => f.notMinutes).length;
    blocks.push([`${report.files.length} filer: ${summary(all)}${unreadable ? `, ${unreadable} kunne ikke læses` : ''}${notMinutes ? `, ${notMinutes} ligner ikke et referat` : ''}`]);
  }
  // A blank line after a block of findings; one-line results (clean files) stand together.
  let out = '';
  blocks.forEach((b, k) => {
    if (k > 0 && (b.length > 1 || blocks[k - 1].length > 1)) out += '\n';
    out += b.join('\n') + '\n';
  });
  return out;
};
