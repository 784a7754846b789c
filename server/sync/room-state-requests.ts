/**
 * A room's answers to requests for the whole state: a client's sync step 1 (what it
 * lacks of the document, or all of it for a newcomer with nothing) is charged to the
 * connection's rate for such requests, as is a query for everyone's presence. A
 * newcomer with nothing is sent the whole document as `full-state.ts` keeps it encoded.
 */
import * as Y from 'yjs';
import { CloseCode } from '../../shared/close-codes';
import type { Connection } from './connection';
import { FullState } from './full-state';
import { encodeSyncStep2, MalformedMessageError } from './message-codec';

export class StateRequests {
  private readonly fullState: FullState;

  constructor(
    /** The room's document with every stored update applied. */
    private readonly doc: () => Y.Doc,
    /** Closes a connection that sent a malformed message. */
    private readonly refuse: (connection: Connection, error: unknown) => void,
  ) {
    this.fullState = new FullState(doc);
  }

  /**
   * The document as loaded: exactly `update` (version 1), or null when that is not
   * known; `storedBytes`, the size of its log.
   */
  loaded(update: Uint8Array | null, storedBytes: number): void {
    this.fullState.loaded(update, storedBytes);
  }

  /** The document changed by an update of `bytes`. */
  changed(bytes: number): void {
    this.fullState.changed(bytes);
  }

  /** The room is unloading: nothing more is encoded in the background. */
  stop(): void {
    this.fullState.stop();
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
      connection.send(encodeSyncStep2(this.fullState.get()));
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
