/**
 * How rooms on several server processes share one document (scale-out with Redis).
 * Every process may take updates; each update is committed to the DocStore first,
 * then passed on to this process's connections and published here for the others,
 * which apply it to their loaded room and pass it to their own connections. Presence
 * goes the same way but is never stored. The transport (`server/scale/`) only
 * carries bytes; anything it loses is still in the DocStore, and a room that sees a
 * gap, or is told the transport was away, reads the document again (`resync`).
 */

/** What a room is given by the other processes. */
export interface RemoteDocReceiver {
  /** An update another process committed, as its author sent it. */
  update(update: Uint8Array): void;
  /**
   * Presence another process's connections published; `reviewers` names the client
   * ids published by reviewers (by their user id), whose names other reviewers do not see.
   */
  awareness(update: Uint8Array, reviewers: ReadonlyMap<number, string>): void;
  /** Messages may have been lost (the transport reconnected): read the stored document again. */
  resync(): void;
}

export interface DocFanout {
  /**
   * Delivers what other processes publish for `docId` until `leave` is called.
   * `ready` resolves once delivery has begun: a room reads the stored document only
   * then, so nothing committed elsewhere falls between the read and the first message.
   */
  join(docId: string, receiver: RemoteDocReceiver): { ready: Promise<void>; leave(): void };
  /**
   * Publishes a committed update. Resolves once the transport has taken it: the
   * author's "Saved" waits for this too, so a process cut off from the others stops
   * acknowledging (clients keep their edits) until the transport is back.
   */
  publishUpdate(docId: string, update: Uint8Array): Promise<void>;
  /** Publishes presence; lost presence is renewed by clients every few seconds. */
  publishAwareness(docId: string, update: Uint8Array, reviewers: ReadonlyMap<number, string>): void;
}
