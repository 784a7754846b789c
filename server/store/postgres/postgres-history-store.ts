/**
 * The history store in PostgreSQL (scale-out mode): one row per document in
 * `history_docs`. Every process serving a document may take its versions, so each
 * write is one statement that succeeds only while the row is still at the revision
 * its index was read at (`HistoryConflict` otherwise, and the history service reads
 * again and redoes the version): two processes can never interleave or lose versions.
 * The pool is borrowed.
 */
import {
  expectedRevision,
  HistoryConflict,
  type HistoryIndex,
  HistoryIndexSchema,
  type HistoryStore,
} from '../history-store';
import type { PostgresDatabase } from './database';

export function createPostgresHistoryStore(db: Pick<PostgresDatabase, 'pool'>): HistoryStore {
  const { pool } = db;
  async function storedRevision(docId: string): Promise<number> {
    const { rows } = await pool.query<{ revision: number }>(
      'SELECT revision FROM history_docs WHERE doc_id = $1',
      [docId],
    );
    return rows[0]?.revision ?? 0;
  }
  return {
    async readIndex(docId) {
      const { rows } = await pool.query<{ revision: number; index_json: string }>(
        'SELECT revision, index_json FROM history_docs WHERE doc_id = $1',
        [docId],
      );
      const row = rows[0];
      if (!row) return null;
      const index = HistoryIndexSchema.parse(JSON.parse(row.index_json)) as HistoryIndex;
      return { ...index, revision: row.revision };
    },
    async readContent(docId) {
      const { rows } = await pool.query<{ content: Buffer | null }>(
        'SELECT content FROM history_docs WHERE doc_id = $1',
        [docId],
      );
      const content = rows[0]?.content;
      return content ? new Uint8Array(content) : null;
    },
    async write(docId, index, content) {
      const expected = expectedRevision(index);
      const { revision: _revision, ...stored } = index;
      const json = JSON.stringify(stored);
      const bytes = content
        ? Buffer.from(content.buffer, content.byteOffset, content.byteLength)
        : null;
      const result =
        expected === 0
          ? await pool.query(
              `INSERT INTO history_docs (doc_id, revision, index_json, content) VALUES ($1, 1, $2, $3)
               ON CONFLICT (doc_id) DO NOTHING`,
              [docId, json, bytes],
            )
          : await pool.query(
              `UPDATE history_docs SET revision = revision + 1, index_json = $3,
                 content = COALESCE($4, content)
               WHERE doc_id = $1 AND revision = $2`,
              [docId, expected, json, bytes],
            );
      if (result.rowCount !== 1)
        throw new HistoryConflict(docId, expected, await storedRevision(docId));
    },
    async bytes(docId) {
      const { rows } = await pool.query<{ bytes: string | null }>(
        `SELECT octet_length(index_json) + coalesce(octet_length(content), 0) AS bytes
         FROM history_docs WHERE doc_id = $1`,
        [docId],
      );
      return Number(rows[0]?.bytes ?? 0);
    },
    async docIds() {
      const { rows } = await pool.query<{ doc_id: string }>(
        'SELECT doc_id FROM history_docs ORDER BY doc_id COLLATE "C"',
      );
      return rows.map((row) => row.doc_id);
    },
  };
}
