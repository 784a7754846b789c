/**
 * One open document in the browser: the Y.Doc, its IndexedDB copy (edits survive
 * reloads and offline periods) and its WebSocket provider, opted in to `Saved`
 * acknowledgements. The provider is stock y-websocket; our additions are a
 * message handler for `Saved` and a WebSocket subclass that counts sent frames.
 */
import * as decoding from 'lib0/decoding';
import { IndexeddbPersistence } from 'y-indexeddb';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { isPermanentCloseCode } from '../../../shared/close-codes';
import { MessageType, SAVED_ACK_PARAM, SYNC_PATH_PREFIX } from '../../../shared/protocol';
import { SaveTracker } from './save-tracker';

export type ConnectionState = 'connecting' | 'connected' | 'disconnected' | 'refused';

export interface CollabSession {
  readonly doc: Y.Doc;
  readonly provider: WebsocketProvider;
  readonly saves: SaveTracker;
  readonly whenLocalLoaded: Promise<void>;
  connectionState(): ConnectionState;
  onConnectionState(listener: (state: ConnectionState) => void): () => void;
  destroy(): void;
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

export function syncServerUrl(location: Location): string {
  const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
  return `${scheme}//${location.host}${SYNC_PATH_PREFIX.replace(/\/$/, '')}`;
}

export function openCollabSession(docId: string, serverUrl: string): CollabSession {
  const doc = new Y.Doc();
  const saves = new SaveTracker();
  const local = new IndexeddbPersistence(`improvement-lab:${docId}`, doc);
  const provider = new WebsocketProvider(serverUrl, docId, doc, {
    params: { [SAVED_ACK_PARAM]: '1' },
    WebSocketPolyfill: countingWebSocket(saves),
  });
  provider.messageHandlers[MessageType.Saved] = (_encoder, decoder) => {
    saves.savedAcknowledged(decoding.readVarUint(decoder));
  };
  let state: ConnectionState = 'connecting';
  const listeners = new Set<(next: ConnectionState) => void>();
  const setState = (next: ConnectionState) => {
    state = next;
    for (const listener of listeners) listener(next);
  };
  provider.on('status', ({ status }) => {
    saves.connectionChanged(status === 'connected');
    if (state !== 'refused') setState(status);
  });
  provider.on('sync', (synced: boolean) => saves.syncedChanged(synced));
  provider.on('connection-close', (event) => {
    if (event && isPermanentCloseCode(event.code)) {
      provider.disconnect();
      setState('refused');
    }
  });
  doc.on('update', (_update: Uint8Array, origin: unknown) => {
    if (origin !== provider && origin !== local) saves.localChange();
  });
  return {
    doc,
    provider,
    saves,
    whenLocalLoaded: local.whenSynced.then(() => undefined),
    connectionState: () => state,
    onConnectionState(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    destroy() {
      provider.destroy();
      void local.destroy();
      doc.destroy();
    },
  };
}
