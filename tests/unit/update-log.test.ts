/**
 * The log DocStore's durability behaviour on a real file system: group commit,
 * compaction, torn-tail recovery and fs failures. The format itself is in
 * `update-log-format.test.ts`.
 */
import { statSync } from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createMemoryLogger } from '../../server/logger';
import { type DocStore, DocumentDamagedError } from '../../server/store/doc-store';
import {
  createLogDocStore,
  type Fsync,
  type FsyncInfo,
  type LogDocStoreOptions,
} from '../../server/store/log-doc-store';
import { compactedState } from '../../server/store/stored-update';
import { RECORD_FRAME_BYTES, scanLog } from '../../server/store/update-log';
import { asAppended, textOf, typeText } from '../contract/doc-store-contract';

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
  let dir: string;
  let logger: ReturnType<typeof createMemoryLogger>;
  let fsyncs: FsyncInfo[];
  const stores: DocStore[] = [];

  beforeEach(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'update-log-'));
    logger = createMemoryLogger();
    fsyncs = [];
  });

  afterEach(async () => {
    for (const store of stores.splice(0)) await store.close().catch(() => undefined);
    await rm(dir, { recursive: true, force: true });
  });

  /** A store whose fsyncs are recorded, and optionally intercepted by `around`. */
  function openStore(
    around?: (sync: () => Promise<void>, info: FsyncInfo) => Promise<void>,
    options: Partial<LogDocStoreOptions> = {},
  ): DocStore {
    const fsync: Fsync = async (handle: FileHandle, info) => {
      fsyncs.push(info);
      const sync = () => handle.sync();
      await (around ? around(sync, info) : sync());
    };
    const store = createLogDocStore({ dir, logger, fsync, ...options });
    stores.push(store);
    return store;
  }

  const logFsyncs = () => fsyncs.filter((info) => info.target === 'log').length;
  const fileOf = (docId: string) => path.join(dir, `${docId}.ylog`);

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
    expect(await readdir(dir)).toEqual(['c.ylog']);
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
    expect(await readdir(dir)).toEqual(['broken.ylog']);
    expect(logger.records).toContainEqual(
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
      expect(logger.records).toContainEqual(
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
    expect(await readdir(dir)).toEqual([]);
    expect(await readdir(path.dirname(dir))).not.toContain('escape.ylog');
  });

  describe('recovery on load', () => {
    async function writeLog(docId: string, updates: Uint8Array[]): Promise<Uint8Array> {
      const store = openStore();
      for (const update of updates) store.append(docId, update);
      await store.close();
      return new Uint8Array(await readFile(fileOf(docId)));
    }

    async function asideFiles(docId: string): Promise<Uint8Array[]> {
      const names = (await readdir(dir)).filter((name) =>
        name.startsWith(`${docId}.ylog.corrupt-`),
      );
      const contents = await Promise.all(names.map((name) => readFile(path.join(dir, name))));
      return contents.map((buffer) => new Uint8Array(buffer));
    }

    it('cuts a torn last record at every byte offset, keeping all earlier records', async () => {
      const doc = new Y.Doc();
      const updates = typeText(doc, 'torn!');
      const bytes = await writeLog('source', updates);
      const last = updates.at(-1);
      if (last === undefined) throw new Error('no update');
      const lastStart = bytes.byteLength - RECORD_FRAME_BYTES - last.byteLength;
      const store = openStore();
      for (let cut = lastStart + 1; cut < bytes.byteLength; cut++) {
        const docId = `torn_${cut}`;
        await writeFile(fileOf(docId), bytes.subarray(0, cut));
        expect(await store.load(docId)).toEqual(asAppended(updates.slice(0, -1)));
        expect((await stat(fileOf(docId))).size).toBe(lastStart);
        expect(await asideFiles(docId)).toEqual([bytes.subarray(lastStart, cut)]);
        expect(logger.records).toContainEqual(
          expect.objectContaining({
            level: 'warn',
            docId,
            offset: lastStart,
            bytesCut: cut - lastStart,
          }),
        );
        await store.append(docId, last).durable;
        await store.release(docId);
        expect(await store.load(docId)).toEqual(asAppended(updates));
      }
      expect(textOf(await store.load(`torn_${lastStart + 1}`))).toBe('torn!');
    });

    it('leaves no partial copy aside when saving the cut bytes fails, and cuts on the next load', async () => {
      const updates = typeText(new Y.Doc(), 'full');
      const bytes = await writeLog('source', updates);
      await writeFile(fileOf('nospace'), bytes.subarray(0, bytes.byteLength - 2));
      let full = true;
      const store = openStore(async (sync, info) => {
        if (info.target === 'aside' && full) throw new Error('ENOSPC: no space left on device');
        return sync();
      });
      await expect(store.load('nospace')).rejects.toThrow(/ENOSPC/);
      expect(await asideFiles('nospace')).toEqual([]);
      full = false;
      expect(await store.load('nospace')).toEqual(asAppended(updates.slice(0, -1)));
      expect(await asideFiles('nospace')).toHaveLength(1);
    });

    it('cuts a last record whose payload or checksum was damaged', async () => {
      const updates = typeText(new Y.Doc(), 'crc');
      const bytes = await writeLog('source', updates);
      const lastStart = bytes.byteLength - RECORD_FRAME_BYTES - (updates.at(-1)?.byteLength ?? 0);
      const store = openStore();
      for (const offset of [
        lastStart + 5,
        lastStart + RECORD_FRAME_BYTES + 2,
        bytes.byteLength - 1,
      ]) {
        const damaged = bytes.slice();
        damaged[offset] = (damaged[offset] ?? 0) ^ 0x40;
        const docId = `flip_${offset}`;
        await writeFile(fileOf(docId), damaged);
        expect(await store.load(docId)).toEqual(asAppended(updates.slice(0, -1)));
        expect((await stat(fileOf(docId))).size).toBe(lastStart);
        expect(await asideFiles(docId)).toEqual([damaged.subarray(lastStart)]);
        expect(logger.records).toContainEqual(
          expect.objectContaining({ level: 'warn', docId, reason: 'checksum-mismatch' }),
        );
      }
    });

    it('refuses a file with a bad header, never writes over it, and opens it once restored', async () => {
      const good = await writeLog('restored', typeText(new Y.Doc(), 'kept'));
      const damaged = good.slice();
      damaged[1] = (damaged[1] ?? 0) ^ 0xff;
      await writeFile(fileOf('restored'), damaged);
      const store = openStore();
      await expect(store.load('restored')).rejects.toBeInstanceOf(DocumentDamagedError);
      const append = store.append('restored', Uint8Array.of(0, 0));
      await expect(append.written).rejects.toThrow(/damaged/);
      await expect(
        store.compact('restored', { update: Uint8Array.of(0, 0), encoding: 'v1' }),
      ).rejects.toThrow();
      expect(new Uint8Array(await readFile(fileOf('restored')))).toEqual(damaged);
      expect(await asideFiles('restored')).toEqual([]);
      expect(logger.records).toContainEqual(
        expect.objectContaining({ level: 'error', docId: 'restored', file: fileOf('restored') }),
      );
      // The operator puts a good copy back: the next load opens it, no restart needed.
      await writeFile(fileOf('restored'), good);
      expect(textOf(await store.load('restored'))).toBe('kept');
    });

    it('skips a record damaged in the middle, keeps the damaged file aside, rewrites the log', async () => {
      const updates = typeText(new Y.Doc(), 'fifty characters typed one after another, one each');
      expect(updates.length).toBe(50);
      const bytes = await writeLog('middle', updates);
      let victimStart = bytes.byteLength;
      for (const update of updates.slice(24)) victimStart -= RECORD_FRAME_BYTES + update.byteLength;
      const damaged = bytes.slice();
      const at = victimStart + RECORD_FRAME_BYTES + 1;
      damaged[at] = (damaged[at] ?? 0) ^ 0x01;
      await writeFile(fileOf('middle'), damaged);
      const store = openStore();
      const kept = updates.filter((_, i) => i !== 24);
      expect(await store.load('middle')).toEqual(asAppended(kept));
      expect(await asideFiles('middle')).toEqual([damaged]);
      const rewritten = scanLog(await readFile(fileOf('middle')));
      expect(rewritten).toMatchObject({ end: 'clean', skipped: [], records: asAppended(kept) });
      expect(logger.records).toContainEqual(
        expect.objectContaining({ level: 'error', docId: 'middle', recordsKept: 49 }),
      );
      const more = typeText(new Y.Doc(), '!');
      await Promise.all(more.map((update) => store.append('middle', update).durable));
      await store.release('middle');
      expect(await store.load('middle')).toEqual(asAppended([...kept, ...more]));
      expect(await asideFiles('middle')).toHaveLength(1);
    });
  });
});
