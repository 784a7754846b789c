/**
 * The DocStore in PostgreSQL (scale-out mode): one row per stored update in
 * `doc_updates`, ordered by `seq`. An append is written and durable at once, when its
 * statement commits, so clients hear "Saved" only after the commit, and the sync layer
 * passes an update on only after it too. A compaction replaces the rows this store
 * has read or written for the document since loading it, and no others, so updates
 * that other processes commit to the same document are never lost to it (rows of a
 * document this store has not loaded are kept too). The ordering and batching live in
 * `doc-pipeline.ts`; this module checks ids, fences a document after a failed write
 * (as the log store does) and owns the store's lifetime. The pool is borrowed.
 */
import { isDocId } from '../../../shared/doc-id';
import type { Logger } from '../../logger';
import type { AppendReceipt, DocStore, StoredUpdate } from '../doc-store';
import { type PostgresDatabase, probeWritable } from './database';
import { DocPipeline, type DocState, deferred } from './doc-pipeline';

export interface PostgresDocStoreOptions {
  readonly db: PostgresDatabase;
  readonly logger: Logger;
  /** Told how long each write took to commit (`/metrics`). */
  readonly observeCommit?: (target: string, seconds: number) => void;
}

function describeId(docId: string): string {
  return JSON.stringify(docId.length > 80 ? `${docId.slice(0, 80)}…` : docId);
}

function rejectedReceipt(reason: unknown): AppendReceipt {
  const written = Promise.reject(reason);
  written.catch(() => undefined);
  return { written, durable: written, writtenNow: false };
}

/**
 * Runs `work`, turning a synchronous throw into a rejection, and marks the result
 * handled: callers may fire a compaction or release and forget it (failures are
 * logged where they happen).
 */
function background<T>(work: () => Promise<T>): Promise<T> {
  let promise: Promise<T>;
  try {
    promise = work();
  } catch (error) {
    promise = Promise.reject(error);
  }
  promise.catch(() => undefined);
  return promise;
}

function newDocState(): DocState {
  return { failure: null, lastWrite: Promise.resolve(), seen: new Set() };
}

export function createPostgresDocStore(options: PostgresDocStoreOptions): DocStore {
  const pipeline = new DocPipeline(options.db.pool, options.logger, options.observeCommit);
  const docs = new Map<string, DocState>();
  let closed = false;

  function checkId(docId: string): void {
    if (closed) throw new Error('the document store is closed; nothing more can be stored');
    if (!isDocId(docId)) throw new Error(`refusing invalid document id ${describeId(docId)}`);
  }

  function stateOf(docId: string): DocState {
    let state = docs.get(docId);
    if (state === undefined) {
      state = newDocState();
      docs.set(docId, state);
    }
    return state;
  }

  function write(kind: 'append' | 'compact', docId: string, stored: StoredUpdate): Promise<void> {
    checkId(docId);
    const doc = stateOf(docId);
    if (doc.failure !== null) {
      throw new Error(`document ${docId} takes no more updates until it is loaded again`, {
        cause: doc.failure.error,
      });
    }
    const done = deferred<void>();
    // A copy, taken now: the caller may reuse its buffer before the write goes out.
    pipeline.push({
      kind,
      doc,
      docId,
      data: Buffer.from(stored.update),
      encoding: stored.encoding,
      done,
    });
    doc.lastWrite = done.promise;
    return done.promise;
  }

  async function release(docId: string): Promise<void> {
    const state = docs.get(docId);
    if (state === undefined) return;
    try {
      await state.lastWrite;
      if (state.failure !== null) throw state.failure.error;
    } finally {
      if (docs.get(docId) === state) docs.delete(docId);
    }
  }

  return {
    async load(docId) {
      checkId(docId);
      // After a failed write the document starts afresh from what was committed;
      // appends still queued against the failed state are refused.
      if (docs.get(docId)?.failure) docs.set(docId, newDocState());
      const done = deferred<StoredUpdate[]>();
      pipeline.push({ kind: 'load', doc: stateOf(docId), docId, done });
      return done.promise;
    },
    append(docId, update) {
      try {
        const committed = write('append', docId, { update, encoding: 'v1' });
        return { written: committed, durable: committed, writtenNow: false };
      } catch (error) {
        return rejectedReceipt(error);
      }
    },
    compact: (docId, state) => background(() => write('compact', docId, state)),
    async stats(docId) {
      checkId(docId);
      const done = deferred<{ bytes: number; records: number }>();
      pipeline.push({ kind: 'stats', docId, done });
      return done.promise;
    },
    flush: (docId) =>
      background(async () => {
        checkId(docId);
        await docs.get(docId)?.lastWrite;
      }),
    release: (docId) =>
      background(async () => {
        if (!isDocId(docId)) throw new Error(`refusing invalid document id ${describeId(docId)}`);
        await release(docId);
      }),
    probe: () => probeWritable(options.db),
    async close() {
      closed = true;
      await pipeline.idle();
      const results = await Promise.allSettled([...docs.keys()].map(release));
      const failures = results.flatMap((r) => (r.status === 'rejected' ? [r.reason] : []));
      if (failures.length > 0) {
        throw new AggregateError(failures, `${failures.length} document(s) not fully stored`);
      }
    },
  };
}
