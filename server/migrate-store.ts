/**
 * `npm run migrate-store -- --to postgres` copies the embedded store in DATA_DIR into
 * the PostgreSQL database in DATABASE_URL (schema DATABASE_SCHEMA); `--to embedded`
 * copies it back into an empty DATA_DIR. Stop the server first (both sides are
 * locked while copying). The copy is verified before it reports success. Bundled
 * beside the server (`dist/server/migrate-store.js`), so it runs where only
 * production dependencies are installed.
 */
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from './config';
import { createLogger } from './logger';
import { copyStore } from './store/migration/copy-store';
import { openEmbeddedSide } from './store/migration/embedded-side';
import { openPostgresSide } from './store/migration/postgres-side';
import type { StoreSide } from './store/migration/store-side';

const USAGE =
  'usage: npm run migrate-store -- --to postgres|embedded\n' +
  '  copies DATA_DIR into PostgreSQL (DATABASE_URL, DATABASE_SCHEMA), or back into an empty DATA_DIR';

function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(1);
}

async function main(): Promise<void> {
  let to: string | undefined;
  try {
    ({ to } = parseArgs({ options: { to: { type: 'string' } } }).values);
  } catch (error) {
    fail(`${String(error instanceof Error ? error.message : error)}\n${USAGE}`);
  }
  if (to !== 'postgres' && to !== 'embedded') fail(USAGE);
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig(process.env);
  } catch (error) {
    if (error instanceof ConfigError) fail(error.message);
    throw error;
  }
  if (config.database === null)
    fail(`DATABASE_URL is not set: it names the PostgreSQL side.\n${USAGE}`);
  const logger = createLogger(config.logLevel);
  const sides: StoreSide[] = [];
  try {
    const embedded = await openEmbeddedSide(config.dataDir, logger);
    sides.push(embedded);
    const postgres = await openPostgresSide(config.database, logger);
    sides.push(postgres);
    const [source, target] = to === 'postgres' ? [embedded, postgres] : [postgres, embedded];
    const report = await copyStore(source, target);
    process.stdout.write(
      `Copied ${report.documents} documents (${report.updates} stored updates) and the metadata ` +
        `(${report.users} users, ${report.labs} labs, ${report.items} items, ` +
        `${report.auditEvents} audit events) and ${report.histories} item ` +
        `${report.histories === 1 ? 'history' : 'histories'}\n  from ${source.name}\n  to ${target.name}\n` +
        "Verified: every document's Yjs state, every item's history and the metadata are equal on both sides.\n",
    );
  } finally {
    for (const side of sides.reverse()) await side.close();
  }
}

main().catch((error: unknown) => {
  fail(`migrate-store failed: ${error instanceof Error ? error.message : String(error)}`);
});
