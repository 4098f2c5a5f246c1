/**
 * The output folder of a batch: a lock so that two runs never write into it at once, and the removal of
 * temporary files that a killed run left behind (outputs, manifest and database are written under a
 * temporary name and renamed, so such leftovers are never mistaken for results).
 */
import { readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { mkdir, readdir, rm } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';

export const LOCK_FILE = '.referat.lock';

/** Temporary names: `.part.<pid>.<8 hex>.tmp` (src/output.ts writeAtomic), `.referat.duckdb.<pid>.<8 hex>.tmp` (the database) and DuckDB's `.wal` beside one. */
export const TEMP_NAME = /^\..+\.\d+\.[0-9a-f]{8}\.tmp(?:\.wal)?$/;

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export class FolderBusyError extends Error {}

/** Takes the folder's lock (a lock left by a process that no longer runs is taken over). Returns the release function. */
export async function lockOutputFolder(outDir: string): Promise<() => void> {
  await mkdir(outDir, { recursive: true });
  const path = join(outDir, LOCK_FILE);
  const mine = JSON.stringify({ pid: process.pid, host: hostname(), started: new Date().toISOString() }) + '\n';
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      writeFileSync(path, mine, { flag: 'wx' });
      return () => {
        try {
          if (readFileSync(path, 'utf8') === mine) unlinkSync(path);
        } catch {
          /* already gone */
        }
      };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
    let holder: { pid?: number; host?: string } = {};
    try {
      holder = JSON.parse(readFileSync(path, 'utf8')) as typeof holder;
    } catch {
      /* unreadable lock: treat as stale */
    }
    if (typeof holder.pid === 'number' && holder.pid !== process.pid && holder.host === hostname() && alive(holder.pid)) {
      throw new FolderBusyError(
        `another referat run (pid ${holder.pid}) is writing to ${outDir}; if none is running, delete ${path}`,
      );
    }
    try {
      unlinkSync(path); // stale: its process is gone
    } catch {
      /* someone else removed it */
    }
  }
  throw new FolderBusyError(`cannot take the lock ${path}`);
}

/** Removes temporary files left by killed runs anywhere under the output folder. Returns how many. */
export async function removeStaleTemps(outDir: string): Promise<number> {
  let removed = 0;
  async function walk(dir: string): Promise<void> {
    let entries;
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      const p = join(dir, e.name);
      if (TEMP_NAME.test(e.name) && (e.isFile() || e.isDirectory())) {
        await rm(p, { recursive: true, force: true });
        removed++;
      } else if (e.isDirectory() && !e.isSymbolicLink()) {
        await walk(p);
      }
    }
  }
  await walk(outDir);
  return removed;
}
