/**
 * The embedded DocStore: one append-only update log per document at
 * `<dir>/<docId>.ylog` (format in `update-log.ts`). This module owns the map of open
 * documents and the store's lifetime; each document's ordered writes, group commit
 * and compaction live in `doc-log.ts`.
 */
import { randomUUID } from 'node:crypto';
import { mkdir, open, rm } from 'node:fs/promises';
import path from 'node:path';
import { isDocId } from '../../shared/doc-id';
import type { Logger } from '../logger';
import { DocLog } from './doc-log';
import type { AppendReceipt, DocStore, StoredUpdate } from './doc-store';
import type { Fsync, LogFiles } from './log-file';

export type { Fsync, FsyncInfo } from './log-file';

export interface LogDocStoreOptions {
  /** Directory holding the logs; created on the first write if missing. */
  readonly dir: string;
  readonly logger: Logger;
  /**
   * Longest time (ms) an fsync may wait for more writes to share it. 0 (the default)
   * starts each fsync as soon as the previous one ends; batching then comes only from
   * appends that arrive while a write or fsync is in flight.
   */
  readonly groupCommitMaxDelayMs?: number;
  /** Replaces the default sync below; tests count or fail fsyncs through it. */
  readonly fsync?: Fsync;
}

/**
 * Appends to an open log need only their data and the file size on disk (fdatasync);
 * a new or replacement file and the directory get a full fsync, as their other
 * metadata matters too.
 */
export const defaultFsync: Fsync = (handle, { target }) =>
  target === 'log' ? handle.datasync() : handle.sync();

/** What a probe writes: about one small record's worth, so a nearly full disk shows. */
const PROBE_BYTES = new Uint8Array(512);

function describeId(docId: string): string {
  return JSON.stringify(docId.length > 80 ? `${docId.slice(0, 80)}…` : docId);
}

/**
 * Runs `work`, turning a synchronous throw into a rejection, and marks the result
 * handled: callers may fire a compaction or release and forget it without an
 * unhandledRejection taking the process down (failures are logged where they happen).
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

function rejectedReceipt(reason: unknown): AppendReceipt {
  const written = Promise.reject(reason);
  const durable = Promise.reject(reason);
  // Handled here so a receipt nobody awaits cannot raise an unhandledRejection.
  written.catch(() => undefined);
  durable.catch(() => undefined);
  return { written, durable, writtenNow: false };
}

export function createLogDocStore(options: LogDocStoreOptions): DocStore {
  const groupCommitMaxDelayMs = options.groupCommitMaxDelayMs ?? 0;
  if (!Number.isFinite(groupCommitMaxDelayMs) || groupCommitMaxDelayMs < 0) {
    throw new RangeError('groupCommitMaxDelayMs must be a finite number of milliseconds >= 0');
  }
  const files: LogFiles = {
    dir: options.dir,
    logger: options.logger,
    fsync: options.fsync ?? defaultFsync,
  };
  const docs = new Map<string, DocLog>();
  let closed = false;

  function checkId(docId: string): void {
    if (closed) throw new Error('the document store is closed; nothing more can be stored');
    // Ids become file names: anything but the documented alphabet is refused, never
    // escaped, so no id can reach outside `dir`.
    if (!isDocId(docId)) throw new Error(`refusing invalid document id ${describeId(docId)}`);
  }

  function logFor(docId: string): DocLog {
    const open = docs.get(docId);
    // An id in the map was checked when its log was made; only `closed` can change.
    if (open !== undefined && !open.released && !closed) return open;
    checkId(docId);
    const log = new DocLog({ docId, files, groupCommitMaxDelayMs });
    docs.set(docId, log);
    return log;
  }

  async function release(docId: string): Promise<void> {
    const log = docs.get(docId);
    if (log === undefined) return;
    try {
      await log.release();
    } finally {
      if (docs.get(docId) === log) docs.delete(docId);
    }
  }

  /**
   * A log fenced by a failed write (a full disk, an I/O error) takes nothing more.
   * Loading the document again lets go of it and starts a fresh log, which verifies
   * the file (cutting any torn record), so the document recovers once the disk does.
   */
  async function loadAfresh(docId: string): Promise<StoredUpdate[]> {
    // Rejects with the failure, which the log has already reported.
    await release(docId).catch(() => undefined);
    return logFor(docId).load();
  }

  /**
   * Writes, fsyncs (through the same `fsync` as the logs) and removes a small file
   * in the log directory: what a new log needs from the disk, without touching one.
   * The name cannot be a document's (ids have no dot), so no log is ever in the way.
   */
  async function probe(): Promise<void> {
    if (closed) throw new Error('the document store is closed');
    await mkdir(options.dir, { recursive: true });
    const file = path.join(options.dir, `.probe-${randomUUID()}`);
    try {
      const handle = await open(file, 'wx');
      try {
        const { bytesWritten } = await handle.write(PROBE_BYTES);
        if (bytesWritten !== PROBE_BYTES.byteLength) throw new Error('short write');
        await files.fsync(handle, { docId: '', target: 'probe' });
      } finally {
        await handle.close();
      }
    } finally {
      await rm(file, { force: true });
    }
  }

  return {
    probe,
    load: async (docId) =>
      // Queued at once otherwise: a load sees exactly the appends made before it.
      docs.get(docId)?.failed === true ? loadAfresh(docId) : logFor(docId).load(),
    append(docId, update) {
      try {
        return logFor(docId).append(update);
      } catch (error) {
        return rejectedReceipt(error);
      }
    },
    compact: (docId, state) => background(() => logFor(docId).compact(state)),
    stats: async (docId) => logFor(docId).stats(),
    flush: (docId) =>
      background(async () => {
        checkId(docId);
        await docs.get(docId)?.flush();
      }),
    release: (docId) =>
      background(async () => {
        if (!isDocId(docId)) throw new Error(`refusing invalid document id ${describeId(docId)}`);
        await release(docId);
      }),
    async close() {
      closed = true;
      const results = await Promise.allSettled([...docs.keys()].map(release));
      const failures = results.flatMap((r) => (r.status === 'rejected' ? [r.reason] : []));
      if (failures.length > 0) {
        throw new AggregateError(failures, `${failures.length} document(s) not fully stored`);
      }
    },
  };
}
