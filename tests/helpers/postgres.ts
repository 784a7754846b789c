/**
 * PostgreSQL for the scale-out suites: the database the pretest step found (or null,
 * and the suites are skipped), and a fresh schema per use, dropped afterwards, so
 * test files running in parallel never meet.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { probePostgres } from '../../scripts/postgres-probe';
import { planDatabaseSuites, testDatabaseUrl } from '../../scripts/test-requirements';
import { createMemoryLogger, type Logger } from '../../server/logger';
import { openPostgres, type PostgresDatabase } from '../../server/store/postgres/database';

async function findDatabase(): Promise<string | null> {
  const setting = process.env.DATABASE_URL;
  const plan = planDatabaseSuites({
    databaseUrlSetting: setting,
    problem: await probePostgres(testDatabaseUrl(setting)),
  });
  if (plan.kind === 'stop') throw new Error(plan.message);
  return plan.kind === 'run' ? plan.url : null;
}

/** The test database's URL, or null when the PostgreSQL suites are skipped. */
export const testDatabase: string | null = await findDatabase();

export function requireTestDatabase(): string {
  if (testDatabase === null)
    throw new Error('no PostgreSQL for the tests (this suite should have been skipped)');
  return testDatabase;
}

/** A schema name no other test uses. */
export function uniqueSchemaName(): string {
  return `test_${process.pid}_${randomBytes(6).toString('hex')}`;
}

export async function dropSchema(schema: string): Promise<void> {
  const client = new pg.Client({ connectionString: requireTestDatabase() });
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  } finally {
    await client.end();
  }
}

export interface TestSchema {
  readonly url: string;
  readonly schema: string;
  /** Opens the schema (migrating it on first use); every database opened is closed by `drop`. */
  open(logger?: Logger): Promise<PostgresDatabase>;
  /** Closes what `open` opened and drops the schema. */
  drop(): Promise<void>;
}

export function createTestSchema(): TestSchema {
  const url = requireTestDatabase();
  const schema = uniqueSchemaName();
  const opened: PostgresDatabase[] = [];
  return {
    url,
    schema,
    async open(logger = createMemoryLogger()) {
      const db = await openPostgres({ url, schema, logger, maxConnections: 4 });
      opened.push(db);
      return db;
    },
    async drop() {
      await Promise.all(opened.splice(0).map((db) => db.close()));
      await dropSchema(schema);
    },
  };
}
