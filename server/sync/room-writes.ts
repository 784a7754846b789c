/**
 * The order of durability for one room: an accepted update is appended to the DocStore,
 * and only once written is it passed on (broadcast, queued to be applied, and with other
 * processes published to them), always in the order it was stored. "Saved" is the
 * append's durability, and with other processes also their having been sent it.
 */
import type { AppendReceipt, DocStore } from '../store/doc-store';
import type { DocFanout } from './doc-fanout';
import type { UpdateStructs } from './update-structs';

/** What the room does at each step of a write. */
export interface WritingRoom<Origin> {
  readonly docId: string;
  readonly store: DocStore;
  readonly fanout: DocFanout | null;
  /** Counts the appended bytes towards the next compaction. */
  appended(bytes: number): void;
  /** The update was stored: broadcast it and queue it to be applied (`written`: what it writes). */
  passOn(origin: Origin, update: Uint8Array, written: UpdateStructs | null): void;
  /** The write failed: the document's log takes nothing more, so everyone reconnects. */
  failed(origin: Origin, update: Uint8Array, error: unknown): void;
  /** Once idle after a failure: the clocks counted an update the document will never have. */
  recount(): void;
  /** Every accepted update has been written and passed on. */
  idle(): void;
}

export class RoomWrites<Origin> {
  private pending = 0;
  private idleWaiters: Array<() => void> = [];
  private inFlight = 0;

  constructor(private readonly room: WritingRoom<Origin>) {}

  /** Bytes of accepted updates being written, not yet passed on and applied. */
  get bytesInFlight(): number {
    return this.inFlight;
  }

  persist(
    origin: Origin,
    update: Uint8Array,
    written: UpdateStructs | null,
  ): Pick<AppendReceipt, 'durable'> {
    const { room } = this;
    const receipt = room.store.append(room.docId, update);
    this.pending += 1;
    this.inFlight += update.byteLength;
    room.appended(update.byteLength);
    // With other processes, "Saved" also waits until they have been sent the update.
    const published = room.fanout ? publication() : null;
    // The store's promises are handled already; this one is made here, so handle it here.
    const durable = published
      ? Promise.all([receipt.durable, published.promise]).then(() => undefined)
      : receipt.durable;
    if (published) durable.catch(() => undefined);
    // Passed on in this turn only with no earlier write of this room still waiting, so
    // updates are always passed on and queued in the order they were stored.
    if (receipt.writtenNow && this.pending === 1) {
      this.passOn(origin, update, written, published);
      return { durable };
    }
    receipt.written.then(
      () => this.passOn(origin, update, written, published),
      (error: unknown) => {
        published?.reject(error);
        room.failed(origin, update, error);
        this.inFlight -= update.byteLength;
        void this.whenIdle().then(() => room.recount());
        this.settled();
      },
    );
    return { durable };
  }

  /** Resolves when every accepted update has been written and applied. */
  whenIdle(): Promise<void> {
    if (this.pending === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  private passOn(
    origin: Origin,
    update: Uint8Array,
    written: UpdateStructs | null,
    published: Publication | null,
  ): void {
    const { room } = this;
    this.inFlight -= update.byteLength;
    if (room.fanout && published) {
      room.fanout.publishUpdate(room.docId, update).then(published.resolve, published.reject);
    }
    room.passOn(origin, update, written);
    this.settled();
  }

  private settled(): void {
    this.pending -= 1;
    if (this.pending > 0) return;
    for (const resolve of this.idleWaiters.splice(0)) resolve();
    this.room.idle();
  }
}

interface Publication {
  readonly promise: Promise<void>;
  resolve(): void;
  reject(reason: unknown): void;
}

/** An update's publication to other processes, settled once the transport has it. */
function publication(): Publication {
  let resolve: () => void = () => undefined;
  let reject: (reason: unknown) => void = () => undefined;
  const promise = new Promise<void>((onResolve, onReject) => {
    resolve = onResolve;
    reject = onReject;
  });
  promise.catch(() => undefined);
  return { promise, resolve, reject };
}
