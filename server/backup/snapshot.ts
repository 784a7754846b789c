/**
 * A consistent copy of the embedded store, taken while the server runs.
 *
 * In one synchronous step (nothing else in this process runs meanwhile, and every
 * append to a document log is a synchronous write on this thread) it takes the
 * metadata as it is in memory and, for every document log, a hard link beside it
 * and its length. Afterwards the copy is read from the links, each up to its
 * length: logs only grow by appends, which land after that length; a compaction
 * or repair renames a new file over the log and never changes the linked one. So
 * the copy holds the documents and the metadata as they were at that one moment,
 * including every edit written by then (and so every edit acknowledged as saved),
 * however long the streaming takes. The links live in `DATA_DIR/.backup-<id>/`
 * (same file system) and are removed when the copy has been read; one left by a
 * crash is removed at the next start.
 */
import { randomUUID } from 'node:crypto';
import { linkSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { isDocId } from '../../shared/doc-id';

const STAGING_PREFIX = '.backup-';
const LOG_SUFFIX = '.ylog';

export interface SnapshotDoc {
  readonly docId: string;
  /** The hard link to the log as it was. */
  readonly file: string;
  /** Its length then: the copy reads this many bytes. */
  readonly bytes: number;
}

export interface Snapshot {
  readonly takenAt: Date;
  /** The metadata file's content as it was (`meta.json`). */
  readonly metaText: string;
  readonly docs: readonly SnapshotDoc[];
  /** Removes the links. */
  dispose(): Promise<void>;
}

export interface SnapshotSource {
  readonly dataDir: string;
  /** The metadata exactly as it is in memory now, as its file would hold it; synchronous. */
  readonly metaText: () => string;
  readonly now: () => Date;
}

function errorCode(error: unknown): string | undefined {
  return error instanceof Error && 'code' in error && typeof error.code === 'string'
    ? error.code
    : undefined;
}

/** The document logs in `docsDir` (no temporary, damaged or other files). */
function logNames(docsDir: string): string[] {
  try {
    return readdirSync(docsDir).filter(
      (name) => name.endsWith(LOG_SUFFIX) && isDocId(name.slice(0, -LOG_SUFFIX.length)),
    );
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return [];
    throw error;
  }
}

/** Takes the copy; every step between reading the metadata and the last link is synchronous. */
export function takeSnapshot(source: SnapshotSource): Snapshot {
  const docsDir = path.join(source.dataDir, 'docs');
  const staging = path.join(source.dataDir, `${STAGING_PREFIX}${randomUUID()}`);
  mkdirSync(staging, { mode: 0o700 });
  const docs: SnapshotDoc[] = [];
  const dispose = () => rm(staging, { recursive: true, force: true });
  try {
    const takenAt = source.now();
    const metaText = source.metaText();
    for (const name of logNames(docsDir)) {
      const file = path.join(staging, name);
      try {
        linkSync(path.join(docsDir, name), file);
      } catch (error) {
        // Renamed away meanwhile by a repair on another thread: its new file is linked
        // under the same name only if it is there now; a log that is gone has no data.
        if (errorCode(error) === 'ENOENT') continue;
        throw error;
      }
      docs.push({ docId: name.slice(0, -LOG_SUFFIX.length), file, bytes: statSync(file).size });
    }
    return { takenAt, metaText, docs, dispose };
  } catch (error) {
    void dispose().catch(() => undefined);
    throw error;
  }
}

/** Removes links left by a backup that a crash interrupted. */
export async function removeStaleSnapshots(dataDir: string): Promise<void> {
  let names: string[];
  try {
    names = await readdir(dataDir);
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return;
    throw error;
  }
  await Promise.all(
    names
      .filter((name) => name.startsWith(STAGING_PREFIX))
      .map((name) => rm(path.join(dataDir, name), { recursive: true, force: true })),
  );
}
