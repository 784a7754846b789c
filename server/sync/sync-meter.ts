/**
 * What the sync layer counts for `/metrics`, kept cheap for the per-message path:
 * plain number fields that the hot path increments (no label lookup, no allocation),
 * read by the metrics registry only when it is scraped (`server/ops/metrics.ts`).
 */
import { CLOSE_CODE_NAMES, CloseCode } from '../../shared/close-codes';

/**
 * Why an update from a client was not stored: a close code's name when its
 * connection was closed for it, `read_only_update` when policy dropped it, and
 * `resync_requested` when it did not fit and its sender was asked to sync again.
 */
export const UPDATE_REFUSALS = [
  'read_only_update',
  'resync_requested',
  CLOSE_CODE_NAMES[CloseCode.MalformedMessage],
  CLOSE_CODE_NAMES[CloseCode.DocumentTooLarge],
  CLOSE_CODE_NAMES[CloseCode.SchemaViolation],
  CLOSE_CODE_NAMES[CloseCode.OutOfSync],
  CLOSE_CODE_NAMES[CloseCode.InternalError],
] as const;
export type UpdateRefusal = (typeof UPDATE_REFUSALS)[number];

export class SyncMeter {
  /** Update-carrying messages (sync step 2 and updates) received from clients. */
  updatesReceived = 0;
  /** Bytes of sync frames received from clients, and sent to them. */
  bytesReceived = 0;
  bytesSent = 0;
  /** Refused updates by reason; refusals are rare, so a map costs nothing that matters. */
  readonly refused = new Map<UpdateRefusal, number>();

  /**
   * @param savedLatency told the seconds from an update's arrival to its "Saved"
   *   acknowledgement (only for clients that asked for acknowledgements).
   */
  constructor(readonly savedLatency: (seconds: number) => void = () => undefined) {}

  refuse(reason: UpdateRefusal): void {
    this.refused.set(reason, (this.refused.get(reason) ?? 0) + 1);
  }
}
