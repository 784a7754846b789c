/**
 * Fills in the facts of items stored before the registry kept them (or created
 * without passing through a room: an archive import, the demo lab), by reading
 * each such document once, one at a time, when someone first follows its lab.
 * The facts then reach every follower through the feed like any other change;
 * from then on `item-registry-sync.ts` keeps them current.
 */
import type * as Y from 'yjs';
import { hasFacts, readFacts } from '../../shared/documents/item-facts';
import type { ItemRecord } from '../../shared/schemas/records';
import type { Logger } from '../logger';
import type { MetaStore } from '../store/meta-store';

export interface FactsBackfill {
  /** Queues every item of `items` whose facts are missing (each at most once per process). */
  ensure(items: readonly ItemRecord[]): void;
  /** Drops what is queued and waits for the read in progress, if any. */
  stop(): Promise<void>;
}

export function createFactsBackfill(deps: {
  readonly meta: MetaStore;
  /** Reads a document, loading it if nobody has it open (`RoomRegistry.read`). */
  readonly read: <T>(docId: string, read: (doc: Y.Doc) => T) => Promise<T>;
  readonly logger: Logger;
}): FactsBackfill {
  const { meta, read, logger } = deps;
  const queued: string[] = [];
  const seen = new Set<string>();
  let running: Promise<void> | null = null;

  const missing = (id: string) => {
    const item = meta.getItem(id);
    return item && item.facts === undefined ? item : null;
  };

  const fill = async (id: string) => {
    const item = missing(id);
    if (!item) return;
    try {
      const facts = await read(id, (doc) => readFacts(doc, item.kind));
      // Reading may itself have stored newer facts (a migration is a change): keep those.
      if (missing(id)) await meta.updateItem(id, { facts });
    } catch (error) {
      logger.warn('item facts could not be read', { docId: id, error });
    }
  };

  const drain = async () => {
    for (let id = queued.shift(); id !== undefined; id = queued.shift()) await fill(id);
  };

  return {
    ensure(items) {
      for (const item of items) {
        if (item.facts !== undefined || !hasFacts(item.kind) || seen.has(item.id)) continue;
        seen.add(item.id);
        queued.push(item.id);
      }
      if (running === null && queued.length > 0)
        running = drain().finally(() => {
          running = null;
        });
    },
    async stop() {
      queued.length = 0;
      await running;
    },
  };
}
