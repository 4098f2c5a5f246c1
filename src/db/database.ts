/**
 * The analysis database (DuckDB, `referat.duckdb` in the output folder). It is built under a temporary
 * name beside its final place and renamed when complete, so a reader never sees a half-built file and a
 * killed run leaves only a temporary file that the next run removes.
 */
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { DuckDBInstance, LIST, VARCHAR, type DuckDBAppender, type DuckDBConnection } from '@duckdb/node-api';
import type { Referat } from '../../schemas/referat.js';
import { TABLE_NAMES, TABLES, VIEWS, rowsFor, type Cell, type ColumnType, type TableDef, type TableName, type TableRows } from './tables.js';

import { DB_FILE } from './file.js';

export { DB_FILE };

/** Never let DuckDB fetch anything: the json and parquet extensions are built in. */
const BASE_OPTIONS: Record<string, string> = {
  autoinstall_known_extensions: 'false',
  autoload_known_extensions: 'false',
};

export function createTableSql(def: TableDef): string {
  const cols = def.columns.map(([name, type]) => `  ${quoteIdent(name)} ${type}`).join(',\n');
  return `CREATE TABLE ${quoteIdent(def.name)} (\n${cols}\n)`;
}

export function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

export function quoteLiteral(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

/** Opens a database file (read-only unless asked). */
export async function openDatabase(path: string, opts: { readOnly?: boolean; threads?: number; memoryLimit?: string } = {}) {
  const options: Record<string, string> = { ...BASE_OPTIONS };
  if (opts.readOnly) options.access_mode = 'READ_ONLY';
  if (opts.threads) options.threads = String(opts.threads);
  if (opts.memoryLimit) options.memory_limit = opts.memoryLimit;
  const instance = await DuckDBInstance.create(path, options);
  const connection = await instance.connect();
  return {
    instance,
    connection,
    close() {
      connection.closeSync();
      instance.closeSync();
    },
  };
}

const VARCHAR_LIST = LIST(VARCHAR);

function appendCell(ap: DuckDBAppender, type: ColumnType, v: Cell): void {
  if (v === null || v === undefined) {
    ap.appendNull();
    return;
  }
  switch (type) {
    case 'VARCHAR':
    case 'DATE': // appended as text, cast by DuckDB ("2024-05-01")
      ap.appendVarchar(String(v));
      return;
    case 'INTEGER':
      ap.appendInteger(v as number);
      return;
    case 'BIGINT':
      ap.appendBigInt(BigInt(v as number));
      return;
    case 'BOOLEAN':
      ap.appendBoolean(v as boolean);
      return;
    case 'VARCHAR[]':
      ap.appendList(v as string[], VARCHAR_LIST);
      return;
  }
}

/** Builds `referat.duckdb` from row sets appended one document at a time. */
export class DatabaseBuilder {
  readonly documents = new Set<string>();
  readonly counts: Record<TableName, number> = Object.fromEntries(TABLE_NAMES.map((t) => [t, 0])) as Record<TableName, number>;
  private closed = false;

  private constructor(
    readonly finalPath: string,
    readonly tempPath: string,
    private readonly spillDir: string,
    private readonly db: Awaited<ReturnType<typeof openDatabase>>,
    private readonly appenders: Record<TableName, DuckDBAppender>,
  ) {}

  static async create(outDir: string, opts: { memoryLimit?: string } = {}): Promise<DatabaseBuilder> {
    const tag = `${process.pid}.${randomBytes(4).toString('hex')}`;
    const tempPath = join(outDir, `.${DB_FILE}.${tag}.tmp`);
    const spillDir = join(outDir, `.referat-spill.${tag}.tmp`);
    await rm(tempPath, { force: true });
    const db = await openDatabase(tempPath, { threads: 1, memoryLimit: opts.memoryLimit ?? '96MB' });
    await db.connection.run(`SET temp_directory = ${quoteLiteral(spillDir)}`);
    for (const t of TABLE_NAMES) await db.connection.run(createTableSql(TABLES[t]));
    for (const v of VIEWS) await db.connection.run(v.sql);
    const appenders = {} as Record<TableName, DuckDBAppender>;
    for (const t of TABLE_NAMES) appenders[t] = await db.connection.createAppender(t);
    return new DatabaseBuilder(join(outDir, DB_FILE), tempPath, spillDir, db, appenders);
  }

  get connection(): DuckDBConnection {
    return this.db.connection;
  }

  /** Adds one document's rows (a document already added is ignored). */
  append(rows: TableRows): void {
    const id = rows.documents[0]?.[0];
    if (typeof id !== 'string' || this.documents.has(id)) return;
    this.documents.add(id);
    for (const t of TABLE_NAMES) {
      const ap = this.appenders[t];
      const cols = TABLES[t].columns;
      for (const row of rows[t]) {
        for (let c = 0; c < cols.length; c++) appendCell(ap, cols[c][1], row[c]);
        ap.endRow();
      }
      this.counts[t] += rows[t].length;
    }
  }

  /** Adds a document from its output JSON file. */
  async appendFile(jsonPath: string, documentId: string, outputFile: string): Promise<void> {
    if (this.documents.has(documentId)) return;
    const referat = JSON.parse(await readFile(jsonPath, 'utf8')) as Referat;
    this.append(rowsFor(referat, documentId, outputFile));
  }

  /** Completes the database and puts it in place (replacing the previous one in one rename). */
  async finish(): Promise<string> {
    for (const t of TABLE_NAMES) this.appenders[t].closeSync();
    await this.db.connection.run('CHECKPOINT');
    this.db.close();
    this.closed = true;
    await rm(this.spillDir, { recursive: true, force: true });
    if (existsSync(this.tempPath + '.wal')) throw new Error('database was not checkpointed');
    await rename(this.tempPath, this.finalPath);
    return this.finalPath;
  }

  /** Drops the unfinished database. */
  async abort(): Promise<void> {
    if (!this.closed) {
      try {
        for (const t of TABLE_NAMES) this.appenders[t].closeSync();
      } catch {
        /* already closed */
      }
      try {
        this.db.close();
      } catch {
        /* already closed */
      }
      this.closed = true;
    }
    await rm(this.tempPath, { force: true });
    await rm(this.tempPath + '.wal', { force: true });
    await rm(this.spillDir, { recursive: true, force: true });
  }
}
