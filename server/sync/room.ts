/**
 * A room: one loaded document, its presence (`room-presence.ts`) and its connections.
 * What it takes of an update is decided in `room-intake.ts`, requests for the whole
 * state are answered by `room-state-requests.ts`, what other processes send by
 * `room-remote.ts`. An update is validated, appended to the DocStore, and only once
 * written is it broadcast and queued to be applied to the document (`room-writes.ts`;
 * `apply-queue.ts`: applied when the document is next read, through `doc`); the
 * client is told "saved" once the append is durable.
 */
import type * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import { CloseCode } from '../../shared/close-codes';
import type { Logger } from '../logger';
import { applyEachStored } from '../store/stored-update';
import { ApplyQueue } from './apply-queue';
import type { Connection } from './connection';
import {
  decodeMessage,
  encodeSyncStep1,
  encodeUpdate,
  type IncomingMessage,
  isEmptyUpdate,
} from './message-codec';
import { ResyncRequests } from './resync-requests';
import { RoomCompaction } from './room-compaction';
import { RoomIntake } from './room-intake';
import { type RoomOptions, type RoomStatus, SERVER_ORIGIN } from './room-options';
import { RoomPresence } from './room-presence';
import { RoomRemote } from './room-remote';
import { StateRequests } from './room-state-requests';
import { RoomWrites } from './room-writes';
import { SchemaGuard } from './schema-guard';
import { SyncMeter } from './sync-meter';
import type { UpdateStructs } from './update-structs';

type UpdateOrigin = Connection | typeof SERVER_ORIGIN;

export class Room {
  /** Read through `doc`, which applies the stored updates still waiting first. */
  private readonly document = new Y.Doc();
  private readonly connections = new Set<Connection>();
  private readonly presence: RoomPresence;
  private roomStatus: RoomStatus = 'loading';
  private readonly compaction: RoomCompaction;
  /** Lines about the document; a connection's own lines go through its logger. */
  private readonly log: Logger;
  /** Lines about changes the server made itself. */
  private readonly serverLog: Logger;
  private readonly meter: SyncMeter;
  /** Sync step 1 and presence queries: charged to a rate, the whole document kept encoded. */
  private readonly stateRequests: StateRequests;
  /** What the room takes of each update: check, fit, size and schema. */
  private readonly intake: RoomIntake;
  /** Appends accepted updates and passes them on in the order they were stored. */
  private readonly writes: RoomWrites<UpdateOrigin>;
  private readonly resyncs = new ResyncRequests();
  /** What other processes serving the document send it (scale-out). */
  private readonly remote: RoomRemote;
  /** Stored and broadcast updates not yet applied to `document`, in stored order. */
  private readonly unapplied = new ApplyQueue<UpdateOrigin>(this.document, (origin, error) => {
    // Not expected after the update check; logged, and its author disconnected.
    this.logOf(origin).error('stored update failed to apply', { error });
    if (origin !== SERVER_ORIGIN) origin.close(CloseCode.MalformedMessage);
  });

  constructor(private readonly options: RoomOptions) {
    const { docId, store, compaction: policy } = options;
    this.log = options.logger.child({ docId });
    this.serverLog = this.log.child({ origin: 'server' });
    this.meter = options.meter ?? new SyncMeter();
    const refuse = (connection: Connection, error: unknown) => this.refuse(connection, error);
    const { fanout } = options;
    this.presence = new RoomPresence(
      this.document,
      this.connections,
      refuse,
      fanout ? (update, reviewers) => fanout.publishAwareness(docId, update, reviewers) : null,
    );
    this.stateRequests = new StateRequests(() => this.doc, refuse);
    this.intake = new RoomIntake(
      {
        maxDocumentBytes: options.maxDocumentBytes,
        meter: this.meter,
        resyncs: this.resyncs,
        schema: options.itemKind ? new SchemaGuard(options.itemKind, this.document) : null,
        doc: () => this.doc,
        measure: () => this.measure(),
        refuse,
      },
      this.document,
    );
    this.remote = new RoomRemote(
      {
        docId,
        store,
        log: this.log,
        phase: () =>
          this.roomStatus === 'loading' || this.roomStatus === 'ready' ? this.roomStatus : 'gone',
        doc: () => this.doc,
        takeRemote: (update) => this.takeRemote(update),
        caughtUp: (missed) => {
          this.intake.takeServerChange(missed);
          this.stateRequests.changed(missed.byteLength);
          this.broadcast(encodeUpdate(missed));
        },
        presence: (update, reviewers) => this.presence.receiveRemote(update, reviewers),
      },
      fanout ?? null,
    );
    this.writes = new RoomWrites<UpdateOrigin>({
      docId,
      store,
      fanout: fanout ?? null,
      appended: (bytes) => this.compaction.appended(bytes),
      passOn: (origin, update, written) => this.passOn(origin, update, written),
      failed: (origin, update, error) => this.writeFailed(origin, update, error),
      recount: () => this.intake.recount(this.doc),
      idle: () => {
        if (this.roomStatus === 'ready') this.compaction.idle();
      },
    });
    this.compaction = new RoomCompaction({
      docId,
      doc: () => this.doc,
      store,
      logger: this.log,
      policy,
    });
  }

  /** Everyone's presence in this document. */
  get awareness(): awarenessProtocol.Awareness {
    return this.presence.awareness;
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
    try {
      await this.remote.join();
      await this.loadStored();
    } catch (error) {
      this.remote.leave();
      throw error;
    }
  }

  private async loadStored(): Promise<void> {
    const { store, docId } = this.options;
    const updates = await store.load(docId);
    const allApplied = applyEachStored(this.document, updates, (index, error) =>
      this.log.error('stored update could not be applied; skipped', { index, error }),
    );
    const stats = await store.stats(docId);
    // A document stored as one version-1 update (compacted by an earlier version): a
    // newcomer with nothing can be sent those bytes as they are.
    const [only] = updates;
    this.stateRequests.loaded(
      updates.length === 1 && allApplied && only?.encoding === 'v1' ? only.update : null,
      stats.bytes,
    );
    this.compaction.loaded(stats);
    this.intake.loaded(this.document, stats.bytes);
    this.roomStatus = 'ready';
    this.remote.loaded();
  }

  /** An update another process committed: queued to be applied and passed on, never stored again. */
  private takeRemote(update: Uint8Array): 'taken' | 'misfit' | 'malformed' {
    const taken = this.intake.takeRemote(update);
    if (taken !== 'taken') return taken;
    this.stateRequests.changed(update.byteLength);
    this.unapplied.add(SERVER_ORIGIN, update);
    this.broadcast(encodeUpdate(update));
    this.unapplied.applyIfFull();
    return taken;
  }

  /** Adds a connection to a loaded room: greets it, then handles what it sent while waiting. */
  attach(connection: Connection): void {
    if (connection.closed) {
      connection.takeQueued();
      return;
    }
    this.connections.add(connection);
    connection.send(encodeSyncStep1(Y.encodeStateVector(this.doc)));
    if (this.presence.anyone) this.presence.answerQuery(connection);
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
        if (this.stateRequests.mayRequest(connection))
          this.stateRequests.answerStep1(connection, message.stateVector);
        return;
      case 'update':
        this.receiveUpdate(connection, message.update);
        return;
      case 'awareness':
        this.presence.receive(connection, message.update);
        return;
      case 'query-awareness':
        if (this.stateRequests.mayRequest(connection)) this.presence.answerQuery(connection);
        return;
      default: {
        const unreachable: never = message;
        throw new Error(`unhandled message ${JSON.stringify(unreachable)}`);
      }
    }
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
    const taken = this.intake.take(connection, seq, received);
    if (taken === null) return;
    const { update, written } = taken;
    if (isEmptyUpdate(update)) {
      this.resyncs.answer(connection, Promise.resolve());
      connection.ackWhenDurable(seq, Promise.resolve());
      return;
    }
    const { durable } = this.writes.persist(connection, update, written);
    this.resyncs.answer(connection, durable);
    connection.ackWhenDurable(seq, durable);
  }

  /** The document's encoded size, with the updates still being written. */
  private measure(): number {
    return Y.encodeStateAsUpdate(this.doc).byteLength + this.writes.bytesInFlight;
  }

  /** Why a write failed, and everyone told to reconnect (keeping unsaved changes on their devices). */
  private writeFailed(origin: UpdateOrigin, update: Uint8Array, error: unknown): void {
    this.logOf(origin).error('update not saved: storage write failed', {
      bytes: update.byteLength,
      error,
    });
    // The document's log takes nothing more after a failed write: everyone reconnects
    // to a room loaded afresh, once this one has unloaded and let go of the failed log.
    for (const connection of this.connections) connection.close(CloseCode.InternalError);
    if (origin !== SERVER_ORIGIN) {
      this.meter.refuse('internal_error');
      origin.close(CloseCode.InternalError);
    }
  }

  /**
   * Sends a stored update on as it arrived and queues it to be applied. The document
   * has no 'update' listener, so Yjs does not encode every transaction again; the
   * bytes were checked before they were stored, and peers apply them as the server will.
   */
  private passOn(origin: UpdateOrigin, update: Uint8Array, written: UpdateStructs | null): void {
    this.stateRequests.changed(update.byteLength);
    this.unapplied.add(origin, update);
    try {
      this.broadcast(encodeUpdate(update), origin);
      this.options.onUpdated?.(
        this,
        origin === SERVER_ORIGIN ? null : origin.options.user.id,
        update,
        written,
      );
    } catch (error) {
      this.logOf(origin).error('an update was stored but not passed on', { error });
    }
    this.unapplied.applyIfFull();
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
    // The server's own change always fits: it was made on a copy of the document.
    const written = this.intake.takeServerChange(update);
    const { durable } = this.writes.persist(SERVER_ORIGIN, update, written);
    // Someone is waiting for this change (an API request, a room about to open), so its
    // fsync starts now instead of waiting out the group-commit delay for others to join.
    await Promise.all([durable, this.options.store.flush(this.docId)]);
  }

  /** Sends one message to every connection but `except`. */
  private broadcast(message: Buffer, except?: UpdateOrigin): void {
    // One Buffer for every reader (`encodeUpdate` makes one): `ws` would wrap a plain
    // Uint8Array once per send.
    for (const connection of this.connections) {
      if (connection !== except) connection.send(message);
    }
  }

  private refuse(connection: Connection, error: unknown): void {
    this.logOf(connection).warn('malformed message; connection closed', { error });
    connection.close(CloseCode.MalformedMessage);
  }

  detach(connection: Connection): void {
    if (!this.connections.delete(connection)) return;
    this.resyncs.forget(connection);
    this.presence.left(connection);
    if (this.connections.size === 0 && this.roomStatus === 'ready') this.options.onEmpty(this);
  }

  /**
   * Flushes and releases the document: stops taking messages, waits for pending
   * writes, compacts a log of more than one record, and frees memory and timers.
   */
  async unload(closeCode?: CloseCode): Promise<void> {
    if (this.roomStatus === 'closing' || this.roomStatus === 'closed') return;
    this.roomStatus = 'closing';
    // The compaction below replaces one waiting for the document to be quiet.
    this.compaction.cancel();
    this.stateRequests.stop();
    await this.writes.whenIdle();
    await this.compaction.done;
    const { store } = this.options;
    try {
      if ((await store.stats(this.docId)).records > 1) await this.compaction.compact();
      await store.flush(this.docId);
    } finally {
      if (closeCode !== undefined)
        for (const connection of this.connections) connection.close(closeCode);
      this.connections.clear();
      this.remote.leave();
      // Released even when the flush failed, so the next load starts a fresh log
      // instead of finding this one fenced.
      await store.release(this.docId);
      this.presence.destroy();
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
