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
} as const;
