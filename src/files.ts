/**
 * Collecting input files from the command line: files as given, folders walked (symlink loops, links that
 * lead out of the folder given and unreadable folders are skipped with a note; hidden files are counted).
 *
 * Folders are read by the bytes of their entries' names: a name that is not valid UTF-8 (Latin-1 from an
 * old Windows archive: `m\xf8de.txt`) is opened by those bytes, and shown, recorded and named in outputs
 * by a faithful rendering (see nameOf).
 */
import { isUtf8 } from 'node:buffer';
import { createHash } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { readdir, realpath, stat } from 'node:fs/promises';
import { join, relative, resolve, isAbsolute, sep } from 'node:path';

const NOT_REGULAR = 'not a regular file (a pipe, socket or device)';

export const DOCUMENT_EXTENSIONS = /\.(pdf|docx|txt|text|html?)$/i;

export interface InputFile {
  /** the path as it reads (always a valid string; see nameOf) */
  path: string;
  /** The folder given on the command line that contains it (for mirroring), or null for a file argument. */
  root: string | null;
  /** the path's bytes on disk, where they are not valid UTF-8 (`path` is then a rendering: open this) */
  raw?: Buffer;
}

/** What to open a file by: its bytes where its name is not UTF-8, else its path. */
export function fsPath(file: { path: string; raw?: Buffer | Uint8Array }): string | Buffer {
  return file.raw ? Buffer.from(file.raw) : file.path;
}

// Windows-1252 is what such names almost always are; as a decoding it is one-to-one (its five unused
// bytes become the C1 controls of the same value), so two names of bytes never render alike.
const WINDOWS_1252 = new TextDecoder('windows-1252');

/** A name's bytes as a valid string: UTF-8 where they are UTF-8, else read as Windows-1252 (Latin-1). */
export function nameOf(bytes: Buffer): string {
  return isUtf8(bytes) ? bytes.toString('utf8') : WINDOWS_1252.decode(bytes);
}

/**
 * The rendering of a name that is not UTF-8 where a UTF-8 sibling already reads the same ('møde.txt' in
 * both): a mark from the bytes goes before the extension ('møde~3f2a9c1e.txt'), so that outputs, manifest
 * lines and documents never collide.
 */
function distinctName(rendered: string, bytes: Buffer, taken: Set<string>): string {
  let name = rendered;
  for (let i = 0; taken.has(name); i++) {
    const mark = createHash('sha256').update(bytes).update(i ? String(i) : '').digest('hex').slice(0, 8);
    const dot = rendered.lastIndexOf('.');
    name = dot > 0 ? `${rendered.slice(0, dot)}~${mark}${rendered.slice(dot)}` : `${rendered}~${mark}`;
  }
  return name;
}

/**
 * A command-line path that does not exist as Node read it, because a name in it is not UTF-8: Node
 * decoded those bytes to U+FFFD, so each such name is looked up among its folder's entries by that same
 * decoding. The bytes and the rendered path of the one entry that matches; a reason when none or several do.
 */
export function findByLossyName(path: string): { raw: Buffer; path: string } | { reason: string } | null {
  if (!path.includes('\ufffd')) return null;
  const parts = path.split(sep);
  let raw = Buffer.from(parts[0]);
  let shown = parts[0];
  for (const part of parts.slice(1)) {
    const join = (bytes: Buffer) => Buffer.concat([raw, Buffer.from(sep), bytes]);
    if (!part.includes('\ufffd')) {
      raw = join(Buffer.from(part));
      shown += sep + part;
      continue;
    }
    let entries: Buffer[];
    try {
      entries = readdirSync(raw.length ? raw : Buffer.from(sep), { encoding: 'buffer' });
    } catch {
      return null;
    }
    const matches = entries.filter((e) => e.toString('utf8') === part);
    if (matches.length > 1) {
      return { reason: `the name is not valid UTF-8 and ${matches.length} entries of ${shown || sep} match it as given: give the folder instead` };
    }
    if (!matches.length) return null;
    raw = join(matches[0]);
    const utf8Names = new Set(entries.filter((e) => isUtf8(e)).map((e) => e.toString('utf8')));
    shown += sep + distinctName(nameOf(matches[0]), matches[0], utf8Names);
  }
  return { raw, path: shown };
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
    let path = resolve(arg);
    let raw: Buffer | undefined;
    let info;
    try {
      info = await stat(path);
    } catch (e) {
      const found = (e as NodeJS.ErrnoException).code === 'ENOENT' ? findByLossyName(path) : null;
      if (found && 'raw' in found) info = await stat(found.raw).catch(() => undefined);
      if (!found || !info || !('raw' in found)) {
        const reason = found && 'reason' in found ? found.reason : (e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file or folder' : `cannot read: ${(e as Error).message}`;
        problems.push({ path: arg, reason });
        continue;
      }
      ({ raw, path } = found);
    }
    if (info.isDirectory()) {
      // a link leads out of the folder when its target is not under the folder's own real path
      const realRoot = opts.followSymlinks ? null : await realpath(raw ?? path, { encoding: 'buffer' }).catch(() => Buffer.from(raw ?? path));
      await walk({ path, raw: raw ?? Buffer.from(path) }, path, realRoot, new Set(), walked);
    } else if (info.isFile()) files.push(raw ? { path, root: null, raw } : { path, root: null });
    else problems.push({ path: arg, reason: NOT_REGULAR });
  }
  return walked;
}

/** Whether target is root or under it; both as bytes (a folder's name need not be UTF-8). */
function inside(root: Buffer, target: Buffer): boolean {
  // latin1 maps each byte to one character, so path arithmetic on these strings is arithmetic on the bytes
  const rel = relative(root.toString('latin1'), target.toString('latin1'));
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

/** A folder or file found in the walk: its rendered path and the bytes to open it by. */
interface Place {
  path: string;
  raw: Buffer;
}

async function walk(dir: Place, root: string, realRoot: Buffer | null, seen: Set<string>, walked: Collected) {
  const { files, problems } = walked;
  let real: string;
  try {
    real = (await realpath(dir.raw, { encoding: 'buffer' })).toString('latin1');
  } catch (e) {
    problems.push({ path: dir.path, reason: `cannot resolve folder: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}` });
    return;
  }
  if (seen.has(real)) {
    problems.push({ path: dir.path, reason: 'symlink loop: folder already visited' });
    return;
  }
  seen.add(real);
  let entries;
  try {
    entries = await readdir(dir.raw, { withFileTypes: true, encoding: 'buffer' });
  } catch (e) {
    problems.push({ path: dir.path, reason: `cannot read folder: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}` });
    return;
  }
  const utf8Names = new Set(entries.filter((e) => isUtf8(e.name)).map((e) => e.name.toString('utf8')));
  const named = entries
    .map((e) => ({ entry: e, name: isUtf8(e.name) ? e.name.toString('utf8') : distinctName(nameOf(e.name), e.name, utf8Names) }))
    .sort((a, b) => a.name.localeCompare(b.name));
  for (const { entry: e, name } of named) {
    const p: Place = { path: join(dir.path, name), raw: Buffer.concat([dir.raw, Buffer.from(sep), e.name]) };
    if (name.startsWith('.')) {
      walked.hidden++;
      continue;
    }
    let isDir = e.isDirectory();
    let isFile = e.isFile();
    if (e.isSymbolicLink()) {
      try {
        const s = await stat(p.raw);
        isDir = s.isDirectory();
        isFile = s.isFile();
      } catch {
        problems.push({ path: p.path, reason: 'broken symlink' });
        continue;
      }
      if (realRoot !== null && (isDir || DOCUMENT_EXTENSIONS.test(name))) {
        const target = await realpath(p.raw, { encoding: 'buffer' }).catch(() => null);
        if (target === null || !inside(realRoot, target)) {
          problems.push({ path: p.path, reason: `symlink leads outside ${root}${target ? ` (to ${nameOf(target)})` : ''}: skipped (--follow-symlinks follows it)` });
          continue;
        }
      }
    }
    if (isDir) await walk(p, root, realRoot, seen, walked);
    else if (isFile && DOCUMENT_EXTENSIONS.test(name)) files.push(isUtf8(p.raw) ? { path: p.path, root } : { path: p.path, root, raw: p.raw });
    // A pipe or device with a document's name would block a reader forever: listed, never opened.
    else if (!isFile && DOCUMENT_EXTENSIONS.test(name)) problems.push({ path: p.path, reason: NOT_REGULAR });
  }
}
