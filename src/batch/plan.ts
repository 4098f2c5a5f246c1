/** Planning a batch: one output per input, mirrored under the output folder; two inputs that would share an output fail instead of overwriting. */
import { relative } from 'node:path';
import type { InputFile } from '../files.js';
import { outputPathFor } from '../output.js';
import { documentIdOf } from '../db/tables.js';

export interface Plan {
  file: InputFile;
  id: string;
  output: string;
  outputFile: string;
}

export function planOutputs(files: InputFile[], outDir: string, fail: (file: InputFile, id: string, reason: string) => void): Plan[] {
  const plans: Plan[] = [];
  const byId = new Map<string, Plan>();
  for (const file of files) {
    const output = outputPathFor(file.path, file.root, outDir);
    const outputFile = relative(outDir, output);
    const id = documentIdOf(outputFile);
    const other = byId.get(id);
    if (other) {
      fail(file, id, `same output as ${other.file.path} (${outputFile}); convert the folders separately`);
      continue;
    }
    const plan = { file, id, output, outputFile };
    byId.set(id, plan);
    plans.push(plan);
  }
  return plans;
}
