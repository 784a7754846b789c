/**
 * The PostgreSQL connection both stores share in scale-out mode: one pool whose
 * connections all work in one schema (so test runs, or several workspaces, can share
 * a database without meeting), the migrations applied before anything else runs, and
 * `ping()` for readiness checks. The stores borrow the pool; whoever opened the
 * database closes it, after the stores.
 */
import pg from 'pg';
import type { Logger } from '../../logger';
import { describeUrl, SCHEMA_NAME_PATTERN } from './database-address';
import { applyMigrations } from './migrations';

export { describeUrl } from './database-address';

export interface PostgresOptions {
  /** A `postgres://` connection string. */
  readonly url: string;
  /** Created if missing; every table lives in it. */
  readonly schema: string;
  readonly logger: Logger;
  /** Most connections the pool opens; 10 by default. */
  readonly maxConnections?: number;
}

export interface PostgresDatabase {
  readonly pool: pg.Pool;
  readonly schema: string;
  /** Resolves when the database answers a query; rejects with why not. */
  ping(): Promise<void>;
  /** Ends every connection; call after the stores that use it are closed. */
  close(): Promise<void>;
}

export async function openPostgres(options: PostgresOptions): Promise<PostgresDatabase> {
  const { url, schema, logger } = options;
  if (!SCHEMA_NAME_PATTERN.test(schema)) {
    throw new Error(
      `invalid PostgreSQL schema name ${JSON.stringify(schema)}: use lower-case letters, digits and _`,
    );
  }
  const pool = new pg.Pool({
    connectionString: url,
    max: options.maxConnections ?? 10,
    application_name: 'improvement-lab',
    // Set when each connection starts, so no query can run before it takes effect.
    options: `-c search_path=${schema}`,
  });
  // An idle connection that breaks (the server restarted) is reported here; without a
  // listener it would be an uncaught error. The pool replaces it on the next query.
  pool.on('error', (error) => {
    logger.warn('a PostgreSQL connection was lost; a new one is opened when needed', { error });
  });
  try {
    await applyMigrations(pool, schema, logger);
  } catch (error) {
    await pool.end().catch(() => undefined);
    throw new Error(
      `could not open PostgreSQL at ${describeUrl(url)} (schema ${schema}): ${String(error)}`,
      { cause: error },
    );
  }
  let closing: Promise<void> | undefined;
  return {
    pool,
    schema,
    async ping() {
      await pool.query('SELECT 1');
    },
    close() {
      closing ??= pool.end();
      return closing;
    },
  };
}

/** Whether the server answers as a primary that takes writes now (not a standby, not read-only). */
export async function probeWritable(db: Pick<PostgresDatabase, 'pool'>): Promise<void> {
  const { rows } = await db.pool.query<{ standby: boolean; readonly: string }>(
    "SELECT pg_is_in_recovery() AS standby, current_setting('transaction_read_only') AS readonly",
  );
  const row = rows[0];
  if (row?.standby !== false || row.readonly !== 'off') {
    throw Object.assign(new Error('PostgreSQL takes no writes (a standby, or read-only)'), {
      code: 'read_only',
    });
  }
}
