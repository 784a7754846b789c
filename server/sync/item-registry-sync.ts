/**
 * Keeps the item registry (title, status, updated at/by) current from the item
 * documents, so lab overviews never need every document open. It runs after every
 * applied update, so it remembers per document what it last wrote and only goes to
 * the MetaStore when the title or status changed, or at most once a minute to
 * touch "updated at".
 */
import type * as Y from 'yjs';
import { deriveStatus, readTitle } from '../../shared/documents/item-doc';
import type { ItemKind } from '../../shared/schemas/records';
import type { Logger } from '../logger';
import type { MetaStore } from '../store/meta-store';

const TOUCH_INTERVAL_MS = 60_000;

interface Known {
  readonly kind: ItemKind | null;
  title: string;
  status: string;
  touchedAt: number;
}

export function createItemRegistrySync(meta: MetaStore, logger: Logger, now: () => Date) {
  // Keyed by the loaded Y.Doc: forgotten when the room unloads and the doc is collected.
  const known = new WeakMap<Y.Doc, Known>();
  const remember = (docId: string, doc: Y.Doc): Known => {
    const item = meta.getItem(docId);
    const entry: Known = item
      ? {
          kind: item.kind,
          title: item.title,
          status: item.status,
          touchedAt: Date.parse(item.updatedAt),
        }
      : { kind: null, title: '', status: '', touchedAt: 0 };
    known.set(doc, entry);
    return entry;
  };
  return (docId: string, doc: Y.Doc, userId: string | null): void => {
    const entry = known.get(doc) ?? remember(docId, doc);
    if (entry.kind === null) return; // not an item document (e.g. comments)
    const title = readTitle(doc) || entry.title;
    const status = deriveStatus(doc, entry.kind);
    const at = now();
    if (
      title === entry.title &&
      status === entry.status &&
      at.getTime() - entry.touchedAt <= TOUCH_INTERVAL_MS
    )
      return;
    Object.assign(entry, { title, status, touchedAt: at.getTime() });
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
