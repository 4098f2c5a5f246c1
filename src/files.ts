/**
 * Collecting input files from the command line: files as given, folders walked (symlink loops, links that
 * lead out of the folder given and unreadable folders are skipped with a note; hidden files are counted).
 */
import { readdir, realpath, stat } from 'node:fs/promises';
import { join, relative, resolve, isAbsolute } from 'node:path';

const NOT_REGULAR = 'not a regular file (a pipe, socket or device)';

export const DOCUMENT_EXTENSIONS = /\.(pdf|docx|txt|text|html?)$/i;

export interface InputFile {
  path: string;
  /** The folder given on the command line that contains it (for mirroring), or null for a file argument. */
  root: string | null;
}

export interface WalkProblem {
  path: string;
  reason: string;
}

export interface CollectOptions {
  /** follow symbolic links that lead outside the folder given (default: skip them with a note) */
  followSymlinks?: boolean;
}

export interface Collected {
  files: InputFile[];
  problems: WalkProblem[];
  /** files and folders whose name starts with "." (not converted) */
  hidden: number;
}

export async function collectInputs(args: string[], opts: CollectOptions = {}): Promise<Collected> {
  const files: InputFile[] = [];
  const problems: WalkProblem[] = [];
  const walked: Collected = { files, problems, hidden: 0 };
  for (const arg of args) {
    const path = resolve(arg);
    let info;
    try {
      info = await stat(path);
    } catch (e) {
      problems.push({ path: arg, reason: (e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file or folder' : `cannot read: ${(e as Error).message}` });
      continue;
    }
    if (info.isDirectory()) {
      // a link leads out of the folder when its target is not under the folder's own real path
      const realRoot = opts.followSymlinks ? null : await realpath(path).catch(() => path);
      await walk(path, path, realRoot, new Set(), walked);
    } else if (info.isFile()) files.push({ path, root: null });
    else problems.push({ path: arg, reason: NOT_REGULAR });
  }
  return walked;
}

function inside(root: string, target: string): boolean {
  const rel = relative(root, target);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

async function walk(dir: string, root: string, realRoot: string | null, seen: Set<string>, walked: Collected) {
  const { files, problems } = walked;
  let real: string;
  try {
    real = await realpath(dir);
  } catch (e) {
    problems.push({ path: dir, reason: `cannot resolve folder: ${(e as Error).message}` });
    return;
  }
  if (seen.has(real)) {
    problems.push({ path: dir, reason: 'symlink loop: folder already visited' });
    return;
  }
  seen.add(real);
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (e) {
    problems.push({ path: dir, reason: `cannot read folder: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}` });
    return;
  }
  entries.sort((a, b) => a.name.localeCompare(b.name));
  for (const e of entries) {
    const p = join(dir, e.name);
    if (e.name.startsWith('.')) {
      walked.hidden++;
      continue;
    }
    let isDir = e.isDirectory();
    let isFile = e.isFile();
    if (e.isSymbolicLink()) {
      try {
        const s = await stat(p);
        isDir = s.isDirectory();
        isFile = s.isFile();
      } catch {
        problems.push({ path: p, reason: 'broken symlink' });
        continue;
      }
      if (realRoot !== null && (isDir || DOCUMENT_EXTENSIONS.test(e.name))) {
        const target = await realpath(p).catch(() => null);
        if (target === null || !inside(realRoot, target)) {
          problems.push({ path: p, reason: `symlink leads outside ${root}${target ? ` (to ${target})` : ''}: skipped (--follow-symlinks follows it)` });
          continue;
        }
      }
    }
    if (isDir) await walk(p, root, realRoot, seen, walked);
    else if (isFile && DOCUMENT_EXTENSIONS.test(e.name)) files.push({ path: p, root });
    // A pipe or device with a document's name would block a reader forever: listed, never opened.
    else if (!isFile && DOCUMENT_EXTENSIONS.test(e.name)) problems.push({ path: p, reason: NOT_REGULAR });
  }
}
