/**
 * Keeps an item's sync socket honest about the network. The browser's `offline`
 * event closes it at once (Chromium may keep a socket open while offline, which
 * would go on saying "Saved"), and `online` opens a new one at once rather than
 * after y-websocket's back-off. For losses the browser does not report, a
 * heartbeat (`SyncHeartbeat`): a quiet socket is sent a sync step 1, and one that
 * does not answer in time is replaced. Only y-websocket's public API is used:
 * `ws`, `wsconnected`, `wsLastMessageReceived`, `connect` and `disconnect`.
 */
import * as encoding from 'lib0/encoding';
import type { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { MessageType, SyncHeartbeat, SyncMessageType } from '../../../shared/protocol';

function syncStep1(doc: Y.Doc): Uint8Array<ArrayBuffer> {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.Sync);
  encoding.writeVarUint(encoder, SyncMessageType.Step1);
  encoding.writeVarUint8Array(encoder, Y.encodeStateVector(doc));
  // lib0 fills an ArrayBuffer it made; its type says only `ArrayBufferLike`.
  return encoding.toUint8Array(encoder) as Uint8Array<ArrayBuffer>;
}

/**
 * Watches until the returned function is called. `mayConnect` says whether the
 * socket should be open at all (not once the server refused it for good).
 */
export function watchConnection(
  provider: WebsocketProvider,
  mayConnect: () => boolean,
): () => void {
  let probeSentAt: number | null = null;
  let offline = false;

  const reopen = () => {
    if (!mayConnect()) return;
    probeSentAt = null;
    provider.connect();
  };
  const wentOffline = () => {
    if (!mayConnect()) return;
    offline = true;
    probeSentAt = null;
    provider.disconnect();
  };
  const cameOnline = () => {
    offline = false;
    reopen();
  };

  const check = () => {
    // An `online` event missed (or never sent) must not leave the page offline.
    if (offline && navigator.onLine) cameOnline();
    const ws = provider.ws;
    if (!provider.wsconnected || ws === null || ws.readyState !== WebSocket.OPEN) {
      probeSentAt = null;
      return;
    }
    const now = Date.now();
    if (probeSentAt !== null) {
      if (provider.wsLastMessageReceived >= probeSentAt) probeSentAt = null;
      else if (now - probeSentAt >= SyncHeartbeat.answerMs) {
        // No answer: the socket is gone though the browser has not said so.
        provider.disconnect();
        reopen();
        return;
      } else return;
    }
    if (now - provider.wsLastMessageReceived >= SyncHeartbeat.quietMs) {
      probeSentAt = now;
      ws.send(syncStep1(provider.doc));
    }
  };

  window.addEventListener('offline', wentOffline);
  window.addEventListener('online', cameOnline);
  const timer = setInterval(check, SyncHeartbeat.checkEveryMs);
  if (!navigator.onLine) wentOffline();
  return () => {
    window.removeEventListener('offline', wentOffline);
    window.removeEventListener('online', cameOnline);
    clearInterval(timer);
  };
}
