/**
 * A room: one loaded document, its awareness and its connections. The room owns
 * the order of durability: an update is validated, appended to the DocStore, and
 * only once written is it broadcast and queued to be applied to the document
 * (`apply-queue.ts`: applied when the document is next read, through `doc`); the
 * client is told "saved" once the append is durable.
 */
import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import { CloseCode } from '../../shared/close-codes';
import { Limits } from '../../shared/limits';
import type { ItemKind } from '../../shared/schemas/records';
import type { Logger } from '../logger';
import type { AppendReceipt, DocStore } from '../store/doc-store';
import { applyStored } from '../store/stored-update';
import { ApplyQueue } from './apply-queue';
import { type AwarenessProblem, checkAwarenessUpdate, type KnownPresence } from './awareness-guard';
import type { CompactionPolicy } from './compaction-policy';
import type { Connection } from './connection';
import { DocumentSize } from './document-size';
import {
  decodeMessage,
  encodeSyncStep1,
  encodeSyncStep2,
  encodeUpdate,
  type IncomingMessage,
  isEmptyUpdate,
  MalformedMessageError,
} from './message-codec';
import type { DropReason } from './policy-drops';
import { ResyncRequests } from './resync-requests';
import { PresenceMessages } from './reviewer-presence';
import { RoomCompaction } from './room-compaction';
import { SchemaGuard, SchemaViolation } from './schema-guard';
import { checkUpdate, type UpdateShape } from './update-check';
import { SyncMeter } from './sync-meter';
import { fittingPart, RoomClocks } from './update-fit';

const AWARENESS_DROP = {
  forged_user: 'awareness_forged_user',
  foreign_client: 'awareness_foreign_client',
  too_many_clients: 'awareness_too_many_clients',
} as const satisfies Record<Exclude<AwarenessProblem, 'malformed' | 'echo'>, DropReason>;

export type RoomStatus = 'loading' | 'ready' | 'closing' | 'closed';

/** The origin of changes the server makes itself. */
export const SERVER_ORIGIN = Symbol('server');
type UpdateOrigin = Connection | typeof SERVER_ORIGIN;

export interface RoomOptions {
  readonly docId: string;
  readonly store: DocStore;
  readonly logger: Logger;
  readonly compaction: CompactionPolicy;
  /** Largest document (encoded bytes) updates from clients may make it. */
  readonly maxDocumentBytes: number;
  /** Called when the last connection has left. */
  readonly onEmpty: (room: Room) => void;
  /**
   * Called after an update was stored and passed on, with the author's user id (null for
   * the server); reading `room.doc` then includes it.
   */
  readonly onUpdated?: (room: Room, userId: string | null) => void;
  /** The kind of item this document is, whose schema clients' updates must keep; null for none. */
  readonly itemKind?: ItemKind | null;
  /** Counts updates received and refused, for `/metrics`. */
  readonly meter?: SyncMeter;
}

type AwarenessChange = { added: number[]; updated: number[]; removed: number[] };

export class Room {
  /** Read through `doc`, which applies the stored updates still waiting first. */
  private readonly document = new Y.Doc();
  readonly awareness = new awarenessProtocol.Awareness(this.document);
  private readonly connections = new Set<Connection>();
  private roomStatus: RoomStatus = 'loading';
  private pendingWrites = 0;
  private idleWaiters: Array<() => void> = [];
  private readonly compaction: RoomCompaction;
  /** Lines about the document; a connection's own lines go through its logger. */
  private readonly log: Logger;
  /** Lines about changes the server made itself. */
  private readonly serverLog: Logger;
  private readonly meter: SyncMeter;
  private readonly schema: SchemaGuard | null;
  /**
   * The whole document as one version-1 update (what a newcomer with nothing is sent),
   * made on the first such request and kept while nothing changes: several people
   * opening a document one after another cost one encoding.
   */
  private fullState: Uint8Array | null = null;
  /** The document's clocks once every accepted update is applied (set by `load`). */
  private clocks = RoomClocks.of(this.document);
  private docSize = new DocumentSize(Number.POSITIVE_INFINITY, 0);
  /** Bytes of accepted updates being written, not yet passed on and applied. */
  private bytesInFlight = 0;
  private readonly resyncs = new ResyncRequests();
  /** Stored and broadcast updates not yet applied to `document`, in stored order. */
  private readonly unapplied = new ApplyQueue<UpdateOrigin>(this.document, (origin, error) => {
    // Not expected after the update check; logged, and its author disconnected.
    this.logOf(origin).error('stored update failed to apply', { error });
    if (origin !== SERVER_ORIGIN) origin.close(CloseCode.MalformedMessage);
  });

  /** The room's presence as the awareness guard reads it. */
  private readonly presence: KnownPresence = {
    clockOf: (clientId) => this.awareness.meta.get(clientId)?.clock,
    has: (clientId) => this.awareness.states.has(clientId),
  };

  constructor(private readonly options: RoomOptions) {
    const { docId, store, compaction: policy } = options;
    this.log = options.logger.child({ docId });
    this.serverLog = this.log.child({ origin: 'server' });
    this.meter = options.meter ?? new SyncMeter();
    this.schema = options.itemKind ? new SchemaGuard(options.itemKind, this.document) : null;
    this.compaction = new RoomCompaction({
      docId,
      doc: () => this.doc,
      store,
      logger: this.log,
      policy,
    });
    // The server publishes no presence of its own.
    this.awareness.setLocalState(null);
    this.awareness.on('update', (change: AwarenessChange, origin: unknown) =>
      this.broadcastAwareness(change, origin),
    );
  }

  /** The document with every stored update applied. */
  get doc(): Y.Doc {
    this.unapplied.applyAll();
    return this.document;
  }

  get docId(): string {
    return this.options.docId;
  }

  get status(): RoomStatus {
    return this.roomStatus;
  }

  get size(): number {
    return this.connections.size;
  }

  /** Loads the stored document. Updates that fail to apply are skipped and logged, never fatal. */
  async load(): Promise<void> {
    const { store, docId } = this.options;
    const updates = await store.load(docId);
    let allApplied = true;
    Y.transact(this.document, () => {
      updates.forEach((stored, index) => {
        try {
          applyStored(this.document, stored);
        } catch (error) {
          allApplied = false;
          this.log.error('stored update could not be applied; skipped', { index, error });
        }
      });
    });
    // A document stored as one version-1 update (compacted by an earlier version): a
    // newcomer with nothing can be sent those bytes as they are.
    const [only] = updates;
    this.fullState =
      updates.length === 1 && allApplied && only?.encoding === 'v1' ? only.update : null;
    const stats = await store.stats(docId);
    this.compaction.loaded(stats);
    this.clocks = RoomClocks.of(this.document);
    this.docSize = new DocumentSize(this.options.maxDocumentBytes, stats.bytes);
    this.roomStatus = 'ready';
  }

  /** Adds a connection to a loaded room: greets it, then handles what it sent while waiting. */
  attach(connection: Connection): void {
    if (connection.closed) {
      connection.takeQueued();
      return;
    }
    this.connections.add(connection);
    connection.send(encodeSyncStep1(Y.encodeStateVector(this.doc)));
    if (this.awareness.getStates().size > 0) this.answerAwarenessQuery(connection);
    for (const frame of connection.takeQueued()) this.receive(connection, frame);
  }

  receive(connection: Connection, frame: Uint8Array): void {
    if (this.roomStatus !== 'ready' || connection.closed) return;
    let message: IncomingMessage;
    try {
      message = decodeMessage(frame);
    } catch (error) {
      this.refuse(connection, error);
      return;
    }
    this.handle(connection, message);
  }

  private handle(connection: Connection, message: IncomingMessage): void {
    switch (message.kind) {
      case 'sync-step-1':
        if (this.mayRequestState(connection)) this.answerStep1(connection, message.stateVector);
        return;
      case 'update':
        this.receiveUpdate(connection, message.update);
        return;
      case 'awareness':
        this.receiveAwareness(connection, message.update);
        return;
      case 'query-awareness':
        if (this.mayRequestState(connection)) this.answerAwarenessQuery(connection);
        return;
      default: {
        const unreachable: never = message;
        throw new Error(`unhandled message ${JSON.stringify(unreachable)}`);
      }
    }
  }

  /**
   * Whether the connection may have the whole state (the document, or everyone's
   * presence) once more: each answer costs the server far more than the request cost
   * its sender, so past its rate the connection is closed with 4529.
   */
  private mayRequestState(connection: Connection): boolean {
    if (connection.policy.stateRequests.take()) return true;
    connection.logger.warn('sync rate limit exceeded: too many requests for the whole state', {
      code: CloseCode.RateLimited,
    });
    connection.close(CloseCode.RateLimited);
    return false;
  }

  private answerStep1(connection: Connection, stateVector: Uint8Array): void {
    const hasNothing = stateVector.length === 1 && stateVector[0] === 0;
    if (hasNothing) {
      this.fullState ??= Y.encodeStateAsUpdate(this.doc);
      connection.send(encodeSyncStep2(this.fullState));
      return;
    }
    let diff: Uint8Array;
    try {
      diff = Y.encodeStateAsUpdate(this.doc, stateVector);
    } catch (error) {
      this.refuse(connection, new MalformedMessageError(`invalid state vector: ${String(error)}`));
      return;
    }
    connection.send(encodeSyncStep2(diff));
  }

  private receiveUpdate(connection: Connection, received: Uint8Array): void {
    const seq = connection.nextUpdateSeq();
    this.meter.updatesReceived += 1;
    if (!connection.options.canWrite) {
      // A reader's answer to the greeting carries nothing: not a refused edit.
      if (!isEmptyUpdate(received)) this.meter.refuse('read_only_update');
      connection.policy.drops.count('read_only_update');
      return;
    }
    let shape: UpdateShape;
    try {
      // Check the whole update before it reaches the log, so garbage is never stored; the
      // same pass collects what the schema guard reads, so the update is read once.
      shape = checkUpdate(received, this.schema !== null);
    } catch (error) {
      this.meter.refuse('malformed_message');
      this.refuse(connection, new MalformedMessageError(`invalid update: ${String(error)}`));
      return;
    }
    const fitting = this.fitting(connection, seq, received, shape);
    if (!fitting) return;
    const { update, shape: fitShape } = fitting;
    if (isEmptyUpdate(update)) {
      this.resyncs.answer(connection, Promise.resolve());
      connection.ackWhenDurable(seq, Promise.resolve());
      return;
    }
    if (this.docSize.wouldExceed(update.byteLength, () => this.measure())) {
      this.logOf(connection).warn('update refused: the document would pass its size limit', {
        bytes: update.byteLength,
        limit: this.options.maxDocumentBytes,
      });
      this.meter.refuse('document_too_large');
      connection.close(CloseCode.DocumentTooLarge);
      return;
    }
    // Last: the schema guard remembers what it accepts.
    if (this.breaksSchema(connection, fitShape)) return;
    this.clocks.accept(fitShape);
    this.docSize.added(update.byteLength);
    const { durable } = this.persistThenPassOn(connection, update);
    this.resyncs.answer(connection, durable);
    connection.ackWhenDurable(seq, durable);
  }

  /**
   * The update, or the part of it the room takes. One that does not fit the document
   * (`update-fit.ts`) is neither stored nor passed on: the client is asked to sync
   * again (`resync-requests.ts`). If its answer does not fit either, it holds structs
   * that never can (pending in it since before this check), so the room keeps the part
   * that fits, and the client's own changes are saved; should even that not fit, the
   * connection closes with 4512 rather than loop.
   */
  private fitting(
    connection: Connection,
    seq: number,
    update: Uint8Array,
    shape: UpdateShape,
  ): { update: Uint8Array; shape: UpdateShape } | null {
    const misfit = this.clocks.misfit(shape);
    if (!misfit) return { update, shape };
    this.logOf(connection).warn('update does not fit the document', {
      misfit,
      bytes: update.byteLength,
    });
    if (!this.resyncs.asked(connection)) {
      this.meter.refuse('resync_requested');
      this.resyncs.ask(connection, seq, this.clocks.stateVector());
      return null;
    }
    try {
      const part = fittingPart(this.doc, update);
      const partShape = checkUpdate(part, this.schema !== null);
      if (this.clocks.misfit(partShape) === null) return { update: part, shape: partShape };
    } catch (error) {
      this.logOf(connection).warn('the part of an update that fits failed', { error });
    }
    this.meter.refuse('out_of_sync');
    connection.close(CloseCode.OutOfSync);
    return null;
  }

  /** The document's encoded size, with the updates still being written. */
  private measure(): number {
    return Y.encodeStateAsUpdate(this.doc).byteLength + this.bytesInFlight;
  }

  /** Refuses (closes the author's connection) an update that would damage the item. */
  private breaksSchema(connection: Connection, shape: UpdateShape): boolean {
    try {
      this.schema?.check(shape);
      return false;
    } catch (error) {
      if (!(error instanceof SchemaViolation)) throw error;
      this.logOf(connection).warn('update refused: it breaks the item schema', {
        problem: error.message,
      });
      this.meter.refuse('schema_violation');
      connection.close(CloseCode.SchemaViolation);
      return true;
    }
  }

  private persistThenPassOn(origin: UpdateOrigin, update: Uint8Array): AppendReceipt {
    const receipt = this.options.store.append(this.docId, update);
    this.pendingWrites += 1;
    this.bytesInFlight += update.byteLength;
    this.compaction.appended(update.byteLength);
    // Passed on in this turn only with no earlier write of this room still waiting, so
    // updates are always passed on and queued in the order they were stored.
    if (receipt.writtenNow && this.pendingWrites === 1) {
      this.passOn(origin, update);
      return receipt;
    }
    receipt.written.then(
      () => this.passOn(origin, update),
      (error: unknown) => {
        this.logOf(origin).error('update not saved: storage write failed', {
          bytes: update.byteLength,
          error,
        });
        // The document's log takes nothing more after a failed write: everyone
        // reconnects (keeping unsaved changes on their devices) to a room loaded
        // afresh, once this one has unloaded and let go of the failed log.
        for (const connection of this.connections) connection.close(CloseCode.InternalError);
        if (origin !== SERVER_ORIGIN) {
          this.meter.refuse('internal_error');
          origin.close(CloseCode.InternalError);
        }
        this.bytesInFlight -= update.byteLength;
        // The clocks counted an update the document will never have.
        void this.whenIdle().then(() => {
          this.clocks = RoomClocks.of(this.doc);
        });
        this.writeSettled();
      },
    );
    return receipt;
  }

  /**
   * Sends a stored update on as it arrived and queues it to be applied. The document
   * has no 'update' listener, so Yjs does not encode every transaction again; the
   * bytes were checked before they were stored, and peers apply them as the server will.
   */
  private passOn(origin: UpdateOrigin, update: Uint8Array): void {
    this.fullState = null;
    this.bytesInFlight -= update.byteLength;
    this.unapplied.add(origin, update);
    try {
      this.broadcast(encodeUpdate(update), origin);
      this.options.onUpdated?.(this, origin === SERVER_ORIGIN ? null : origin.options.user.id);
    } catch (error) {
      this.logOf(origin).error('an update was stored but not passed on', { error });
    }
    this.unapplied.applyIfFull();
    this.writeSettled();
  }

  /**
   * A change the server makes (migration, a comment, a rename through the API).
   * It is computed on a copy of the document and then takes the same path as a
   * client's update: appended, passed on, applied. Resolves once durable.
   */
  async applyServerChange(change: (doc: Y.Doc) => void): Promise<void> {
    if (this.roomStatus !== 'ready') throw new Error(`room ${this.docId} is not ready`);
    const copy = new Y.Doc();
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(this.doc));
    const updates: Uint8Array[] = [];
    copy.on('update', (update: Uint8Array) => updates.push(update));
    try {
      change(copy);
    } finally {
      copy.destroy();
    }
    if (updates.length === 0) return;
    const update = Y.mergeUpdates(updates);
    const shape = checkUpdate(update, this.schema !== null);
    this.schema?.note(shape);
    // The server's own change always fits: it was made on a copy of the document.
    this.clocks.accept(shape);
    this.docSize.added(update.byteLength);
    const { durable } = this.persistThenPassOn(SERVER_ORIGIN, update);
    // Someone is waiting for this change (an API request, a room about to open), so its
    // fsync starts now instead of waiting out the group-commit delay for others to join.
    await Promise.all([durable, this.options.store.flush(this.docId)]);
  }

  private writeSettled(): void {
    this.pendingWrites -= 1;
    if (this.pendingWrites > 0) return;
    for (const resolve of this.idleWaiters.splice(0)) resolve();
    if (this.roomStatus === 'ready') this.compaction.compactIfDue();
  }

  private receiveAwareness(connection: Connection, update: Uint8Array): void {
    const { drops, awareness } = connection.policy;
    if (update.byteLength > Limits.maxAwarenessBytes) {
      drops.count('awareness_too_large');
      return;
    }
    const problem = checkAwarenessUpdate(update, connection, this.connections, this.presence);
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

  private answerAwarenessQuery(connection: Connection): void {
    const clients = Array.from(this.awareness.getStates().keys());
    connection.send(
      new PresenceMessages(this.awareness, clients, this.connections).for(connection),
    );
  }

  /** Sends one message to every connection but `except`. */
  private broadcast(message: Uint8Array, except?: UpdateOrigin): void {
    // One Buffer view for every reader: `ws` would otherwise wrap the bytes once per send.
    const bytes = Buffer.from(message.buffer, message.byteOffset, message.byteLength);
    for (const connection of this.connections) {
      if (connection !== except) connection.send(bytes);
    }
  }

  private broadcastAwareness(change: AwarenessChange, origin: unknown): void {
    const owner = origin as Connection;
    if (this.connections.has(owner)) {
      for (const id of change.added) owner.addAwarenessClient(id);
      for (const id of change.removed) owner.removeAwarenessClient(id);
    }
    const changed = change.added.concat(change.updated, change.removed);
    // Each person gets the names they may see: reviewers do not see other reviewers'.
    const messages = new PresenceMessages(this.awareness, changed, this.connections);
    for (const connection of this.connections) connection.send(messages.for(connection));
  }

  private refuse(connection: Connection, error: unknown): void {
    this.logOf(connection).warn('malformed message; connection closed', { error });
    connection.close(CloseCode.MalformedMessage);
  }

  detach(connection: Connection): void {
    if (!this.connections.delete(connection)) return;
    this.resyncs.forget(connection);
    const clients = Array.from(connection.awarenessClients);
    if (clients.length > 0) awarenessProtocol.removeAwarenessStates(this.awareness, clients, null);
    if (this.connections.size === 0 && this.roomStatus === 'ready') this.options.onEmpty(this);
  }

  /** Resolves when every accepted update has been written and applied. */
  private whenIdle(): Promise<void> {
    if (this.pendingWrites === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /**
   * Flushes and releases the document: stops taking messages, waits for pending
   * writes, compacts a log of more than one record, and frees memory and timers.
   */
  async unload(closeCode?: CloseCode): Promise<void> {
    if (this.roomStatus === 'closing' || this.roomStatus === 'closed') return;
    this.roomStatus = 'closing';
    await this.whenIdle();
    await this.compaction.done;
    const { store } = this.options;
    try {
      if ((await store.stats(this.docId)).records > 1) await this.compaction.compact();
      await store.flush(this.docId);
    } finally {
      if (closeCode !== undefined)
        for (const connection of this.connections) connection.close(closeCode);
      this.connections.clear();
      // Released even when the flush failed, so the next load starts a fresh log
      // instead of finding this one fenced.
      await store.release(this.docId);
      this.awareness.destroy();
      this.unapplied.clear();
      this.document.destroy();
      this.roomStatus = 'closed';
    }
  }

  /** The logger for what `origin` did: its lines name the document and who did it. */
  private logOf(origin: UpdateOrigin): Logger {
    return origin === SERVER_ORIGIN ? this.serverLog : origin.logger;
  }
}
