/**
 * The fsync side of one document's log (group commit). Records join once written;
 * each fsync covers every record that joined before it started, and records that
 * join while it runs wait for the next one, so a burst costs a few fsyncs, not one
 * per update. Writes never wait for this loop.
 *
 * It keeps only what settles a record's durability, never the record: a burst's records
 * would otherwise live until its fsync (up to the group-commit delay), long enough for
 * V8 to copy them out of the young generation. A record written the moment it was
 * appended (`joinNow`) shares one promise with every other such record of the same
 * fsync, instead of a promise of its own per update.
 */
import type { FileHandle } from 'node:fs/promises';
import type { Fsync } from './log-file';
import { type Deferred, deferred } from './log-operations';

export interface FsyncLoopOptions {
  readonly docId: string;
  readonly fsync: Fsync;
  /** Longest an fsync may wait for more records to share it; 0 = start at once. */
  readonly groupCommitMaxDelayMs: number;
  /** The file to fsync now; a compaction may switch it while an fsync runs. */
  readonly currentHandle: () => FileHandle | null;
  /** An fsync of the current file failed; `covered` settle the records it was for. */
  readonly onFailure: (error: unknown, covered: Deferred<void>[]) => void;
  /** The loop stopped with nothing waiting. */
  readonly onIdle: () => void;
}

export class FsyncLoop {
  readonly #options: FsyncLoopOptions;
  #waiting: Deferred<void>[] = [];
  /** Shared by the records that joined through `joinNow` since the last fsync started. */
  #shared: Deferred<void> | null = null;
  #running = false;
  #done: Promise<void> = Promise.resolve();
  /** While someone waits for durability, the group-commit delay is skipped. */
  #urgent = 0;
  #wake: (() => void) | null = null;

  constructor(options: FsyncLoopOptions) {
    this.#options = options;
  }

  /** True while records wait for an fsync or one is running. */
  get busy(): boolean {
    return this.#running || this.#waiting.length > 0 || this.#shared !== null;
  }

  /** Settles once the loop running now (if any) has stopped. */
  get done(): Promise<void> {
    return this.#done;
  }

  /** Queues written records, each settled by its own deferred, for the next fsync. */
  add(durables: readonly Deferred<void>[]): void {
    for (const durable of durables) this.#waiting.push(durable);
    this.#start();
  }

  /**
   * For a record the caller writes now, before it yields: the deferred the next fsync
   * to start settles. No fsync can start in between, since one starts only after an
   * await; should the write fail, rejecting this deferred fails every record that
   * shares it, which the log's fence does to every unsynced record anyway.
   */
  joinNow(): Deferred<void> {
    this.#shared ??= deferred();
    this.#start();
    return this.#shared;
  }

  /** Removes what settles the records not yet in an fsync (made durable, or failed, elsewhere). */
  takeWaiting(): Deferred<void>[] {
    const waiting = this.#waiting.splice(0);
    if (this.#shared !== null) waiting.push(this.#shared);
    this.#shared = null;
    return waiting;
  }

  #start(): void {
    if (this.#running) return;
    this.#running = true;
    this.#done = this.#run();
  }

  /** Skips the group-commit delay until the returned function is called. */
  hurry(): () => void {
    this.#urgent++;
    this.#wake?.();
    let ended = false;
    return () => {
      if (!ended) this.#urgent--;
      ended = true;
    };
  }

  #delay(): Promise<void> {
    const ms = this.#options.groupCommitMaxDelayMs;
    if (ms <= 0 || this.#urgent > 0) return Promise.resolve();
    return new Promise((resolve) => {
      const finish = () => {
        clearTimeout(timer);
        this.#wake = null;
        resolve();
      };
      const timer = setTimeout(finish, ms);
      this.#wake = finish;
    });
  }

  async #run(): Promise<void> {
    const { docId, fsync, currentHandle, onFailure } = this.#options;
    try {
      while (this.#waiting.length > 0 || this.#shared !== null) {
        await this.#delay();
        const fh = currentHandle();
        const covered = this.takeWaiting();
        if (fh === null) throw new Error('the log file was closed with records not yet fsynced');
        try {
          await fsync(fh, { docId, target: 'log' });
        } catch (error) {
          // If a compaction replaced this file meanwhile, its own fsyncs covered these.
          if (fh === currentHandle()) {
            onFailure(error, covered);
            return;
          }
        }
        for (const durable of covered) durable.resolve();
      }
    } catch (error) {
      onFailure(error, []);
    } finally {
      this.#running = false;
      this.#options.onIdle();
    }
  }
}
