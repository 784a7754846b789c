/**
 * Presence as each person may see it, by the rule comments follow
 * (`shared/comment-authors.ts`): a reviewer (a patient or member of the public) is
 * shown to other reviewers only as "Another reviewer"; staff see every name, and a
 * reviewer sees their own. The room's awareness keeps the states as published (the
 * guard has checked they name their author); what goes out to a reviewer is encoded
 * again with other reviewers' `user` rebuilt from its id and caret colour alone, so
 * nothing a reviewer's client put in it passes. Ownership comes from the connections
 * (which client ids each one published), never from what a state claims.
 */
import * as awarenessProtocol from 'y-protocols/awareness';
import { ANOTHER_REVIEWER } from '../../shared/comment-authors';
import type { Connection } from './connection';
import { encodeAwareness } from './message-codec';

type AwarenessState = Record<string, unknown>;

/** A reviewer's state as other reviewers get it. */
function nameless(state: AwarenessState): AwarenessState {
  const user = state.user;
  if (typeof user !== 'object' || user === null) return state;
  const { id, color } = user as { id?: unknown; color?: unknown };
  return { ...state, user: { id, name: ANOTHER_REVIEWER, color } };
}

/**
 * The awareness messages for one set of changed client ids, each encoded once and
 * only when someone is to get it: everyone's names, or one without other reviewers'.
 */
export class PresenceMessages {
  /** Client ids among the changed ones that a reviewer published, with that reviewer's id. */
  private readonly reviewers = new Map<number, string>();
  private named: Buffer | null = null;
  /** Messages without reviewers' names, by the reviewer they keep named (themselves). */
  private readonly withoutNames = new Map<string, Buffer>();

  constructor(
    private readonly awareness: awarenessProtocol.Awareness,
    private readonly clients: readonly number[],
    connections: Iterable<Connection>,
    /** Client ids published by another server process's reviewers, with their user ids. */
    remoteReviewers: ReadonlyMap<number, string> = new Map(),
  ) {
    if (remoteReviewers.size > 0) {
      for (const clientId of clients) {
        const owner = remoteReviewers.get(clientId);
        if (owner !== undefined) this.reviewers.set(clientId, owner);
      }
    }
    for (const connection of connections) {
      if (!connection.options.isReviewer || connection.awarenessClients.size === 0) continue;
      for (const clientId of clients) {
        if (connection.awarenessClients.has(clientId))
          this.reviewers.set(clientId, connection.options.user.id);
      }
    }
  }

  /** The message `recipient` may be sent. */
  for(recipient: Connection): Buffer {
    if (this.reviewers.size === 0 || !recipient.options.isReviewer) return this.everyName();
    const self = recipient.options.user.id;
    let others = false;
    for (const owner of this.reviewers.values()) if (owner !== self) others = true;
    if (!others) return this.everyName();
    let message = this.withoutNames.get(self);
    if (!message) {
      message = this.encode(self);
      this.withoutNames.set(self, message);
    }
    return message;
  }

  private everyName(): Buffer {
    this.named ??= this.encode(null);
    return this.named;
  }

  /** Encodes the changed states, other reviewers' without their names unless `keep` is null. */
  private encode(keep: string | null): Buffer {
    let states = this.awareness.getStates();
    if (keep !== null) {
      const all = states;
      states = new Map();
      for (const clientId of this.clients) {
        const state = all.get(clientId);
        if (state === undefined) continue; // removed: encoded as null
        const owner = this.reviewers.get(clientId);
        states.set(clientId, owner !== undefined && owner !== keep ? nameless(state) : state);
      }
    }
    const update = awarenessProtocol.encodeAwarenessUpdate(
      this.awareness,
      Array.from(this.clients),
      states,
    );
    const message = encodeAwareness(update);
    // One Buffer view shared by every reader it goes to: `ws` would otherwise wrap it per send.
    return Buffer.from(message.buffer, message.byteOffset, message.byteLength);
  }
}
