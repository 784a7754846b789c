/**
 * A room's compaction, once due, waits for the document to be quiet: the encode would
 * otherwise hold the event loop at the moment writing stops, when people open the
 * document. Driven with Vitest's fake clock over the in-memory DocStore.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { createMemoryLogger } from '../../server/logger';
import type { DocStore } from '../../server/store/doc-store';
import { createMemoryDocStore } from '../../server/store/memory-doc-store';
import type { CompactionPolicy } from '../../server/sync/compaction-policy';
import { RoomCompaction } from '../../server/sync/room-compaction';

const DOC_ID = 'compaction-doc';
const POLICY: CompactionPolicy = {
  minBytes: 10,
  growthFactor: 2,
  quietMs: 2_000,
  maxDelayMs: 10_000,
};

/** The in-memory store, counting the compactions it is asked for. */
function countingStore(): { store: DocStore; compactions: () => number } {
  const inner = createMemoryDocStore();
  let compactions = 0;
  const store: DocStore = {
    ...inner,
    compact(docId, state) {
      compactions += 1;
      return inner.compact(docId, state);
    },
  };
  return { store, compactions: () => compactions };
}

describe('a room compacts its log once the document is quiet', () => {
  let doc: Y.Doc;
  let compaction: RoomCompaction;
  let compactions: () => number;

  beforeEach(() => {
    vi.useFakeTimers();
    doc = new Y.Doc();
    doc.getText('text').insert(0, 'some text');
    const counting = countingStore();
    compactions = counting.compactions;
    compaction = new RoomCompaction({
      docId: DOC_ID,
      doc: () => doc,
      store: counting.store,
      logger: createMemoryLogger(),
      policy: POLICY,
    });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('does not compact when writing stops, but once nothing was appended for quietMs', () => {
    compaction.appended(100);
    compaction.idle();
    expect(compactions()).toBe(0);
    vi.advanceTimersByTime(POLICY.quietMs - 1);
    expect(compactions()).toBe(0);
    vi.advanceTimersByTime(1);
    expect(compactions()).toBe(1);
  });

  it('waits again after each append, and never compacts what is not due', () => {
    compaction.appended(5);
    compaction.idle();
    vi.advanceTimersByTime(POLICY.quietMs * 2);
    expect(compactions()).toBe(0);
    compaction.appended(100);
    compaction.idle();
    vi.advanceTimersByTime(POLICY.quietMs - 1);
    compaction.appended(1);
    vi.advanceTimersByTime(POLICY.quietMs);
    expect(compactions()).toBe(0);
    compaction.idle();
    vi.advanceTimersByTime(POLICY.quietMs);
    expect(compactions()).toBe(1);
  });

  it('compacts at the first idle moment once it has waited maxDelayMs while writing never paused', () => {
    compaction.appended(100);
    compaction.idle();
    const step = POLICY.quietMs / 2;
    for (let waited = step; waited < POLICY.maxDelayMs; waited += step) {
      vi.advanceTimersByTime(step);
      compaction.appended(1);
      compaction.idle();
      expect(compactions()).toBe(0);
    }
    vi.advanceTimersByTime(step);
    compaction.appended(1);
    compaction.idle();
    expect(compactions()).toBe(1);
  });

  it('stops waiting when cancelled (a room unloading compacts by itself)', () => {
    compaction.appended(100);
    compaction.idle();
    compaction.cancel();
    vi.advanceTimersByTime(POLICY.maxDelayMs);
    expect(compactions()).toBe(0);
  });
});
