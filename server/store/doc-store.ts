/**
 * DocStore: where the Yjs updates of every document live. The sync layer only
 * talks to this interface; the embedded default is an append-only log per
 * document (`log-doc-store.ts`), and tests run one contract suite against every
 * implementation (`tests/contract/doc-store-contract.ts`).
 */

/**
 * The Yjs encoding of a stored update. Clients send version 1, and what they send is
 * stored as it came; a compacted state is stored in version 2, which for text is about
 * half the size (Yjs writes it column by column) and applies faster.
 */
export type UpdateEncoding = 'v1' | 'v2';

/** One stored update and its encoding (apply it with `applyStored`, `stored-update.ts`). */
export interface StoredUpdate {
  readonly update: Uint8Array;
  readonly encoding: UpdateEncoding;
}

/**
 * What `append` promises about one update. A rejection of either promise counts as
 * handled, so a caller may ignore one (the sync layer ignores `durable` for
 * clients that did not ask for acknowledgements).
 */
export interface AppendReceipt {
  /**
   * Resolves once the update is in the operating system's hands (it survives a
   * crash of this process). The sync layer broadcasts an update only after this.
   */
  readonly written: Promise<void>;
  /**
   * True when the update was written before `append` returned, so `written` has
   * already resolved and the caller may broadcast at once instead of a turn later.
   */
  readonly writtenNow: boolean;
  /**
   * Resolves once the update is on stable storage (fsync'd). Acknowledged to clients after
   * this. Updates made durable together may share one promise.
   */
  readonly durable: Promise<void>;
}

/**
 * A document whose stored form cannot be read at all (for the log store, a file
 * that does not start with a log header). Loading it rejects with this error and
 * the store leaves the stored bytes untouched, so an operator can restore them;
 * serving the document empty instead would let the next edit overwrite it.
 */
export class DocumentDamagedError extends Error {
  override readonly name = 'DocumentDamagedError';

  constructor(
    readonly docId: string,
    /** Where the damaged data is, for the operator. */
    readonly location: string,
    detail: string,
  ) {
    super(`document ${docId} cannot be opened: ${location} is damaged (${detail})`);
  }
}

export interface DocStoreStats {
  /** Bytes the document occupies in storage now. */
  readonly bytes: number;
  /** Records (updates) stored for the document now. */
  readonly records: number;
}

export interface DocStore {
  /**
   * Every stored update of a document in append order, each with its encoding (a store
   * reads what earlier versions wrote too); `[]` for a document never written. Damage at the end of storage (a torn write) is cut off, and damaged
   * records elsewhere are skipped, both reported through the logger, never thrown.
   * Storage that cannot be read at all rejects with `DocumentDamagedError` and is
   * left as it is. Loading a document whose earlier write failed starts afresh.
   */
  load(docId: string): Promise<StoredUpdate[]>;
  /**
   * Appends one update, in Yjs's version-1 encoding (as clients send them). Appends to one document are written in call order. Both
   * promises of the receipt reject if the update could not be stored. After a failed
   * write or fsync an implementation may refuse further appends to that document
   * until it is released and loaded again (the log store does: see `doc-log.ts`).
   */
  append(docId: string, update: Uint8Array): AppendReceipt;
  /**
   * Replaces everything appended so far (before this call) with `state`, one update
   * that must contain all of it (the sync layer gives it in version 2). Appends made
   * after this call are kept after it. Resolves once the replacement is durable.
   */
  compact(docId: string, state: StoredUpdate): Promise<void>;
  /** Size of the document's stored form now, so the caller can decide when to compact. */
  stats(docId: string): Promise<DocStoreStats>;
  /** Resolves when everything appended to this document so far is durable. */
  flush(docId: string): Promise<void>;
  /**
   * Releases what the store holds open for a document (after `flush`). Rejects if
   * something appended to it could not be stored; the resources are released anyway.
   */
  release(docId: string): Promise<void>;
  /**
   * Flushes everything and releases all resources. Afterwards every method except
   * `release` and `close` rejects.
   */
  close(): Promise<void>;
  /**
   * Checks that storage is reachable and takes durable writes now, changing no
   * document; rejects with why not (`/readyz`). A store without it counts as ready.
   */
  probe?(): Promise<void>;
}
