/**
 * The SQL of the PostgreSQL DocStore, one function per statement, each taking a
 * connection (the pool for one statement, a client inside a transaction).
 */
import type pg from 'pg';
import type { DocStoreStats, StoredUpdate, UpdateEncoding } from '../doc-store';

type Queryable = Pick<pg.Pool, 'query'>;

/** Rows per INSERT: three parameters each, well under PostgreSQL's 65,535 per statement. */
export const ROWS_PER_INSERT = 5_000;

export interface UpdateRow {
  readonly docId: string;
  readonly update: Buffer;
  readonly encoding: UpdateEncoding;
}

const ENCODING_COLUMN: Record<UpdateEncoding, number> = { v1: 1, v2: 2 };

/**
 * Inserts rows in the given order and returns their `seq`s in that order. The rows of
 * one VALUES list take their `seq` in list order, so a document's updates keep the
 * order they were appended in.
 */
export async function insertUpdates(db: Queryable, rows: readonly UpdateRow[]): Promise<number[]> {
  const seqs: number[] = [];
  for (let start = 0; start < rows.length; start += ROWS_PER_INSERT) {
    const chunk = rows.slice(start, start + ROWS_PER_INSERT);
    const values = chunk.map((_, i) => `($${3 * i + 1}, $${3 * i + 2}, $${3 * i + 3})`).join(', ');
    const params = chunk.flatMap((row) => [row.docId, row.update, ENCODING_COLUMN[row.encoding]]);
    const result = await db.query<{ seq: number }>(
      `INSERT INTO doc_updates (doc_id, update, encoding) VALUES ${values} RETURNING seq::float8 AS seq`,
      params,
    );
    for (const row of result.rows) seqs.push(row.seq);
  }
  return seqs;
}

/** Deletes the named rows of a document, and no other: rows written since stay. */
export async function deleteUpdates(
  db: Queryable,
  docId: string,
  seqs: readonly number[],
): Promise<void> {
  if (seqs.length === 0) return;
  await db.query('DELETE FROM doc_updates WHERE doc_id = $1 AND seq = ANY($2::bigint[])', [
    docId,
    seqs,
  ]);
}

export async function selectUpdates(
  db: Queryable,
  docId: string,
): Promise<{ updates: StoredUpdate[]; seqs: number[] }> {
  const { rows } = await db.query<{ update: Buffer; encoding: number; seq: number }>(
    'SELECT update, encoding, seq::float8 AS seq FROM doc_updates WHERE doc_id = $1 ORDER BY seq',
    [docId],
  );
  return {
    updates: rows.map((row) => ({
      // Plain copies, not views into the driver's buffers.
      update: new Uint8Array(row.update),
      encoding: row.encoding === 2 ? 'v2' : 'v1',
    })),
    seqs: rows.map((row) => row.seq),
  };
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
