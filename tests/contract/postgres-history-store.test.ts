import { describe } from 'vitest';
import { createPostgresHistoryStore } from '../../server/store/postgres/postgres-history-store';
import { createTestSchema, testDatabase } from '../helpers/postgres';
import { describeHistoryStoreContract } from './history-store-contract';

describe.skipIf(testDatabase === null)('PostgreSQL', () => {
  describeHistoryStoreContract('PostgreSQL', async () => {
    const schema = createTestSchema();
    // Each open is a pool of its own, as another process would have.
    const open = async () => createPostgresHistoryStore(await schema.open());
    return { store: await open(), other: open, reopen: open, cleanup: () => schema.drop() };
  });
});
