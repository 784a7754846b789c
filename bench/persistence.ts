/**
 * Restarts: what a server process costs before anyone connects, and (ours only: the
 * baseline keeps nothing on disk) what the trace document costs on disk once the server
 * has shut down and compacted it, and how fast a client gets the whole text back.
 *
 * - Start to listening: from spawning the process to its saying it is listening, with
 *   its resident memory (VmRSS) then: the base RSS.
 * - Start to full text: from spawning our server on the trace's DATA_DIR to a client,
 *   which connects as soon as the server listens, holding the whole text.
 * - Cold start: the same client, from opening its socket to holding the whole text.
 * - Room reload: the same process, a second client connecting only after the first
 *   one's socket closed, so the room is unloading or unloaded and must be read from
 *   disk again, but the process is warm.
 */
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { benchDatabaseUrl, schemaFor, storedBytes } from './database';
import { median } from './quantiles';
import type { ServerProcess } from './server-process';
import { timeToFullText } from './trace';
import type { Trace } from './trace-file';
import type { DocAccess } from './workspace-access';

/** What starting a server process costs; for the baseline, the text figures are null. */
export interface StartupSample {
  readonly startToListeningMs: number;
  readonly rssAtListeningBytes: number;
  readonly startToFullTextMs: number | null;
  readonly coldStartMs: number | null;
  readonly roomReloadMs: number | null;
}

/** Medians over the samples, each a fresh process. */
export interface StartupFigures {
  readonly samples: number;
  readonly startToListeningMs: number;
  readonly rssAtListeningBytes: number;
  readonly startToFullTextMs: number | null;
  readonly coldStartMs: number | null;
  readonly roomReloadMs: number | null;
}

export interface DiskFigures {
  /**
   * Size of `<DATA_DIR>/docs/<docId>.ylog` after the graceful shutdown (on PostgreSQL:
   * the bytes of the document's stored updates).
   */
  readonly ylogBytes: number;
  /** Every file under DATA_DIR at the same moment (on PostgreSQL: the schema's tables). */
  readonly dataDirBytes: number;
}

const FULL_TEXT_TIMEOUT_MS = 10_000;

export function ylogPath(dataDir: string, docId: string): string {
  return path.join(dataDir, 'docs', `${docId}.ylog`);
}

async function directoryBytes(dir: string): Promise<number> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  const sizes = await Promise.all(
    entries
      .filter((entry) => entry.isFile())
      .map(async (entry) => (await stat(path.join(entry.parentPath, entry.name))).size),
  );
  return sizes.reduce((sum, size) => sum + size, 0);
}

export async function measureDisk(dataDir: string, docId: string): Promise<DiskFigures> {
  const database = benchDatabaseUrl();
  if (database === null) {
    return {
      ylogBytes: (await stat(ylogPath(dataDir, docId))).size,
      dataDirBytes: await directoryBytes(dataDir),
    };
  }
  // On PostgreSQL: the document's stored bytes, and every table of its schema.
  const { doc, all } = await storedBytes(database, schemaFor(dataDir), docId);
  return { ylogBytes: doc, dataDirBytes: all };
}

/** The start-up figures of a server that was just started (the baseline's, or ours without text). */
export function startupOf(server: ServerProcess): StartupSample {
  return {
    startToListeningMs: server.startToListeningMs,
    rssAtListeningBytes: server.rssAtListeningBytes,
    startToFullTextMs: null,
    coldStartMs: null,
    roomReloadMs: null,
  };
}

/** Our server, just started on the trace's DATA_DIR: a first client at once, then a second. */
export async function restartSample(
  server: ServerProcess,
  access: DocAccess,
  trace: Trace,
): Promise<StartupSample> {
  const connectedAt = performance.now();
  const coldStartMs = await server.guard(
    timeToFullText(server, access, trace, FULL_TEXT_TIMEOUT_MS),
  );
  const startToFullTextMs = connectedAt + coldStartMs - server.spawnedAt;
  const roomReloadMs = await server.guard(
    timeToFullText(server, access, trace, FULL_TEXT_TIMEOUT_MS),
  );
  return { ...startupOf(server), startToFullTextMs, coldStartMs, roomReloadMs };
}

function medianOrNull(values: readonly (number | null)[]): number | null {
  const known = values.filter((value): value is number => value !== null);
  return known.length === values.length && known.length > 0 ? median(known) : null;
}

export function startupFigures(samples: readonly StartupSample[]): StartupFigures {
  return {
    samples: samples.length,
    startToListeningMs: median(samples.map((s) => s.startToListeningMs)),
    rssAtListeningBytes: median(samples.map((s) => s.rssAtListeningBytes)),
    startToFullTextMs: medianOrNull(samples.map((s) => s.startToFullTextMs)),
    coldStartMs: medianOrNull(samples.map((s) => s.coldStartMs)),
    roomReloadMs: medianOrNull(samples.map((s) => s.roomReloadMs)),
  };
}
