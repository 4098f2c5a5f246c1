/** `referat export <out-folder>`: the analysis tables of a converted folder as CSV or Parquet files. */
import { accessSync, constants, mkdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { exportTables, type ExportFormat } from '../db/export.js';

export interface ExportOptions {
  format?: string;
  to?: string;
  quiet?: boolean;
}

export async function runExport(outDir: string, opts: ExportOptions): Promise<number> {
  const format = (opts.format ?? 'csv').toLowerCase();
  if (format !== 'csv' && format !== 'parquet') {
    console.error(`referat: --format must be csv or parquet, not "${opts.format}"`);
    return 2;
  }
  // a folder that is not there, or not a folder, is an unreadable input (exit 2) like a missing file anywhere else
  const st = statSync(resolve(outDir), { throwIfNoEntry: false });
  if (!st?.isDirectory()) {
    console.error(`referat: ${outDir}: ${st ? 'not a folder' : 'no such folder'} (give the --out folder of referat convert)`);
    return 2;
  }
  // An output folder that cannot be written is found before the database is read or rebuilt.
  const target = resolve(opts.to ?? join(outDir, 'tables'));
  try {
    mkdirSync(target, { recursive: true });
    accessSync(target, constants.W_OK);
  } catch (e) {
    console.error(`referat: ${opts.to ?? target}: cannot write the tables there (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
    return 2;
  }
  try {
    const result = await exportTables(outDir, format as ExportFormat, opts.to);
    if (!opts.quiet) {
      for (const f of result.files) console.error(`${f.path}: ${f.rows} row(s)`);
    }
    return 0;
  } catch (e) {
    console.error(`referat: ${(e as Error).message.split('\n')[0]}`);
    return 1;
  }
}
