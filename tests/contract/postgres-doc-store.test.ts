import { describe } from 'vitest';
import { createMemoryLogger } from '../../server/logger';
import { createPostgresDocStore } from '../../server/store/postgres/postgres-doc-store';
import { createTestSchema, testDatabase } from '../helpers/postgres';
import { describeDocStoreContract } from './doc-store-contract';

describe.skipIf(testDatabase === null)('PostgreSQL', () => {
  describeDocStoreContract('PostgreSQL', async () => {
    const schema = createTestSchema();
    const open = async () =>
      createPostgresDocStore({ db: await schema.open(), logger: createMemoryLogger() });
    return { store: await open(), reopen: open, cleanup: () => schema.drop() };
  });
});
