/** `referat convert`: one JSON per input, named after it, mirrored under --out. */
import { IngestError } from '../types.js';
import { convertFile } from '../convert.js';
import { collectInputs } from '../files.js';
import { outputPathFor, serialize, writeAtomic } from '../output.js';
import type { Logger } from 'pino';
import { validator } from '../validate/index.js';

export interface ConvertOptions {
  out: string;
  quiet?: boolean;
}

export function describeError(e: unknown): string {
  if (e instanceof IngestError) return e.reason;
  const err = e as NodeJS.ErrnoException;
  if (err?.code === 'ENOENT') return 'no such file';
  if (err?.code === 'EACCES' || err?.code === 'EPERM') return 'permission denied';
  if (err?.code === 'EISDIR') return 'is a folder';
  return `internal error: ${err?.message?.split('\n')[0] ?? String(e)}`;
}

export async function runConvert(inputs: string[], opts: ConvertOptions, log: Logger): Promise<number> {
  const { files, problems } = await collectInputs(inputs);
  let failed = problems.length;
  for (const p of problems) console.error(`referat: ${p.path}: ${p.reason}`);
  let done = 0;
  for (const file of files) {
    try {
      const ctx = await convertFile(file.path, { validate: validator() });
      const target = outputPathFor(file.path, file.root, opts.out);
      await writeAtomic(target, serialize(ctx.referat));
      done++;
      log.info({ file: file.path, out: target, items: ctx.referat.items.length }, 'converted');
      if (!opts.quiet) console.error(`${file.path} -> ${target}`);
    } catch (e) {
      failed++;
      console.error(`referat: ${file.path}: ${describeError(e)}`);
      log.debug({ err: e, file: file.path }, 'failed');
    }
  }
  if (!opts.quiet) console.error(`${done} converted, ${failed} failed`);
  return failed > 0 ? 1 : 0;
}
