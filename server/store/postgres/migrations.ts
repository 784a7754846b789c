/**
 * The PostgreSQL schema, as numbered migrations applied in order at start. Each runs
 * once, in one transaction with its row in `schema_migrations`, under a lock that
 * makes processes starting together take turns. A database migrated by a newer
 * version is refused rather than used half-understood. Add a migration; never edit one
 * that has shipped.
 */
import type pg from 'pg';
import type { Logger } from '../../logger';

export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly sql: string;
}

/** The metadata families, one table each: a key, the order of insertion, the record. */
export const META_TABLES = [
  'users',
  'sessions',
  'api_tokens',
  'labs',
  'memberships',
  'invites',
  'items',
  'audit_events',
  'surveys',
  'survey_responses',
  'profiles',
  'password_resets',
  'contributions',
  'notifications',
  'notification_settings',
  'personal_data_flags',
  'sso_requests',
  'interest_groups',
  'interest_group_members',
  'workshops',
] as const;
export type MetaTable = (typeof META_TABLES)[number];

/** The tables migration 2 created; later families come with migrations of their own. */
const FIRST_META_TABLES: readonly MetaTable[] = [
  'users',
  'sessions',
  'api_tokens',
  'labs',
  'memberships',
  'invites',
  'items',
  'audit_events',
];

// `json`, not `jsonb`: it keeps the text as written (key order, and a "\u0000" that
// jsonb refuses), and the records are only ever read whole.
const metaTable = (table: MetaTable) =>
  table === 'audit_events'
    ? // Append-only: rows are never changed, so they need no unique key.
      `CREATE TABLE ${table} (
        seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        key text NOT NULL,
        record json NOT NULL
      );`
    : `CREATE TABLE ${table} (
        key text PRIMARY KEY,
        seq bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
        record json NOT NULL
      );`;

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'document updates',
    // One row per stored update; `seq` orders a document's updates (it rises across
    // all documents, so concurrent writers never collide on it); `encoding` is the Yjs
    // encoding version of `update` (1 as clients send, 2 for compacted states).
    sql: `
      CREATE TABLE doc_updates (
        doc_id text NOT NULL,
        seq bigint GENERATED ALWAYS AS IDENTITY,
        update bytea NOT NULL,
        encoding smallint NOT NULL CHECK (encoding IN (1, 2)),
        PRIMARY KEY (doc_id, seq)
      );`,
  },
  {
    version: 2,
    name: 'metadata records',
    sql: `${FIRST_META_TABLES.map(metaTable).join('\n')}
      CREATE TABLE meta_settings (
        name text PRIMARY KEY,
        value json NOT NULL
      );`,
  },
  {
    version: 3,
    name: 'evaluation surveys',
    sql: [metaTable('surveys'), metaTable('survey_responses')].join('\n'),
  },
  { version: 4, name: 'member profiles', sql: metaTable('profiles') },
  {
    version: 5,
    name: 'password resets',
    sql: metaTable('password_resets'),
  },
  {
    version: 6,
    name: 'metadata change journal',
    // One row per record a metadata write changed, in commit order (writers take an
    // advisory lock per transaction), so that every process sharing the schema can
    // read back exactly what changed since it last looked (`meta-journal.ts`).
    // `tbl` is a metadata table or `meta_settings`; `writer` the process that wrote it.
    sql: `
      CREATE TABLE meta_changes (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        writer text NOT NULL,
        tbl text NOT NULL,
        key text NOT NULL,
        at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX meta_changes_at ON meta_changes (at);`,
  },
  { version: 7, name: 'contributions', sql: metaTable('contributions') },
  {
    version: 8,
    name: 'notifications',
    sql: [metaTable('notifications'), metaTable('notification_settings')].join('\n'),
  },
  { version: 9, name: 'personal-data flags', sql: metaTable('personal_data_flags') },
  // Sign-ins with an organisation account under way (state, nonce and PKCE verifier
  // until the person returns); the linked accounts themselves are part of each user's record.
  { version: 10, name: 'organisation sign-in requests', sql: metaTable('sso_requests') },
  {
    version: 11,
    name: 'special interest groups',
    sql: [metaTable('interest_groups'), metaTable('interest_group_members')].join('\n'),
  },
  {
    version: 12,
    name: 'item history',
    // One row per document with versions (`history-store.ts`): the index as JSON and the
    // content every version reads from. `revision` rises with every write, and a write
    // names the revision it read, so two processes never interleave a history's versions.
    sql: `
      CREATE TABLE history_docs (
        doc_id text PRIMARY KEY,
        revision integer NOT NULL CHECK (revision > 0),
        index_json text NOT NULL,
        content bytea
      );`,
  },
  // Workshop boards' settings and votes: one record per board, kept out of its document.
  { version: 13, name: 'workshop boards', sql: metaTable('workshops') },
];

/** Key of the advisory lock taken while migrating (with the schema's hash as the second half). */
const MIGRATION_LOCK = 0x494c_0001;

export async function applyMigrations(
  pool: pg.Pool,
  schema: string,
  logger: Logger,
  migrations: readonly Migration[] = MIGRATIONS,
): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [MIGRATION_LOCK, schema]);
    await client.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
    await client.query(`
      CREATE TABLE IF NOT EXISTS schema_migrations (
        version integer PRIMARY KEY,
        name text NOT NULL,
        applied_at timestamptz NOT NULL DEFAULT now()
      )`);
    const { rows } = await client.query<{ version: number }>(
      'SELECT version FROM schema_migrations ORDER BY version',
    );
    const applied = new Set(rows.map((row) => row.version));
    const newest = Math.max(0, ...applied);
    const known = Math.max(0, ...migrations.map((m) => m.version));
    if (newest > known) {
      throw new Error(
        `the database schema is at version ${newest}, written by a newer Improvement Lab; ` +
          `this version knows up to ${known}. Run the newer version.`,
      );
    }
    for (const migration of migrations) {
      if (applied.has(migration.version)) continue;
      await client.query(migration.sql);
      await client.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [
        migration.version,
        migration.name,
      ]);
      logger.info('database migration applied', {
        schema,
        version: migration.version,
        name: migration.name,
      });
    }
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}
