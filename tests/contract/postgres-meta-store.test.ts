import { describe } from 'vitest';
import { createMemoryLogger } from '../../server/logger';
import { createPostgresMetaStore } from '../../server/store/postgres/postgres-meta-store';
import { createTestSchema, testDatabase } from '../helpers/postgres';
import { describeMetaStoreContract } from './meta-store-contract';

describe.skipIf(testDatabase === null)('PostgreSQL', () => {
  describeMetaStoreContract('PostgreSQL', async () => {
    const schema = createTestSchema();
    const open = async () =>
      createPostgresMetaStore({ db: await schema.open(), logger: createMemoryLogger() });
    return { store: await open(), reopen: open, cleanup: () => schema.drop() };
  });
});
