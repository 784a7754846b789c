/**
 * The MetaStore in PostgreSQL (scale-out mode). It keeps the embedded store's model,
 * so it passes the same contract: one in-memory `MetaData`, checked and changed in
 * one synchronous step by the shared core (`meta-data-core.ts`), read at start and
 * written as row changes (`meta-rows.ts`), one transaction per write; a change's
 * promise resolves once the transaction that carries it has committed.
 *
 * Because the copy in memory is the truth for reads and checks, only one server
 * process may write a schema: a session advisory lock, held for the store's lifetime,
 * refuses a second one (with a message saying so) instead of letting two copies
 * overwrite each other.
 */
import {
  emptyMetaData,
  META_FORMAT_VERSION,
  type MetaData,
  MetaDataSchema,
} from '../../../shared/schemas/records';
import type { Logger } from '../../logger';
import { createMetaDataCore, type MetaPersister } from '../meta-data-core';
import type { MetaStore } from '../meta-store';
import type { PostgresDatabase } from './database';
import { diffMetaData, nothingWritten, writtenFrom } from './meta-rows';
import { readMetaRows, writeMetaChanges } from './meta-statements';

export interface PostgresMetaStoreOptions {
  readonly db: PostgresDatabase;
  readonly logger: Logger;
}

/** Key of the advisory lock one metadata writer holds (with the schema's hash). */
const META_WRITER_LOCK = 0x494c_0002;

const NOT_SAVED =
  'metadata changes not saved: the PostgreSQL transaction failed; they stay in memory and go out with the next write';

/** Validates what was read, refusing data written by a newer version outright. */
export function parseStoredMeta(value: Record<string, unknown>): MetaData {
  const version = value.formatVersion;
  if (typeof version === 'number' && version > META_FORMAT_VERSION) {
    throw new Error(
      `the stored metadata has format ${version}, written by a newer Improvement Lab; ` +
        `this version reads format ${META_FORMAT_VERSION}. Run the newer version.`,
    );
  }
  const result = MetaDataSchema.safeParse(value);
  if (result.success) return result.data;
  const first = result.error.issues[0];
  const where = first ? ` first at ${first.path.map(String).join('.')}: ${first.message}` : '';
  throw new Error(
    `the stored metadata does not match the schema (${result.error.issues.length} problems;${where})`,
  );
}

/** Reads the stored metadata, or empty metadata when none is stored. */
export async function readPostgresMetaData(db: PostgresDatabase): Promise<MetaData | null> {
  const stored = await readMetaRows(db.pool);
  return stored === null ? null : parseStoredMeta(stored);
}

/** Writes all of `data` into a schema that holds no metadata yet. */
export async function writePostgresMetaData(db: PostgresDatabase, data: MetaData): Promise<void> {
  await writeMetaChanges(db.pool, diffMetaData(nothingWritten(), data).changes);
}

export interface WriterLock {
  release(): Promise<void>;
}

/**
 * Takes the one metadata writer's lock on `db`'s schema, or throws saying another
 * process holds it. The lock lives as long as the connection that took it.
 */
export async function takeWriterLock(db: PostgresDatabase, logger: Logger): Promise<WriterLock> {
  const client = await db.pool.connect();
  try {
    const { rows } = await client.query<{ locked: boolean }>(
      'SELECT pg_try_advisory_lock($1, hashtext($2)) AS locked',
      [META_WRITER_LOCK, db.schema],
    );
    if (rows[0]?.locked !== true) {
      throw new Error(
        `another Improvement Lab server is using the metadata in PostgreSQL schema ${db.schema}; ` +
          'one server process per schema (stop the other, or give this one its own DATABASE_SCHEMA)',
      );
    }
  } catch (error) {
    client.release();
    throw error;
  }
  // If this connection drops, the lock goes with it: say so, as a second server could
  // then start on the same schema.
  const onError = (error: Error) => {
    logger.error('lost the PostgreSQL connection holding the metadata writer lock', { error });
  };
  client.on('error', onError);
  let released: Promise<void> | undefined;
  return {
    release() {
      released ??= (async () => {
        client.off('error', onError);
        try {
          await client.query('SELECT pg_advisory_unlock($1, hashtext($2))', [
            META_WRITER_LOCK,
            db.schema,
          ]);
          client.release();
        } catch (error) {
          // Ending the connection ends the lock too.
          client.release(error instanceof Error ? error : new Error(String(error)));
        }
      })();
      return released;
    },
  };
}

export async function createPostgresMetaStore(
  options: PostgresMetaStoreOptions,
): Promise<MetaStore> {
  const { db, logger } = options;
  const lock = await takeWriterLock(db, logger);
  const releaseLock = () => lock.release();
  try {
    const loaded = await readPostgresMetaData(db);
    const data = loaded ?? emptyMetaData();
    let written = loaded === null ? nothingWritten() : writtenFrom(data);
    const persister: MetaPersister = {
      async write(current) {
        // Computed before the first await: the write carries the state as it is now.
        const { changes, after } = diffMetaData(written, current);
        const started = performance.now();
        try {
          await writeMetaChanges(db.pool, changes);
        } catch (error) {
          logger.error(NOT_SAVED, { schema: db.schema, error });
          throw error;
        }
        written = after;
        logger.debug('metadata saved', { ms: Math.round(performance.now() - started) });
      },
    };
    // A new schema gets its settings row at once, so it reads as in use from now on.
    if (loaded === null) await persister.write(data);
    const core = createMetaDataCore(data, persister);
    return {
      ...core,
      async close() {
        try {
          await core.close();
        } finally {
          await releaseLock();
        }
      },
    };
  } catch (error) {
    await releaseLock();
    throw error;
  }
}
