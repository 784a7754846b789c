/**
 * Reads another PDSA cycle's fields (label, follows, change idea, dates, scale,
 * decision) live, through a read-only y-websocket connection of its own: the
 * registry keeps only titles and status, and a ramp needs the rest. The reader
 * publishes no awareness (nobody sees it in "who is here"), keeps no local copy
 * and never changes the document.
 */
import { type FieldValue, readFields } from '../../../shared/documents/item-doc';
import { openBackgroundDoc } from '../../lib/background-doc';

export type CycleSnapshot =
  | { readonly state: 'loading' }
  | { readonly state: 'ready'; readonly fields: Readonly<Record<string, FieldValue>> }
  /** Refused for good (no longer allowed, or gone). */
  | { readonly state: 'unavailable' };

/** Opens `itemId` read-only and reports its fields on every change; returns the closer. */
export function watchCycle(
  serverUrl: string,
  itemId: string,
  onSnapshot: (snapshot: CycleSnapshot) => void,
): () => void {
  const opened = openBackgroundDoc(serverUrl, itemId, {
    onSynced: () => report(),
    onRefused: () => onSnapshot({ state: 'unavailable' }),
  });
  const report = () => {
    if (opened.provider.synced)
      onSnapshot({ state: 'ready', fields: readFields(opened.doc, 'pdsa') });
  };
  opened.doc.on('update', report);
  return () => opened.destroy();
}
