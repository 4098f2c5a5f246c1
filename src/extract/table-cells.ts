/**
 * Tables laid out as text: a row is a line whose cells stand between pipes ("| a | b |"), tabs (DOCX
 * and HTML tables as the readers write them) or runs of two or more spaces (PDF columns). The one cell
 * reader of the project: the amounts extractor reads money tables with it, the table-total rule sums.
 */

export interface Cell {
  text: string;
  /** Offsets of the cell's text (trimmed) in the document's text. */
  start: number;
  end: number;
}

export type RowKind = 'pipe' | 'tab' | 'space';

export interface TableRow {
  kind: RowKind;
  cells: Cell[];
}

function splitAt(line: string, lineStart: number, sep: RegExp): Cell[] {
  const cells: Cell[] = [];
  let last = 0;
  const push = (a: number, b: number) => {
    const raw = line.slice(a, b);
    const lead = raw.length - raw.trimStart().length;
    const t = raw.trim();
    if (t) cells.push({ text: t, start: lineStart + a + lead, end: lineStart + a + lead + t.length });
  };
  for (const m of line.matchAll(sep)) {
    push(last, m.index);
    last = m.index + m[0].length;
  }
  push(last, line.length);
  return cells;
}

/** The cells of a line read as a table row, or null when the line is not laid out as one. */
export function tableRow(line: string, lineStart = 0): TableRow | null {
  if ((line.match(/\|/g) ?? []).length >= 2 || /^\s*\|/.test(line)) return { kind: 'pipe', cells: splitAt(line, lineStart, /\|/g) };
  if (line.includes('\t')) return { kind: 'tab', cells: splitAt(line, lineStart, /\t+/g) };
  if (/\S[ \u00A0]{2,}\S/.test(line)) return { kind: 'space', cells: splitAt(line, lineStart, /[ \u00A0]{2,}/g) };
  return null;
}
