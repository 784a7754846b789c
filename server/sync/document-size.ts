/**
 * A room's document size against its limit (`Limits.maxDocumentBytes`, or
 * `MAX_DOCUMENT_BYTES`). Measuring means encoding the whole document, so the room
 * keeps an upper bound instead: the bytes stored when it loaded plus every update
 * accepted since (an update never grows the encoded state by more than its own size).
 * Only when that bound would pass the limit is the document measured, and then at most
 * once per `REMEASURE_BYTES` accepted, so a document near its limit does not cost a
 * full encode per keystroke.
 */

/** Bytes accepted after a measurement before the next measurement. */
export const REMEASURE_BYTES = 64 * 1024;

export class DocumentSize {
  private bound: number;
  private sinceMeasured = Number.POSITIVE_INFINITY;

  constructor(
    private readonly limit: number,
    /** An upper bound of the document's size as loaded (its stored bytes). */
    loadedBytes: number,
  ) {
    this.bound = loadedBytes;
  }

  /** Whether an update of `bytes` could take the document past the limit. */
  wouldExceed(bytes: number, measure: () => number): boolean {
    if (this.bound + bytes <= this.limit) return false;
    if (this.sinceMeasured >= REMEASURE_BYTES) {
      this.bound = measure();
      this.sinceMeasured = 0;
    }
    return this.bound + bytes > this.limit;
  }

  /** Counts an update that was accepted. */
  added(bytes: number): void {
    this.bound += bytes;
    this.sinceMeasured += bytes;
  }
}
