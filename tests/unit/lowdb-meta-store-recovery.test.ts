/**
 * The lowdb MetaStore's file handling: recovering from a damaged or missing file
 * through the `.bak` copy without ever crash-looping, the lock that keeps a second
 * writer out, and write coalescing.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, truncate, unlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createMemoryLogger, type LogRecord } from '../../server/logger';
import { JsonFileDamagedError } from '../../server/store/durable-json-file';
import { createLowdbMetaStore } from '../../server/store/lowdb-meta-store';
import { createMetaDataCore } from '../../server/store/meta-data-core';
import type { MetaStore } from '../../server/store/meta-store';
import { emptyMetaData, type MetaData, type UserRecord } from '../../shared/schemas/records';
import { aLab, aMembership, anAuditEvent, anItem, aUser } from '../contract/meta-store-fixtures';

let dir: string;
let file: string;
const opened: MetaStore[] = [];

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'meta-store-recovery-'));
  file = path.join(dir, 'meta.json');
});

afterEach(async () => {
  for (const store of opened.splice(0)) await store.close().catch(() => undefined);
  await rm(dir, { recursive: true, force: true });
});

async function open(logger = createMemoryLogger()): Promise<MetaStore> {
  const store = await createLowdbMetaStore({ file, logger });
  opened.push(store);
  return store;
}

/** Two saved versions: the file and its `.bak` copy both hold both users. */
async function saveTwoVersions(): Promise<{ older: UserRecord; newer: UserRecord }> {
  const store = await open();
  const older = await store.createUser(aUser());
  const newer = await store.createUser(aUser());
  await store.close();
  return { older, newer };
}

async function asideFiles(prefix: string): Promise<string[]> {
  return (await readdir(dir)).filter((name) => name.startsWith(`${prefix}.corrupt-`));
}

function errorsIn(records: readonly LogRecord[]): LogRecord[] {
  return records.filter((record) => record.level === 'error');
}

describe('lowdb MetaStore recovery', () => {
  it('keeps a second copy in .bak, written before a change resolves', async () => {
    const store = await open();
    const user = await store.createUser(aUser());
    // Read the moment the change resolved, before anything else is written.
    const saved = JSON.parse(readFileSync(file, 'utf8')) as MetaData;
    const backup = JSON.parse(readFileSync(`${file}.bak`, 'utf8')) as MetaData;
    expect(saved.users.map((each) => each.id)).toEqual([user.id]);
    expect(backup).toEqual(saved);
  });

  for (const target of ['meta.json', 'meta.json.bak']) {
    it(`keeps a creation that resolved when ${target} is then damaged`, async () => {
      const store = await open();
      const user = await store.createUser(aUser());
      const lab = aLab(user.id);
      await store.createLab(lab, aMembership(lab.id, user.id));
      await store.close();
      await writeFile(path.join(dir, target), '{"damaged": ');
      const reopened = await open();
      expect(reopened.getUser(user.id)).toEqual(user);
      expect(reopened.getLab(lab.id)).toEqual(lab);
      // Both copies are whole again.
      const repaired = JSON.parse(await readFile(path.join(dir, target), 'utf8')) as MetaData;
      expect(repaired.labs.map((each) => each.id)).toEqual([lab.id]);
    });
  }

  const damages: Array<[string, () => Promise<void>]> = [
    [
      'a half-written file',
      async () => truncate(file, Math.floor((await readFile(file)).byteLength / 2)),
    ],
    ['garbage that is not JSON', () => writeFile(file, '{"formatVersion": 1, "users": [{{{')],
    ['JSON that fails the schema', () => writeFile(file, JSON.stringify({ formatVersion: 1 }))],
    ['an empty file', () => writeFile(file, '')],
  ];

  for (const [damage, inflict] of damages) {
    it(`recovers from .bak after ${damage}, keeping the bad file aside`, async () => {
      const { older, newer } = await saveTwoVersions();
      await inflict();
      const badBytes = await readFile(file);
      const logger = createMemoryLogger();
      const store = await open(logger);
      expect(store.getUser(older.id)).toEqual(older);
      expect(store.getUser(newer.id)).toEqual(newer);
      const [error, ...more] = errorsIn(logger.records);
      expect(more).toEqual([]);
      expect(error?.message).toContain('meta.json.bak');
      expect(error?.message).toContain('.corrupt-');
      const aside = await asideFiles('meta.json');
      expect(aside).toHaveLength(1);
      expect(await readFile(path.join(dir, aside[0] ?? ''))).toEqual(badBytes);
    });
  }

  it('writes the recovered state back, so the next start is clean', async () => {
    const { older } = await saveTwoVersions();
    await writeFile(file, 'not json');
    await (await open()).close();
    const logger = createMemoryLogger();
    const store = await open(logger);
    expect(store.getUser(older.id)).toEqual(older);
    expect(errorsIn(logger.records)).toEqual([]);
  });

  const bothLost: Array<[string, () => Promise<void>]> = [
    [
      'the file and its .bak are both damaged',
      async () => {
        await writeFile(file, '{"half": ');
        await writeFile(`${file}.bak`, '[]');
      },
    ],
    [
      'the file is damaged and its .bak missing',
      async () => {
        await writeFile(file, '');
        await unlink(`${file}.bak`);
      },
    ],
    [
      'the file is missing and its .bak damaged',
      async () => {
        await unlink(file);
        await truncate(`${file}.bak`, 10);
      },
    ],
  ];

  for (const [situation, inflict] of bothLost) {
    it(`refuses to start, naming the files and how to restore them, when ${situation}`, async () => {
      await saveTwoVersions();
      await inflict();
      const before = await readdir(dir);
      const contents = await Promise.all(before.map((name) => readFile(path.join(dir, name))));
      for (let attempt = 0; attempt < 2; attempt++) {
        const logger = createMemoryLogger();
        const refused = open(logger);
        await expect(refused).rejects.toBeInstanceOf(JsonFileDamagedError);
        await expect(refused).rejects.toThrow(file);
        await expect(refused).rejects.toThrow(/To restore: stop the server, copy/);
        expect(errorsIn(logger.records)).toHaveLength(1);
        // Nothing moved or written, and no lock left: every start refuses the same way.
        expect(await readdir(dir)).toEqual(before);
        const now = await Promise.all(before.map((name) => readFile(path.join(dir, name))));
        expect(now).toEqual(contents);
      }
    });
  }

  it('recovers from .bak when the file itself is missing', async () => {
    const { older } = await saveTwoVersions();
    await unlink(file);
    const logger = createMemoryLogger();
    const store = await open(logger);
    expect(store.getUser(older.id)).toEqual(older);
    const [error, ...more] = errorsIn(logger.records);
    expect(more).toEqual([]);
    expect(error?.message).toMatch(/missing.*meta\.json\.bak/);
    expect(JSON.parse(await readFile(file, 'utf8'))).toMatchObject({ formatVersion: 1 });
  });

  it('starts empty without an error when there has never been a file', async () => {
    const logger = createMemoryLogger();
    const store = await open(logger);
    expect(store.listLabs()).toEqual([]);
    expect(errorsIn(logger.records)).toEqual([]);
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual(emptyMetaData());
  });

  it('refuses a file from a newer version rather than starting empty', async () => {
    await writeFile(file, JSON.stringify({ ...emptyMetaData(), formatVersion: 99 }));
    await expect(open()).rejects.toThrow(/newer Improvement Lab/);
    expect(await asideFiles('meta.json')).toEqual([]);
    await expect(readFile(`${file}.lock`)).rejects.toThrow();
  });
});

describe('lowdb MetaStore lock', () => {
  it('refuses a second store on the same file while the first is open', async () => {
    const first = await open();
    await expect(open()).rejects.toThrow(`another Improvement Lab process is using ${file}`);
    await first.createUser(aUser());
    await first.close();
    const second = await open();
    expect(second.hasAdmin()).toBe(false);
  });

  it('takes over a lock left by a process that is gone', async () => {
    const gone = spawnSync(process.execPath, ['-e', '']).pid;
    await writeFile(`${file}.lock`, JSON.stringify({ pid: gone, processStartedAt: 1 }));
    const logger = createMemoryLogger();
    await open(logger);
    expect(logger.records.some((record) => record.message.includes('stale lock'))).toBe(true);
  });

  it('takes over a lock with its own pid from an earlier life (a restarted container)', async () => {
    const earlier = { pid: process.pid, processStartedAt: performance.timeOrigin - 60_000 };
    await writeFile(`${file}.lock`, JSON.stringify(earlier));
    await expect(open()).resolves.toBeDefined();
  });

  it('removes its lock on close', async () => {
    await (await open()).close();
    await expect(readFile(`${file}.lock`)).rejects.toThrow();
  });
});

describe('MetaStore writes', () => {
  function countingPersister() {
    const saved: MetaData[] = [];
    return {
      saved,
      // Captures synchronously, as the persister contract asks.
      write: async (data: MetaData) => void saved.push(structuredClone(data)),
    };
  }

  it('coalesces a burst of 200 changes into a handful of writes', async () => {
    const persister = countingPersister();
    const store = createMetaDataCore(emptyMetaData(), persister);
    const lab = aLab('user-1');
    const changes: Promise<unknown>[] = [store.createLab(lab, aMembership(lab.id, 'user-1'))];
    for (let i = 0; i < 199; i++) changes.push(store.createItem(anItem(lab.id, { order: i })));
    await Promise.all(changes);
    await store.flush();
    expect(persister.saved.length).toBeLessThanOrEqual(2);
    expect(persister.saved.at(-1)?.items).toHaveLength(199);
  });

  it('writes a burst to the file in a few writes, all durable after flush()', async () => {
    const logger = createMemoryLogger();
    const store = await open(logger);
    const lab = aLab('user-1');
    const changes: Promise<unknown>[] = [store.createLab(lab, aMembership(lab.id, 'user-1'))];
    for (let i = 0; i < 199; i++) changes.push(store.appendAudit(anAuditEvent({ labId: lab.id })));
    await store.flush();
    await Promise.all(changes);
    const writes = logger.records.filter((record) => record.message === 'metadata saved');
    expect(writes.length).toBeLessThan(10);
    const saved = JSON.parse(await readFile(file, 'utf8')) as MetaData;
    expect(saved.audit).toHaveLength(199);
  });

  it('resolves each change only once the file holds it', async () => {
    const store = await open();
    const lab = aLab('user-1');
    await store.createLab(lab, aMembership(lab.id, 'user-1'));
    const missing: string[] = [];
    // 20 writers whose changes land while earlier writes are in flight; each check
    // reads the file the moment its change resolves.
    const writer = async (w: number) => {
      for (let step = 0; step < 5; step++) {
        await new Promise<void>((resolve) => setImmediate(resolve));
        const item = anItem(lab.id, { order: w * 5 + step });
        await store.createItem(item);
        if (!readFileSync(file, 'utf8').includes(item.id)) missing.push(item.id);
      }
    };
    await Promise.all(Array.from({ length: 20 }, (_, w) => writer(w)));
    expect(missing).toEqual([]);
  });

  it('keeps changes that arrive during a write for the next one, in order', async () => {
    const persister = countingPersister();
    const store = createMetaDataCore(emptyMetaData(), persister);
    const lab = aLab('user-1');
    await store.createLab(lab, aMembership(lab.id, 'user-1'));
    // 50 writers, each making 4 changes one after another: 200 changes in all.
    const writer = async (w: number) => {
      for (let step = 0; step < 4; step++) {
        await store.createItem(anItem(lab.id, { order: w * 4 + step }));
      }
    };
    await Promise.all(Array.from({ length: 50 }, (_, w) => writer(w)));
    expect(persister.saved.length).toBeLessThan(10);
    const orders = persister.saved.at(-1)?.items.map((item) => item.order);
    expect(orders?.slice().sort((a, b) => a - b)).toEqual(Array.from({ length: 200 }, (_, i) => i));
    const sizes = persister.saved.map((data) => data.items.length);
    expect(sizes).toEqual(sizes.slice().sort((a, b) => a - b));
  });

  it('reports a failed write to the change, and writes it with the next flush()', async () => {
    const persister = countingPersister();
    let failNext = true;
    const store = createMetaDataCore(emptyMetaData(), {
      write: (data) => {
        if (!failNext) return persister.write(data);
        failNext = false;
        return Promise.reject(new Error('disk full'));
      },
    });
    const user = aUser();
    await expect(store.createUser(user)).rejects.toThrow('disk full');
    await store.flush();
    expect(persister.saved.at(-1)?.users).toEqual([user]);
  });
});
