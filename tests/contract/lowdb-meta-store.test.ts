import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createMemoryLogger } from '../../server/logger';
import { createLowdbMetaStore } from '../../server/store/lowdb-meta-store';
import { describeMetaStoreContract } from './meta-store-contract';

describeMetaStoreContract('lowdb JSON file', async () => {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'meta-store-contract-'));
  // A directory that does not exist yet: the store creates it.
  const file = path.join(dir, 'data', 'meta.json');
  const open = () => createLowdbMetaStore({ file, logger: createMemoryLogger() });
  return {
    store: await open(),
    reopen: open,
    cleanup: () => rm(dir, { recursive: true, force: true }),
  };
});
