import { createMemoryDocStore } from '../../server/store/memory-doc-store';
import { describeDocStoreContract } from './doc-store-contract';

describeDocStoreContract('memory', async () => ({
  store: createMemoryDocStore(),
  cleanup: async () => undefined,
}));
