/**
 * The log DocStore's recovery on load, on a real file system: a torn tail is cut and
 * kept aside, a damaged record in the middle is skipped, a file with a bad header is
 * refused and never written over. Writing, group commit and compaction are in
 * `update-log.test.ts`.
 */
import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { DocumentDamagedError } from '../../server/store/doc-store';
import { RECORD_FRAME_BYTES, scanLog } from '../../server/store/update-log';
import { asAppended, textOf, typeText } from '../contract/doc-store-contract';
import { logStoreFixture } from '../helpers/log-store-fixture';

describe('log DocStore on disk', () => {
  const fixture = logStoreFixture();
  const { openStore, fileOf } = fixture;

  describe('recovery on load', () => {
    async function writeLog(docId: string, updates: Uint8Array[]): Promise<Uint8Array> {
      const store = openStore();
      for (const update of updates) store.append(docId, update);
      await store.close();
      return new Uint8Array(await readFile(fileOf(docId)));
    }

    async function asideFiles(docId: string): Promise<Uint8Array[]> {
      const names = (await readdir(fixture.dir)).filter((name) =>
        name.startsWith(`${docId}.ylog.corrupt-`),
      );
      const contents = await Promise.all(
        names.map((name) => readFile(path.join(fixture.dir, name))),
      );
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
        expect(fixture.logger.records).toContainEqual(
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
        expect(fixture.logger.records).toContainEqual(
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
      expect(fixture.logger.records).toContainEqual(
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
      expect(fixture.logger.records).toContainEqual(
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
