/**
 * Our server only (the baseline keeps nothing on disk): what the trace document
 * costs on disk once the server has shut down and compacted it, and how fast a
 * client gets the whole text back afterwards.
 *
 * - Cold start: a freshly started server process, its first client. Time from the
 *   client opening its socket to its text having the final length. The server is
 *   restarted for every sample, so each one loads the document from disk.
 * - Room reload: the same process, a second client connecting only after the first
 *   one's socket closed, so the room is unloading or unloaded and must be read from
 *   disk again, but the process is warm.
 */
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { benchDatabaseUrl, schemaFor, storedBytes } from './database';
import { median } from './quantiles';
import type { ServerProcess } from './server-process';
import { connectStockClient } from './stock-client';
import { sha256, type Trace } from './trace-file';
import type { DocAccess } from './workspace-access';

export interface PersistenceFigures {
  /**
   * Size of `<DATA_DIR>/docs/<docId>.ylog` after the graceful shutdown (on PostgreSQL:
   * the bytes of the document's stored updates).
   */
  readonly ylogBytes: number;
  /** Every file under DATA_DIR at the same moment (on PostgreSQL: the schema's tables). */
  readonly dataDirBytes: number;
  readonly coldStartMs: readonly number[];
  readonly coldStartMedianMs: number;
  readonly roomReloadMs: readonly number[];
  readonly roomReloadMedianMs: number;
}

export interface PersistenceOptions {
  /** Starts our server on the DATA_DIR that holds the trace document. */
  readonly start: () => Promise<ServerProcess>;
  readonly dataDir: string;
  readonly access: DocAccess;
  readonly trace: Trace;
  readonly samples: number;
  /** Reports progress (one line per sample). */
  readonly log: (line: string) => void;
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

/** Milliseconds from a new stock client opening its socket to it holding the final text. */
async function timeToFullText(server: ServerProcess, access: DocAccess, trace: Trace) {
  const { docId } = access;
  const started = performance.now();
  const client = connectStockClient(server.syncBase, access);
  try {
    await client.whenDoc(
      `a new client of ${docId} to hold the whole text`,
      () => client.text.length === trace.finalText.length,
      FULL_TEXT_TIMEOUT_MS,
    );
    const elapsed = performance.now() - started;
    const hash = sha256(client.text.toString());
    if (hash !== trace.finalSha256) {
      throw new Error(`the reloaded ${docId} has the wrong text (SHA-256 ${hash})`);
    }
    return elapsed;
  } finally {
    // Resolves once the socket has closed, so the next client finds the room unloading.
    await client.destroy();
  }
}

export async function measurePersistence(options: PersistenceOptions): Promise<PersistenceFigures> {
  const { dataDir, access, trace } = options;
  const database = benchDatabaseUrl();
  // On PostgreSQL: the document's stored bytes, and every table of its schema.
  const { doc: ylogBytes, all: dataDirBytes } =
    database === null
      ? {
          doc: (await stat(ylogPath(dataDir, access.docId))).size,
          all: await directoryBytes(dataDir),
        }
      : await storedBytes(database, schemaFor(dataDir), access.docId);
  const coldStartMs: number[] = [];
  const roomReloadMs: number[] = [];
  for (let sample = 1; sample <= options.samples; sample++) {
    const server = await options.start();
    const cold = await server.guard(timeToFullText(server, access, trace));
    const reload = await server.guard(timeToFullText(server, access, trace));
    await server.stop();
    coldStartMs.push(cold);
    roomReloadMs.push(reload);
    options.log(
      `cold start ${sample}/${options.samples}: ${cold.toFixed(1)} ms; ` +
        `room reload on the same process: ${reload.toFixed(1)} ms`,
    );
  }
  return {
    ylogBytes,
    dataDirBytes,
    coldStartMs,
    coldStartMedianMs: median(coldStartMs),
    roomReloadMs,
    roomReloadMedianMs: median(roomReloadMs),
  };
}
