/**
 * A DocStore held in memory: the reference behaviour of the interface, for tests.
 * Nothing survives the process; every append is written at once; both promises of a receipt are resolved.
 */
import { isDocId } from '../../shared/doc-id';
import type { AppendReceipt, DocStore, DocStoreStats, StoredUpdate } from './doc-store';

function rejectedReceipt(reason: unknown): AppendReceipt {
  const written = Promise.reject(reason);
  const durable = Promise.reject(reason);
  written.catch(() => undefined);
  durable.catch(() => undefined);
  return { written, durable, writtenNow: false };
}

export function createMemoryDocStore(): DocStore {
  const docs = new Map<string, StoredUpdate[]>();
  let closed = false;

  function updatesOf(docId: string): StoredUpdate[] {
    if (closed) throw new Error('the document store is closed; nothing more can be stored');
    if (!isDocId(docId)) throw new Error(`refusing invalid document id ${JSON.stringify(docId)}`);
    let updates = docs.get(docId);
    if (updates === undefined) {
      updates = [];
      docs.set(docId, updates);
    }
    return updates;
  }

  // Copies in and out, as the log store's records are: later changes by a caller do not leak in.
  const copy = ({ update, encoding }: StoredUpdate): StoredUpdate => ({
    update: update.slice(),
    encoding,
  });

  function stats(updates: readonly StoredUpdate[]): DocStoreStats {
    const bytes = updates.reduce((sum, { update }) => sum + update.byteLength, 0);
    return { bytes, records: updates.length };
  }

  return {
    load: async (docId) => updatesOf(docId).map(copy),
    append(docId, update) {
      try {
        updatesOf(docId).push(copy({ update, encoding: 'v1' }));
      } catch (error) {
        return rejectedReceipt(error);
      }
      return { written: Promise.resolve(), durable: Promise.resolve(), writtenNow: true };
    },
    async compact(docId, state) {
      updatesOf(docId).splice(0, Infinity, copy(state));
    },
    stats: async (docId) => stats(updatesOf(docId)),
    async flush(docId) {
      updatesOf(docId);
    },
    async release(docId) {
      if (!isDocId(docId)) throw new Error(`refusing invalid document id ${JSON.stringify(docId)}`);
    },
    async close() {
      closed = true;
    },
  };
}
