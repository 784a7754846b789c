import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { createMemoryLogger } from '../../server/logger';
import { createMemoryMetaStore } from '../../server/store/memory-meta-store';
import type { MetaStore } from '../../server/store/meta-store';
import {
  CHECK_INTERVAL_MS,
  createItemRegistrySync,
  type ItemRegistrySync,
  type LoadedDoc,
} from '../../server/sync/item-registry-sync';
import { fieldText, initItemDoc, setFieldValue, setTitle } from '../../shared/documents/item-doc';
import { aLab, aMembership, anItem, aUser } from '../contract/meta-store-fixtures';

describe('item registry sync', () => {
  let meta: MetaStore;
  let sync: ItemRegistrySync;
  let itemId: string;
  let doc: Y.Doc;
  /** Stands in for a room: counts how often the registry reads the document. */
  let source: LoadedDoc;
  let reads: number;

  beforeEach(async () => {
    vi.useFakeTimers({ now: new Date('2030-06-01T12:00:00.000Z') });
    meta = createMemoryMetaStore();
    const user = await meta.createUser(aUser());
    const lab = aLab(user.id);
    await meta.createLab(lab, aMembership(lab.id, user.id));
    itemId = (await meta.createItem(anItem(lab.id, { kind: 'idea', title: 'Old' }))).id;
    sync = createItemRegistrySync(meta, createMemoryLogger(), () => new Date());
    doc = new Y.Doc();
    initItemDoc(doc, 'idea', 'Old');
    reads = 0;
    source = {
      get doc() {
        reads += 1;
        return doc;
      },
    };
  });

  afterEach(() => {
    vi.useRealTimers();
  });

  const registered = () => meta.getItem(itemId);
  /** Lets the memory store's writes (one microtask each) finish without running timers. */
  const settle = async () => {
    for (let i = 0; i < 5; i++) await Promise.resolve();
  };

  it('reads the first update at once and the rest of a burst once, at its end, with its last author', async () => {
    setTitle(doc, 'Call bells within reach');
    sync.onUpdated(itemId, source, 'alice');
    await settle();
    expect(registered()).toMatchObject({ title: 'Call bells within reach', updatedBy: 'alice' });
    expect(reads).toBe(1);

    vi.advanceTimersByTime(10);
    setTitle(doc, 'Call bells within reach at handover');
    sync.onUpdated(itemId, source, 'bob');
    setFieldValue(doc, 'idea', 'status', 'testing');
    sync.onUpdated(itemId, source, 'carol');
    await settle();
    expect(registered()).toMatchObject({ title: 'Call bells within reach', updatedBy: 'alice' });
    // A room applies its queued updates when read: nothing reads it during the burst.
    expect(reads).toBe(1);

    vi.advanceTimersByTime(CHECK_INTERVAL_MS);
    await settle();
    expect(registered()).toMatchObject({
      title: 'Call bells within reach at handover',
      status: 'testing',
      updatedBy: 'carol',
    });
    expect(reads).toBe(2);
  });

  it('keeps the facts lists show, and writes when only a fact changed', async () => {
    setFieldValue(doc, 'idea', 'impact', 'high');
    sync.onUpdated(itemId, source, 'alice');
    await settle();
    expect(registered()?.facts).toEqual({
      source: null,
      impact: 'high',
      effort: null,
      owner: '',
    });

    vi.advanceTimersByTime(CHECK_INTERVAL_MS);
    fieldText(doc, 'owner').insert(0, 'Night sister');
    setFieldValue(doc, 'idea', 'effort', 'easy');
    sync.onUpdated(itemId, source, 'bob');
    await settle();
    expect(registered()).toMatchObject({
      title: 'Old',
      facts: { impact: 'high', effort: 'easy', owner: 'Night sister' },
      updatedBy: 'bob',
    });
  });

  it('flush reads what is scheduled without waiting for the timer', async () => {
    sync.onUpdated(itemId, source, 'alice');
    setTitle(doc, 'Renamed just before shutdown');
    sync.onUpdated(itemId, source, 'bob');
    await sync.flush();
    expect(registered()).toMatchObject({ title: 'Renamed just before shutdown', updatedBy: 'bob' });
    expect(vi.getTimerCount()).toBe(0);
  });
});
