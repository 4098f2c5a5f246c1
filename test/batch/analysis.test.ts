/** The analysis database built from samples/: the example queries of docs/analysis.md, and the CSV/Parquet exports. */
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openDatabase, quoteLiteral } from '../../src/db/database.js';
import { TABLE_NAMES, TABLES, VIEWS } from '../../src/db/tables.js';
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
    expect(m.columns).toEqual(['body', 'year', 'items', 'total_dkk']);
    // the sums decided, each meeting once though samples/ holds it as text, DOCX and PDF: 004 grants
    // 900.000 and 220.000 kr. (its breakdown 75.000 + 145.000 and the case text's mentions not counted),
    // 001 approves 1.035.458 kr.
    expect(m.rows.map((r) => ({ ...r, items: Number(r.items), total_dkk: Number(r.total_dkk) }))).toEqual([
      { body: 'Sundhedsklynge Vest', year: 2023, items: 2, total_dkk: 1_120_000 },
      { body: 'Sundhedsklynge Lillebælt', year: 2024, items: 1, total_dkk: 1_035_458 },
    ]);

    const u = await query(undecided);
    expect(u.columns).toEqual(['document_id', 'item_number', 'title', 'kind', 'body', 'meeting_date']);
    expect(u.rows.length).toBeGreaterThan(0);
    // one document per meeting
    const meetingDocs = new Set((await query('SELECT document_id FROM meetings')).rows.map((r) => r.document_id));
    for (const r of u.rows) expect(meetingDocs.has(r.document_id)).toBe(true);
    const withDecision = await query('SELECT document_id, item_number FROM decisions');
    const decided = new Set(withDecision.rows.map((r) => `${r.document_id}#${r.item_number}`));
    for (const r of u.rows) expect(decided.has(`${r.document_id}#${r.item_number}`)).toBe(false);

    const a = await query(absent);
    expect(a.columns).toEqual(['name', 'meetings_absent']);
    expect(a.rows.length).toBeGreaterThan(0);
    const n = a.rows.map((r) => Number(r.meetings_absent));
    // five meetings in samples/ (000 to 004): no one is absent from more
    expect(Math.max(...n)).toBeLessThanOrEqual(5);
    expect(n).toEqual([...n].sort((x, y) => y - x));
    expect(n[0]).toBeGreaterThanOrEqual(1);
  });
});

describe('the same minutes in several files', () => {
  test('share a meeting_key (date, body, level), and the meetings view has one row per meeting', async () => {
    const keys = await query("SELECT document_id, meeting_key FROM documents WHERE document_id LIKE '001_%' ORDER BY document_id");
    expect(keys.rows.map((r) => r.meeting_key)).toEqual(Array(3).fill('2024-04-26|sundhedsklynge lillebælt|politisk'));
    const m = await query('SELECT meeting_key, document_id, documents, document_ids FROM meetings ORDER BY meeting_key');
    // 000 (txt, docx, pdf and a scanned pdf), 001, 002 and 004 (three files each) are four meetings; the
    // three files of 003 (no body or date read) stand alone
    expect(m.rows).toHaveLength(7);
    const lillebaelt = m.rows.find((r) => r.meeting_key === '2024-04-26|sundhedsklynge lillebælt|politisk');
    expect(lillebaelt).toMatchObject({ documents: '3', document_ids: ['001_7b1df9de962b88b2.docx', '001_7b1df9de962b88b2.pdf', '001_7b1df9de962b88b2.txt'] });
    const total = await query('SELECT count(*)::INTEGER AS n FROM documents');
    expect(total.rows[0].n).toBe(16);
  });
});

describe('referat export', () => {
  test('CSV list columns are JSON arrays, also when a value holds a comma', async () => {
    const to = join(work, 'tables-json-lists');
    const r = await runCli(['export', out, '--format', 'csv', '--to', to, '--quiet']);
    expect(r.code, r.stderr).toBe(0);
    const rows = await query(`SELECT recommendations, attachments, absent FROM read_csv(${quoteLiteral(join(to, 'items.csv'))}, header = true, all_varchar = true)`);
    const lists = rows.rows.flatMap((row) => [row.recommendations, row.attachments, row.absent]).filter((v) => v != null) as string[];
    expect(lists.length).toBeGreaterThan(0);
    for (const v of lists) expect(Array.isArray(JSON.parse(v))).toBe(true);
    const fromDb = await query("SELECT recommendations FROM items WHERE len(recommendations) > 0 AND list_bool_or(list_transform(recommendations, x -> contains(x, ','))) LIMIT 1");
    expect(fromDb.rows).toHaveLength(1);
    const withComma = (fromDb.rows[0].recommendations as string[]);
    const parsed = lists.map((v) => JSON.parse(v) as string[]);
    expect(parsed).toContainEqual(withComma);
  });

  for (const format of ['csv', 'parquet'] as const) {
    test(`${format} files read back with the same row counts`, async () => {
      const to = join(work, `tables-${format}`);
      const r = await runCli(['export', out, '--format', format, '--to', to, '--quiet']);
      expect(r.code, r.stderr).toBe(0);
      expect(listFiles(to)).toEqual([...TABLE_NAMES, ...VIEWS.map((v) => v.name)].map((t) => `${t}.${format}`).sort());
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
