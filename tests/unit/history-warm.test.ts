/**
 * Listing an item's versions loads their content ahead (`HistoryService.warm`), so
 * the version opened next is shown from memory: the store's content is read once,
 * by the warm-up, not again by the opening.
 */
import { expect, it } from 'vitest';
import * as Y from 'yjs';
import { compare } from '../../server/history/history-queries';
import { HistoryService } from '../../server/history/history-service';
import { createMemoryLogger } from '../../server/logger';
import { createMemoryHistoryStore, type HistoryStore } from '../../server/store/history-store';
import { fieldText, initItemDoc } from '../../shared/documents/item-doc';

it('loads the content when the list is read, not when a version is opened', async () => {
  const doc = new Y.Doc();
  initItemDoc(doc, 'pdsa', 'Cycle');
  fieldText(doc, 'objective').insert(0, 'Test rounding on one bay.');
  const stored = createMemoryHistoryStore();
  let contentReads = 0;
  const store: HistoryStore = {
    ...stored,
    readContent: (docId) => {
      contentReads += 1;
      return stored.readContent(docId);
    },
  };
  const read = async <T>(_docId: string, r: (d: Y.Doc) => T) => r(doc);
  const service = () =>
    new HistoryService({
      store,
      logger: createMemoryLogger(),
      now: () => new Date(),
      read,
      isItem: () => true,
    });
  const writer = service();
  const version = await writer.capture('item', doc, { reason: 'named', name: 'Plan' });
  writer.stop();

  const cold = service();
  cold.stop();
  contentReads = 0;
  cold.warm('item');
  await cold.queue('item', async () => undefined);
  expect(contentReads).toBe(1);
  const shown = await compare(cold, read, 'item', 'pdsa', version?.id ?? '', version?.id ?? '');
  expect(JSON.stringify(shown.diff)).toContain('Test rounding on one bay.');
  expect(contentReads).toBe(1);
});
