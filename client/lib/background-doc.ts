/**
 * Documents opened in the background of a page (another item's fields, a lab's
 * ideas, an item's comments): the server's copy only (no BroadcastChannel, no
 * copy kept on the device), no presence published (a glance is not a visit), and
 * no retrying once the server has refused for good.
 */
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { isPermanentCloseCode } from '../../shared/close-codes';
import { SYNC_PATH_PREFIX } from '../../shared/protocol';

/** The sync endpoint of the site this page came from. */
export function syncServerUrl(location: Pick<Location, 'protocol' | 'host'>): string {
  const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
  return `${scheme}//${location.host}${SYNC_PATH_PREFIX.replace(/\/$/, '')}`;
}

export interface BackgroundDoc {
  readonly doc: Y.Doc;
  readonly provider: WebsocketProvider;
  destroy(): void;
}

export function openBackgroundDoc(
  serverUrl: string,
  docId: string,
  handlers: { onSynced?: () => void; onRefused?: () => void } = {},
): BackgroundDoc {
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(serverUrl, docId, doc, {
    connect: false,
    disableBc: true,
  });
  // Null before connecting: y-websocket then sends no awareness state at all.
  provider.awareness.setLocalState(null);
  provider.on('sync', (synced: boolean) => {
    if (synced) handlers.onSynced?.();
  });
  provider.on('connection-close', (event) => {
    if (event && isPermanentCloseCode(event.code)) {
      provider.disconnect();
      handlers.onRefused?.();
    }
  });
  provider.connect();
  return {
    doc,
    provider,
    destroy() {
      provider.destroy();
      doc.destroy();
    },
  };
}
