/**
 * A stock y-websocket client that asks for "Saved" acknowledgements, as the app's
 * own client does (`client/features/sync/collab-session.ts`): `?saved=1`, a handler
 * for the `Saved` message on the provider's public `messageHandlers`, and a socket
 * that counts the update-carrying frames it sends. An edit is acknowledged once the
 * server's count reaches the frame that carried it.
 */
import * as decoding from 'lib0/decoding';
import { WebSocket } from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { isUpdateCarryingFrame, MessageType, SAVED_ACK_PARAM } from '../../shared/protocol';
import { syncUrl } from './stock-client';
import { waitFor } from './wait';

export interface SavingClient {
  readonly doc: Y.Doc;
  readonly text: Y.Text;
  readonly provider: WebsocketProvider;
  /** Update-carrying frames sent on the current socket. */
  sent(): number;
  /** The server's latest `Saved` count on the current socket. */
  saved(): number;
  /** Sockets opened so far (a new one starts both counts again). */
  sockets(): number;
  whenSynced(): Promise<void>;
  waitForSaved(count: number): Promise<void>;
  destroy(): void;
}

export function connectSavingClient(
  httpUrl: string,
  docId: string,
  params: Record<string, string>,
): SavingClient {
  let sent = 0;
  let saved = 0;
  let sockets = 0;
  const savedListeners = new Set<() => void>();
  class CountingWebSocket extends WebSocket {
    constructor(url: string | URL, protocols?: string | string[]) {
      super(url, protocols);
      sockets += 1;
      sent = 0;
      saved = 0;
    }
    override send(data: Parameters<WebSocket['send']>[0], ...rest: unknown[]): void {
      if (data instanceof Uint8Array && isUpdateCarryingFrame(data)) sent += 1;
      // ws's own overloads; the provider calls send(data) only.
      (super.send as (data: unknown, ...rest: unknown[]) => void)(data, ...rest);
    }
  }
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(syncUrl(httpUrl), docId, doc, {
    // ws implements the browser WebSocket interface the provider uses; its types differ.
    WebSocketPolyfill: CountingWebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
    params: { ...params, [SAVED_ACK_PARAM]: '1' },
  });
  provider.messageHandlers[MessageType.Saved] = (_encoder, decoder) => {
    saved = Math.max(saved, decoding.readVarUint(decoder));
    for (const listener of savedListeners) listener();
  };
  return {
    doc,
    text: doc.getText('text'),
    provider,
    sent: () => sent,
    saved: () => saved,
    sockets: () => sockets,
    whenSynced: () =>
      waitFor(
        `client of ${docId} to sync`,
        () => provider.synced,
        (notify) => {
          provider.on('sync', notify);
          return () => provider.off('sync', notify);
        },
      ),
    waitForSaved: (count) =>
      waitFor(
        `Saved count ${count}`,
        () => saved >= count,
        (notify) => {
          savedListeners.add(notify);
          return () => savedListeners.delete(notify);
        },
      ),
    destroy() {
      provider.destroy();
      doc.destroy();
    },
  };
}
