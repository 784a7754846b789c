import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createMemoryLogger } from '../../server/logger';
import { createLogDocStore } from '../../server/store/log-doc-store';
import { describeDocStoreContract } from './doc-store-contract';

describeDocStoreContract('append-only log', async () => {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'doc-store-contract-'));
  const open = () => createLogDocStore({ dir, logger: createMemoryLogger() });
  return {
    store: open(),
    reopen: async () => open(),
    cleanup: () => rm(dir, { recursive: true, force: true }),
  };
});
