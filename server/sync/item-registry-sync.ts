/**
 * Keeps the item registry (title, status, the facts lists show, updated at/by)
 * current from the item documents, so lists and boards never need every document open. Told of every
 * stored update, it reads a document at most once per `CHECK_INTERVAL_MS`: the
 * first update after a quiet spell is read at once, the rest of a burst of typing
 * once at its end. It goes to the MetaStore only when the title, status or facts
 * changed, or at most once a minute to touch "updated at".
 */
import type * as Y from 'yjs';
import { deriveStatus, readTitle } from '../../shared/documents/item-doc';
import { readFacts, sameFacts } from '../../shared/documents/item-facts';
import type { ItemFacts, ItemKind } from '../../shared/schemas/records';
import type { Logger } from '../logger';
import type { MetaStore } from '../store/meta-store';

const TOUCH_INTERVAL_MS = 60_000;
/** Long enough that a typist's keystrokes share one read, short for someone watching a list. */
export const CHECK_INTERVAL_MS = 250;

/**
 * A loaded document, read through `doc` only when the registry needs it: a room applies
 * the updates it has queued when its document is read, so holding the Y.Doc itself
 * would miss them.
 */
export interface LoadedDoc {
  readonly doc: Y.Doc;
}

interface Known {
  readonly docId: string;
  readonly source: LoadedDoc;
  readonly kind: ItemKind | null;
  title: string;
  status: string;
  facts: ItemFacts | undefined;
  touchedAt: number;
  checkedAt: number;
  /** The author of the latest update not yet read, while a read is scheduled. */
  pendingAuthor: string | null | undefined;
  timer: ReturnType<typeof setTimeout> | null;
}

export interface ItemRegistrySync {
  /** Called after every stored update, with its author (null for the server). */
  readonly onUpdated: (docId: string, source: LoadedDoc, userId: string | null) => void;
  /** Reads every document with a read scheduled now, and waits for the registry writes. */
  flush(): Promise<void>;
}

export function createItemRegistrySync(
  meta: MetaStore,
  logger: Logger,
  now: () => Date,
): ItemRegistrySync {
  // Keyed by the loaded document (the room): forgotten when it unloads and is collected.
  const known = new WeakMap<LoadedDoc, Known>();
  const scheduled = new Set<Known>();
  const writes = new Set<Promise<void>>();

  const remember = (docId: string, source: LoadedDoc): Known => {
    const item = meta.getItem(docId);
    const entry: Known = {
      docId,
      source,
      kind: item?.kind ?? null,
      title: item?.title ?? '',
      status: item?.status ?? '',
      facts: item?.facts,
      touchedAt: item ? Date.parse(item.updatedAt) : 0,
      checkedAt: Number.NEGATIVE_INFINITY,
      pendingAuthor: undefined,
      timer: null,
    };
    known.set(source, entry);
    return entry;
  };

  const check = (entry: Known, userId: string | null, at: number): void => {
    entry.checkedAt = at;
    const kind = entry.kind;
    if (kind === null) return;
    const { doc } = entry.source;
    const title = readTitle(doc) || entry.title;
    const status = deriveStatus(doc, kind);
    const facts = readFacts(doc, kind);
    if (
      title === entry.title &&
      status === entry.status &&
      sameFacts(facts, entry.facts) &&
      at - entry.touchedAt <= TOUCH_INTERVAL_MS
    )
      return;
    Object.assign(entry, { title, status, facts, touchedAt: at });
    const write = meta
      .updateItem(entry.docId, {
        title,
        status,
        facts,
        updatedAt: new Date(at).toISOString(),
        ...(userId ? { updatedBy: userId } : {}),
      })
      .then(
        () => undefined,
        (error: unknown) =>
          logger.error('item registry not updated', { docId: entry.docId, error }),
      )
      .finally(() => writes.delete(write));
    writes.add(write);
  };

  const runScheduled = (entry: Known): void => {
    if (entry.timer !== null) clearTimeout(entry.timer);
    entry.timer = null;
    scheduled.delete(entry);
    const author = entry.pendingAuthor;
    entry.pendingAuthor = undefined;
    if (author !== undefined) check(entry, author, now().getTime());
  };

  return {
    onUpdated(docId, source, userId) {
      const entry = known.get(source) ?? remember(docId, source);
      if (entry.kind === null) return; // not an item document (e.g. comments)
      if (entry.timer !== null) {
        entry.pendingAuthor = userId;
        return;
      }
      const at = now().getTime();
      const wait = entry.checkedAt + CHECK_INTERVAL_MS - at;
      if (wait <= 0) {
        check(entry, userId, at);
        return;
      }
      entry.pendingAuthor = userId;
      entry.timer = setTimeout(() => runScheduled(entry), wait);
      scheduled.add(entry);
    },
    async flush() {
      for (const entry of [...scheduled]) runScheduled(entry);
      await Promise.all(writes);
    },
  };
}
