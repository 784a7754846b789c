/**
 * A stock y-websocket client, as any third-party tool would connect: the
 * `WebsocketProvider` from y-websocket over `ws`, with BroadcastChannel off so that
 * clients in this one process only meet through the server under test.
 */
import { WebSocket } from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { once, waitFor } from './wait';
import type { DocAccess } from './workspace-access';

/** Name of the shared text in every benchmark document. */
export const TEXT_NAME = 'text';
const SYNC_TIMEOUT_MS = 20_000;
const CLOSE_TIMEOUT_MS = 10_000;

export interface StockClient {
  readonly doc: Y.Doc;
  readonly provider: WebsocketProvider;
  readonly text: Y.Text;
  whenSynced(): Promise<void>;
  /** Waits, re-checking on every update of the document, until `check` holds. */
  whenDoc(description: string, check: () => boolean, timeoutMs: number): Promise<void>;
  /** Destroys provider and document and resolves once the socket has closed. */
  destroy(): Promise<void>;
}

export function connectStockClient(syncBase: string, access: DocAccess): StockClient {
  const { docId } = access;
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(syncBase, docId, doc, {
    // ws implements the browser WebSocket interface the provider uses; its types differ.
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
    params: { ...access.params },
  });
  return {
    doc,
    provider,
    text: doc.getText(TEXT_NAME),
    whenSynced: () =>
      waitFor(
        `a client of ${docId} to sync`,
        () => provider.synced,
        (notify) => {
          provider.on('sync', notify);
          return () => provider.off('sync', notify);
        },
        SYNC_TIMEOUT_MS,
      ),
    whenDoc: (description, check, timeoutMs) =>
      waitFor(
        description,
        check,
        (notify) => {
          doc.on('update', notify);
          return () => doc.off('update', notify);
        },
        timeoutMs,
      ),
    destroy: () => destroyClient(provider, doc),
  };
}

async function destroyClient(provider: WebsocketProvider, doc: Y.Doc): Promise<void> {
  const socket = provider.ws;
  const closed =
    socket === null || socket.readyState === socket.CLOSED
      ? Promise.resolve()
      : once<void>(
          'a client socket to close',
          (resolve) => {
            const onClose = () => resolve();
            socket.addEventListener('close', onClose);
            return () => socket.removeEventListener('close', onClose);
          },
          CLOSE_TIMEOUT_MS,
        );
  provider.destroy();
  doc.destroy();
  await closed;
}
