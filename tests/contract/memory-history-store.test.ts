import { createMemoryHistoryStore } from '../../server/store/history-store';
import { describeHistoryStoreContract } from './history-store-contract';

describeHistoryStoreContract('memory', async () => {
  // One store object stands for storage every process shares.
  const store = createMemoryHistoryStore();
  return { store, other: async () => store, cleanup: async () => undefined };
});
