/**
 * The log DocStore's durability behaviour on a real file system: group commit,
 * compaction and fs failures. Recovery on load is in `update-log-recovery.test.ts`,
 * the format itself in `update-log-format.test.ts`.
 */
import { statSync } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { compactedState } from '../../server/store/stored-update';
import { RECORD_FRAME_BYTES, scanLog } from '../../server/store/update-log';
import { asAppended, textOf, typeText } from '../contract/doc-store-contract';
import { logStoreFixture } from '../helpers/log-store-fixture';

/** Promise-based waiting points for tests: no sleeps. */
function gate() {
  let open: () => void = () => undefined;
  const opened = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { opened, open };
}

function settledFlag(promise: Promise<unknown>): { settled: boolean } {
  const flag = { settled: false };
  void promise.finally(() => {
    flag.settled = true;
  });
  return flag;
}

describe('log DocStore on disk', () => {
  const fixture = logStoreFixture();
  const { openStore, logFsyncs, fileOf } = fixture;

  it('appends framed records to <docId>.ylog and counts them', async () => {
    const store = openStore();
    const updates = typeText(new Y.Doc(), 'abc');
    for (const update of updates) store.append('doc', update);
    await store.flush('doc');
    const bytes = await readFile(fileOf('doc'));
    expect(scanLog(bytes)).toMatchObject({ records: asAppended(updates), end: 'clean' });
    expect(await store.stats('doc')).toEqual({ bytes: bytes.byteLength, records: 3 });
  });

  it('writes the first append of a turn before returning; the rest of the turn share one write', async () => {
    const store = openStore();
    const doc = new Y.Doc();
    const [first, second, third, fourth] = typeText(doc, 'abcd');
    if (!first || !second || !third || !fourth) throw new Error('four updates expected');
    const opening = store.append('now', first);
    expect(opening.writtenNow).toBe(false); // the file is opened (and created) first
    await store.flush('now');
    const before = statSync(fileOf('now')).size;
    const immediate = store.append('now', second);
    expect(immediate.writtenNow).toBe(true);
    expect(statSync(fileOf('now')).size).toBe(before + RECORD_FRAME_BYTES + second.byteLength);
    const sameTurn = store.append('now', third);
    expect(sameTurn.writtenNow).toBe(false);
    expect(statSync(fileOf('now')).size).toBe(before + RECORD_FRAME_BYTES + second.byteLength);
    const compaction = store.compact('now', compactedState(doc));
    const behind = store.append('now', fourth);
    expect(behind.writtenNow).toBe(false);
    await Promise.all([compaction, behind.durable, sameTurn.durable, immediate.durable]);
    expect(textOf(await store.load('now'))).toBe('abcd');
    expect(await store.stats('now')).toMatchObject({ records: 2 });
  });

  it('group-commits a burst: far fewer fsyncs than appends, every receipt durable', async () => {
    const store = openStore();
    const updates = typeText(new Y.Doc(), 'x'.repeat(1000));
    const receipts = updates.map((update) => store.append('burst', update));
    await Promise.all(receipts.map((receipt) => receipt.durable));
    expect(logFsyncs()).toBeLessThanOrEqual(10);
    expect(textOf(await store.load('burst'))).toBe('x'.repeat(1000));
  });

  it('writes without waiting for an fsync in flight; one fsync covers all written before it', async () => {
    const started = gate();
    const release = gate();
    const store = openStore(async (sync, info) => {
      if (info.target !== 'log') return sync();
      started.open();
      await release.opened;
      return sync();
    });
    const [first, ...rest] = typeText(new Y.Doc(), 'hello there').map((u) => store.append('w', u));
    if (first === undefined) throw new Error('no update');
    await first.written;
    await started.opened;
    const firstDurable = settledFlag(first.durable);
    const later = typeText(new Y.Doc(), 'later').map((u) => store.append('w', u));
    await Promise.all([...rest, ...later].map((receipt) => receipt.written));
    expect(firstDurable.settled).toBe(false);
    release.open();
    await Promise.all([first, ...rest, ...later].map((receipt) => receipt.durable));
    expect(logFsyncs()).toBe(2);
  });

  it('settles an append written during an fsync with the next fsync, not the one running', async () => {
    const held: Array<() => void> = [];
    let fsyncStarted = gate();
    let hold = false;
    const store = openStore(async (sync, info) => {
      if (info.target !== 'log' || !hold) return sync();
      const release = gate();
      held.push(release.open);
      fsyncStarted.open();
      await release.opened;
      return sync();
    });
    const [opening, first, second] = typeText(new Y.Doc(), 'abc');
    if (!opening || !first || !second) throw new Error('three updates expected');
    await store.append('next', opening).durable; // the file is open from here on
    hold = true;
    const running = store.append('next', first);
    expect(running.writtenNow).toBe(true);
    await fsyncStarted.opened;
    fsyncStarted = gate();
    const during = store.append('next', second);
    expect(during.writtenNow).toBe(true);
    const duringDurable = settledFlag(during.durable);
    held[0]?.();
    await running.durable;
    await new Promise((resolve) => setImmediate(resolve));
    expect(duringDurable.settled).toBe(false);
    await fsyncStarted.opened;
    held[1]?.();
    await during.durable;
    expect(logFsyncs()).toBe(3);
    expect(textOf(await store.load('next'))).toBe('abc');
  });

  it('rejects an append written as it was made when its fsync fails', async () => {
    let failNext = false;
    const store = openStore(async (sync, info) => {
      if (info.target === 'log' && failNext) {
        failNext = false;
        throw new Error('EIO: fsync failed');
      }
      return sync();
    });
    const [opening, next] = typeText(new Y.Doc(), 'ab');
    if (!opening || !next) throw new Error('two updates expected');
    await store.append('eio-now', opening).durable;
    failNext = true;
    const receipt = store.append('eio-now', next);
    expect(receipt.writtenNow).toBe(true);
    await expect(receipt.durable).rejects.toThrow(/released and loaded again/);
    await expect(store.release('eio-now')).rejects.toThrow(/EIO/);
    expect(textOf(await store.load('eio-now'))).toBe('ab');
  });

  it('skips the group-commit delay when someone flushes', async () => {
    const store = openStore(undefined, { groupCommitMaxDelayMs: 60_000 });
    const receipts = typeText(new Y.Doc(), 'wait').map((u) => store.append('slow', u));
    await store.flush('slow');
    await Promise.all(receipts.map((receipt) => receipt.durable));
    expect(logFsyncs()).toBe(1);
  });

  it('compacts to one state record plus the appends made after the call', async () => {
    const store = openStore();
    const doc = new Y.Doc();
    for (const update of typeText(doc, 'the first draft')) store.append('c', update);
    await store.flush('c');
    const before = (await stat(fileOf('c'))).size;
    const compaction = store.compact('c', compactedState(doc));
    const later = typeText(doc, ', revised').map((u) => store.append('c', u));
    await compaction;
    await Promise.all(later.map((receipt) => receipt.durable));
    const bytes = await readFile(fileOf('c'));
    expect(bytes.byteLength).toBeLessThan(before);
    const scan = scanLog(bytes);
    expect(scan.records).toHaveLength(1 + later.length);
    expect(textOf(scan.records)).toBe('the first draft, revised');
    expect(await store.stats('c')).toEqual({
      bytes: bytes.byteLength,
      records: scan.records.length,
    });
    expect(await readdir(fixture.dir)).toEqual(['c.ylog']);
  });

  it('lets the compaction make earlier appends durable while their own fsync hangs', async () => {
    const started = gate();
    const release = gate();
    const store = openStore(async (sync, info) => {
      if (info.target !== 'log') return sync();
      started.open();
      await release.opened;
      return sync();
    });
    try {
      const doc = new Y.Doc();
      const [firstUpdate, ...restUpdates] = typeText(doc, 'abcd');
      if (firstUpdate === undefined) throw new Error('no update');
      const first = store.append('hang', firstUpdate);
      const firstDurable = settledFlag(first.durable);
      await started.opened;
      const rest = restUpdates.map((u) => store.append('hang', u));
      await Promise.all(rest.map((receipt) => receipt.written));
      const compaction = store.compact('hang', compactedState(doc));
      // `rest` waited behind the hanging fsync; the compaction's own fsyncs cover them.
      await Promise.all(rest.map((receipt) => receipt.durable));
      expect(firstDurable.settled).toBe(false);
      release.open();
      await Promise.all([compaction, first.durable]);
      expect(textOf(await store.load('hang'))).toBe('abcd');
    } finally {
      release.open();
    }
  });

  it('keeps the log and later appends when a compaction cannot be written', async () => {
    let diskFull = false;
    const store = openStore(async (sync, info) => {
      if (diskFull && info.target === 'replacement') throw new Error('disk full');
      return sync();
    });
    const doc = new Y.Doc();
    const before = typeText(doc, 'kept').map((u) => store.append('broken', u));
    await Promise.all(before.map((receipt) => receipt.durable));
    diskFull = true;
    await expect(store.compact('broken', compactedState(doc))).rejects.toThrow('disk full');
    const after = typeText(doc, ' too').map((u) => store.append('broken', u));
    await Promise.all(after.map((receipt) => receipt.durable));
    expect(textOf(await store.load('broken'))).toBe('kept too');
    expect(await store.stats('broken')).toMatchObject({ records: 8 });
    expect(await readdir(fixture.dir)).toEqual(['broken.ylog']);
    expect(fixture.logger.records).toContainEqual(
      expect.objectContaining({
        level: 'error',
        docId: 'broken',
        message: expect.stringMatching(/compaction failed/),
      }),
    );
  });

  it('rejects the receipts an fsync failure affects, fences the document, and recovers on reload', async () => {
    let failNext = true;
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', onUnhandled);
    try {
      const store = openStore(async (sync, info) => {
        if (info.target === 'log' && failNext) {
          failNext = false;
          throw new Error('EIO: fsync failed');
        }
        return sync();
      });
      const doc = new Y.Doc();
      const receipts = typeText(doc, 'lost?').map((u) => store.append('eio', u));
      await Promise.all(receipts.map((receipt) => receipt.written));
      await expect(receipts[0]?.durable).rejects.toThrow(/released and loaded again/);
      const late = store.append('eio', Uint8Array.of(0, 0));
      await expect(late.written).rejects.toThrow(/EIO/);
      await expect(store.flush('eio')).rejects.toThrow(/EIO/);
      await expect(store.release('eio')).rejects.toThrow(/EIO/);
      expect(fixture.logger.records).toContainEqual(
        expect.objectContaining({ level: 'error', docId: 'eio' }),
      );
      // The writes reached the file; a reload sees them and appends work again.
      expect(textOf(await store.load('eio'))).toBe('lost?');
      await store.append('eio', typeText(doc, '!')[0] ?? new Uint8Array()).durable;
      expect(textOf(await store.load('eio'))).toBe('lost?!');
      await new Promise((resolve) => setImmediate(resolve));
      expect(unhandled).toEqual([]);
    } finally {
      process.off('unhandledRejection', onUnhandled);
    }
  });

  it('loads a document again after a failed write without a release, once the disk recovers', async () => {
    let full = true;
    const store = openStore(async (sync, info) => {
      if (info.target === 'log' && full) throw new Error('ENOSPC: no space left on device');
      return sync();
    });
    const doc = new Y.Doc();
    const before = typeText(doc, 'typed');
    const receipts = before.map((update) => store.append('full', update));
    await expect(receipts[0]?.durable).rejects.toThrow(/ENOSPC/);
    await expect(store.append('full', Uint8Array.of(0, 0)).written).rejects.toThrow(/ENOSPC/);
    full = false;
    // Nobody released the fenced log (a room whose flush failed): loading starts afresh.
    expect(textOf(await store.load('full'))).toBe('typed');
    const after = typeText(doc, ' on');
    await Promise.all(after.map((update) => store.append('full', update).durable));
    expect(textOf(await store.load('full'))).toBe('typed on');
  });

  it('never builds a path from an invalid document id', async () => {
    const store = openStore();
    await expect(store.append('../escape', Uint8Array.of(1)).durable).rejects.toThrow(/invalid/);
    await expect(store.compact('..', { update: Uint8Array.of(1), encoding: 'v2' })).rejects.toThrow(
      /invalid/,
    );
    expect(await readdir(fixture.dir)).toEqual([]);
    expect(await readdir(path.dirname(fixture.dir))).not.toContain('escape.ylog');
  });
});
