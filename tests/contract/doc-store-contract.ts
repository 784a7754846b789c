/**
 * The one behaviour every DocStore implementation must have, as a Vitest suite:
 * `describeDocStoreContract(name, makeStore)` runs it against a fresh store per test.
 * Updates are real Yjs updates, and content is compared through real Y.Docs.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { DocStore, StoredUpdate } from '../../server/store/doc-store';
import { applyStored, compactedState } from '../../server/store/stored-update';

export interface DocStoreHarness {
  readonly store: DocStore;
  /** Opens the same storage again, after `store.close()`; omitted when nothing persists. */
  readonly reopen?: () => Promise<DocStore>;
  readonly cleanup: () => Promise<void>;
}

/** Types `text` into `doc` one character at a time, returning one update per keystroke. */
export function typeText(doc: Y.Doc, text: string): Uint8Array[] {
  const updates: Uint8Array[] = [];
  const record = (update: Uint8Array) => updates.push(update);
  doc.on('update', record);
  const field = doc.getText('t');
  for (const char of text) field.insert(field.length, char);
  doc.off('update', record);
  return updates;
}

/** Rebuilds a document from stored updates. */
export function docFrom(updates: readonly StoredUpdate[]): Y.Doc {
  const doc = new Y.Doc();
  for (const update of updates) applyStored(doc, update);
  return doc;
}

export function textOf(updates: readonly StoredUpdate[]): string {
  return docFrom(updates).getText('t').toString();
}

/** Updates as appended: what `load` gives back for them. */
export function asAppended(updates: readonly Uint8Array[]): StoredUpdate[] {
  return updates.map((update) => ({ update, encoding: 'v1' }));
}

/** A small seeded generator (LCG), so a failing interleaving can be replayed by its seed. */
function seededRandom(seed: number): () => number {
  let state = seed;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

/** One random edit of `text`, as a user would type or delete. */
function randomEdit(text: Y.Text, random: () => number): void {
  if (text.length > 0 && random() < 0.3) {
    text.delete(Math.floor(random() * text.length), 1);
  } else {
    const char = String.fromCharCode(97 + Math.floor(random() * 26));
    text.insert(Math.floor(random() * (text.length + 1)), char);
  }
}

export function describeDocStoreContract(
  name: string,
  makeStore: () => Promise<DocStoreHarness>,
): void {
  describe(`DocStore contract: ${name}`, () => {
    let harness: DocStoreHarness;
    let store: DocStore;
    const opened: DocStore[] = [];

    beforeEach(async () => {
      harness = await makeStore();
      store = harness.store;
      opened.push(store);
    });

    afterEach(async () => {
      for (const each of opened.splice(0)) await each.close().catch(() => undefined);
      await harness.cleanup();
    });

    async function appendAll(docId: string, updates: readonly Uint8Array[]): Promise<void> {
      const receipts = updates.map((update) => store.append(docId, update));
      await Promise.all(receipts.flatMap((receipt) => [receipt.written, receipt.durable]));
    }

    it('loads nothing for a document never written', async () => {
      expect(await store.load('never-written')).toEqual([]);
      expect(await store.stats('never-written')).toEqual({ bytes: 0, records: 0 });
    });

    it('loads appended updates byte for byte in append order', async () => {
      const updates = typeText(new Y.Doc(), 'hello world');
      await appendAll('doc-1', updates);
      const loaded = await store.load('doc-1');
      expect(loaded).toEqual(asAppended(updates));
      expect(textOf(loaded)).toBe('hello world');
    });

    it('keeps many documents apart', async () => {
      const ids = Array.from({ length: 12 }, (_, i) => `doc_${i}`);
      const typed = ids.map((id) => typeText(new Y.Doc(), `text of ${id}`));
      const receipts = [];
      for (let step = 0; step < 20; step++) {
        for (const [i, id] of ids.entries()) {
          const update = typed[i]?.[step];
          if (update !== undefined) receipts.push(store.append(id, update).durable);
        }
      }
      await Promise.all(receipts);
      for (const id of ids) expect(textOf(await store.load(id))).toBe(`text of ${id}`);
    });

    it('keeps the content when compacted, in the encoding it was given', async () => {
      const doc = new Y.Doc();
      await appendAll('doc-c', typeText(doc, 'compaction keeps every character'));
      const state = compactedState(doc);
      await store.compact('doc-c', state);
      const loaded = await store.load('doc-c');
      expect(loaded).toEqual([state]);
      expect(loaded[0]?.encoding).toBe('v2');
      const rebuilt = docFrom(loaded);
      expect(rebuilt.getText('t').toString()).toBe('compaction keeps every character');
      expect(Y.encodeStateAsUpdate(rebuilt)).toEqual(Y.encodeStateAsUpdate(doc));
    });

    it('keeps a version-1 state as version 1', async () => {
      const doc = new Y.Doc();
      await appendAll('doc-v1', typeText(doc, 'an older compaction'));
      const state: StoredUpdate = { update: Y.encodeStateAsUpdate(doc), encoding: 'v1' };
      await store.compact('doc-v1', state);
      await appendAll('doc-v1', typeText(doc, ' and more'));
      const loaded = await store.load('doc-v1');
      expect(loaded[0]).toEqual(state);
      expect(loaded).toHaveLength(1 + ' and more'.length);
      expect(loaded.every(({ encoding }) => encoding === 'v1')).toBe(true);
      expect(textOf(loaded)).toBe('an older compaction and more');
    });

    it('keeps appends made while a compaction is pending, after the state', async () => {
      const doc = new Y.Doc();
      const before = typeText(doc, 'abc').map((update) => store.append('race', update));
      const compacted = store.compact('race', compactedState(doc));
      const after = typeText(doc, 'def').map((update) => store.append('race', update));
      await Promise.all([compacted, ...[...before, ...after].map((receipt) => receipt.durable)]);
      const loaded = await store.load('race');
      expect(loaded).toHaveLength(4);
      expect(textOf(loaded)).toBe('abcdef');
      expect(textOf(loaded.slice(0, 1))).toBe('abc');
    });

    it('compacts a document that had no appends', async () => {
      const doc = new Y.Doc();
      typeText(doc, 'state only');
      await store.compact('fresh', compactedState(doc));
      expect(textOf(await store.load('fresh'))).toBe('state only');
    });

    it('reports stats that grow with appends and shrink after compaction', async () => {
      const doc = new Y.Doc();
      const empty = await store.stats('sized');
      await appendAll('sized', typeText(doc, 'x'.repeat(100)));
      const grown = await store.stats('sized');
      expect(grown.records).toBe(100);
      expect(grown.bytes).toBeGreaterThan(empty.bytes);
      await store.compact('sized', compactedState(doc));
      const compacted = await store.stats('sized');
      expect(compacted.records).toBe(1);
      expect(compacted.bytes).toBeLessThan(grown.bytes);
      await appendAll('sized', typeText(doc, 'y'));
      const after = await store.stats('sized');
      expect(after.records).toBe(2);
      expect(after.bytes).toBeGreaterThan(compacted.bytes);
    });

    it('resolves flush only after every earlier append is durable', async () => {
      const updates = typeText(new Y.Doc(), 'flush me');
      let durable = 0;
      for (const update of updates) {
        void store.append('flushed', update).durable.then(() => durable++);
      }
      await store.flush('flushed');
      expect(durable).toBe(updates.length);
      await store.flush('never-touched');
    });

    it('stores a copy of each update, not the caller’s buffer', async () => {
      const [update] = typeText(new Y.Doc(), 'q');
      if (update === undefined) throw new Error('no update recorded');
      const original = update.slice();
      const receipt = store.append('copied', update);
      update.fill(0);
      await receipt.durable;
      expect(await store.load('copied')).toEqual(asAppended([original]));
    });

    it('keeps working for a document after it is released', async () => {
      const doc = new Y.Doc();
      await appendAll('released', typeText(doc, 'one'));
      await store.release('released');
      await appendAll('released', typeText(doc, ' two'));
      expect(textOf(await store.load('released'))).toBe('one two');
    });

    it('refuses document ids outside [A-Za-z0-9_-]{1,64}', async () => {
      const [update] = typeText(new Y.Doc(), 'z');
      if (update === undefined) throw new Error('no update recorded');
      for (const bad of ['', '../escape', 'a/b', 'dot.ylog', 'x'.repeat(65)]) {
        await expect(store.load(bad)).rejects.toThrow(/invalid document id/);
        const receipt = store.append(bad, update);
        await expect(receipt.written).rejects.toThrow(/invalid document id/);
        await expect(receipt.durable).rejects.toThrow(/invalid document id/);
      }
    });

    it.each([1, 2, 3, 4, 5, 6])(
      'matches the Y.Doc through a random mix of operations (seed %i)',
      async (seed) => {
        const random = seededRandom(seed);
        const doc = new Y.Doc();
        const emitted: Uint8Array[] = [];
        doc.on('update', (update: Uint8Array) => emitted.push(update));
        const pending: Promise<unknown>[] = [];
        const expectLoad = (expected: string) =>
          store.load('mix').then((loaded) => expect(textOf(loaded)).toBe(expected));
        for (let step = 0; step < 150; step++) {
          const roll = random();
          if (roll < 0.6) {
            randomEdit(doc.getText('t'), random);
            for (const update of emitted.splice(0)) {
              const receipt = store.append('mix', update);
              pending.push(receipt.written, receipt.durable);
            }
          } else if (roll < 0.7) pending.push(store.compact('mix', compactedState(doc)));
          else if (roll < 0.8) pending.push(expectLoad(doc.getText('t').toString()));
          else if (roll < 0.87) await store.flush('mix');
          else if (roll < 0.9) pending.push(store.release('mix'));
          else await store.stats('mix');
        }
        await Promise.all(pending);
        await expectLoad(doc.getText('t').toString());
      },
    );

    it('gives a reopened store everything written before close', async (context) => {
      const { reopen } = harness;
      if (reopen === undefined) return context.skip('this store does not persist');
      const doc = new Y.Doc();
      await appendAll('kept', typeText(doc, 'before compaction'));
      const compacted = store.compact('kept', compactedState(doc));
      const later = typeText(doc, ', after').map((update) => store.append('kept', update));
      const other = typeText(new Y.Doc(), 'other').map((update) => store.append('other', update));
      await store.close();
      await expect(compacted).resolves.toBeUndefined();
      await Promise.all([...later, ...other].map((receipt) => receipt.durable));
      const reopened = await reopen();
      opened.push(reopened);
      expect(textOf(await reopened.load('kept'))).toBe('before compaction, after');
      expect(textOf(await reopened.load('other'))).toBe('other');
    });

    it('rejects appends after close with a clear error', async () => {
      const [update] = typeText(new Y.Doc(), 'late');
      if (update === undefined) throw new Error('no update recorded');
      await store.close();
      const receipt = store.append('late', update);
      await expect(receipt.written).rejects.toThrow(/closed/);
      await expect(receipt.durable).rejects.toThrow(/closed/);
      await expect(store.load('late')).rejects.toThrow(/closed/);
      await store.close();
    });

    it('lets a caller ignore a receipt that rejects (no unhandled rejection)', async () => {
      const [update] = typeText(new Y.Doc(), 'ignored');
      if (update === undefined) throw new Error('no update recorded');
      await store.close();
      let unhandled: unknown = null;
      const onUnhandled = (reason: unknown) => {
        unhandled = reason;
      };
      process.on('unhandledRejection', onUnhandled);
      try {
        store.append('ignored', update); // neither promise is awaited
        // Node reports unhandled rejections after the microtasks of a turn: wait one turn.
        await new Promise<void>((resolve) => setImmediate(resolve));
      } finally {
        process.off('unhandledRejection', onUnhandled);
      }
      expect(unhandled).toBeNull();
    });
  });
}
