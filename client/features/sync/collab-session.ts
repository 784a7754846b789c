/**
 * One open document in the browser: the Y.Doc, its IndexedDB copy (edits survive
 * reloads and offline periods) and its WebSocket provider, opted in to `Saved`
 * acknowledgements. The provider is stock y-websocket; our additions are a
 * message handler for `Saved`, a WebSocket subclass that counts sent frames, and
 * a watch on the network (`connection-watch.ts`). Once the server refuses the
 * socket for good (a 44xx code, such as 4401 when the session ended) it stays
 * closed; edits made meanwhile are kept in IndexedDB and reach the server the
 * next time the item is opened with a session.
 *
 * A session may be opened before the person and their rights are known (an item
 * page opened from its address connects while the session is still asked for):
 * it then keeps no copy on the device until told whose it is (`keepLocalCopy`),
 * and is told if the person may only read after all (`onlyReads`).
 */
import * as decoding from 'lib0/decoding';
import { IndexeddbPersistence } from 'y-indexeddb';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { CloseCode, isPermanentCloseCode } from '../../../shared/close-codes';
import { MessageType, SAVED_ACK_PARAM } from '../../../shared/protocol';
import { watchConnection } from './connection-watch';
import { SaveTracker } from './save-tracker';

export type ConnectionState = 'connecting' | 'connected' | 'disconnected' | 'refused';

export interface CollabSession {
  readonly doc: Y.Doc;
  readonly provider: WebsocketProvider;
  readonly saves: SaveTracker;
  /** Resolves once this device's copy is read into the document (after `keepLocalCopy`, if opened without one). */
  readonly whenLocalLoaded: Promise<void>;
  connectionState(): ConnectionState;
  /** The close code that refused the connection, once it is `refused`. */
  refusedWith(): number | null;
  onConnectionState(listener: (state: ConnectionState) => void): () => void;
  /** Every close of the socket, with its code (`shared/close-codes.ts`). */
  onClose(listener: (code: number) => void): () => void;
  /**
   * The session ended (learnt elsewhere: an API call, the lab feed): stop syncing, as
   * after a 4401. Edits go on into this device's copy and sync when the item is
   * opened again signed in.
   */
  signedOut(): void;
  /**
   * Keeps this device's copy under `name` from now on, for a session opened before
   * the person was known: what it holds (edits made offline) is merged in and sent.
   */
  keepLocalCopy(name: string): void;
  /** The person may only read after all, for a session opened before their rights were known. */
  onlyReads(): void;
  destroy(): void;
}

export interface CollabSessionOptions {
  /**
   * Name of this device's copy (IndexedDB): one per person and document; null while
   * the person is not known yet (`keepLocalCopy` names it later).
   */
  readonly localName: string | null;
  /**
   * A reader sends no content, so it neither asks for `Saved` acknowledgements
   * nor counts frames (the sync handshake alone would otherwise read as unsaved).
   */
  readonly readOnly: boolean;
}

function countingWebSocket(saves: SaveTracker): typeof WebSocket {
  return class CountingWebSocket extends WebSocket {
    constructor(url: string | URL, protocols?: string | string[]) {
      super(url, protocols);
      saves.socketCreated();
    }

    override send(data: string | ArrayBufferLike | Blob | ArrayBufferView<ArrayBuffer>): void {
      super.send(data as Parameters<WebSocket['send']>[0]);
      if (data instanceof Uint8Array) saves.frameSent(data);
    }
  };
}

export { syncServerUrl } from '../../lib/background-doc';

/** The local copy's name: people sharing a browser never share unsynced edits. */
export function localCopyName(userId: string, docId: string): string {
  return `improvement-lab:${userId}:${docId}`;
}

export function openCollabSession(
  docId: string,
  serverUrl: string,
  options: CollabSessionOptions,
): CollabSession {
  const doc = new Y.Doc();
  const saves = new SaveTracker();
  let local: IndexeddbPersistence | null = null;
  let copyNamed: (copy: IndexeddbPersistence) => void = () => undefined;
  const whenLocalLoaded = new Promise<IndexeddbPersistence>((resolve) => {
    copyNamed = resolve;
  }).then((copy) => copy.whenSynced.then(() => undefined));
  const keepLocalCopy = (name: string) => {
    if (local) return;
    local = new IndexeddbPersistence(name, doc);
    copyNamed(local);
  };
  if (options.localName !== null) keepLocalCopy(options.localName);
  const provider = new WebsocketProvider(serverUrl, docId, doc, {
    ...(options.readOnly
      ? {}
      : { params: { [SAVED_ACK_PARAM]: '1' }, WebSocketPolyfill: countingWebSocket(saves) }),
  });
  provider.messageHandlers[MessageType.Saved] = (_encoder, decoder) => {
    saves.savedAcknowledged(decoding.readVarUint(decoder));
  };
  let state: ConnectionState = 'connecting';
  let refusedCode: number | null = null;
  const listeners = new Set<(next: ConnectionState) => void>();
  const closeListeners = new Set<(code: number) => void>();
  const setState = (next: ConnectionState) => {
    state = next;
    for (const listener of listeners) listener(next);
  };
  provider.on('status', ({ status }) => {
    saves.connectionChanged(status === 'connected');
    if (state !== 'refused') setState(status);
  });
  provider.on('sync', (synced: boolean) => saves.syncedChanged(synced));
  const refuse = (code: number) => {
    provider.disconnect();
    refusedCode = code;
    setState('refused');
  };
  provider.on('connection-close', (event) => {
    if (!event) return;
    if (isPermanentCloseCode(event.code)) refuse(event.code);
    // The page acts on why the server closed (access changed, signed out); a copy
    // of the set, since a listener may unsubscribe while the page re-renders.
    for (const listener of [...closeListeners]) listener(event.code);
  });
  doc.on('update', (_update: Uint8Array, origin: unknown) => {
    if (origin !== provider && origin !== local) saves.localChange();
  });
  const stopWatching = watchConnection(provider, () => state !== 'refused');
  return {
    doc,
    provider,
    saves,
    whenLocalLoaded,
    connectionState: () => state,
    refusedWith: () => refusedCode,
    onConnectionState(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    onClose(listener) {
      closeListeners.add(listener);
      return () => closeListeners.delete(listener);
    },
    signedOut() {
      if (state !== 'refused') refuse(CloseCode.Unauthenticated);
    },
    keepLocalCopy,
    onlyReads() {
      saves.stopCounting();
    },
    destroy() {
      stopWatching();
      provider.destroy();
      void local?.destroy();
      doc.destroy();
    },
  };
}
