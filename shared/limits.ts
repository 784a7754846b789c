/**
 * Resource limits, configured in one place. The server enforces each of them
 * before it parses anything; tests import them rather than copying numbers.
 */
export const Limits = {
  /** Largest single WebSocket message the sync server accepts (bytes). */
  maxMessageBytes: 8 * 1024 * 1024,
  /** Messages a connection may queue while its document is still loading. */
  maxPendingMessages: 256,
  /** Bytes a connection may queue while its document is still loading. */
  maxPendingBytes: 16 * 1024 * 1024,
  /**
   * Default largest document (bytes, its encoded Yjs state); `MAX_DOCUMENT_BYTES` sets
   * another. An update that could take a document past it is refused (close 4413). A
   * long paper typed in full (the 260,000-edit editing trace `npm run bench` replays)
   * is 0.3 MB; a lab item is far smaller.
   */
  maxDocumentBytes: 4 * 1024 * 1024,
  /** Largest awareness state one client may publish (bytes, encoded). */
  maxAwarenessBytes: 4 * 1024,
  /** Longest document id. */
  maxDocIdLength: 64,
  /** Longest title of a lab or an item (characters), in forms, the API and documents. */
  maxTitleLength: 200,
  /** Largest HTTP request body on every route but archive import (bytes), refused with 413 while it streams. */
  maxJsonBodyBytes: 64 * 1024,
  /** Largest body of `POST /api/labs/import` (a lab archive, bytes), refused with 413 while it streams. */
  maxArchiveBytes: 50 * 1024 * 1024,
  /** Longest life of a personal API token given an expiry at creation (days). */
  maxApiTokenDays: 3650,
  /** A token's `lastUsedAt` is written at most this often (ms), not once per request. */
  apiTokenLastUsedGranularityMs: 60_000,
  /** How often open sockets are checked for an expired session or token (ms). */
  accessExpirySweepMs: 250,
  /**
   * Longest text an item's registry summary keeps of one field (characters; an owner,
   * a cycle's scale, a part of the aim): lists show it, the item's page has the rest.
   */
  maxFactLength: 500,
} as const;

/**
 * Limits on each sync connection, whatever its rights; the defaults of the `SYNC_*`
 * settings in `server/config.ts`. Rates are token buckets: the burst is what an idle
 * connection may send at once (the initial sync, a paste), the rate what refills it.
 */
export const SyncLimits = {
  /** Messages per second, sustained. Stock clients echo others' presence, so busy rooms send many. */
  messagesPerSecond: 500,
  /** Messages a connection may send at once. */
  messageBurst: 2000,
  /** Bytes per second, sustained. */
  bytesPerSecond: 1024 * 1024,
  /** Bytes at once: two of the largest messages, so a big first sync passes. */
  byteBurst: 2 * Limits.maxMessageBytes,
  /**
   * Requests for the whole state (sync step 1, a query for everyone's presence) per
   * second, sustained. Each is answered with the whole document or every presence, so
   * a read-only client repeating them made the server encode megabytes a second for it
   * alone. A stock client sends one step 1 when it connects.
   */
  stateRequestsPerSecond: 2,
  /** Requests for the whole state at once. */
  stateRequestBurst: 10,
  /** Bytes waiting to be read by a slow client before its connection is closed. */
  maxBufferedBytes: 4 * 1024 * 1024,
  /** Awareness client ids one connection may publish (a stock client publishes one). */
  maxAwarenessClients: 8,
  /** Accepted awareness updates per second (a caret move each is one); excess is dropped. */
  awarenessPerSecond: 30,
  /** Awareness updates at once. */
  awarenessBurst: 120,
  /** Open sync sockets per account (a page opens one per document it shows). */
  maxSocketsPerAccount: 128,
  /** How often the server pings; a socket that has not answered the previous ping is dropped. */
  pingIntervalMs: 30_000,
  /** How often a connection's messages dropped by policy are logged (one line, with counts). */
  dropLogIntervalMs: 60_000,
} as const;
export type SyncLimits = { readonly [K in keyof typeof SyncLimits]: number };
