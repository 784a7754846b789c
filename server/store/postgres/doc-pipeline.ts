/**
 * The ordered pipeline of the PostgreSQL DocStore: every append, compaction, load
 * and stats call goes through one queue and runs in call order, one statement or
 * transaction at a time. Calls made while a write is in flight go out together in the
 * next one (group commit without a timer), and a load or stats call sees exactly the
 * writes made before it, as the DocStore contract asks.
 */
import type pg from 'pg';
import type { Logger } from '../../logger';
import type { DocStoreStats, StoredUpdate, UpdateEncoding } from '../doc-store';
import {
  deleteUpdates,
  insertUpdates,
  ROWS_PER_INSERT,
  selectStats,
  selectUpdates,
  type UpdateRow,
} from './doc-statements';

export interface Deferred<T> {
  readonly promise: Promise<T>;
  resolve(value: T): void;
  reject(reason: unknown): void;
}

/** A promise with its settle functions, marked handled: a caller may ignore it. */
export function deferred<T>(): Deferred<T> {
  let resolve: (value: T) => void = () => undefined;
  let reject: (reason: unknown) => void = () => undefined;
  const promise = new Promise<T>((onResolve, onReject) => {
    resolve = onResolve;
    reject = onReject;
  });
  promise.catch(() => undefined);
  return { promise, resolve, reject };
}

/** What the store knows of one document between loads. */
export interface DocState {
  /** Why a write of this document failed; it takes no more writes until loaded again. */
  failure: { readonly error: unknown } | null;
  /** Settles when the last write queued for the document has. */
  lastWrite: Promise<void>;
  /**
   * The rows this store has read or written for the document since it was loaded: all
   * a caller's compacted state can contain. A compaction deletes these and no others,
   * so an update another process committed meanwhile is never lost.
   */
  seen: Set<number>;
}

export type PipelineOp =
  | WriteOpOf<'append'>
  | WriteOpOf<'compact'>
  | { kind: 'load'; doc: DocState; docId: string; done: Deferred<StoredUpdate[]> }
  | { kind: 'stats'; docId: string; done: Deferred<DocStoreStats> };

interface WriteOpOf<K extends 'append' | 'compact'> {
  kind: K;
  doc: DocState;
  docId: string;
  data: Buffer;
  encoding: UpdateEncoding;
  done: Deferred<void>;
}

type WriteOp = WriteOpOf<'append'> | WriteOpOf<'compact'>;

export class DocPipeline {
  private queue: PipelineOp[] = [];
  private running = false;
  private idleWaiters: Array<() => void> = [];

  constructor(
    private readonly pool: pg.Pool,
    private readonly logger: Logger,
    /** Told how long each write took to commit (`/metrics`). */
    private readonly observeCommit?: (target: string, seconds: number) => void,
  ) {}

  push(op: PipelineOp): void {
    this.queue.push(op);
    if (this.running) return;
    this.running = true;
    // After the current job: the appends of one burst share the first write.
    queueMicrotask(() => void this.drain());
  }

  /** Resolves once everything queued so far has settled. */
  idle(): Promise<void> {
    if (!this.running) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  private async drain(): Promise<void> {
    while (this.queue.length > 0) {
      const ops = this.queue.splice(0);
      let writes: WriteOp[] = [];
      for (const op of ops) {
        if (op.kind === 'append' || op.kind === 'compact') {
          writes.push(op);
          continue;
        }
        await this.commit(writes);
        writes = [];
        await this.read(op);
      }
      await this.commit(writes);
    }
    this.running = false;
    for (const wake of this.idleWaiters.splice(0)) wake();
  }

  private async read(op: Extract<PipelineOp, { kind: 'load' | 'stats' }>): Promise<void> {
    try {
      if (op.kind === 'load') {
        const { updates, seqs } = await selectUpdates(this.pool, op.docId);
        op.doc.seen = new Set(seqs);
        op.done.resolve(updates);
      } else op.done.resolve(await selectStats(this.pool, op.docId));
    } catch (error) {
      op.done.reject(error);
    }
  }

  /** Writes a run of appends and compactions, all or nothing, then settles each. */
  private async commit(queued: readonly WriteOp[]): Promise<void> {
    const writes = queued.filter((op) => {
      if (op.doc.failure === null) return true;
      op.done.reject(fenced(op.docId, op.doc.failure.error));
      return false;
    });
    if (writes.length === 0) return;
    const started = performance.now();
    try {
      const simple = writes.length <= ROWS_PER_INSERT && writes.every((op) => op.kind === 'append');
      // One INSERT commits on its own; anything more needs a transaction.
      if (simple) see(writes, await insertUpdates(this.pool, writes.map(toRow)));
      else await this.transaction(writes);
    } catch (error) {
      const docIds = [...new Set(writes.map((op) => op.docId))];
      this.logger.error('document updates not saved: the PostgreSQL write failed', {
        docIds,
        updates: writes.length,
        error,
      });
      for (const op of writes) {
        op.doc.failure ??= { error };
        op.done.reject(error);
      }
      return;
    }
    this.observeCommit?.('postgres_documents', (performance.now() - started) / 1000);
    for (const op of writes) op.done.resolve();
  }

  private async transaction(writes: readonly WriteOp[]): Promise<void> {
    const client = await this.pool.connect();
    let broken: Error | undefined;
    try {
      await client.query('BEGIN');
      let appends: WriteOp[] = [];
      for (const op of writes) {
        if (op.kind === 'append') {
          appends.push(op);
          continue;
        }
        see(appends, await insertUpdates(client, appends.map(toRow)));
        appends = [];
        // Everything this store read or wrote before the compaction is in the state
        // that replaces it; rows it has not seen (another process's) stay.
        await deleteUpdates(client, op.docId, [...op.doc.seen]);
        const [stateSeq] = await insertUpdates(client, [toRow(op)]);
        op.doc.seen = new Set(stateSeq === undefined ? [] : [stateSeq]);
      }
      see(appends, await insertUpdates(client, appends.map(toRow)));
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK').catch((rollbackError: unknown) => {
        // A connection that cannot roll back is not given back to the pool for reuse.
        broken = rollbackError instanceof Error ? rollbackError : new Error(String(rollbackError));
      });
      throw error;
    } finally {
      client.release(broken);
    }
  }
}

/** Notes each written row as seen by its document (`seqs` in the order of `ops`). */
function see(ops: readonly WriteOp[], seqs: readonly number[]): void {
  ops.forEach((op, index) => {
    const seq = seqs[index];
    if (seq !== undefined) op.doc.seen.add(seq);
  });
}

function toRow(op: WriteOp): UpdateRow {
  return { docId: op.docId, update: op.data, encoding: op.encoding };
}

function fenced(docId: string, cause: unknown): Error {
  return new Error(
    `document ${docId} takes no more updates until it is loaded again: an earlier write failed`,
    { cause },
  );
}
