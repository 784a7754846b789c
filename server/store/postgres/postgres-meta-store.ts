/**
 * The MetaStore in PostgreSQL (scale-out mode). It keeps the embedded store's model,
 * so it passes the same contract: one in-memory `MetaData`, checked and changed in
 * one synchronous step by the shared core (`meta-data-core.ts`), read at start and
 * written as row changes (`meta-rows.ts`), one transaction per write; a change's
 * promise resolves once the transaction that carries it has committed.
 *
 * Alone (no `writer` id), the copy in memory is the truth for reads and checks, so
 * only one server process may write the schema: a session advisory lock, held for the
 * store's lifetime, refuses a second one (with a message saying so) instead of
 * letting two copies overwrite each other. With a `writer` id (scale-out with Redis)
 * any number of processes share it: each write is journalled and each process
 * catches up with the others' (`meta-journal.ts`, driven by `server/scale/`).
 */
import {
  emptyMetaData,
  META_FORMAT_VERSION,
  type MetaData,
  MetaDataSchema,
} from '../../../shared/schemas/records';
import type { Logger } from '../../logger';
import { createMetaDataCore, type MetaPersister } from '../meta-data-core';
import type { MetaStore, RemoteMetaChange, SharedMeta } from '../meta-store';
import { type PostgresDatabase, probeWritable } from './database';
import { diffMetaData, nothingWritten, writtenFrom } from './meta-rows';
import {
  applyStoredRows,
  everyKey,
  JOURNAL_PRUNE_EVERY_MS,
  pruneJournal,
  readJournal,
  readWantedRows,
} from './meta-journal';
import { readMetaRows, writeMetaChanges } from './meta-statements';

export interface PostgresMetaStoreOptions {
  readonly db: PostgresDatabase;
  readonly logger: Logger;
  /**
   * This process's id when several processes share the schema (scale-out with Redis):
   * writes are journalled and `shared.catchUp()` applies the others'. Null or absent:
   * this process is the schema's only writer.
   */
  readonly writer?: string | null;
  /** Told how long each metadata transaction took to commit (`/metrics`). */
  readonly observeCommit?: (target: string, seconds: number) => void;
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
  return stored.data === null ? null : parseStoredMeta(stored.data);
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
export async function takeWriterLock(
  db: PostgresDatabase,
  logger: Logger,
  /** Held shared by processes that share the schema through the journal. */
  shared = false,
): Promise<WriterLock> {
  const client = await db.pool.connect();
  const how = shared ? '_shared' : '';
  try {
    const { rows } = await client.query<{ locked: boolean }>(
      `SELECT pg_try_advisory_lock${how}($1, hashtext($2)) AS locked`,
      [META_WRITER_LOCK, db.schema],
    );
    if (rows[0]?.locked !== true) {
      throw new Error(
        shared
          ? `an Improvement Lab server without REDIS_URL (or a store copy) is using the metadata in PostgreSQL schema ${db.schema}; ` +
              'stop it, or give it REDIS_URL too'
          : `another Improvement Lab server is using the metadata in PostgreSQL schema ${db.schema}; ` +
              'one server process per schema without REDIS_URL (stop the other, set REDIS_URL on every process, or give this one its own DATABASE_SCHEMA)',
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
          await client.query(`SELECT pg_advisory_unlock${how}($1, hashtext($2))`, [
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

/** Runs jobs one at a time, in call order. */
function turns(): <T>(job: () => Promise<T>) => Promise<T> {
  let last: Promise<unknown> = Promise.resolve();
  return (job) => {
    const next = last.then(job, job);
    last = next.catch(() => undefined);
    return next;
  };
}

export async function createPostgresMetaStore(
  options: PostgresMetaStoreOptions,
): Promise<MetaStore> {
  const { db, logger, writer = null } = options;
  // One process per schema, unless the processes share it through the journal: then
  // each holds the lock shared, which still keeps out a single writer (or a copy
  // between stores) while any of them runs.
  const lock = await takeWriterLock(db, logger, writer !== null);
  const releaseLock = () => lock.release();
  try {
    const stored = await readMetaRows(db.pool);
    const loaded = stored.data === null ? null : parseStoredMeta(stored.data);
    const data = loaded ?? emptyMetaData();
    let written = loaded === null ? nothingWritten() : writtenFrom(data);
    let journalHead = stored.journalHead;
    let lastPrune = performance.now();
    const journal = writer === null ? null : { writer, schema: db.schema };
    const exclusive = turns();
    const remoteListeners = new Set<(change: RemoteMetaChange) => void>();
    const writtenListeners = new Set<() => void>();
    const persister: MetaPersister = {
      // Writes and catch-ups take turns: both change what `written` believes.
      write: (current) =>
        exclusive(async () => {
          const { changes, after } = diffMetaData(written, current);
          if (changes.tables.length === 0 && changes.settings.length === 0) return;
          const started = performance.now();
          try {
            await writeMetaChanges(db.pool, changes, journal);
          } catch (error) {
            logger.error(NOT_SAVED, { schema: db.schema, error });
            throw error;
          }
          const seconds = (performance.now() - started) / 1000;
          written = after;
          options.observeCommit?.('postgres_metadata', seconds);
          logger.debug('metadata saved', { ms: Math.round(seconds * 1000) });
          for (const listener of writtenListeners) listener();
        }),
    };
    // A new schema gets its settings row at once, so it reads as in use from now on.
    if (loaded === null) await persister.write(data);
    const core = createMetaDataCore(data, persister);

    const catchUpOnce = () =>
      exclusive(async () => {
        if (writer === null) return;
        const read = await readJournal(db.pool, journalHead, writer);
        const wanted = read.gap ? await everyKey(db.pool, data) : read.wanted;
        if (read.gap) {
          logger.warn(
            'metadata journal entries were pruned before this process read them; reloading every record',
            {
              from: journalHead,
            },
          );
        }
        const rows = await readWantedRows(db.pool, wanted);
        const changes = applyStoredRows(data, written, wanted, rows, logger);
        journalHead = read.head;
        if (performance.now() - lastPrune > JOURNAL_PRUNE_EVERY_MS) {
          lastPrune = performance.now();
          await pruneJournal(db.pool).catch((error: unknown) => {
            logger.warn('could not prune the metadata journal', { error });
          });
        }
        for (const change of changes) {
          for (const listener of remoteListeners) {
            try {
              listener(change);
            } catch (error) {
              logger.error('a listener of remote metadata changes failed', { error });
            }
          }
        }
      });
    // Calls during a catch-up share the one after it: each starts after they were made.
    let running: Promise<void> | null = null;
    let next: Promise<void> | null = null;
    const catchUp = (): Promise<void> => {
      if (running === null) {
        running = catchUpOnce().finally(() => {
          running = null;
        });
        return running;
      }
      next ??= running
        .catch(() => undefined)
        .then(() => {
          next = null;
          return catchUp();
        });
      return next;
    };
    const shared: SharedMeta | undefined =
      writer === null
        ? undefined
        : {
            catchUp,
            onRemoteChange(listener) {
              remoteListeners.add(listener);
              return () => remoteListeners.delete(listener);
            },
            onWritten(listener) {
              writtenListeners.add(listener);
              return () => writtenListeners.delete(listener);
            },
          };
    return {
      ...core,
      probe: () => probeWritable(db),
      ...(shared ? { shared } : {}),
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
