/**
 * Keeps the item registry (title, status, updated at/by) current from the item
 * documents, so lab overviews never need every document open. Title and status
 * are written when they change; "updated at" at most once a minute per item, so
 * typing does not rewrite the metadata file on every keystroke.
 */
import type * as Y from 'yjs';
import { deriveStatus, readTitle } from '../../shared/documents/item-doc';
import type { Logger } from '../logger';
import type { MetaStore } from '../store/meta-store';

const TOUCH_INTERVAL_MS = 60_000;

export function createItemRegistrySync(meta: MetaStore, logger: Logger, now: () => Date) {
  return (docId: string, doc: Y.Doc, userId: string | null): void => {
    const item = meta.getItem(docId);
    if (!item) return;
    const title = readTitle(doc) || item.title;
    const status = deriveStatus(doc, item.kind);
    const at = now();
    const stale = at.getTime() - new Date(item.updatedAt).getTime() > TOUCH_INTERVAL_MS;
    if (title === item.title && status === item.status && !stale) return;
    meta
      .updateItem(docId, {
        title,
        status,
        updatedAt: at.toISOString(),
        ...(userId ? { updatedBy: userId } : {}),
      })
      .catch((error: unknown) => logger.error('item registry not updated', { docId, error }));
  };
}
