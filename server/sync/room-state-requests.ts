/**
 * A room's answers to requests for the whole state: a client's sync step 1 (what it
 * lacks of the document, or all of it for a newcomer with nothing) is charged to the
 * connection's rate for such requests, as is a query for everyone's presence. The
 * whole document as one version-1 update is made on the first request from someone
 * with nothing and kept until the document changes: several people opening a document
 * one after another cost one encoding.
 */
import * as Y from 'yjs';
import { CloseCode } from '../../shared/close-codes';
import type { Connection } from './connection';
import { encodeSyncStep2, MalformedMessageError } from './message-codec';

export class StateRequests {
  private fullState: Uint8Array | null = null;

  constructor(
    /** The room's document with every stored update applied. */
    private readonly doc: () => Y.Doc,
    /** Closes a connection that sent a malformed message. */
    private readonly refuse: (connection: Connection, error: unknown) => void,
  ) {}

  /** The document is exactly `update` (version 1), as loaded; null when that is not known. */
  loadedAs(update: Uint8Array | null): void {
    this.fullState = update;
  }

  /** The document changed: the kept encoding is stale. */
  changed(): void {
    this.fullState = null;
  }

  /**
   * Whether the connection may have the whole state (the document, or everyone's
   * presence) once more: each answer costs the server far more than the request cost
   * its sender, so past its rate the connection is closed with 4529.
   */
  mayRequest(connection: Connection): boolean {
    if (connection.policy.stateRequests.take()) return true;
    connection.logger.warn('sync rate limit exceeded: too many requests for the whole state', {
      code: CloseCode.RateLimited,
    });
    connection.close(CloseCode.RateLimited);
    return false;
  }

  /** Answers a sync step 1 with what the connection lacks. */
  answerStep1(connection: Connection, stateVector: Uint8Array): void {
    const hasNothing = stateVector.length === 1 && stateVector[0] === 0;
    if (hasNothing) {
      this.fullState ??= Y.encodeStateAsUpdate(this.doc());
      connection.send(encodeSyncStep2(this.fullState));
      return;
    }
    let diff: Uint8Array;
    try {
      diff = Y.encodeStateAsUpdate(this.doc(), stateVector);
    } catch (error) {
      this.refuse(connection, new MalformedMessageError(`invalid state vector: ${String(error)}`));
      return;
    }
    connection.send(encodeSyncStep2(diff));
  }
}
