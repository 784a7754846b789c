/**
 * The SQL of the PostgreSQL MetaStore: reading every table back into one `MetaData`
 * (in one snapshot) and writing a set of row changes in one transaction.
 */
import type pg from 'pg';
import { META_TABLES } from './migrations';
import { type MetaChanges, TABLE_FAMILIES } from './meta-rows';

/**
 * Everything stored, as a `MetaData`-shaped value still to be validated, or null when
 * nothing has been stored yet.
 */
export async function readMetaRows(pool: pg.Pool): Promise<Record<string, unknown> | null> {
  const client = await pool.connect();
  try {
    // One snapshot for every table, so a concurrent write cannot be seen half-done.
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    const settings = await client.query<{ name: string; value: unknown }>(
      'SELECT name, value FROM meta_settings',
    );
    if (settings.rows.length === 0) {
      await client.query('COMMIT');
      return null;
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
    return data;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

/** Writes `changes` in one transaction: all of them or none. */
export async function writeMetaChanges(pool: pg.Pool, changes: MetaChanges): Promise<void> {
  const client = await pool.connect();
  let broken: Error | undefined;
  try {
    await client.query('BEGIN');
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
    `SELECT EXISTS (SELECT 1 FROM meta_settings) OR EXISTS (SELECT 1 FROM doc_updates) AS used`,
  );
  return rows[0]?.used === false;
}
