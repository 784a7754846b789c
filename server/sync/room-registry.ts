/**
 * The rooms of one server: creates a room on a document's first connection,
 * unloads it when the last one leaves, and shuts every room down on exit. A
 * connection is accepted at once and its messages are queued (bounded) until its
 * room has loaded, so the first sync answer always reflects stored content.
 */
import type * as Y from 'yjs';
import { CloseCode } from '../../shared/close-codes';
import { SyncLimits } from '../../shared/limits';
import type { ItemKind } from '../../shared/schemas/records';
import type { Logger } from '../logger';
import { type DocStore, DocumentDamagedError } from '../store/doc-store';
import type { CompactionPolicy } from './compaction-policy';
import { Connection, type ConnectionOptions, type SyncSocket } from './connection';
import type { DocFanout } from './doc-fanout';
import type { LoadedDoc } from './item-registry-sync';
import { Room } from './room';
import { SyncMeter } from './sync-meter';
import type { UpdateStructs } from './update-structs';

export interface RoomRegistryOptions {
  readonly store: DocStore;
  readonly logger: Logger;
  readonly compaction: CompactionPolicy;
  /** Largest document (encoded bytes) updates from clients may make it. */
  readonly maxDocumentBytes: number;
  /** Per-connection limits (presence caps, how often drops are logged); `SyncLimits` by default. */
  readonly limits?: SyncLimits;
  /**
   * Called once a document is loaded, before anyone sees it: returns a server
   * change to make first (a schema migration), or null.
   */
  readonly prepare?: (docId: string, doc: Y.Doc) => ((doc: Y.Doc) => void) | null;
  /**
   * Called after every stored update, with its author (null for the server), the
   * update and what it writes as the update check read it (null without a schema).
   * The room's document, read through `source.doc`, includes the update.
   */
  readonly onUpdated?: (
    docId: string,
    source: LoadedDoc,
    userId: string | null,
    update: Uint8Array,
    written: UpdateStructs | null,
  ) => void;
  /** The kind of item a document is (its schema is then enforced), or null. */
  readonly itemKind?: (docId: string) => ItemKind | null;
  /** Counts for `/metrics`; a private one by default. */
  readonly meter?: SyncMeter;
  /** Other processes serving the same documents (scale-out with Redis); none by default. */
  readonly fanout?: DocFanout | null;
}

export class RoomRegistry {
  private readonly rooms = new Map<string, { room: Room; ready: Promise<Room> }>();
  private readonly unloading = new Map<string, Promise<void>>();
  private readonly roomOf = new Map<Connection, Room>();
  private nextConnectionId = 1;
  private shuttingDown = false;
  private readonly live = new Set<Connection>();
  private readonly socketsByUser = new Map<string, number>();
  private readonly roomListeners = new Set<() => void>();
  /** No open connection's access ends before this (ms since the epoch); may be early, never late. */
  private earliestExpiry = Number.POSITIVE_INFINITY;

  /** What the sync layer counts, read when `/metrics` is scraped. */
  readonly meter: SyncMeter;

  constructor(private readonly options: RoomRegistryOptions) {
    this.meter = options.meter ?? new SyncMeter();
  }

  /** Rooms loaded or loading now; for tests and metrics. */
  get roomCount(): number {
    return this.rooms.size;
  }

  /** Calls `visit` with each open connection's options (for metrics, when scraped). */
  forEachConnection(visit: (options: ConnectionOptions) => void): void {
    for (const connection of this.live) if (!connection.closed) visit(connection.options);
  }

  /** Sync sockets `userId` has open now, for the per-account cap. */
  openSocketsOf(userId: string): number {
    return this.socketsByUser.get(userId) ?? 0;
  }

  connect(socket: SyncSocket, connectionOptions: ConnectionOptions): Connection {
    const id = this.nextConnectionId++;
    const limits = this.options.limits ?? SyncLimits;
    const { user } = connectionOptions;
    const connection = new Connection(
      id,
      socket,
      connectionOptions,
      limits,
      this.options.logger,
      this.meter,
    );
    if (this.shuttingDown) {
      connection.close(CloseCode.ServerRestarting);
      return connection;
    }
    this.live.add(connection);
    const { expiresAt } = connectionOptions;
    if (expiresAt !== null && expiresAt < this.earliestExpiry) this.earliestExpiry = expiresAt;
    this.socketsByUser.set(user.id, this.openSocketsOf(user.id) + 1);
    this.place(connection).catch((error: unknown) => {
      this.options.logger.error('document could not be loaded', {
        docId: connectionOptions.docId,
        error,
      });
      const damaged = error instanceof DocumentDamagedError;
      connection.close(damaged ? CloseCode.DocumentDamaged : CloseCode.InternalError);
    });
    return connection;
  }

  receive(connection: Connection, frame: Uint8Array): void {
    const room = this.roomOf.get(connection);
    if (room) {
      room.receive(connection, frame);
      return;
    }
    if (!connection.queue(frame)) connection.close(CloseCode.TooManyPendingMessages);
  }

  disconnect(connection: Connection): void {
    connection.markClosed();
    if (this.live.delete(connection)) {
      const userId = connection.options.user.id;
      const open = this.openSocketsOf(userId) - 1;
      if (open > 0) this.socketsByUser.set(userId, open);
      else this.socketsByUser.delete(userId);
    }
    const room = this.roomOf.get(connection);
    this.roomOf.delete(connection);
    room?.detach(connection);
  }

  /** Attaches a connection to its loaded room, waiting out an unload that is in progress. */
  private async place(connection: Connection): Promise<void> {
    for (;;) {
      const room = await this.roomFor(connection.options.docId);
      if (connection.closed) {
        if (room.size === 0) this.unload(room);
        return;
      }
      if (room.status === 'ready') {
        this.roomOf.set(connection, room);
        room.attach(connection);
        return;
      }
    }
  }

  private async roomFor(docId: string): Promise<Room> {
    const existing = this.rooms.get(docId);
    if (existing) return existing.ready;
    const unloading = this.unloading.get(docId);
    if (unloading) {
      await unloading;
      return this.roomFor(docId);
    }
    const { onUpdated, prepare } = this.options;
    const { store, logger, compaction, maxDocumentBytes } = this.options;
    const room = new Room({
      store,
      logger,
      compaction,
      maxDocumentBytes,
      docId,
      meter: this.meter,
      fanout: this.options.fanout ?? null,
      itemKind: this.options.itemKind?.(docId) ?? null,
      onEmpty: (empty) => this.unload(empty),
      ...(onUpdated
        ? {
            onUpdated: (
              r: Room,
              userId: string | null,
              update: Uint8Array,
              written: UpdateStructs | null,
            ) => onUpdated(r.docId, r, userId, update, written),
          }
        : {}),
    });
    const ready = room.load().then(async () => {
      const change = prepare?.(docId, room.doc);
      if (change) await room.applyServerChange(change);
      this.roomsChanged();
      return room;
    });
    const entry = { room, ready };
    this.rooms.set(docId, entry);
    ready.catch(() => {
      if (this.rooms.get(docId) === entry) this.rooms.delete(docId);
    });
    return ready;
  }

  private unload(room: Room): void {
    if (this.rooms.get(room.docId)?.room !== room) return;
    this.rooms.delete(room.docId);
    const done = room
      .unload()
      .catch((error: unknown) => {
        this.options.logger.error('room did not unload cleanly', { docId: room.docId, error });
      })
      .finally(() => {
        this.unloading.delete(room.docId);
        this.roomsChanged();
      });
    this.unloading.set(room.docId, done);
  }

  /**
   * Closes every open connection that `match` selects, with `code`. Used when a
   * person's access changes: their clients reconnect and get the new rights.
   */
  closeConnections(match: (options: ConnectionOptions) => boolean, code: CloseCode): number {
    let closed = 0;
    for (const connection of this.live) {
      if (!match(connection.options)) continue;
      connection.close(code);
      closed += 1;
    }
    return closed;
  }

  /**
   * Closes (4401) every connection whose session or API token has expired by `nowMs`.
   * Called often, so it costs one comparison until the earliest expiry has passed.
   */
  closeExpired(nowMs: number): number {
    if (nowMs < this.earliestExpiry) return 0;
    let closed = 0;
    let earliest = Number.POSITIVE_INFINITY;
    for (const connection of this.live) {
      const { expiresAt } = connection.options;
      if (expiresAt === null || connection.closed) continue;
      if (expiresAt <= nowMs) {
        connection.close(CloseCode.Unauthenticated);
        closed += 1;
      } else if (expiresAt < earliest) {
        earliest = expiresAt;
      }
    }
    this.earliestExpiry = earliest;
    return closed;
  }

  /**
   * Makes a server change to a document, loading it for the purpose if nobody has
   * it open (and unloading it again afterwards). Resolves once durable.
   */
  async change(docId: string, change: (doc: Y.Doc) => void): Promise<void> {
    for (;;) {
      const room = await this.roomFor(docId);
      if (room.status !== 'ready') continue;
      try {
        await room.applyServerChange(change);
      } finally {
        // Also after a failed write, so the failed log is let go of.
        if (room.size === 0) this.unload(room);
      }
      return;
    }
  }

  /** Who has any document of `labId` open now, with the documents they have open. */
  presenceInLab(labId: string): Array<{ userId: string; name: string; docIds: string[] }> {
    const people = new Map<string, { userId: string; name: string; docIds: string[] }>();
    for (const connection of this.live) {
      const { labId: lab, user, docId } = connection.options;
      if (lab !== labId || connection.closed) continue;
      const entry = people.get(user.id) ?? { userId: user.id, name: user.name, docIds: [] };
      if (!entry.docIds.includes(docId)) entry.docIds.push(docId);
      people.set(user.id, entry);
    }
    return [...people.values()].sort((a, b) => a.name.localeCompare(b.name));
  }

  /** Who has documents open now, per lab (presence shared with other processes). */
  presenceByLab(): Map<string, Array<{ userId: string; name: string; docIds: string[] }>> {
    const labs = new Map<string, Array<{ userId: string; name: string; docIds: string[] }>>();
    const labIds = new Set<string>();
    for (const connection of this.live) {
      if (!connection.closed) labIds.add(connection.options.labId);
    }
    for (const labId of labIds) labs.set(labId, this.presenceInLab(labId));
    return labs;
  }

  /** Reads a document, loading it for the purpose if nobody has it open. */
  async read<T>(docId: string, read: (doc: Y.Doc) => T): Promise<T> {
    for (;;) {
      const room = await this.roomFor(docId);
      if (room.status !== 'ready') continue;
      const result = read(room.doc);
      if (room.size === 0) this.unload(room);
      return result;
    }
  }

  /** Calls `listener` whenever a room has been loaded or unloaded; returns the unsubscribe. */
  onRoomsChanged(listener: () => void): () => void {
    this.roomListeners.add(listener);
    return () => this.roomListeners.delete(listener);
  }

  /** Rooms loaded, loading or unloading now. */
  get busyRoomCount(): number {
    return this.rooms.size + this.unloading.size;
  }

  private roomsChanged(): void {
    for (const listener of this.roomListeners) listener();
  }

  /** Refuses new connections, flushes every room and closes its sockets with "server restarting". */
  async shutdown(): Promise<void> {
    this.shuttingDown = true;
    const rooms = await Promise.allSettled(Array.from(this.rooms.values(), (entry) => entry.ready));
    this.rooms.clear();
    await Promise.all(
      rooms.map((result) =>
        result.status === 'fulfilled' ? result.value.unload(CloseCode.ServerRestarting) : undefined,
      ),
    );
    await Promise.all(this.unloading.values());
    for (const connection of this.live) connection.close(CloseCode.ServerRestarting);
    this.live.clear();
    this.socketsByUser.clear();
    this.roomOf.clear();
  }
}
