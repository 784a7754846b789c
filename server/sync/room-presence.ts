/**
 * A room's presence: the awareness of everyone connected, what each connection may
 * publish in it (`awareness-guard.ts`), and what each person is sent of it
 * (`reviewer-presence.ts`: reviewers do not see other reviewers' names). Awareness
 * updates never touch the document or the log.
 */
import * as awarenessProtocol from 'y-protocols/awareness';
import type * as Y from 'yjs';
import { Limits } from '../../shared/limits';
import { type AwarenessProblem, checkAwarenessUpdate, type KnownPresence } from './awareness-guard';
import type { Connection } from './connection';
import { MalformedMessageError } from './message-codec';
import type { DropReason } from './policy-drops';
import { PresenceMessages } from './reviewer-presence';

/** The origin of presence that arrived from another process. */
const REMOTE_ORIGIN = Symbol('remote');

/** Sends this process's presence changes to the other processes (scale-out). */
export type PublishPresence = (update: Uint8Array, reviewers: ReadonlyMap<number, string>) => void;

const AWARENESS_DROP = {
  forged_user: 'awareness_forged_user',
  foreign_client: 'awareness_foreign_client',
  too_many_clients: 'awareness_too_many_clients',
} as const satisfies Record<Exclude<AwarenessProblem, 'malformed' | 'echo'>, DropReason>;

type AwarenessChange = { added: number[]; updated: number[]; removed: number[] };

export class RoomPresence {
  readonly awareness: awarenessProtocol.Awareness;

  /** The room's presence as the awareness guard reads it. */
  private readonly known: KnownPresence = {
    clockOf: (clientId) => this.awareness.meta.get(clientId)?.clock,
    has: (clientId) => this.awareness.states.has(clientId),
    isRemote: (clientId) => this.remoteClients.has(clientId),
  };
  /** Client ids whose presence came from another process: no local connection may touch them. */
  private readonly remoteClients = new Set<number>();
  /** Client ids another process's reviewers publish, with their user ids. */
  private readonly remoteReviewers = new Map<number, string>();

  constructor(
    doc: Y.Doc,
    /** The room's connections (the room adds and removes them). */
    private readonly connections: ReadonlySet<Connection>,
    /** Closes a connection that sent a malformed message. */
    private readonly refuse: (connection: Connection, error: unknown) => void,
    /** Other processes serving the document (scale-out), or null. */
    private readonly publish: PublishPresence | null = null,
  ) {
    this.awareness = new awarenessProtocol.Awareness(doc);
    // The server publishes no presence of its own.
    this.awareness.setLocalState(null);
    this.awareness.on('update', (change: AwarenessChange, origin: unknown) =>
      this.broadcast(change, origin),
    );
  }

  /** Whether anyone has presence to tell a newcomer about. */
  get anyone(): boolean {
    return this.awareness.getStates().size > 0;
  }

  receive(connection: Connection, update: Uint8Array): void {
    const { drops, awareness } = connection.policy;
    if (update.byteLength > Limits.maxAwarenessBytes) {
      drops.count('awareness_too_large');
      return;
    }
    const problem = checkAwarenessUpdate(update, connection, this.connections, this.known);
    if (problem === 'malformed') {
      this.refuse(connection, new MalformedMessageError('invalid awareness update'));
      return;
    }
    if (problem === 'echo') return;
    if (problem !== null) {
      drops.count(AWARENESS_DROP[problem]);
      return;
    }
    // Charged only for updates that would reach others: a stock client echoes everyone
    // else's presence back, and those echoes are dropped above as foreign.
    if (!awareness.take()) {
      drops.count('awareness_rate');
      return;
    }
    try {
      awarenessProtocol.applyAwarenessUpdate(this.awareness, update, connection);
    } catch (error) {
      this.refuse(
        connection,
        new MalformedMessageError(`invalid awareness update: ${String(error)}`),
      );
    }
  }

  /** Presence from another process's connections, passed to this room's. */
  receiveRemote(update: Uint8Array, reviewers: ReadonlyMap<number, string>): void {
    for (const [clientId, userId] of reviewers) this.remoteReviewers.set(clientId, userId);
    awarenessProtocol.applyAwarenessUpdate(this.awareness, update, REMOTE_ORIGIN);
  }

  /** Sends `connection` everyone's presence, as it may see it. */
  answerQuery(connection: Connection): void {
    const clients = Array.from(this.awareness.getStates().keys());
    connection.send(
      new PresenceMessages(this.awareness, clients, this.connections, this.remoteReviewers).for(
        connection,
      ),
    );
  }

  /** Removes the presence `connection` published, which tells everyone else. */
  left(connection: Connection): void {
    const clients = Array.from(connection.awarenessClients);
    if (clients.length > 0) awarenessProtocol.removeAwarenessStates(this.awareness, clients, null);
  }

  destroy(): void {
    this.awareness.destroy();
  }

  private broadcast(change: AwarenessChange, origin: unknown): void {
    const owner = origin as Connection;
    if (this.connections.has(owner)) {
      for (const id of change.added) owner.addAwarenessClient(id);
      for (const id of change.removed) owner.removeAwarenessClient(id);
    }
    const changed = change.added.concat(change.updated, change.removed);
    if (origin === REMOTE_ORIGIN) {
      for (const id of change.added) this.remoteClients.add(id);
    } else if (this.publish) {
      // Only this process's own clients: others' (timed out here) are their process's.
      this.publishOwn(changed.filter((id) => !this.remoteClients.has(id)));
    }
    for (const id of change.removed) {
      this.remoteClients.delete(id);
      this.remoteReviewers.delete(id);
    }
    // Each person gets the names they may see: reviewers do not see other reviewers'.
    const messages = new PresenceMessages(
      this.awareness,
      changed,
      this.connections,
      this.remoteReviewers,
    );
    for (const connection of this.connections) connection.send(messages.for(connection));
  }

  /** Sends this process's presence changes to the others, naming its reviewers' client ids. */
  private publishOwn(changed: readonly number[]): void {
    if (!this.publish || changed.length === 0) return;
    const reviewers = new Map<number, string>();
    for (const connection of this.connections) {
      if (!connection.options.isReviewer) continue;
      for (const id of changed) {
        if (connection.awarenessClients.has(id)) reviewers.set(id, connection.options.user.id);
      }
    }
    this.publish(awarenessProtocol.encodeAwarenessUpdate(this.awareness, [...changed]), reviewers);
  }
}
