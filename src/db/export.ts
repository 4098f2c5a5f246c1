/**
 * Writing the analysis tables as files (`referat export`): one CSV (with a header) or Parquet file per
 * table and view, each written under a temporary name and renamed. In CSV a list column is a JSON
 * array (`["Anna Hansen","Bo Berg"]`), which any consumer splits reliably; DuckDB's own list text
 * (`[Anna Hansen, Bo Berg]`) cannot be split when a value holds a comma. Parquet keeps real lists.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, statSync } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { DB_FILE, DatabaseBuilder, openDatabase, quoteIdent, quoteLiteral } from './database.js';
import { MANIFEST_FILE, readManifest } from '../batch/manifest.js';
import { lockOutputFolder } from '../batch/outdir.js';
import type { DuckDBConnection } from '@duckdb/node-api';
import { TABLE_NAMES, VIEWS, type TableName } from './tables.js';

export type ExportFormat = 'csv' | 'parquet';

export interface ExportResult {
  database: string;
  files: { table: TableName | string; path: string; rows: number }[];
}

/**
 * The database of an output folder; built from the folder's outputs when it is missing or older than
 * the manifest (e.g. after `convert --no-db`).
 */
export async function ensureDatabase(outDir: string): Promise<string> {
  const path = join(outDir, DB_FILE);
  const manifest = join(outDir, MANIFEST_FILE);
  // up to date unless a later run (e.g. with --no-db) changed the outputs after it was built
  if (existsSync(path) && (!existsSync(manifest) || statSync(manifest).mtimeMs <= statSync(path).mtimeMs)) return path;
  const entries = await readManifest(outDir);
  if (entries.size === 0) throw new Error(`${outDir} has no ${DB_FILE} and no manifest: convert into it first`);
  const release = await lockOutputFolder(outDir);
  try {
    const db = await DatabaseBuilder.create(outDir);
    try {
      for (const e of entries.values()) {
        const json = join(outDir, e.output);
        if (e.status === 'ok' && existsSync(json)) await db.appendFile(json, e.id, e.output);
      }
      return await db.finish();
    } catch (err) {
      await db.abort();
      throw err;
    }
  } finally {
    release();
  }
}

/** The rows of a table or view as written: in CSV, list columns (types as DuckDB describes them) as JSON arrays. */
async function selectFor(connection: DuckDBConnection, table: string, format: ExportFormat): Promise<string> {
  const all = `SELECT * FROM ${quoteIdent(table)}`;
  if (format !== 'csv') return all;
  const described = await connection.runAndReadAll(`DESCRIBE ${all}`);
  const cols = (described.getRowObjectsJson() as { column_name: string; column_type: string }[]).map(({ column_name: name, column_type: type }) =>
    type.endsWith('[]') ? `to_json(${quoteIdent(name)})::VARCHAR AS ${quoteIdent(name)}` : quoteIdent(name),
  );
  return `SELECT ${cols.join(', ')} FROM ${quoteIdent(table)}`;
}

export async function exportTables(outDir: string, format: ExportFormat, toDir?: string): Promise<ExportResult> {
  const out = resolve(outDir);
  const database = await ensureDatabase(out);
  const target = resolve(toDir ?? join(out, 'tables'));
  await mkdir(target, { recursive: true });
  const db = await openDatabase(database, { readOnly: true });
  const files: ExportResult['files'] = [];
  try {
    for (const table of [...TABLE_NAMES, ...VIEWS.map((v) => v.name)]) {
      const final = join(target, `${table}.${format}`);
      const tmp = join(target, `.${table}.${format}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
      const options = format === 'csv' ? "FORMAT csv, HEADER true" : "FORMAT parquet, COMPRESSION zstd";
      try {
        await db.connection.run(`COPY (${await selectFor(db.connection, table, format)}) TO ${quoteLiteral(tmp)} (${options})`);
        await rename(tmp, final);
      } catch (e) {
        await rm(tmp, { force: true, recursive: true });
        throw e;
      }
      const count = await db.connection.runAndReadAll(`SELECT count(*)::INTEGER AS n FROM ${quoteIdent(table)}`);
      files.push({ table, path: final, rows: Number(count.getRows()[0][0]) });
    }
  } finally {
    db.close();
  }
  return { database, files };
}
