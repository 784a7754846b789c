/**
 * When and how one room rewrites its document's log as one state update: it counts
 * the bytes appended since the last compaction and asks the policy
 * (`compaction-policy.ts`), which also says how long a due compaction waits for the
 * document to be quiet; at most one compaction runs at a time, and a failed one leaves
 * the log as it was. It runs only with no write pending (the room says when: `idle`;
 * any append cancels the wait), so the state contains every update appended before
 * it (the DocStore's contract).
 */
import type * as Y from 'yjs';
import type { Logger } from '../logger';
import type { DocStore, DocStoreStats } from '../store/doc-store';
import { compactedState } from '../store/stored-update';
import { type CompactionPolicy, shouldCompact } from './compaction-policy';

export interface RoomCompactionOptions {
  readonly docId: string;
  /** The document as it is now (the room applies its waiting updates first). */
  readonly doc: () => Y.Doc;
  readonly store: DocStore;
  /** The room's logger, whose lines name the document. */
  readonly logger: Logger;
  readonly policy: CompactionPolicy;
}

export class RoomCompaction {
  private bytesSinceCompaction = 0;
  private compactedBytes = 0;
  private running: Promise<void> | null = null;
  /** When the compaction now due became due (`Date.now()`), or null. */
  private dueSince: number | null = null;
  private quietTimer: NodeJS.Timeout | null = null;

  constructor(private readonly options: RoomCompactionOptions) {}

  /** The log as loaded: more than one record counts as bytes appended since a compaction. */
  loaded(stats: DocStoreStats): void {
    this.bytesSinceCompaction = stats.records > 1 ? stats.bytes : 0;
  }

  appended(bytes: number): void {
    this.bytesSinceCompaction += bytes;
    // Writing goes on: the document is not quiet, and a write is now pending.
    this.cancel();
  }

  /** Settles once the compaction running now, if any, has. */
  get done(): Promise<void> {
    return this.running ?? Promise.resolve();
  }

  /**
   * Every write has been stored and passed on. A due compaction runs once nothing more
   * has been appended for the policy's `quietMs`, or now if it has waited `maxDelayMs`.
   */
  idle(): void {
    const { policy } = this.options;
    if (this.running || !shouldCompact(policy, this.bytesSinceCompaction, this.compactedBytes)) {
      return;
    }
    const now = Date.now();
    this.dueSince ??= now;
    if (now - this.dueSince >= policy.maxDelayMs) {
      void this.compact();
      return;
    }
    this.quietTimer ??= setTimeout(() => {
      this.quietTimer = null;
      void this.compact();
    }, policy.quietMs);
    // A waiting compaction never keeps the process alive: unloading compacts anyway.
    this.quietTimer.unref();
  }

  /** Stops waiting for quiet (a write came, or the room is unloading, which compacts itself). */
  cancel(): void {
    if (this.quietTimer === null) return;
    clearTimeout(this.quietTimer);
    this.quietTimer = null;
  }

  /** Replaces the log with the document's state now (in Yjs's version-2 encoding). */
  compact(): Promise<void> {
    const { docId, doc, store, logger } = this.options;
    this.cancel();
    this.dueSince = null;
    const state = compactedState(doc());
    this.bytesSinceCompaction = 0;
    this.compactedBytes = state.update.byteLength;
    const run = store
      .compact(docId, state)
      .catch((error: unknown) => {
        logger.error('compaction failed; the log is kept as it was', { error });
      })
      .finally(() => {
        this.running = null;
      });
    this.running = run;
    return run;
  }
}
