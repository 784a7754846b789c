/**
 * The sync wire protocol, named once for client, server and tests.
 *
 * The first four message types are the standard y-websocket ones, so any stock
 * WebsocketProvider can connect. Types from 100 up are our own additions and are
 * only ever sent to clients that opted in with a query parameter.
 */

/** Path prefix of the sync endpoint: `ws://host/sync/<docId>`. */
export const SYNC_PATH_PREFIX = '/sync/';

export const MessageType = {
  /** y-protocols sync (step 1, step 2, update). */
  Sync: 0,
  /** y-protocols awareness update. */
  Awareness: 1,
  /** y-websocket auth message (permission denied); sent by the server only. */
  Auth: 2,
  /** A request for everyone's awareness state. */
  QueryAwareness: 3,
  /**
   * Server → opted-in client: `varUint(count)`, the number of update-carrying
   * messages (sync step 2 and update) this connection has sent that are now on disk.
   */
  Saved: 100,
} as const;
export type MessageType = (typeof MessageType)[keyof typeof MessageType];

/** Sub-types of a `Sync` message, as y-protocols numbers them. */
export const SyncMessageType = {
  Step1: 0,
  Step2: 1,
  Update: 2,
} as const;

/**
 * The editor's check that its sync socket still reaches the server, for losses the
 * browser does not report (its `offline` event covers the rest at once): after
 * `quietMs` with nothing heard, the client sends a sync step 1, which the server
 * answers with a sync step 2 however little it holds; with no message within
 * `answerMs` of it, the socket counts as lost and a new one is opened. One such
 * request per `quietMs` is well inside `SyncLimits.stateRequestsPerSecond`.
 */
export const SyncHeartbeat = {
  quietMs: 4_000,
  answerMs: 3_000,
  /** How often the client looks. */
  checkEveryMs: 500,
} as const;

/**
 * Query parameter a client sets (to `1`) to receive `Saved` acknowledgements.
 * Stock clients never set it and so never see a message type they do not know.
 */
export const SAVED_ACK_PARAM = 'saved';

/**
 * Whether a frame carries document content (sync step 2 or update). Client and
 * server count exactly these frames, so a `Saved` count means the same on both.
 * Both leading varUints are below 128, so each is one byte.
 */
export function isUpdateCarryingFrame(frame: Uint8Array): boolean {
  return (
    frame[0] === MessageType.Sync &&
    (frame[1] === SyncMessageType.Step2 || frame[1] === SyncMessageType.Update)
  );
}
