/** One-line reasons for failed files, for the user, the manifest and errors.ndjson. */
import { ZodError } from 'zod';
import { IngestError } from '../../parsers/types.js';

export function describeError(e: unknown): string {
  if (e instanceof IngestError) return e.reason;
  const err = e as NodeJS.ErrnoException;
  if (err?.code === 'ENOENT') return 'no such file';
  if (err?.code === 'EACCES' || err?.code === 'EPERM') return 'permission denied';
  if (err?.code === 'EISDIR') return 'is a folder';
  // A result that fails its own schema is a bug in referat: say which field, not a JSON dump.
  if (e instanceof ZodError) {
    const issue = e.issues[0];
    return `internal error: the output failed the schema at ${issue?.path.join('.') || '(root)'}: ${issue?.message ?? 'invalid'}`;
  }
  return `internal error: ${err?.message?.split('\n')[0] ?? String(e)}`;
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
