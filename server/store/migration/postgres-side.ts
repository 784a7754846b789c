/**
 * A PostgreSQL schema as a side of a store migration, through the same statements
 * and metadata writer lock as the scale-out stores.
 */
import type { Logger } from '../../logger';
import { describeUrl, openPostgres } from '../postgres/database';
import { selectDocIds } from '../postgres/doc-statements';
import { isEmptySchema } from '../postgres/meta-statements';
import { createPostgresDocStore } from '../postgres/postgres-doc-store';
import { createPostgresHistoryStore } from '../postgres/postgres-history-store';
import {
  readPostgresMetaData,
  takeWriterLock,
  type WriterLock,
  writePostgresMetaData,
} from '../postgres/postgres-meta-store';
import type { StoreSide } from './store-side';

export async function openPostgresSide(
  database: { readonly url: string; readonly schema: string },
  logger: Logger,
): Promise<StoreSide> {
  const db = await openPostgres({ ...database, logger });
  let lock: WriterLock;
  try {
    lock = await takeWriterLock(db, logger);
  } catch (error) {
    await db.close();
    throw error;
  }
  const docs = createPostgresDocStore({ db, logger });
  return {
    name: `PostgreSQL ${describeUrl(database.url)} schema ${database.schema}`,
    isEmpty: () => isEmptySchema(db.pool),
    async readMeta() {
      const data = await readPostgresMetaData(db);
      if (data === null)
        throw new Error(`schema ${db.schema} holds no metadata: there is nothing to copy`);
      return data;
    },
    writeMeta: (data) => writePostgresMetaData(db, data),
    docIds: () => selectDocIds(db.pool),
    docs,
    history: createPostgresHistoryStore(db),
    async close() {
      try {
        await docs.close();
      } finally {
        await lock.release();
        await db.close();
      }
    },
  };
}
