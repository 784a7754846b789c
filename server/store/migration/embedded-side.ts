/**
 * An embedded DATA_DIR as a side of a store migration: `meta.json` read and written
 * through the same durable adapter and lock as the lowdb MetaStore, and the document
 * logs under `docs/` through the log DocStore, the versions under `history/`.
 */
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { isDocId } from '../../../shared/doc-id';
import type { MetaData } from '../../../shared/schemas/records';
import type { Logger } from '../../logger';
import { createDurableJsonFile } from '../durable-json-file';
import { createFileHistoryStore } from '../file-history-store';
import { acquireFileLock } from '../file-lock';
import { createLogDocStore } from '../log-doc-store';
import { parseMetaData } from '../lowdb-meta-store';
import type { StoreSide } from './store-side';

const LOG_SUFFIX = '.ylog';

async function exists(file: string): Promise<boolean> {
  try {
    await stat(file);
    return true;
  } catch {
    return false;
  }
}

/** Ids of the document logs in `dir`, in id order; none when it does not exist. */
async function logIds(dir: string): Promise<string[]> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch (error) {
    if (error instanceof Error && 'code' in error && error.code === 'ENOENT') return [];
    throw error;
  }
  return names
    .filter((name) => name.endsWith(LOG_SUFFIX))
    .map((name) => name.slice(0, -LOG_SUFFIX.length))
    .filter(isDocId)
    .sort();
}

export async function openEmbeddedSide(dataDir: string, logger: Logger): Promise<StoreSide> {
  const file = path.join(dataDir, 'meta.json');
  const docsDir = path.join(dataDir, 'docs');
  if (!(await exists(dataDir))) {
    throw new Error(`DATA_DIR ${dataDir} does not exist; create it (empty) first`);
  }
  const lock = await acquireFileLock(`${file}.lock`, file, logger);
  const metaFile = createDurableJsonFile({ file, parse: parseMetaData, logger, what: 'metadata' });
  const docs = createLogDocStore({ dir: docsDir, logger });
  const history = createFileHistoryStore(path.join(dataDir, 'history'));
  return {
    name: `DATA_DIR ${dataDir}`,
    async isEmpty() {
      const metaFiles = await Promise.all([file, `${file}.bak`].map(exists));
      return (
        !metaFiles.some(Boolean) &&
        (await logIds(docsDir)).length === 0 &&
        (await history.docIds()).length === 0
      );
    },
    async readMeta() {
      const data = await metaFile.read();
      if (data === null) throw new Error(`${file} holds no metadata: there is nothing to copy`);
      return data;
    },
    async writeMeta(data: MetaData) {
      await metaFile.write(data);
    },
    docIds: () => logIds(docsDir),
    docs,
    history,
    async close() {
      try {
        await docs.close();
      } finally {
        await lock.release();
      }
    },
  };
}
