/** Collecting input files from the command line: files as given, folders walked (symlink loops and unreadable folders are skipped with a note). */
import { readdir, realpath, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';

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

export async function collectInputs(args: string[]): Promise<{ files: InputFile[]; problems: WalkProblem[] }> {
  const files: InputFile[] = [];
  const problems: WalkProblem[] = [];
  for (const arg of args) {
    const path = resolve(arg);
    let info;
    try {
      info = await stat(path);
    } catch (e) {
      problems.push({ path: arg, reason: (e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file or folder' : `cannot read: ${(e as Error).message}` });
      continue;
    }
    if (info.isDirectory()) await walk(path, path, new Set(), files, problems);
    else if (info.isFile()) files.push({ path, root: null });
    else problems.push({ path: arg, reason: NOT_REGULAR });
  }
  return { files, problems };
}

async function walk(dir: string, root: string, seen: Set<string>, files: InputFile[], problems: WalkProblem[]) {
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
    if (e.name.startsWith('.')) continue;
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
    }
    if (isDir) await walk(p, root, seen, files, problems);
    else if (isFile && DOCUMENT_EXTENSIONS.test(e.name)) files.push({ path: p, root });
    // A pipe or device with a document's name would block a reader forever: listed, never opened.
    else if (!isFile && DOCUMENT_EXTENSIONS.test(e.name)) problems.push({ path: p, reason: NOT_REGULAR });
  }
}
