/**
 * Normalize stage: one canonical plain text for every later stage, with an offset map so that page
 * starts and heading hints from the reader stay correct. Every span in the output points into the
 * text this returns. The document (src/document.ts) runs it in its constructor.
 */

// Space-like characters folded into a plain space.
const SPACE = /[\u00a0\u2000-\u200a\u202f\u205f\u3000]/;
const LIGATURES: Record<string, string> = { 'ﬀ': 'ff', 'ﬁ': 'fi', 'ﬂ': 'fl', 'ﬃ': 'ffi', 'ﬄ': 'ffl' };
const COMBINING = /[\u0300-\u036f]/;
/**
 * Everything normalizeText changes: line ends, form feed, control characters other than tab and line
 * feed, the characters that only disturb matching (soft hyphen, zero-width marks, BOM: dropped), the
 * SPACE characters, ligatures and combining marks. Text between two of them is copied in one slice
 * (most documents have few), which keeps this stage linear and cheap.
 */
// eslint-disable-next-line no-control-regex
const SPECIAL = /[\r\f\u0000-\u0008\u000b\u000e-\u001f\u007f\u00a0\u00ad\u0300-\u036f\u2000-\u200d\u202f\u205f\u2060\u3000\ufb00-\ufb04\ufeff]/g;
// Trailing white space on a line carries nothing; a line of only spaces becomes empty.
const TRAILING_SPACE = /[ \t]+(?=\n|$)/g;

export function normalizeText(input: string): { text: string; map: Int32Array } {
  // map[i] = offset in the output of input offset i (map[input.length] = output length).
  const map = new Int32Array(input.length + 1);
  const parts: string[] = [];
  let outLength = 0;
  const emit = (s: string) => {
    parts.push(s);
    outLength += s.length;
  };
  let copied = 0; // input before this offset is in the output
  const copyUpTo = (end: number) => {
    if (end <= copied) return;
    for (let k = copied; k < end; k++) map[k] = outLength + (k - copied);
    emit(input.slice(copied, end));
    copied = end;
  };
  SPECIAL.lastIndex = 0;
  for (let m = SPECIAL.exec(input); m; m = SPECIAL.exec(input)) {
    const i = m.index;
    const ch = input[i];
    if (COMBINING.test(ch)) {
      // Compose a base letter with its combining marks (decomposed "å" from some PDFs and Macs). The
      // base is the character before, unless that one was itself rewritten; then the mark stands alone.
      const base = i > copied ? i - 1 : i;
      copyUpTo(base);
      let j = i + 1;
      while (j < input.length && COMBINING.test(input[j])) j++;
      for (let k = base; k < j; k++) map[k] = outLength;
      emit(j > base + 1 ? input.slice(base, j).normalize('NFC') : input.slice(base, j));
      copied = SPECIAL.lastIndex = j;
      continue;
    }
    copyUpTo(i);
    map[i] = outLength;
    let next = i + 1;
    if (ch === '\r') {
      if (input[i + 1] === '\n') map[next++] = outLength; // \r\n is one line break
      emit('\n');
    } else if (ch === '\f') emit('\n');
    else if (SPACE.test(ch)) emit(' ');
    else if (LIGATURES[ch]) emit(LIGATURES[ch]);
    // else soft hyphen, zero-width mark, BOM or control character: nothing in the output
    copied = SPECIAL.lastIndex = next;
  }
  copyUpTo(input.length);
  map[input.length] = outLength;
  const out = parts.join('');

  TRAILING_SPACE.lastIndex = 0;
  if (!TRAILING_SPACE.test(out)) return { text: out, map };
  // drop trailing spaces; an offset inside them moves to the end of the kept line
  const runStarts: number[] = [];
  const runEnds: number[] = [];
  const kept: string[] = [];
  let from = 0;
  TRAILING_SPACE.lastIndex = 0;
  for (let m = TRAILING_SPACE.exec(out); m; m = TRAILING_SPACE.exec(out)) {
    runStarts.push(m.index);
    runEnds.push(m.index + m[0].length);
    kept.push(out.slice(from, m.index));
    from = m.index + m[0].length;
  }
  kept.push(out.slice(from));
  // The map is composed in place, walking the runs as the offsets rise (map never decreases), instead
  // of through a second map over the whole text: a 20 MB text would hold two 80 MB maps at once.
  let run = 0;
  let removedBefore = 0; // spaces removed in the runs before `run`
  for (let k = 0; k < map.length; k++) {
    const p = map[k];
    while (run < runStarts.length && runEnds[run] <= p) {
      removedBefore += runEnds[run] - runStarts[run];
      run++;
    }
    map[k] = run < runStarts.length && p >= runStarts[run] ? runStarts[run] - removedBefore : p - removedBefore;
  }
  return { text: kept.join(''), map };
}

/** 1-based page of an offset, or null for unpaged text. */
export function pageAt(pageStarts: number[] | null, offset: number): number | null {
  if (!pageStarts || pageStarts.length === 0) return null;
  let lo = 0;
  let hi = pageStarts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (pageStarts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo + 1;
}
