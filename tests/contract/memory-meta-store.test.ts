import { createMemoryMetaStore } from '../../server/store/memory-meta-store';
import { describeMetaStoreContract } from './meta-store-contract';

describeMetaStoreContract('in memory', async () => ({
  store: createMemoryMetaStore(),
  cleanup: async () => undefined,
}));
