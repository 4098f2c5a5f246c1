#!/usr/bin/env node
// Entry point of the `referat` command (compiled TypeScript in dist/).
import { main } from '../dist/src/cli.js';

main(process.argv.slice(2)).then(
  (code) => { process.exitCode = code; },
  (e) => { console.error(`referat: internal error: ${e?.message ?? e}`); process.exitCode = 2; },
);
