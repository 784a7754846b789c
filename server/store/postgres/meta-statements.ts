/**
 * The SQL of the PostgreSQL MetaStore: reading every table back into one `MetaData`
 * (in one snapshot) and writing a set of row changes in one transaction.
 */
import type pg from 'pg';
import { META_TABLES } from './migrations';
import { type MetaChanges, TABLE_FAMILIES } from './meta-rows';

/**
 * Everything stored, as a `MetaData`-shaped value still to be validated, or null when
 * nothing has been stored yet; with the last entry of the change journal the
 * snapshot includes (0 for none), where a process sharing the schema starts reading it.
 */
export async function readMetaRows(
  pool: pg.Pool,
): Promise<{ data: Record<string, unknown> | null; journalHead: number }> {
  const client = await pool.connect();
  try {
    // One snapshot for every table, so a concurrent write cannot be seen half-done.
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    const head = await client.query<{ id: number }>(
      'SELECT coalesce(max(id), 0)::float8 AS id FROM meta_changes',
    );
    const journalHead = head.rows[0]?.id ?? 0;
    const settings = await client.query<{ name: string; value: unknown }>(
      'SELECT name, value FROM meta_settings',
    );
    if (settings.rows.length === 0) {
      await client.query('COMMIT');
      return { data: null, journalHead };
    }
    const data: Record<string, unknown> = {};
    for (const row of settings.rows) data[row.name] = row.value;
    for (const table of META_TABLES) {
      const { rows } = await client.query<{ record: unknown }>(
        `SELECT record FROM ${table} ORDER BY seq`,
      );
      data[TABLE_FAMILIES[table]] = rows.map((row) => row.record);
    }
    await client.query('COMMIT');
    return { data, journalHead };
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

/** How a write is recorded for other processes sharing the schema (`meta-journal.ts`). */
export interface JournalTarget {
  /** This process's id, written beside each change. */
  readonly writer: string;
  readonly schema: string;
}

/** Key of the transaction lock that makes writers of one schema's metadata take turns. */
const META_WRITE_TURN = 0x494c_0003;

/**
 * Writes `changes` in one transaction: all of them or none. With `journal`, the
 * transaction first waits its turn among the schema's writers (so journal ids commit
 * in order) and records every changed key in `meta_changes`.
 */
export async function writeMetaChanges(
  pool: pg.Pool,
  changes: MetaChanges,
  journal: JournalTarget | null = null,
): Promise<void> {
  const client = await pool.connect();
  let broken: Error | undefined;
  try {
    await client.query('BEGIN');
    if (journal !== null) {
      await client.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [
        META_WRITE_TURN,
        journal.schema,
      ]);
      const tables: string[] = [];
      const keys: string[] = [];
      for (const { table, deleted, updated, inserted } of changes.tables) {
        for (const key of [
          ...deleted,
          ...updated.map((r) => r.key),
          ...inserted.map((r) => r.key),
        ]) {
          tables.push(table);
          keys.push(key);
        }
      }
      for (const row of changes.settings) {
        tables.push('meta_settings');
        keys.push(row.key);
      }
      if (keys.length > 0) {
        await client.query(
          `INSERT INTO meta_changes (writer, tbl, key)
             SELECT $1, tbl, key FROM unnest($2::text[], $3::text[]) WITH ORDINALITY
               AS x(tbl, key, n) ORDER BY n`,
          [journal.writer, tables, keys],
        );
      }
    }
    for (const { table, deleted, updated, inserted } of changes.tables) {
      if (deleted.length > 0) {
        await client.query(`DELETE FROM ${table} WHERE key = ANY($1::text[])`, [deleted]);
      }
      if (updated.length > 0) {
        await client.query(
          `UPDATE ${table} SET record = x.record::json
             FROM unnest($1::text[], $2::text[]) AS x(key, record) WHERE ${table}.key = x.key`,
          [updated.map((row) => row.key), updated.map((row) => row.json)],
        );
      }
      if (inserted.length > 0) {
        // In list order, so `seq` follows it. A key already there (a write whose commit
        // was not confirmed, tried again) is overwritten rather than failing forever.
        const conflict =
          table === 'audit_events'
            ? ''
            : 'ON CONFLICT (key) DO UPDATE SET record = EXCLUDED.record';
        await client.query(
          `INSERT INTO ${table} (key, record)
             SELECT key, record::json FROM unnest($1::text[], $2::text[]) WITH ORDINALITY
               AS x(key, record, n) ORDER BY n ${conflict}`,
          [inserted.map((row) => row.key), inserted.map((row) => row.json)],
        );
      }
    }
    if (changes.settings.length > 0) {
      await client.query(
        `INSERT INTO meta_settings (name, value)
           SELECT name, value::json FROM unnest($1::text[], $2::text[]) AS x(name, value)
           ON CONFLICT (name) DO UPDATE SET value = EXCLUDED.value`,
        [changes.settings.map((row) => row.key), changes.settings.map((row) => row.json)],
      );
    }
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch((rollbackError: unknown) => {
      broken = rollbackError instanceof Error ? rollbackError : new Error(String(rollbackError));
    });
    throw error;
  } finally {
    client.release(broken);
  }
}

/** Whether nothing at all is stored: no metadata and no document. */
export async function isEmptySchema(pool: pg.Pool): Promise<boolean> {
  const { rows } = await pool.query<{ used: boolean }>(
    `SELECT EXISTS (SELECT 1 FROM meta_settings) OR EXISTS (SELECT 1 FROM doc_updates)
       OR EXISTS (SELECT 1 FROM history_docs) AS used`,
  );
  return rows[0]?.used === false;
}
