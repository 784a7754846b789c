/**
 * A log DocStore on a fresh directory for each test, with its fsyncs recorded (and,
 * when a test asks, intercepted), its stores closed and the directory removed after.
 * Shared by the log store's tests (`update-log.test.ts`, `update-log-recovery.test.ts`).
 */
import type { FileHandle } from 'node:fs/promises';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach } from 'vitest';
import { createMemoryLogger } from '../../server/logger';
import type { DocStore } from '../../server/store/doc-store';
import {
  createLogDocStore,
  type Fsync,
  type FsyncInfo,
  type LogDocStoreOptions,
} from '../../server/store/log-doc-store';

export interface LogStoreFixture {
  readonly dir: string;
  readonly logger: ReturnType<typeof createMemoryLogger>;
  readonly fsyncs: FsyncInfo[];
  /** A store whose fsyncs are recorded, and optionally intercepted by `around`. */
  openStore(
    around?: (sync: () => Promise<void>, info: FsyncInfo) => Promise<void>,
    options?: Partial<LogDocStoreOptions>,
  ): DocStore;
  /** How many fsyncs of a log (not of replacements or directories) ran. */
  logFsyncs(): number;
  fileOf(docId: string): string;
}

/** Registers the set-up and clean-up; read the fields inside tests only. */
export function logStoreFixture(): LogStoreFixture {
  let dir = '';
  let logger = createMemoryLogger();
  let fsyncs: FsyncInfo[] = [];
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

  return {
    get dir() {
      return dir;
    },
    get logger() {
      return logger;
    },
    get fsyncs() {
      return fsyncs;
    },
    openStore(around, options = {}) {
      const fsync: Fsync = async (handle: FileHandle, info) => {
        fsyncs.push(info);
        const sync = () => handle.sync();
        await (around ? around(sync, info) : sync());
      };
      const store = createLogDocStore({ dir, logger, fsync, ...options });
      stores.push(store);
      return store;
    },
    logFsyncs: () => fsyncs.filter((info) => info.target === 'log').length,
    fileOf: (docId) => path.join(dir, `${docId}.ylog`),
  };
}
