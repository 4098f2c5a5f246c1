/** The analysis database's file name, apart from database.ts so that naming it does not load DuckDB. */
export const DB_FILE = 'referat.duckdb';
