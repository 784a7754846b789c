import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createFileHistoryStore } from '../../server/store/file-history-store';
import { describeHistoryStoreContract } from './history-store-contract';

// One process owns a DATA_DIR, so the files are never shared with another writer.
describeHistoryStoreContract('files', async () => {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'history-store-contract-'));
  return {
    store: createFileHistoryStore(dir),
    reopen: async () => createFileHistoryStore(dir),
    cleanup: () => rm(dir, { recursive: true, force: true }),
  };
});
