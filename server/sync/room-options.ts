/** What a room is given, and the states it goes through (`room.ts`). */
import type { ItemKind } from '../../shared/schemas/records';
import type { Logger } from '../logger';
import type { DocStore } from '../store/doc-store';
import type { CompactionPolicy } from './compaction-policy';
import type { DocFanout } from './doc-fanout';
import type { Room } from './room';
import type { SyncMeter } from './sync-meter';
import type { UpdateStructs } from './update-structs';

export type RoomStatus = 'loading' | 'ready' | 'closing' | 'closed';

/** The origin of changes the server makes itself. */
export const SERVER_ORIGIN = Symbol('server');

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
   * the server), the update and what it writes as the update check read it (null for a
   * document without a schema); reading `room.doc` then includes it.
   */
  readonly onUpdated?: (
    room: Room,
    userId: string | null,
    update: Uint8Array,
    written: UpdateStructs | null,
  ) => void;
  /** The kind of item this document is, whose schema clients' updates must keep; null for none. */
  readonly itemKind?: ItemKind | null;
  /** Counts updates received and refused, for `/metrics`. */
  readonly meter?: SyncMeter;
  /** Other processes serving the same document (scale-out with Redis); none by default. */
  readonly fanout?: DocFanout | null;
}
