/**
 * The SQL of the PostgreSQL DocStore, one function per statement, each taking a
 * connection (the pool for one statement, a client inside a transaction).
 */
import type pg from 'pg';
import type { DocStoreStats } from '../doc-store';

type Queryable = Pick<pg.Pool, 'query'>;

/** Rows per INSERT: two parameters each, well under PostgreSQL's 65,535 per statement. */
export const ROWS_PER_INSERT = 5_000;

export interface UpdateRow {
  readonly docId: string;
  readonly update: Buffer;
}

/**
 * Inserts rows in the given order. The rows of one VALUES list take their `seq` in
 * list order, so a document's updates keep the order they were appended in.
 */
export async function insertUpdates(db: Queryable, rows: readonly UpdateRow[]): Promise<void> {
  for (let start = 0; start < rows.length; start += ROWS_PER_INSERT) {
    const chunk = rows.slice(start, start + ROWS_PER_INSERT);
    const values = chunk.map((_, i) => `($${2 * i + 1}, $${2 * i + 2})`).join(', ');
    const params = chunk.flatMap((row) => [row.docId, row.update]);
    await db.query(`INSERT INTO doc_updates (doc_id, update) VALUES ${values}`, params);
  }
}

export async function deleteUpdates(db: Queryable, docId: string): Promise<void> {
  await db.query('DELETE FROM doc_updates WHERE doc_id = $1', [docId]);
}

export async function selectUpdates(db: Queryable, docId: string): Promise<Uint8Array[]> {
  const { rows } = await db.query<{ update: Buffer }>(
    'SELECT update FROM doc_updates WHERE doc_id = $1 ORDER BY seq',
    [docId],
  );
  // Plain copies, not views into the driver's buffers.
  return rows.map((row) => new Uint8Array(row.update));
}

export async function selectStats(db: Queryable, docId: string): Promise<DocStoreStats> {
  const { rows } = await db.query<{ records: number; bytes: number }>(
    `SELECT count(*)::float8 AS records, coalesce(sum(octet_length(update)), 0)::float8 AS bytes
       FROM doc_updates WHERE doc_id = $1`,
    [docId],
  );
  return { records: rows[0]?.records ?? 0, bytes: rows[0]?.bytes ?? 0 };
}

/** Every document with at least one stored update, in id order. */
export async function selectDocIds(db: Queryable): Promise<string[]> {
  const { rows } = await db.query<{ doc_id: string }>(
    'SELECT DISTINCT doc_id FROM doc_updates ORDER BY doc_id',
  );
  return rows.map((row) => row.doc_id);
}
