/**
 * table-total: a table with a total row ("I alt", "Total", "Samlet", "Sum") whose value is not the sum
 * of the rows it totals. Tables are read from the text lines (tab, "|" or 2+-space separated cells);
 * numbers in Danish writing ("1.014.060", "2,5", "-" for nil). A total row at the bottom totals the
 * rows above it (since the previous total), at the top the rows below. One unit in the last written
 * digit is allowed for rounding ("2,3 + 1,4 = 3,8" in mio. is accepted). Rows of years (a header) and
 * "heraf" rows (a breakdown) are left out of the sum.
 */
import type { AnalysisContext } from '../../pipeline.js';
import type { Finding, Rule } from '../types.js';
import { danishNumber } from '../helpers.js';
import { NUMBER_CELL, CELL_UNIT_SUFFIX } from '../../vocabulary/money.js';
import { tableRow, type Cell } from '../../extract/table-cells.js';
import { readDanishNumber } from '../../extract/danish-number.js';
import { TOTAL_LABEL, BREAKDOWN_LABEL } from '../../vocabulary/money.js';

interface Row {
  line: number;
  start: number;
  end: number;
  label: string;
  cells: Cell[];
  /** Parsed numeric cells, right-aligned: values[0] is the last column. */
  values: { value: number; decimals: number; cell: Cell }[];
  year: boolean;
}


function parseNumber(text: string): { value: number; decimals: number } | null {
  const t = text.trim();
  if (/^[-–—]$/.test(t)) return { value: 0, decimals: 0 };
  const m = NUMBER_CELL.exec(t);
  if (!m) return null;
  const neg = !!m[1] || /^\(.*\)$/.test(t.replace(CELL_UNIT_SUFFIX, ''));
  const { value, decimals } = readDanishNumber(m[2] + (m[3] ?? ''));
  return { value: neg ? -value : value, decimals };
}

/** A row of two or more cells (the one cell reader, src/extract/table-cells.ts). */
function splitCells(lineStart: number, raw: string): Cell[] | null {
  const row = tableRow(raw, lineStart);
  return row && row.cells.length >= 2 ? row.cells : null;
}

function readRows(ctx: AnalysisContext): Row[][] {
  const { tree } = ctx;
  const blocks: Row[][] = [];
  let current: Row[] = [];
  let blank = 0;
  const close = () => { if (current.length) blocks.push(current); current = []; };
  for (const line of tree.lines) {
    if (!line.text) { blank++; if (blank > 1) close(); continue; }
    const raw = ctx.text.slice(line.start, line.end);
    const cells = splitCells(line.start, raw);
    if (!cells) { blank = 0; close(); continue; }
    blank = 0;
    const parsed = cells.map((c) => ({ c, n: parseNumber(c.text) }));
    // Numeric cells at the end of the row; a non-numeric cell before them is the label.
    const values: Row['values'] = [];
    for (let k = parsed.length - 1; k >= 0 && parsed[k].n; k--) values.push({ value: parsed[k].n!.value, decimals: parsed[k].n!.decimals, cell: parsed[k].c });
    const labelCells = parsed.slice(0, parsed.length - values.length).map((p) => p.c.text);
    const year = values.length > 0 && values.every((v) => v.decimals === 0 && Number.isInteger(v.value) && v.value >= 1990 && v.value <= 2100 && /^\d{4}$/.test(v.cell.text));
    current.push({ line: line.index, start: line.textStart, end: line.end, label: labelCells.join(' '), cells, values, year });
  }
  close();
  return blocks;
}

export const tableTotal: Rule = {
  meta: { id: 'table-total', type: 'suggestion', defaultSeverity: 'warning', description: 'En tabels total (»I alt«, »Total«, »Samlet«) skal være summen af de rækker, den summerer.' },
  check(ctx, report) {
    for (const rows of readRows(ctx)) {
      const totals = rows.map((r, i) => (TOTAL_LABEL.test(r.label) && r.values.length ? i : -1)).filter((i) => i >= 0);
      for (let t = 0; t < totals.length; t++) {
        const ti = totals[t];
        const total = rows[ti];
        const prevTotal = t > 0 ? totals[t - 1] : -1;
        const nextTotal = t + 1 < totals.length ? totals[t + 1] : rows.length;
        const above = rows.slice(prevTotal + 1, ti);
        const below = rows.slice(ti + 1, nextTotal);
        const dataOf = (rs: Row[]) => rs.filter((r) => r.values.length && !r.year && !BREAKDOWN_LABEL.test(r.label));
        const group = dataOf(above).length >= 2 ? dataOf(above) : ti === prevTotal + 1 ? dataOf(below) : [];
        if (group.length < 2) continue;
        for (let col = 0; col < total.values.length; col++) {
          if (group.some((r) => r.values.length <= col)) break;
          // Rows with more numbers than the total row do not line up with it.
          if (group.some((r) => r.values.length !== total.values.length)) break;
          const tv = total.values[col];
          const decimals = Math.max(tv.decimals, ...group.map((r) => r.values[col].decimals));
          const unit = 10 ** -decimals;
          const sum = group.reduce((s, r) => s + r.values[col].value, 0);
          const diff = Math.abs(Number((sum - tv.value).toFixed(decimals + 2)));
          if (diff <= unit + 1e-9) continue;
          const header = rows.slice(0, Math.min(...group.map((r) => rows.indexOf(r)), ti)).reverse().find((r) => (r.values.length === 0 || r.year) && r.cells.length > total.values.length);
          const colName = total.values.length > 1 ? (header ? ` i kolonnen »${header.cells[header.cells.length - 1 - col]?.text ?? ''}«` : ` i kolonne ${col + 1} fra højre`) : '';
          report({
            start: tv.cell.start,
            end: tv.cell.end,
            quote: ctx.tree.lines[total.line].text,
            message: `Totalen »${total.label}«${colName} er ${tv.cell.text}, men de ${group.length} rækker ${ti < rows.indexOf(group[0]) ? 'under' : 'over'} den summerer til ${danishNumber(sum, decimals)} (forskel ${danishNumber(Math.abs(sum - tv.value), decimals)}). Ret totalen eller den række, der er forkert.`,
          });
        }
      }
    }
    },
};
