/**
 * Orders the MetaStore's whole-file writes: at most one write is in flight, and every
 * change made while it runs goes out together in the next one. A burst of changes
 * therefore costs a handful of writes, and because each write carries the whole state
 * as it was when the write began, no change is lost or reordered.
 */

interface Batch {
  readonly promise: Promise<void>;
  readonly resolve: () => void;
  readonly reject: (reason: unknown) => void;
}

function createBatch(): Batch {
  let resolve: () => void = () => undefined;
  let reject: (reason: unknown) => void = () => undefined;
  const promise = new Promise<void>((onResolve, onReject) => {
    resolve = onResolve;
    reject = onReject;
  });
  // A failed write is reported by the persister and to every caller that awaits it;
  // a caller that does not await must not bring the process down with an
  // unhandledRejection.
  promise.catch(() => undefined);
  return { promise, resolve, reject };
}

export interface WriteScheduler {
  /**
   * Call right after a change. Resolves when a write that began after the change has
   * completed; rejects if that write fails.
   */
  schedule(): Promise<void>;
  /** Resolves when every change so far is written; after a failed write it tries again. */
  flush(): Promise<void>;
}

/** `write` must capture the state synchronously, before its first `await`. */
export function createWriteScheduler(write: () => Promise<void>): WriteScheduler {
  /** Changes not yet in any write; they go out in the next one. */
  let waiting: Batch | null = null;
  /** The write in flight, or the last one, while the loop runs. */
  let writing: Batch | null = null;
  let running = false;
  /** A change is not on disk and no write has begun that includes it. */
  let unsaved = false;

  async function drain(): Promise<void> {
    while (waiting !== null) {
      const batch = waiting;
      waiting = null;
      writing = batch;
      unsaved = false;
      try {
        await write();
        batch.resolve();
      } catch (error) {
        // The changes are still in memory: the next write, or `flush()`, carries them.
        unsaved = true;
        batch.reject(error);
      }
    }
    writing = null;
    running = false;
  }

  function schedule(): Promise<void> {
    unsaved = true;
    if (waiting === null) {
      waiting = createBatch();
      if (!running) {
        running = true;
        // Started after the current synchronous job, so a burst of changes made in
        // one go (a loop, or a lab and its first membership) shares the first write.
        queueMicrotask(() => void drain());
      }
    }
    return waiting.promise;
  }

  function flush(): Promise<void> {
    if (unsaved) return schedule();
    return writing === null ? Promise.resolve() : writing.promise;
  }

  return { schedule, flush };
}
