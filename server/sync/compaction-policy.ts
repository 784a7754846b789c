/**
 * When a document's log is rewritten as one state update. Compaction costs a full
 * encode of the document, so it is triggered geometrically: once the bytes
 * appended since the last compaction exceed both a floor and twice the size of
 * the last compacted state. That keeps the amortised cost linear in the edits.
 */
export interface CompactionPolicy {
  /** Never compact for fewer appended bytes than this. */
  readonly minBytes: number;
  /** Compact when appended bytes exceed this multiple of the last compacted state. */
  readonly growthFactor: number;
}

export const DEFAULT_COMPACTION_POLICY: CompactionPolicy = {
  minBytes: 1024 * 1024,
  growthFactor: 2,
};

export function shouldCompact(
  policy: CompactionPolicy,
  bytesSinceCompaction: number,
  compactedBytes: number,
): boolean {
  return bytesSinceCompaction > Math.max(policy.minBytes, policy.growthFactor * compactedBytes);
}
