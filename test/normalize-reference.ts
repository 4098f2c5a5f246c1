/** The straightforward character-by-character normalizeText that src/normalize.ts replaced for speed: the oracle for its property test. */
// Characters that only disturb matching: soft hyphen, zero-width marks, BOM.
const DROP = /[\u00ad\u200b-\u200d\u2060\ufeff]/;
// Space-like characters folded into a plain space.
const SPACE = /[\u00a0\u2000-\u200a\u202f\u205f\u3000]/;
// Control characters other than tab and line feed (form feed ends a page, kept as a line break).
const CONTROL = /[\u0000-\u0008\u000b\u000e-\u001f\u007f]/;
const LIGATURES: Record<string, string> = { 'ﬀ': 'ff', 'ﬁ': 'fi', 'ﬂ': 'fl', 'ﬃ': 'ffi', 'ﬄ': 'ffl' };

export function normalizeTextReference(input: string): { text: string; map: Int32Array } {
  // map[i] = offset in the output of input offset i (map[input.length] = output length).
  const map = new Int32Array(input.length + 1);
  let out = '';
  let i = 0;
  while (i < input.length) {
    map[i] = out.length;
    const ch = input[i];
    if (ch === '\r') {
      out += '\n';
      if (input[i + 1] === '\n') map[++i] = out.length - 1;
      i++;
      continue;
    }
    if (ch === '\f') { out += '\n'; i++; continue; }
    if (DROP.test(ch) || CONTROL.test(ch)) { i++; continue; }
    if (SPACE.test(ch)) { out += ' '; i++; continue; }
    const lig = LIGATURES[ch];
    if (lig) { out += lig; i++; continue; }
    // Compose a base letter with following combining marks (decomposed "å" from some PDFs and Macs).
    let j = i + 1;
    while (j < input.length && /[\u0300-\u036f]/.test(input[j])) j++;
    if (j > i + 1) {
      const composed = input.slice(i, j).normalize('NFC');
      for (let k = i + 1; k < j; k++) map[k] = out.length;
      out += composed;
      i = j;
      continue;
    }
    out += ch;
    i++;
  }
  map[input.length] = out.length;
  // Trailing white space on a line carries nothing; a line of only spaces becomes empty.
  const trimmed: string[] = [];
  const finalMap = new Int32Array(out.length + 1);
  let pos = 0;
  let result = '';
  for (const line of out.split('\n')) {
    const keep = line.replace(/[ \t]+$/, '');
    for (let k = 0; k <= line.length; k++) finalMap[pos + k] = result.length + Math.min(k, keep.length);
    result += keep + '\n';
    pos += line.length + 1;
    trimmed.push(keep);
  }
  result = result.slice(0, -1);
  finalMap[out.length] = result.length;
  for (let k = 0; k < map.length; k++) map[k] = finalMap[map[k]];
  return { text: result, map };
}

