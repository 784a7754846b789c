/**
 * A room's whole document as one version-1 update, for newcomers with nothing: made
 * on the first such request and kept until the document changes, so several people
 * opening a document one after another cost one encoding.
 *
 * While the document is written to, it is also encoded again in the background each
 * time the bytes written since its last encoding reach that encoding's size (at most
 * every `REFRESH_INTERVAL_MS`). Nothing else on the sync path runs Yjs's encoder (updates
 * are passed on as they arrived), and V8 drops optimised code it has not run for a few
 * garbage collections: on the editing trace's document, the first newcomer after the
 * burst of writing waited 15 to 20 ms for an encoding that took 3 ms once the encoder
 * ran optimised again, while the stock server, whose update listener encodes every
 * transaction, answered at its optimised speed. Tied to the bytes written, as compaction
 * is (`compaction-policy.ts`), the extra encodings cost at most about one encoding of
 * each byte written: someone typing into a 50 KB document (27 bytes an update) adds
 * one every 1,900 keystrokes. A newcomer who arrives before the next change is sent it
 * as it is.
 */
import * as Y from 'yjs';

/** The least time between two background encodings of one document. */
export const REFRESH_INTERVAL_MS = 250;

export class FullState {
  private encoded: Uint8Array | null = null;
  /** The size of the last encoding (before the first, of the log as loaded). */
  private encodedBytes = 0;
  private bytesSince = 0;
  /** When the last encoding was made (`Date.now()`). */
  private encodedAt = Number.NEGATIVE_INFINITY;
  private refreshTimer: NodeJS.Timeout | null = null;
  private stopped = false;

  constructor(
    /** The room's document with every stored update applied. */
    private readonly doc: () => Y.Doc,
  ) {}

  /**
   * The document as loaded: `update` when it is exactly that version-1 update (a log
   * compacted by an earlier version), else null; `storedBytes`, the log's size, stands
   * for the encoding's size until the first encoding.
   */
  loaded(update: Uint8Array | null, storedBytes: number): void {
    this.encoded = update;
    this.encodedBytes = update?.byteLength ?? storedBytes;
  }

  /** Whether the whole document is encoded now (a newcomer would be sent it as it is). */
  get isEncoded(): boolean {
    return this.encoded !== null;
  }

  /** The whole document, encoded now unless it was since the last change. */
  get(): Uint8Array {
    this.encoded ??= this.encode();
    return this.encoded;
  }

  /** The document changed by an update of `bytes`: the kept encoding is stale. */
  changed(bytes: number): void {
    this.encoded = null;
    this.bytesSince += bytes;
    if (this.bytesSince >= this.encodedBytes) this.refreshSoon();
  }

  /** No more background encodings (the room is unloading). */
  stop(): void {
    this.stopped = true;
    if (this.refreshTimer !== null) clearTimeout(this.refreshTimer);
    this.refreshTimer = null;
  }

  private refreshSoon(): void {
    if (this.refreshTimer !== null || this.stopped) return;
    const wait = Math.max(0, this.encodedAt + REFRESH_INTERVAL_MS - Date.now());
    this.refreshTimer = setTimeout(() => {
      this.refreshTimer = null;
      if (!this.stopped) this.get();
    }, wait);
    // A refresh never keeps the process alive.
    this.refreshTimer.unref();
  }

  private encode(): Uint8Array {
    const encoded = Y.encodeStateAsUpdate(this.doc());
    this.encodedAt = Date.now();
    this.encodedBytes = encoded.byteLength;
    this.bytesSince = 0;
    return encoded;
  }
}
