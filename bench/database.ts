/**
 * With DATABASE_URL set, the benchmark runs our server in scale-out mode on that
 * PostgreSQL: each data directory gets a schema of its own, named after it (so a
 * restart on the same directory finds the same data), sized by its rows and dropped
 * at the end.
 */
import path from 'node:path';
import pg from 'pg';

export function benchDatabaseUrl(): string | null {
  const url = process.env.DATABASE_URL;
  return url === undefined || url === '' ? null : url;
}

/** The schema of a data directory: `bench_` and its lower-cased name. */
export function schemaFor(dataDir: string): string {
  const name = path
    .basename(dataDir)
    .toLowerCase()
    .replace(/[^a-z0-9_]/g, '_');
  return `bench_${name}`.slice(0, 63);
}

async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Bytes of one document's stored updates, and of every table of the schema with indexes. */
export function storedBytes(
  url: string,
  schema: string,
  docId: string,
): Promise<{ doc: number; all: number }> {
  return withClient(url, async (client) => {
    const doc = await client.query<{ n: number }>(
      `SELECT coalesce(sum(octet_length(update)), 0)::float8 AS n FROM ${schema}.doc_updates WHERE doc_id = $1`,
      [docId],
    );
    const all = await client.query<{ n: number }>(
      `SELECT coalesce(sum(pg_total_relation_size(c.oid)), 0)::float8 AS n
         FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = $1 AND c.relkind = 'r'`,
      [schema],
    );
    return { doc: doc.rows[0]?.n ?? 0, all: all.rows[0]?.n ?? 0 };
  });
}

export function dropSchemas(url: string, schemas: readonly string[]): Promise<void> {
  return withClient(url, async (client) => {
    for (const schema of schemas) await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  });
}
