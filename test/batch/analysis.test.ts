/** The analysis database built from samples/: the example queries of docs/analysis.md, and the CSV/Parquet exports. */
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openDatabase, quoteLiteral } from '../../src/db/database.js';
import { TABLE_NAMES, TABLES } from '../../src/db/tables.js';
import { ensureBuilt, listFiles, ROOT, runCli, SAMPLES, tempDir } from './helpers.js';

let work: string;
let out: string;
let db: Awaited<ReturnType<typeof openDatabase>>;

async function query(sql: string): Promise<{ columns: string[]; rows: Record<string, unknown>[] }> {
  const r = await db.connection.runAndReadAll(sql);
  return { columns: r.columnNames(), rows: r.getRowObjectsJson() as Record<string, unknown>[] };
}

/** The ```sql blocks of docs/analysis.md, in order. */
function documentedQueries(): string[] {
  const md = readFileSync(join(ROOT, 'docs', 'analysis.md'), 'utf8');
  return [...md.matchAll(/```sql\n([\s\S]*?)```/g)].map((m) => m[1].trim());
}

beforeAll(async () => {
  ensureBuilt();
  work = tempDir('analysis');
  out = join(work, 'out');
  const r = await runCli(['convert', SAMPLES, '--out', out, '--quiet']);
  if (r.code !== 0) throw new Error(`convert failed: ${r.stderr}`);
  db = await openDatabase(join(out, 'referat.duckdb'), { readOnly: true });
}, 180_000);

afterAll(() => {
  db?.close();
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('the analysis database', () => {
  test('has every table with its columns, one documents row per output, and joins by key', async () => {
    const outputs = listFiles(out).filter((f) => f.endsWith('.json'));
    for (const t of TABLE_NAMES) {
      const { columns } = await query(`SELECT * FROM ${t} LIMIT 0`);
      expect(columns).toEqual(TABLES[t].columns.map(([c]) => c));
    }
    const docs = await query('SELECT document_id, output_file FROM documents ORDER BY document_id');
    expect(docs.rows.map((r) => r.output_file)).toEqual(outputs);
    expect(docs.rows.map((r) => r.document_id)).toEqual(outputs.map((f) => f.replace(/\.json$/, '')));
    // items are keyed by (document_id, item_number); every child row points at an existing item
    const dup = await query('SELECT document_id, item_number, count(*) FROM items GROUP BY ALL HAVING count(*) > 1');
    expect(dup.rows).toEqual([]);
    for (const t of ['sections', 'decisions']) {
      const orphans = await query(`SELECT count(*)::INTEGER AS n FROM ${t} x ANTI JOIN items i USING (document_id, item_number)`);
      expect(orphans.rows[0].n).toBe(0);
    }
    // the same numbers as the JSON of one document
    const json = JSON.parse(readFileSync(join(out, '001_7b1df9de962b88b2.pdf.json'), 'utf8'));
    const counts = await query(
      `SELECT (SELECT count(*) FROM items WHERE document_id = '001_7b1df9de962b88b2.pdf')::INTEGER AS items,
              (SELECT count(*) FROM amounts WHERE document_id = '001_7b1df9de962b88b2.pdf')::INTEGER AS amounts,
              (SELECT count(*) FROM participants WHERE document_id = '001_7b1df9de962b88b2.pdf')::INTEGER AS participants`,
    );
    expect(counts.rows[0]).toEqual({ items: json.items.length, amounts: json.amounts.length, participants: json.participants.length });
  });

  test('answers the three questions of docs/analysis.md', async () => {
    const [money, undecided, absent] = documentedQueries();
    expect(documentedQueries()).toHaveLength(3);

    const m = await query(money);
    expect(m.columns).toEqual(['body', 'year', 'items', 'amounts', 'total_dkk']);
    expect(m.rows.length).toBeGreaterThan(0);
    for (const r of m.rows) {
      expect(typeof r.body).toBe('string');
      expect(Number(r.year)).toBeGreaterThan(2000);
      expect(Number(r.total_dkk)).toBeGreaterThan(0);
    }

    const u = await query(undecided);
    expect(u.columns).toEqual(['document_id', 'item_number', 'title', 'kind', 'body', 'meeting_date']);
    expect(u.rows.length).toBeGreaterThan(0);
    const withDecision = await query('SELECT document_id, item_number FROM decisions');
    const decided = new Set(withDecision.rows.map((r) => `${r.document_id}#${r.item_number}`));
    for (const r of u.rows) expect(decided.has(`${r.document_id}#${r.item_number}`)).toBe(false);

    const a = await query(absent);
    expect(a.columns).toEqual(['name', 'documents_absent']);
    expect(a.rows.length).toBeGreaterThan(0);
    const n = a.rows.map((r) => Number(r.documents_absent));
    expect(n).toEqual([...n].sort((x, y) => y - x));
    expect(n[0]).toBeGreaterThanOrEqual(1);
  });
});

describe('referat export', () => {
  for (const format of ['csv', 'parquet'] as const) {
    test(`${format} files read back with the same row counts`, async () => {
      const to = join(work, `tables-${format}`);
      const r = await runCli(['export', out, '--format', format, '--to', to, '--quiet']);
      expect(r.code, r.stderr).toBe(0);
      expect(listFiles(to)).toEqual(TABLE_NAMES.map((t) => `${t}.${format}`).sort());
      for (const t of TABLE_NAMES) {
        const file = quoteLiteral(join(to, `${t}.${format}`));
        const reader = format === 'csv' ? `read_csv(${file}, header = true)` : `read_parquet(${file})`;
        const [fromFile, fromDb] = await Promise.all([query(`SELECT count(*)::INTEGER AS n FROM ${reader}`), query(`SELECT count(*)::INTEGER AS n FROM ${t}`)]);
        expect(fromFile.rows[0].n, t).toBe(fromDb.rows[0].n);
        const cols = await query(`SELECT * FROM ${reader} LIMIT 0`);
        expect(cols.columns).toEqual(TABLES[t].columns.map(([c]) => c));
      }
    });
  }
});
