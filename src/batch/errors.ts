/**
 * One-line reasons for failed files, for the user, the manifest and errors.ndjson, each with its kind:
 * the input's fault (a damaged or unsupported file), the environment's (disk full, no permission, a name
 * too long: fix the machine and run again), or ours (a bug in referat: worth a report).
 */
import { SchemaError } from '../../schemas/referat-check.js';
import { IngestError, ReaderBugError } from '../../parsers/types.js';
import { shortReason } from '../../parsers/errors.js';

export type FailureKind = 'input' | 'environment' | 'internal';

export const REPORT_HINT = 'a bug in referat; please report it with the file';

/** System error codes that say something about the machine, not the document. */
const ENVIRONMENT: Record<string, string> = {
  ENOSPC: 'no space left on the device',
  EDQUOT: 'disk quota exceeded',
  EROFS: 'read-only file system',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  ENAMETOOLONG: 'file name too long',
  EMFILE: 'too many open files',
  ENFILE: 'too many open files in the system',
  EIO: 'input/output error',
  ENOMEM: 'out of memory',
};

/** A zod error, recognised by its shape (this module does not load zod; the conversion's check is SchemaError). */
function isZodError(e: unknown): e is Error & { issues: { path: PropertyKey[]; code: string }[] } {
  return e instanceof Error && /ZodError$/.test(e.name) && Array.isArray((e as { issues?: unknown }).issues);
}

export function describeFailure(e: unknown): { reason: string; kind: FailureKind } {
  if (e instanceof IngestError) return { reason: e.reason, kind: e.code === 'io' ? 'environment' : 'input' };
  const err = e as NodeJS.ErrnoException;
  if (err?.code === 'ENOENT') return { reason: 'no such file', kind: 'environment' };
  if (err?.code === 'EISDIR') return { reason: 'is a folder', kind: 'input' };
  if (err?.code && ENVIRONMENT[err.code]) {
    // the place (a path in the output or input folder), never the document's content
    const where = err.path ? ` (${err.syscall ?? 'at'} ${err.path})` : err.syscall ? ` (${err.syscall})` : '';
    return { reason: `${ENVIRONMENT[err.code]}: ${err.code}${where}`, kind: 'environment' };
  }
  // A result that fails its own schema is a bug in referat: say which field and what kind of fault (zod's
  // code, not its message or the value), never a JSON dump.
  if (e instanceof SchemaError || isZodError(e)) {
    const issue = e instanceof SchemaError ? e.issue : e.issues[0];
    return { reason: `internal error: the output failed the schema at ${issue?.path.join('.') || '(root)'}: ${issue?.code ?? 'invalid'} (${REPORT_HINT})`, kind: 'internal' };
  }
  // Our own exception: its message may carry text of the document (a JSON snippet, a quoted value), so it
  // is tidied like a reader's, and the place in our code is given instead (a reader's bug names its
  // reader and stage itself).
  const bug = e instanceof ReaderBugError;
  const where = bug ? null : codePlace(err);
  const type = !bug && err instanceof Error && err.name !== 'Error' ? `${err.name}: ` : '';
  return { reason: `internal error: ${type}${shortReason(e)}${where ? ` at ${where}` : ''} (${REPORT_HINT})`, kind: 'internal' };
}

/** The innermost frame of referat's own code in an error's stack ('src/extract/amounts.js:120'). */
function codePlace(e: unknown): string | null {
  const stack = e instanceof Error && typeof e.stack === 'string' ? e.stack : '';
  for (const line of stack.split('\n').slice(1)) {
    if (line.includes('node_modules')) continue;
    const frame = /\/((?:src|parsers|schemas)\/[\w./-]+\.[jt]s):(\d+)/.exec(line);
    if (frame) return `${frame[1]}:${frame[2]}`;
  }
  return null;
}

export function describeError(e: unknown): string {
  return describeFailure(e).reason;
}

export function tooLarge(bytes: number, limit: number): string {
  return `file too large: ${formatBytes(bytes)} (limit ${formatBytes(limit)}, see --max-size)`;
}

export function formatBytes(n: number): string {
  if (n >= 1024 * 1024 * 1024) return `${(n / 1024 / 1024 / 1024).toFixed(1)} GB`;
  if (n >= 1024 * 1024) return `${(n / 1024 / 1024).toFixed(1)} MB`;
  if (n >= 1024) return `${(n / 1024).toFixed(1)} kB`;
  return `${n} bytes`;
}
