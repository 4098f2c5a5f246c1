/** Lines of the normalized text, with offsets, so every later decision can point back at its source. */
export interface Line {
  index: number;
  /** Offset of the line's first character (including indentation). */
  start: number;
  /** Offset after the line's last character (before "\n"). */
  end: number;
  /** Offset of the first non-blank character. */
  textStart: number;
  /** The line without surrounding white space. */
  text: string;
  /** The source marked the line as a heading (DOCX heading style, HTML h1-h6). */
  headingHint: boolean;
  /** The line is an item title that ran into its text and was split off from it (segment/flattened.ts). */
  runInHeading?: boolean;
}

export function splitLines(text: string, headingStarts: number[] = []): Line[] {
  const hints = new Set(headingStarts);
  const lines: Line[] = [];
  let start = 0;
  let index = 0;
  while (start <= text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const raw = text.slice(start, end);
    const lead = raw.length - raw.trimStart().length;
    lines.push({
      index: index++,
      start,
      end,
      textStart: start + lead,
      text: raw.trim(),
      headingHint: hints.has(start) || hints.has(start + lead),
    });
    start = end + 1;
  }
  return lines;
}

/** The next non-empty line after `from` (exclusive), within `limit` lines. */
export function nextNonEmpty(lines: Line[], from: number, limit = 50, until = lines.length): Line | undefined {
  for (let i = from + 1; i < Math.min(until, from + 1 + limit); i++) if (lines[i].text) return lines[i];
  return undefined;
}

export function prevNonEmpty(lines: Line[], from: number, limit = 50): Line | undefined {
  for (let i = from - 1; i >= Math.max(0, from - limit); i--) if (lines[i].text) return lines[i];
  return undefined;
}

/**
 * The lines with breaks added at the given offsets (each inside a line's text), renumbered. The text
 * is not changed: a break is only where a new line starts, so every offset still points into the text.
 */
export function breakLinesAt(lines: Line[], text: string, offsets: number[]): Line[] {
  if (!offsets.length) return lines;
  const at = [...new Set(offsets)].sort((a, b) => a - b);
  const out: Line[] = [];
  let k = 0;
  for (const line of lines) {
    let start = line.start;
    while (k < at.length && at[k] < line.start) k++;
    while (k < at.length && at[k] < line.end) {
      if (at[k] > line.textStart) {
        out.push(lineOf(text, start, at[k], out.length, line.headingHint && start === line.start));
        start = at[k];
      }
      k++;
    }
    out.push(lineOf(text, start, line.end, out.length, line.headingHint && start === line.start));
  }
  return out;
}

function lineOf(text: string, start: number, end: number, index: number, headingHint: boolean): Line {
  const raw = text.slice(start, end);
  const lead = raw.length - raw.trimStart().length;
  return { index, start, end, textStart: start + lead, text: raw.trim(), headingHint };
}
