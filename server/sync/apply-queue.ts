/**
 * Stored updates waiting to be applied to a room's document. A room passes each
 * update on as soon as it is stored and applies the waiting ones together, in one
 * transaction, when its document is next read or when the queue is full. Applying
 * each update as it arrived was about a tenth of the server's CPU with one person
 * typing to a hundred readers, most of it Yjs's fixed cost per transaction; a burst
 * now costs about one apply. Passing updates on first is safe because the update
 * check (`update-check.ts`) refuses what Yjs reads but cannot apply.
 */
import * as Y from 'yjs';

/** The queue is applied at once when this many updates, or this many bytes, wait. */
export const MAX_UNAPPLIED_UPDATES = 64;
const MAX_UNAPPLIED_BYTES = 1024 * 1024;

export class ApplyQueue<Origin> {
  private waiting: Array<{ origin: Origin; update: Uint8Array }> = [];
  private bytes = 0;

  constructor(
    private readonly doc: Y.Doc,
    /** An update Yjs could not apply; the rest of the queue is applied regardless. */
    private readonly onFailure: (origin: Origin, error: unknown) => void,
  ) {}

  /** Queues an update behind those already waiting. */
  add(origin: Origin, update: Uint8Array): void {
    this.waiting.push({ origin, update });
    this.bytes += update.byteLength;
  }

  /** Applies the queue if it has reached its bound. */
  applyIfFull(): void {
    if (this.waiting.length >= MAX_UNAPPLIED_UPDATES || this.bytes >= MAX_UNAPPLIED_BYTES) {
      this.applyAll();
    }
  }

  /** Applies every waiting update in one transaction, in the order they were added. */
  applyAll(): void {
    if (this.waiting.length === 0) return;
    const updates = this.waiting;
    this.waiting = [];
    this.bytes = 0;
    Y.transact(this.doc, () => {
      for (const { origin, update } of updates) {
        try {
          Y.applyUpdate(this.doc, update, origin);
        } catch (error) {
          this.onFailure(origin, error);
        }
      }
    });
  }

  /** Forgets what is waiting (it is in the log): for a room being freed. */
  clear(): void {
    this.waiting = [];
    this.bytes = 0;
  }
}
