/**
 * When a document's log is rewritten as one state update. Compaction costs a full
 * encode of the document, so it is triggered geometrically: once the bytes
 * appended since the last compaction exceed both a floor and twice the size of
 * the last compacted state. That keeps the amortised cost linear in the edits.
 *
 * A compaction that is due waits until the document has been quiet for `quietMs`:
 * the encode holds the event loop for as long as answering a newcomer does (tens of
 * milliseconds for a long document), and the moment writing stops is when people
 * open the document to read it. Nothing is lost by waiting: the log is already
 * durable. While writing never pauses, it runs at the first moment with no write
 * pending once it has been due for `maxDelayMs`, so the log cannot grow without bound.
 */
export interface CompactionPolicy {
  /** Never compact for fewer appended bytes than this. */
  readonly minBytes: number;
  /** Compact when appended bytes exceed this multiple of the last compacted state. */
  readonly growthFactor: number;
  /** A due compaction waits until nothing has been appended for this long. */
  readonly quietMs: number;
  /** ...but no longer than this after it became due. */
  readonly maxDelayMs: number;
}

export const DEFAULT_COMPACTION_POLICY: CompactionPolicy = {
  minBytes: 1024 * 1024,
  growthFactor: 2,
  quietMs: 2_000,
  maxDelayMs: 30_000,
};

export function shouldCompact(
  policy: CompactionPolicy,
  bytesSinceCompaction: number,
  compactedBytes: number,
): boolean {
  return bytesSinceCompaction > Math.max(policy.minBytes, policy.growthFactor * compactedBytes);
}
