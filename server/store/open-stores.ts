/**
 * Which stores a server runs on: those it is given, else PostgreSQL's when
 * DATABASE_URL is set (scale-out mode), else the embedded ones under DATA_DIR. The
 * PostgreSQL driver and stores are imported only in scale-out mode: an embedded
 * server would otherwise load them at every start (tens of milliseconds, and
 * megabytes resident, for nothing).
 */
import path from 'node:path';
import type { Config } from '../config';
import type { Logger } from '../logger';
import type { DocStore } from './doc-store';
import { createFileHistoryStore } from './file-history-store';
import type { HistoryStore } from './history-store';
import type { Fsync } from './log-file';
import { createLogDocStore, defaultFsync } from './log-doc-store';
import { createLowdbMetaStore } from './lowdb-meta-store';
import type { MetaStore } from './meta-store';
import type { PostgresDatabase } from './postgres/database';

export interface Stores {
  /** The database in scale-out mode, closed after the stores; null for the embedded stores. */
  readonly database: PostgresDatabase | null;
  readonly store: DocStore;
  readonly meta: MetaStore;
  /** The items' versions: in PostgreSQL with it (shared by every process), else files. */
  readonly history: HistoryStore;
  /**
   * For backups: the embedded metadata as its file would hold it. Null unless both
   * stores are the embedded ones opened here, the only case a backup can copy.
   */
  readonly snapshotText: (() => string) | null;
}

export interface OpenStoresOptions {
  readonly store?: DocStore | undefined;
  readonly meta?: MetaStore | undefined;
  /** Wraps the document logs' fsync (to time it for `/metrics`). */
  readonly wrapFsync?: (fsync: Fsync) => Fsync;
  /** Told how long each PostgreSQL write took to commit (`/metrics`). */
  readonly observeCommit?: (target: string, seconds: number) => void;
  /**
   * This process's id when several processes share the database (REDIS_URL set): the
   * metadata is then journalled and shared (`postgres/meta-journal.ts`).
   */
  readonly writer?: string | null;
}

export async function openStores(
  config: Config,
  logger: Logger,
  given: OpenStoresOptions = {},
): Promise<Stores> {
  if (config.database !== null && (given.store === undefined || given.meta === undefined)) {
    const [
      { openPostgres },
      { createPostgresMetaStore },
      { createPostgresDocStore },
      { createPostgresHistoryStore },
    ] = await Promise.all([
      import('./postgres/database'),
      import('./postgres/postgres-meta-store'),
      import('./postgres/postgres-doc-store'),
      import('./postgres/postgres-history-store'),
    ]);
    const database = await openPostgres({ ...config.database, logger });
    try {
      const observeCommit = given.observeCommit;
      const meta =
        given.meta ??
        (await createPostgresMetaStore({
          db: database,
          logger,
          writer: given.writer ?? null,
          ...(observeCommit ? { observeCommit } : {}),
        }));
      const store =
        given.store ??
        createPostgresDocStore({
          db: database,
          logger,
          ...(observeCommit ? { observeCommit } : {}),
        });
      const history = createPostgresHistoryStore(database);
      return { database, store, meta, history, snapshotText: null };
    } catch (error) {
      await database.close();
      throw error;
    }
  }
  const store =
    given.store ??
    // Up to 100 ms of group commit lets the edits of a burst of typing share one fsync
    // (fsyncs and their wake-ups were a fifth of the server's CPU in the 100-reader
    // fan-out at 25 ms). Only the "Saved" acknowledgement waits, which clients show as
    // "Saving…" meanwhile, keeping the edit on the device; what others see never waits.
    createLogDocStore({
      dir: path.join(config.dataDir, 'docs'),
      logger,
      groupCommitMaxDelayMs: 100,
      fsync: given.wrapFsync ? given.wrapFsync(defaultFsync) : defaultFsync,
    });
  const history = createFileHistoryStore(path.join(config.dataDir, 'history'));
  if (given.meta) return { database: null, store, meta: given.meta, history, snapshotText: null };
  const meta = await createLowdbMetaStore({ file: path.join(config.dataDir, 'meta.json'), logger });
  return {
    database: null,
    store,
    meta,
    history,
    snapshotText: given.store ? null : () => meta.snapshotText(),
  };
}
