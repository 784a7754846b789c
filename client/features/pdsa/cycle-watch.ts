/**
 * Reads another PDSA cycle's fields (label, follows, change idea, dates, scale,
 * decision) live, through a read-only y-websocket connection of its own: the
 * registry keeps only titles and status, and a ramp needs the rest. The reader
 * publishes no awareness (nobody sees it in "who is here"), keeps no local copy
 * and never changes the document.
 */
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { isPermanentCloseCode } from '../../../shared/close-codes';
import { type FieldValue, readFields } from '../../../shared/documents/item-doc';
import { SYNC_PATH_PREFIX } from '../../../shared/protocol';

export type CycleSnapshot =
  | { readonly state: 'loading' }
  | { readonly state: 'ready'; readonly fields: Readonly<Record<string, FieldValue>> }
  /** Refused for good (no longer allowed, or gone). */
  | { readonly state: 'unavailable' };

/** The sync endpoint of the site this page came from. */
export function syncEndpoint(location: Pick<Location, 'protocol' | 'host'>): string {
  const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
  return `${scheme}//${location.host}${SYNC_PATH_PREFIX.replace(/\/$/, '')}`;
}

/** Opens `itemId` read-only and reports its fields on every change; returns the closer. */
export function watchCycle(
  serverUrl: string,
  itemId: string,
  onSnapshot: (snapshot: CycleSnapshot) => void,
): () => void {
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(serverUrl, itemId, doc, {
    connect: false,
    // Only the server's copy counts; another tab's unsaved state is not the cycle's.
    disableBc: true,
  });
  // Null before connecting: y-websocket then sends no awareness state at all.
  provider.awareness.setLocalState(null);
  const report = () => {
    if (provider.synced) onSnapshot({ state: 'ready', fields: readFields(doc, 'pdsa') });
  };
  doc.on('update', report);
  provider.on('sync', report);
  provider.on('connection-close', (event) => {
    if (event && isPermanentCloseCode(event.code)) {
      provider.disconnect();
      onSnapshot({ state: 'unavailable' });
    }
  });
  provider.connect();
  return () => {
    provider.destroy();
    doc.destroy();
  };
}
