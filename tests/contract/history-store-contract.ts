/**
 * What every HistoryStore must do, as a Vitest suite run against a fresh store per
 * test: indexes and content read back as written, a write refused whole when another
 * wrote since it read (`HistoryConflict`), and, for stores several processes share,
 * two history services taking versions of one document at once never lose or
 * interleave a version: each holds everything the one before it held.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { HistoryService } from '../../server/history/history-service';
import { versionDoc } from '../../server/history/history-queries';
import { createMemoryLogger } from '../../server/logger';
import {
  emptyHistoryIndex,
  HistoryConflict,
  type HistoryIndex,
  type HistoryStore,
  type StoredVersion,
} from '../../server/store/history-store';

export interface HistoryStoreHarness {
  readonly store: HistoryStore;
  /** Another handle on the same storage (another process's), when it can be shared. */
  readonly other?: () => Promise<HistoryStore>;
  /** Opens the same storage again; omitted when nothing persists. */
  readonly reopen?: () => Promise<HistoryStore>;
  readonly cleanup: () => Promise<void>;
}

function version(id: string, at: string): StoredVersion {
  return {
    id,
    at,
    name: null,
    reason: 'auto',
    takenBy: null,
    people: ['u1'],
    restoredFrom: null,
    step: Buffer.from([1, 2, 3]).toString('base64'),
  };
}

function indexWith(base: HistoryIndex, ...versions: StoredVersion[]): HistoryIndex {
  return { ...base, versions: [...base.versions, ...versions] };
}

function without({ revision: _revision, ...rest }: HistoryIndex): Omit<HistoryIndex, 'revision'> {
  return rest;
}

function serviceOn(store: HistoryStore, docs: Map<string, Y.Doc>): HistoryService {
  return new HistoryService({
    store,
    logger: createMemoryLogger(),
    now: () => new Date(),
    read: async (docId, read) => read(docs.get(docId) as Y.Doc),
    isItem: () => true,
  });
}

export function describeHistoryStoreContract(
  name: string,
  open: () => Promise<HistoryStoreHarness>,
): void {
  describe(`HistoryStore contract: ${name}`, () => {
    let harness: HistoryStoreHarness;
    beforeEach(async () => {
      harness = await open();
    });
    afterEach(async () => {
      await harness.cleanup();
    });

    it('has nothing for a document without history', async () => {
      const { store } = harness;
      expect(await store.readIndex('doc-a')).toBeNull();
      expect(await store.readContent('doc-a')).toBeNull();
      expect(await store.bytes('doc-a')).toBe(0);
      expect(await store.docIds()).toEqual([]);
    });

    it('reads back what was written, content kept when a write leaves it out', async () => {
      const { store } = harness;
      const first = indexWith(emptyHistoryIndex(), version('v1', '2026-03-03T10:00:00.000Z'));
      await store.write('doc-b', first, new Uint8Array([9, 8, 7]));
      const read = (await store.readIndex('doc-b')) as HistoryIndex;
      expect(without(read)).toEqual(without(first));
      expect(read.revision).toBe(1);
      expect([...((await store.readContent('doc-b')) ?? [])]).toEqual([9, 8, 7]);
      const second = indexWith(read, version('v2', '2026-03-04T10:00:00.000Z'));
      await store.write('doc-b', { ...second, seen: { u1: { versionId: 'v2', at: 'now' } } });
      const again = (await store.readIndex('doc-b')) as HistoryIndex;
      expect(again.versions.map((v) => v.id)).toEqual(['v1', 'v2']);
      expect(again.seen.u1?.versionId).toBe('v2');
      expect(again.revision).toBe(2);
      expect([...((await store.readContent('doc-b')) ?? [])]).toEqual([9, 8, 7]);
      expect(await store.bytes('doc-b')).toBeGreaterThan(0);
      await store.write('doc-a', first);
      expect(await store.docIds()).toEqual(['doc-a', 'doc-b']);
    });

    it('refuses a write whose read another write overtook, changing nothing', async () => {
      const { store } = harness;
      await store.write('doc-c', emptyHistoryIndex(), new Uint8Array([1]));
      const read = (await store.readIndex('doc-c')) as HistoryIndex;
      await store.write('doc-c', indexWith(read, version('mine', 'a')), new Uint8Array([2]));
      await expect(
        store.write('doc-c', indexWith(read, version('theirs', 'b')), new Uint8Array([3])),
      ).rejects.toBeInstanceOf(HistoryConflict);
      // A first write when another made the history first is refused too.
      await expect(store.write('doc-c', emptyHistoryIndex())).rejects.toBeInstanceOf(
        HistoryConflict,
      );
      const stored = (await store.readIndex('doc-c')) as HistoryIndex;
      expect(stored.versions.map((v) => v.id)).toEqual(['mine']);
      expect([...((await store.readContent('doc-c')) ?? [])]).toEqual([2]);
    });

    it('lets exactly one of two writes from the same read through', async () => {
      const store = harness.other ? await harness.other() : harness.store;
      await harness.store.write('doc-d', emptyHistoryIndex());
      const read = (await harness.store.readIndex('doc-d')) as HistoryIndex;
      const results = await Promise.allSettled([
        harness.store.write('doc-d', indexWith(read, version('one', 'a'))),
        store.write('doc-d', indexWith(read, version('two', 'b'))),
      ]);
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      const stored = (await harness.store.readIndex('doc-d')) as HistoryIndex;
      expect(stored.versions).toHaveLength(1);
      expect(stored.revision).toBe(2);
    });

    it('keeps the history once opened again', async ({ skip }) => {
      if (!harness.reopen) return skip();
      await harness.store.write(
        'doc-e',
        indexWith(emptyHistoryIndex(), version('v1', 'a')),
        new Uint8Array([5]),
      );
      const store = await harness.reopen();
      expect((await store.readIndex('doc-e'))?.versions.map((v) => v.id)).toEqual(['v1']);
      expect([...((await store.readContent('doc-e')) ?? [])]).toEqual([5]);
    });

    it('keeps every version when two services version one document at once', async ({ skip }) => {
      if (!harness.other) return skip();
      // Two processes, each with its copy of the document, both serving people.
      const docA = new Y.Doc();
      const docB = new Y.Doc();
      const a = serviceOn(harness.store, new Map([['doc-f', docA]]));
      const b = serviceOn(await harness.other(), new Map([['doc-f', docB]]));
      try {
        for (let round = 0; round < 5; round++) {
          docA.getText('t').insert(0, `a${round} `);
          docB.getText('t').insert(0, `b${round} `);
          await Promise.all([
            a.capture('doc-f', docA, { reason: 'named', name: `A${round}` }),
            b.capture('doc-f', docB, { reason: 'named', name: `B${round}` }),
          ]);
        }
        const index = (await harness.store.readIndex('doc-f')) as HistoryIndex;
        const names = index.versions.map((v) => v.name);
        expect([...names].sort()).toEqual(
          ['A0', 'A1', 'A2', 'A3', 'A4', 'B0', 'B1', 'B2', 'B3', 'B4'].sort(),
        );
        // Each version shows all the one before it showed: the sequence never goes back.
        let before = '';
        for (const stored of index.versions) {
          const { doc } = await versionDoc(a, 'doc-f', stored.id);
          const text = doc.getText('t').toString();
          for (const word of before.split(' ').filter(Boolean)) expect(text).toContain(word);
          before = text;
          doc.destroy();
        }
        expect(before).toContain('a4');
        expect(before).toContain('b4');
      } finally {
        a.stop();
        b.stop();
      }
    });
  });
}
