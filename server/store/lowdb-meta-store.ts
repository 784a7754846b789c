/**
 * The embedded MetaStore: one JSON file through lowdb, written durably by
 * `durable-json-file.ts` (fsync, atomic rename, a second copy in `.bak`, recovery
 * from damage, refusal to start when no copy is usable) and guarded by `<file>.lock` so only one instance writes it.
 * The methods themselves live in `meta-data-core.ts`; this module owns the file's
 * lifetime: lock, load, recover, write, release.
 */
import { randomUUID } from 'node:crypto';
import { mkdir, open, rm } from 'node:fs/promises';
import path from 'node:path';
import { Low } from 'lowdb';
import {
  emptyMetaData,
  META_FORMAT_VERSION,
  type MetaData,
  MetaDataSchema,
} from '../../shared/schemas/records';
import type { Logger } from '../logger';
import { createDurableJsonFile, type JsonParseResult, jsonFileText } from './durable-json-file';
import { acquireFileLock } from './file-lock';
import { createMetaDataCore, type MetaPersister } from './meta-data-core';
import type { MetaStore } from './meta-store';

export interface LowdbMetaStoreOptions {
  /** The JSON file; its directory is created if missing. */
  readonly file: string;
  readonly logger: Logger;
}

/**
 * Validates a loaded file. A file written by a newer version is refused outright
 * rather than treated as damage: moving it aside would start this version empty.
 */
export function parseMetaData(value: unknown): JsonParseResult<MetaData> {
  if (typeof value === 'object' && value !== null && 'formatVersion' in value) {
    const version = value.formatVersion;
    if (typeof version === 'number' && version > META_FORMAT_VERSION) {
      throw new Error(
        `the metadata file has format ${version}, written by a newer Improvement Lab; ` +
          `this version reads format ${META_FORMAT_VERSION}. Run the newer version.`,
      );
    }
  }
  const result = MetaDataSchema.safeParse(value);
  if (result.success) return { ok: true, data: result.data };
  const { issues } = result.error;
  const first = issues[0];
  const where =
    first === undefined
      ? ''
      : ` first at ${first.path.map(String).join('.') || '(top)'}: ${first.message}`;
  return {
    ok: false,
    reason: `it does not match the metadata schema (${issues.length} problems;${where})`,
  };
}

const NOT_SAVED =
  'metadata changes not saved: writing the file failed; they stay in memory and go out with the next write';

function loggedPersister(db: Low<MetaData>, file: string, logger: Logger): MetaPersister {
  return {
    async write() {
      const started = performance.now();
      try {
        // `db.write()` serialises `db.data` before its first await, as MetaPersister needs.
        await db.write();
      } catch (error) {
        logger.error(NOT_SAVED, { file, error });
        throw error;
      }
      logger.debug('metadata saved', { file, ms: Math.round(performance.now() - started) });
    },
  };
}

/** Writes, fsyncs and removes a small file beside the metadata file: what its writes need. */
async function probeDirectory(dir: string): Promise<void> {
  const file = path.join(dir, `.meta-probe-${randomUUID()}`);
  try {
    const handle = await open(file, 'wx');
    try {
      await handle.writeFile('probe\n');
      await handle.sync();
    } finally {
      await handle.close();
    }
  } finally {
    await rm(file, { force: true });
  }
}

/** The embedded MetaStore, which can also hand out its data as its file would hold it. */
export interface LowdbMetaStore extends MetaStore {
  /** Everything in memory now, including changes still being written, as `meta.json` text. */
  snapshotText(): string;
}

export async function createLowdbMetaStore(
  options: LowdbMetaStoreOptions,
): Promise<LowdbMetaStore> {
  const { file, logger } = options;
  await mkdir(path.dirname(file), { recursive: true });
  const lock = await acquireFileLock(`${file}.lock`, file, logger);
  try {
    const adapter = createDurableJsonFile({ file, parse: parseMetaData, logger, what: 'metadata' });
    const db = new Low<MetaData>(adapter, emptyMetaData());
    await db.read();
    // A recovered or new state is written at once, so both copies exist again and the
    // next start does not repeat the recovery.
    if (adapter.loadedFrom !== 'file' || adapter.needsRepair) await db.write();
    const core = createMetaDataCore(db.data, loggedPersister(db, file, logger));
    return {
      ...core,
      probe: () => probeDirectory(path.dirname(file)),
      snapshotText: () => jsonFileText(db.data),
      async close() {
        try {
          await core.close();
        } finally {
          await lock.release();
        }
      },
    };
  } catch (error) {
    await lock.release();
    throw error;
  }
}
