/**
 * One document's log while the store holds it: the queue of appends, compactions
 * and reads in call order, and the write loop; the fsync loop (`fsync-loop.ts`)
 * shares its file.
 *
 * Durability decisions:
 * - Two loops on one append-mode fd. An append is `written` (and may be broadcast)
 *   once its bytes reach the kernel; it never waits for an fsync in flight.
 * - Group commit: appends queued while a write is in flight go out together in the
 *   next writev; one fsync covers every record written before it started.
 * - After a failed write or fsync the file's state is unknown (a partial record, or
 *   dirty pages the kernel has dropped and will not report again), so the document
 *   is fenced: every pending and later operation rejects until it is released and
 *   loaded again, which verifies the file and cuts any torn tail.
 */
import type { FileHandle } from 'node:fs/promises';
import { open } from 'node:fs/promises';
import type { AppendReceipt, DocStoreStats, StoredUpdate } from './doc-store';
import { FsyncLoop } from './fsync-loop';
import {
  createLog,
  installReplacement,
  type LogFiles,
  logPath,
  prepareReplacement,
  recoverLog,
} from './log-file';
import {
  ALREADY_RESOLVED,
  type Deferred,
  deferred,
  laterThisTurn,
  noop,
  type Operation,
  type PendingAppend,
  type PendingCompaction,
  rejectOperation,
  takeLeadingAppends,
  totalBytes,
  writeRecordsNow,
} from './log-operations';
import { encodeRecord, LOG_HEADER_BYTES } from './update-log';

export interface DocLogOptions {
  readonly docId: string;
  readonly files: LogFiles;
  /** How long an fsync may wait for more writes to share it; 0 = start at once. */
  readonly groupCommitMaxDelayMs: number;
}

/** What is on disk now. */
interface FileState {
  bytes: number;
  records: number;
  exists: boolean;
}

export class DocLog {
  readonly #docId: string;
  readonly #files: LogFiles;
  readonly #queue: Operation[] = [];
  readonly #sync: FsyncLoop;
  #handle: FileHandle | null = null;
  /** Null until the file has been read and verified. */
  #file: FileState | null = null;
  #failure: Error | null = null;
  #pumping = false;
  #released = false;
  #lastDurable: Promise<void> = Promise.resolve();
  #lastCompaction: Promise<void> = Promise.resolve();
  readonly #idleWaiters: (() => void)[] = [];
  /** `#drain`, made once: it is queued after nearly every turn that appends. */
  readonly #drainLater = () => this.#drain();

  constructor(options: DocLogOptions) {
    this.#docId = options.docId;
    this.#files = options.files;
    this.#sync = new FsyncLoop({
      docId: options.docId,
      fsync: options.files.fsync,
      groupCommitMaxDelayMs: options.groupCommitMaxDelayMs,
      currentHandle: () => this.#handle,
      onFailure: (error, covered) => this.#fence(error, [], covered),
      onIdle: () => this.#notifyIdle(),
    });
  }

  /** True once `release` has drained the log; the store then opens a new one. */
  get released(): boolean {
    return this.#released;
  }

  /** True once a write or fsync failed: the log takes nothing more until released. */
  get failed(): boolean {
    return this.#failure !== null;
  }

  load(): Promise<StoredUpdate[]> {
    return this.#enqueueTask(() => this.#recover());
  }

  stats(): Promise<DocStoreStats> {
    return this.#enqueueTask(async () => {
      const { bytes, records } = await this.#knownFile();
      return { bytes, records };
    });
  }

  append(update: Uint8Array): AppendReceipt {
    this.#assertNotReleased();
    const fh = this.#handle;
    const state = this.#file;
    // The first append of a turn, with the file open and nothing ahead of it, is written
    // now, so the caller can broadcast without waiting; the rest of the turn's appends
    // queue behind it and share one writev at the end of the turn (`#drain`).
    const writeNow =
      fh !== null &&
      state !== null &&
      this.#failure === null &&
      !this.#pumping &&
      !this.#queue.length;
    const op: PendingAppend = {
      kind: 'append',
      record: encodeRecord(update),
      written: writeNow ? ALREADY_RESOLVED : deferred(),
      // Written below, before this returns: it shares the next fsync's deferred.
      durable: writeNow ? this.#sync.joinNow() : deferred(),
    };
    const durable = op.durable.promise;
    this.#lastDurable = durable;
    if (!writeNow) {
      if (this.#failure !== null) rejectOperation(op, this.#failure);
      else this.#enqueue(op);
      return { written: op.written.promise, durable, writtenNow: false };
    }
    this.#write(fh, state, [op], true);
    this.#pumping = true;
    laterThisTurn(this.#drainLater);
    if (this.#failure === null) return { written: op.written.promise, durable, writtenNow: true };
    const written = Promise.reject(this.#failure);
    written.catch(noop);
    return { written, durable, writtenNow: false };
  }

  compact(state: StoredUpdate): Promise<void> {
    this.#assertNotReleased();
    if (this.#failure !== null) return Promise.reject(this.#failure);
    const op: PendingCompaction = {
      kind: 'compact',
      record: encodeRecord(state.update, state.encoding),
      done: deferred(),
    };
    // A failed compaction leaves the log as it was, so flush does not fail with it.
    this.#lastCompaction = op.done.promise.catch(noop);
    this.#enqueue(op);
    return op.done.promise;
  }

  async flush(): Promise<void> {
    if (this.#failure !== null) throw this.#failure;
    const relax = this.#sync.hurry();
    try {
      await Promise.all([this.#lastDurable, this.#lastCompaction]);
    } finally {
      relax();
    }
  }

  async release(): Promise<void> {
    const relax = this.#sync.hurry();
    await new Promise<void>((resolve) => {
      // `released` flips in the same turn the log is seen idle, so no append can
      // slip in between and be left behind in a closed log.
      this.#idleWaiters.push(() => {
        this.#released = true;
        resolve();
      });
      this.#notifyIdle();
    });
    relax();
    const fh = this.#handle;
    this.#handle = null;
    await fh?.close();
    if (this.#failure !== null) throw this.#failure;
  }

  #assertNotReleased(): void {
    if (this.#released) throw new Error(`document ${this.#docId}: log already released`);
  }

  #enqueue(op: Operation): void {
    this.#queue.push(op);
    if (this.#pumping) return;
    this.#pumping = true;
    // Start on the next microtask so appends issued in the same turn share a writev.
    laterThisTurn(this.#drainLater);
  }

  /**
   * The common case without the async loop: the file is open and the queue starts
   * with appends, so they are written here and now. Anything else (opening the file,
   * a compaction, a task) goes to `#pump`, in order.
   */
  #drain(): void {
    const fh = this.#handle;
    const state = this.#file;
    if (fh !== null && state !== null && this.#queue[0]?.kind === 'append') {
      this.#write(fh, state, takeLeadingAppends(this.#queue));
    }
    if (this.#queue.length > 0 && this.#failure === null) {
      void this.#pump();
      return;
    }
    this.#pumping = false;
    this.#notifyIdle();
  }

  #enqueueTask<T>(work: () => Promise<T>): Promise<T> {
    this.#assertNotReleased();
    if (this.#failure !== null) return Promise.reject(this.#failure);
    const done = deferred<T>();
    const run = () => work().then(done.resolve, done.reject);
    this.#enqueue({ kind: 'task', run, fail: done.reject });
    return done.promise;
  }

  #isIdle(): boolean {
    return this.#queue.length === 0 && !this.#pumping && !this.#sync.busy;
  }

  #notifyIdle(): void {
    if (!this.#isIdle()) return;
    for (const waiter of this.#idleWaiters.splice(0)) waiter();
  }

  /** The write loop: one operation at a time, in call order. */
  async #pump(): Promise<void> {
    try {
      while (this.#failure === null) {
        const head = this.#queue[0];
        if (head === undefined) break;
        await this.#step(head);
      }
    } catch (error) {
      this.#fence(error);
    } finally {
      this.#pumping = false;
      this.#notifyIdle();
    }
  }

  async #step(head: Operation): Promise<void> {
    switch (head.kind) {
      case 'append':
        return this.#writeBatch();
      case 'compact':
        return this.#compactNow(head);
      case 'task':
        this.#queue.shift();
        return head.run();
      default: {
        const unknown: never = head;
        throw new Error(`unhandled operation ${String(unknown)}`);
      }
    }
  }

  /** Stops the log for good: rejects `extra`, `unsynced`, everything queued and everything unsynced. */
  #fence(cause: unknown, extra: readonly Operation[] = [], unsynced: Deferred<void>[] = []): void {
    const first = this.#failure === null;
    const failure =
      this.#failure ??
      new Error(
        `document ${this.#docId}: its log could not be written (${String(cause)}); ` +
          'nothing more is stored until it is released and loaded again',
        { cause },
      );
    this.#failure = failure;
    if (first) {
      this.#files.logger.error('document log failed; fenced until released and reloaded', {
        docId: this.#docId,
        error: cause,
        rejected: this.#queue.length + extra.length,
      });
    }
    for (const op of extra) rejectOperation(op, failure);
    for (const durable of unsynced) durable.reject(failure);
    for (const op of this.#queue.splice(0)) rejectOperation(op, failure);
    for (const durable of this.#sync.takeWaiting()) durable.reject(failure);
  }

  async #recover(): Promise<StoredUpdate[]> {
    const recovered = await recoverLog(this.#files, this.#docId);
    const { bytes, exists } = recovered;
    this.#file = { bytes, records: recovered.records.length, exists };
    if (this.#handle !== null && (recovered.end !== 'clean' || recovered.skippedRanges > 0)) {
      // Only this log writes the file while it is open: damage means someone else did.
      this.#fence(new Error(`the open log file was changed by someone else (${recovered.end})`));
    }
    return recovered.records;
  }

  async #knownFile(): Promise<FileState> {
    if (this.#file === null) await this.#recover();
    if (this.#file === null) throw new Error(`document ${this.#docId}: log state unknown`);
    return this.#file;
  }

  async #openForAppend(): Promise<{ fh: FileHandle; state: FileState }> {
    const state = await this.#knownFile();
    if (!state.exists) {
      await createLog(this.#files, this.#docId);
      state.bytes = LOG_HEADER_BYTES;
      state.records = 0;
      state.exists = true;
    }
    this.#handle ??= await open(logPath(this.#files, this.#docId), 'a');
    return { fh: this.#handle, state };
  }

  async #writeBatch(): Promise<void> {
    const { fh, state } = await this.#openForAppend();
    this.#write(fh, state, takeLeadingAppends(this.#queue));
  }

  /** Writes records in one writev and hands them to the fsync loop, unless `joined` (`FsyncLoop.joinNow`). */
  #write(fh: FileHandle, state: FileState, batch: PendingAppend[], joined = false): void {
    let bytes: number;
    try {
      bytes = writeRecordsNow(fh.fd, batch);
    } catch (error) {
      this.#fence(error, batch);
      return;
    }
    state.bytes += bytes;
    state.records += batch.length;
    if (joined) return;
    for (const op of batch) op.written.resolve();
    this.#sync.add(batch.map((op) => op.durable));
  }

  /**
   * Runs once every earlier record is written. The new file holds the state plus the
   * appends queued behind the compaction, so nothing appended after the call is lost
   * and nothing appended before it survives outside the state.
   */
  async #compactNow(op: PendingCompaction): Promise<void> {
    await this.#knownFile();
    this.#queue.shift();
    const following = takeLeadingAppends(this.#queue);
    const included = [op, ...following];
    try {
      await prepareReplacement(
        this.#files,
        this.#docId,
        included.map((entry) => entry.record),
      );
    } catch (error) {
      // Nothing was renamed, so the log is untouched: keep appending to it.
      this.#files.logger.error('compaction failed; the log is unchanged', {
        docId: this.#docId,
        error,
      });
      op.done.reject(error);
      if (this.#failure === null) this.#queue.unshift(...following);
      else this.#fence(this.#failure, following);
      return;
    }
    await this.#installCompaction(op, following);
  }

  async #installCompaction(op: PendingCompaction, following: PendingAppend[]): Promise<void> {
    const retired = this.#handle;
    try {
      if (this.#failure !== null) throw this.#failure;
      await installReplacement(this.#files, this.#docId);
      this.#handle = await open(logPath(this.#files, this.#docId), 'a');
    } catch (error) {
      this.#fence(error, [op, ...following]);
      return;
    }
    const bytes = LOG_HEADER_BYTES + totalBytes([op, ...following]);
    this.#file = { bytes, records: 1 + following.length, exists: true };
    // The replacement is fsync'd and renamed durably: it covers every earlier record.
    for (const earlier of this.#sync.takeWaiting()) earlier.resolve();
    for (const later of following) {
      later.written.resolve();
      later.durable.resolve();
    }
    await this.#sync.done; // an fsync of the replaced file may still be running
    await retired?.close().catch((error: unknown) => {
      this.#files.logger.warn('closing a replaced log failed', { docId: this.#docId, error });
    });
    op.done.resolve();
  }
}
