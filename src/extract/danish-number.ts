/**
 * The one Danish number reader (and writer) of the project: "1.234.567,5" (dotted thousands, decimal
 * comma), "1 234" (space thousands), "2,5", "2½", an English "1,234,567" and "1.5" told apart by their
 * shape. The amounts extractor and the table-total rule read with it; messages write with it.
 */

export type NumberKind = 'dotted' | 'english' | 'spaced' | 'decimal' | 'decimalPoint' | 'integer';

export interface DanishNumber {
  value: number;
  kind: NumberKind;
  /** Digits after the decimal mark (0 for whole numbers). */
  decimals: number;
}

const decimalsOf = (s: string, mark: string) => (s.includes(mark) ? s.length - s.lastIndexOf(mark) - 1 : 0);

/** Reads a number written the Danish way (or an English one, told apart by its shape). */
export function readDanishNumber(s: string): DanishNumber {
  if (/^\d{1,3}(?:\.\d{3})+(?:,\d+)?$/.test(s)) return { kind: 'dotted', value: Number(s.replace(/\./g, '').replace(',', '.')), decimals: decimalsOf(s, ',') };
  if (/^\d{1,3}(?:,\d{3}){2,}$/.test(s)) return { kind: 'english', value: Number(s.replace(/,/g, '')), decimals: 0 };
  if (/[ \u00A0]/.test(s)) {
    const t = s.replace(/[ \u00A0]/g, '');
    return { kind: 'spaced', value: Number(t.replace(',', '.')), decimals: decimalsOf(t, ',') };
  }
  // "2½ mio. kr.", "½ mio. kr."
  if (s.endsWith('½')) return { kind: 'decimal', value: Number(s.slice(0, -1) || 0) + 0.5, decimals: 1 };
  if (s.includes(',')) return { kind: 'decimal', value: Number(s.replace(',', '.')), decimals: decimalsOf(s, ',') };
  if (s.includes('.')) return { kind: 'decimalPoint', value: Number(s), decimals: decimalsOf(s, '.') };
  return { kind: 'integer', value: Number(s), decimals: 0 };
}

/** Writes a number the Danish way: "1.234.567", "12,50". */
export function formatDanishNumber(n: number, decimals = 0): string {
  const neg = n < 0;
  const [int, frac] = Math.abs(n).toFixed(decimals).split('.');
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return (neg ? '-' : '') + grouped + (frac ? ',' + frac : '');
}
