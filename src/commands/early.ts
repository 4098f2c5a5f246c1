/**
 * What a command can start before it has loaded its own code: where the command line names exactly one
 * PDF that will be read in this thread (src/batch/inline.ts), pdf.js's thread is started at once, so that
 * it loads on the other core while this one loads the pipeline (issue 18: a 3-page PDF's start-up).
 */
import { statSync } from 'node:fs';
import { resolve } from 'node:path';

/** `inputs` is one PDF file, and `inThisThread` says the command converts one file in this thread. */
export function startPdfEngineEarly(inputs: string[], inThisThread: boolean, cwd = process.cwd()): void {
  if (!inThisThread || inputs.length !== 1 || !/\.pdf$/i.test(inputs[0])) return;
  try {
    if (!statSync(resolve(cwd, inputs[0])).isFile()) return;
  } catch {
    return; // reported by the command
  }
  void import('../../parsers/index.js').then((m) => m.preparePdfReader(), () => {});
}
