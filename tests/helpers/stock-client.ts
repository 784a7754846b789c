/**
 * A stock y-websocket client, as any third-party tool would connect: the
 * `WebsocketProvider` from y-websocket 3 over `ws`, with BroadcastChannel off so
 * that clients in one process only meet through the server.
 */
import { WebSocket } from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { SYNC_PATH_PREFIX } from '../../shared/protocol';
import { waitFor } from './wait';

export interface StockClient {
  readonly doc: Y.Doc;
  readonly provider: WebsocketProvider;
  readonly text: Y.Text;
  whenSynced(): Promise<void>;
  destroy(): void;
}

export function syncUrl(httpUrl: string): string {
  return `${httpUrl.replace(/^http/, 'ws')}${SYNC_PATH_PREFIX.replace(/\/$/, '')}`;
}

/** `ws` sending extra headers (a session cookie, as a browser would) on every connect. */
function webSocketWithHeaders(headers: Record<string, string>): unknown {
  return class extends WebSocket {
    constructor(url: string | URL, protocols?: string | string[]) {
      super(url, protocols, { headers });
    }
  };
}

export function connectStockClient(
  httpUrl: string,
  docId: string,
  params: Record<string, string> = {},
  headers: Record<string, string> = {},
): StockClient {
  const doc = new Y.Doc();
  const socketClass = Object.keys(headers).length > 0 ? webSocketWithHeaders(headers) : WebSocket;
  const provider = new WebsocketProvider(syncUrl(httpUrl), docId, doc, {
    // ws implements the browser WebSocket interface the provider uses; its types differ.
    WebSocketPolyfill: socketClass as unknown as typeof globalThis.WebSocket,
    disableBc: true,
    params,
  });
  return {
    doc,
    provider,
    text: doc.getText('text'),
    whenSynced: () =>
      waitFor(
        `client of ${docId} to sync`,
        () => provider.synced,
        (notify) => {
          provider.on('sync', notify);
          return () => provider.off('sync', notify);
        },
      ),
    destroy() {
      provider.destroy();
      doc.destroy();
    },
  };
}

/** Waits until `check` holds, re-checking on every update of `doc`. */
export function waitForDoc(doc: Y.Doc, description: string, check: () => boolean): Promise<void> {
  return waitFor(description, check, (notify) => {
    doc.on('update', notify);
    return () => doc.off('update', notify);
  });
}
