/**
 * What every command shares on the command line: the exit codes, the hint after a usage error, "-" for
 * stdout, output paths checked before the work starts, and colour.
 */
import { accessSync, constants, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

/** The exit codes, the same for every command (shown in each --help and in the README). */
export const EXIT_CODES_HELP = `
Exit codes:
  0  all good: every input read, no finding that counts
  1  findings or failed documents: a document that could not be converted or that has
     error findings (validate: errors, with --strict also warnings; convert: a reader
     error such as a scanned PDF without a text layer and OCR off)
  2  usage or an unreadable input: a bad option or argument, a configuration file that
     cannot be used, an input that does not exist or cannot be opened, an output that
     cannot be written (found before any work starts)`;

/** "-" means stdout for every output option. */
export const STDOUT = '-';

/** A usage error: one line on stderr, exit 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/**
 * Throws a UsageError when `path` (an output option's value) cannot be written: its folder missing or
 * not writable, or the path itself a folder or a read-only file. Nothing is created.
 */
export function assertWritable(option: string, path: string): void {
  if (path === STDOUT) return;
  const abs = resolve(path);
  let st;
  try {
    st = statSync(abs);
  } catch {
    st = null;
  }
  if (st?.isDirectory()) throw new UsageError(`${option} ${path}: is a folder, not a file`);
  try {
    if (st) accessSync(abs, constants.W_OK);
    else {
      const dir = dirname(abs);
      if (!statSync(dir, { throwIfNoEntry: false })?.isDirectory()) throw new UsageError(`${option} ${path}: the folder ${dir} does not exist`);
      accessSync(dir, constants.W_OK);
    }
  } catch (e) {
    if (e instanceof UsageError) throw e;
    throw new UsageError(`${option} ${path}: not writable (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
}

/**
 * Colour on a stream: NO_COLOR (any non-empty value) turns it off, FORCE_COLOR (other than "0" or
 * "false") turns it on, otherwise colour when the stream is a terminal (https://no-color.org,
 * https://force-color.org).
 */
export function useColor(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv = process.env): boolean {
  if (env.NO_COLOR) return false;
  const force = env.FORCE_COLOR;
  if (force !== undefined) return force !== '0' && force.toLowerCase() !== 'false';
  return !!stream.isTTY;
}
