/**
 * The operations queued on one document's log, how each settles, and the write of a
 * batch of appends. Every promise handed out is marked handled here, so a receipt
 * nobody awaits never becomes an unhandled rejection that could take the process down.
 */
import { writeSync, writevSync } from 'node:fs';

export interface Deferred<T> {
  readonly promise: Promise<T>;
  resolve(value: T): void;
  reject(reason: unknown): void;
}

export function noop(): void {}

const RESOLVED: Promise<void> = Promise.resolve();

/**
 * A settled, handled Deferred<void>: for an append written before its receipt is made.
 * Settling it does nothing, so every such append shares this one.
 */
export const ALREADY_RESOLVED: Deferred<void> = Object.freeze({
  promise: RESOLVED,
  resolve: noop,
  reject: noop,
});

/**
 * Runs `work` after the current synchronous code, in this turn. Like `queueMicrotask`,
 * without the async_hooks resource Node creates for every queued microtask.
 */
export function laterThisTurn(work: () => void): void {
  void RESOLVED.then(work);
}

/** A promise with its settle functions, marked handled: a receipt nobody awaits is fine. */
export function deferred<T>(): Deferred<T> {
  let resolve: (value: T) => void = noop;
  let reject: (reason: unknown) => void = noop;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  promise.catch(noop);
  return { promise, resolve, reject };
}

export interface PendingAppend {
  readonly kind: 'append';
  readonly record: Uint8Array;
  readonly written: Deferred<void>;
  readonly durable: Deferred<void>;
}
export interface PendingCompaction {
  readonly kind: 'compact';
  readonly record: Uint8Array;
  readonly done: Deferred<void>;
}
export interface PendingTask {
  readonly kind: 'task';
  run(): Promise<void>;
  fail(reason: unknown): void;
}
export type Operation = PendingAppend | PendingCompaction | PendingTask;

export function rejectOperation(op: Operation, reason: unknown): void {
  switch (op.kind) {
    case 'append':
      op.written.reject(reason);
      op.durable.reject(reason);
      return;
    case 'compact':
      op.done.reject(reason);
      return;
    case 'task':
      op.fail(reason);
      return;
    default: {
      const unknown: never = op;
      throw new Error(`unhandled operation ${String(unknown)}`);
    }
  }
}

/** Removes and returns the appends at the head of `queue`, up to the first other operation. */
export function takeLeadingAppends(queue: Operation[]): PendingAppend[] {
  const appends: PendingAppend[] = [];
  for (const op of queue) {
    if (op.kind !== 'append') break;
    appends.push(op);
  }
  // The whole queue is the usual case (a turn's appends): emptied without a splice.
  if (appends.length === queue.length) queue.length = 0;
  else queue.splice(0, appends.length);
  return appends;
}

/**
 * Writes `batch`'s records to the end of the file `fd` in one write (or writev);
 * returns their bytes, or throws (a short write too). A synchronous write to the page
 * cache takes microseconds for a batch of small records; doing it inline skips a
 * thread-pool round trip per batch. Durability comes from the fsync loop.
 */
export function writeRecordsNow(fd: number, batch: readonly PendingAppend[]): number {
  const bytes = totalBytes(batch);
  const [only] = batch;
  const written =
    batch.length === 1 && only
      ? writeSync(fd, only.record)
      : writevSync(
          fd,
          batch.map((op) => op.record),
        );
  if (written !== bytes) throw new Error(`short write: ${written} of ${bytes} bytes`);
  return bytes;
}

export function totalBytes(ops: readonly { readonly record: Uint8Array }[]): number {
  return ops.reduce((sum, op) => sum + op.record.byteLength, 0);
}
