/**
 * A room's side of scale-out: what other processes serving the same document send it
 * (`doc-fanout.ts`). Updates they committed are taken as the room's own are (checked
 * again, fitted, passed on) but never stored again; one that does not fit means
 * something was missed, and the stored document is read instead. Kept apart from
 * `room.ts`, which owns the order of durability for this process's connections.
 */
import * as Y from 'yjs';
import type { Logger } from '../logger';
import type { DocStore } from '../store/doc-store';
import { applyEachStored } from '../store/stored-update';
import type { DocFanout } from './doc-fanout';
import { isEmptyUpdate } from './message-codec';

/** What the room lends its remote side. */
export interface RemoteRoom {
  readonly docId: string;
  readonly store: DocStore;
  readonly log: Logger;
  /** 'loading' until the stored document has been read; 'ready' while it serves. */
  phase(): 'loading' | 'ready' | 'gone';
  /** The document with every stored update applied. */
  doc(): Y.Doc;
  /** Takes an update another process committed: checked, fitted and passed on. */
  takeRemote(update: Uint8Array): 'taken' | 'misfit' | 'malformed';
  /** Passes on what the stored document had that the room lacked (already applied). */
  caughtUp(missed: Uint8Array): void;
  /** Presence from another process's connections. */
  presence(update: Uint8Array, reviewers: ReadonlyMap<number, string>): void;
}

export class RoomRemote {
  /** Stops delivery from other processes; set while joined. */
  private leaveFanout: (() => void) | null = null;
  /** Updates from other processes that arrived while loading, taken once loaded. */
  private early: Uint8Array[] = [];
  /** A read of the stored document to catch up with other processes, while one runs. */
  private resyncing: Promise<void> | null = null;
  private resyncAgain = false;

  constructor(
    private readonly room: RemoteRoom,
    private readonly fanout: DocFanout | null,
  ) {}

  /**
   * Joins the other processes before the room reads the store, so nothing committed
   * elsewhere after the read is missed; resolves once their messages are delivered.
   */
  async join(): Promise<void> {
    const { fanout, room } = this;
    if (!fanout) return;
    const joined = fanout.join(room.docId, {
      update: (update) => this.receive(update),
      awareness: (update, reviewers) => {
        if (room.phase() !== 'ready') return;
        try {
          room.presence(update, reviewers);
        } catch (error) {
          room.log.error('presence from another process is malformed; ignored', { error });
        }
      },
      resync: () => this.resyncFromStore(),
    });
    this.leaveFanout = () => joined.leave();
    await joined.ready;
  }

  /** Takes what arrived while the room was loading. */
  loaded(): void {
    for (const update of this.early.splice(0)) this.receive(update);
  }

  leave(): void {
    this.leaveFanout?.();
    this.leaveFanout = null;
  }

  private receive(update: Uint8Array): void {
    const { room } = this;
    const phase = room.phase();
    if (phase === 'loading') {
      this.early.push(update);
      return;
    }
    if (phase !== 'ready') return;
    const taken = room.takeRemote(update);
    if (taken === 'malformed')
      room.log.error('an update from another process is malformed; ignored');
    else if (taken === 'misfit') this.resyncFromStore();
  }

  /**
   * Applies whatever the stored document has that this room lacks and passes it on:
   * after a gap in what other processes sent, or when their messages may have been
   * lost. Calls while one runs share the next.
   */
  private resyncFromStore(): void {
    const { room } = this;
    if (room.phase() === 'loading') return; // the load reads everything anyway
    if (this.resyncing) {
      this.resyncAgain = true;
      return;
    }
    this.resyncing = (async () => {
      do {
        this.resyncAgain = false;
        const stored = await room.store.load(room.docId);
        if (room.phase() !== 'ready') return;
        const doc = room.doc();
        const before = Y.encodeStateVector(doc);
        applyEachStored(doc, stored, (index, error) =>
          room.log.error('stored update could not be applied; skipped', { index, error }),
        );
        const missed = Y.encodeStateAsUpdate(doc, before);
        if (!isEmptyUpdate(missed)) room.caughtUp(missed);
      } while (this.resyncAgain);
    })()
      .catch((error: unknown) => {
        room.log.error('could not read the document to catch up with other processes', { error });
      })
      .finally(() => {
        this.resyncing = null;
      });
  }
}
