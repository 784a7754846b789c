/**
 * A lowdb Adapter for one JSON file that survives power loss and damage, which
 * lowdb's own JSONFile does not (it never fsyncs).
 *
 * Writing: the new content goes to `<file>.tmp` and is fsync'd; the current file is
 * kept as `<file>.bak` (a hard link, so it costs no copy); the temporary file is
 * renamed over `<file>`; the directory is fsync'd so the renames last. At every
 * moment `<file>` is a complete file, and a good copy exists.
 *
 * Reading: a file that cannot be read, is not JSON or fails validation is moved aside
 * to `<file>.corrupt-<time>` (never deleted) and `<file>.bak` is used instead, with
 * one error line saying so. Damage never stops the start: if no copy is usable the
 * data starts empty, again said in an error line.
 */
import type { FileHandle } from 'node:fs/promises';
import { access, copyFile, link, open, readFile, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import type { Adapter } from 'lowdb';
import type { Logger } from '../logger';

export type JsonParseResult<T> = { ok: true; data: T } | { ok: false; reason: string };

export interface DurableJsonFileOptions<T> {
  readonly file: string;
  /**
   * Validates parsed JSON. Returns the reason a copy is unusable; throws only to
   * refuse to start at all (a file from a newer version is not damage).
   */
  readonly parse: (value: unknown) => JsonParseResult<T>;
  readonly logger: Logger;
  /** Names the content in log lines, e.g. 'metadata'. */
  readonly what: string;
}

/** Which copy the last `read()` used; `none` means the data starts empty. */
export type JsonLoadSource = 'file' | 'backup' | 'none';

export interface DurableJsonFile<T> extends Adapter<T> {
  /** Set by `read()`; null before it. */
  readonly loadedFrom: JsonLoadSource | null;
}

type Copy<T> = { state: 'missing' } | { state: 'good'; data: T } | { state: 'bad'; reason: string };

function errorCode(error: unknown): string | undefined {
  return error instanceof Error && 'code' in error && typeof error.code === 'string'
    ? error.code
    : undefined;
}

function describeError(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

async function readCopy<T>(file: string, options: DurableJsonFileOptions<T>): Promise<Copy<T>> {
  let text: string;
  try {
    // Fatal decoding: bytes that are not UTF-8 are damage, not text to guess at.
    text = new TextDecoder('utf-8', { fatal: true }).decode(await readFile(file));
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return { state: 'missing' };
    return { state: 'bad', reason: `it could not be read (${describeError(error)})` };
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const size = Buffer.byteLength(text);
    return {
      state: 'bad',
      reason: `it is not valid JSON (${size} bytes; ${describeError(error)})`,
    };
  }
  const parsed = options.parse(value);
  return parsed.ok ? { state: 'good', data: parsed.data } : { state: 'bad', reason: parsed.reason };
}

async function exists(file: string): Promise<boolean> {
  try {
    await access(file);
    return true;
  } catch {
    return false;
  }
}

/** Makes renames and new names in `dir` survive power loss. */
async function syncDirectory(dir: string): Promise<void> {
  // Windows cannot open a directory for fsync; its renames are durable without one.
  if (process.platform === 'win32') return;
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

async function syncFile(file: string): Promise<void> {
  const handle = await open(file, 'r+');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Moves a damaged copy to a new `<name>.corrupt-<time>` beside it; returns where. */
async function moveAside(file: string): Promise<string> {
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const base = `${file}.corrupt-${stamp}`;
  let target = base;
  // `rename` would silently replace a file already there.
  for (let n = 1; await exists(target); n++) target = `${base}-${n}`;
  await rename(file, target);
  await syncDirectory(path.dirname(file));
  return target;
}

async function writeSynced(file: string, text: string): Promise<void> {
  let handle: FileHandle | undefined;
  try {
    handle = await open(file, 'w');
    await handle.writeFile(text, 'utf8');
    await handle.sync();
  } finally {
    await handle?.close();
  }
}

export function createDurableJsonFile<T>(options: DurableJsonFileOptions<T>): DurableJsonFile<T> {
  const { file, logger, what } = options;
  const dir = path.dirname(file);
  const tmpFile = `${file}.tmp`;
  const bakFile = `${file}.bak`;
  const bakTmpFile = `${file}.bak.tmp`;
  let loadedFrom: JsonLoadSource | null = null;

  /** Keeps the current file as `.bak`, replacing the older backup in one rename. */
  async function keepBackup(): Promise<void> {
    await rm(bakTmpFile, { force: true });
    try {
      await link(file, bakTmpFile);
    } catch (error) {
      if (errorCode(error) === 'ENOENT') return; // No current file (first write, or moved aside).
      // Some file systems have no hard links: copy instead, durably.
      await copyFile(file, bakTmpFile);
      await syncFile(bakTmpFile);
    }
    await rename(bakTmpFile, bakFile);
  }

  /** Uses the backup after the main file turned out `main` (missing or damaged). */
  async function recover(main: Copy<T>, asideAs: string | null): Promise<T | null> {
    const backup = await readCopy(bakFile, options);
    const problem =
      main.state === 'bad'
        ? `${what} file ${file} is unusable: ${main.reason}; moved it to ${asideAs}`
        : `${what} file ${file} is missing`;
    if (backup.state === 'good') {
      loadedFrom = 'backup';
      logger.error(`${problem}; loaded the last good copy ${bakFile}`, { file, backup: bakFile });
      return backup.data;
    }
    loadedFrom = 'none';
    if (backup.state === 'missing') {
      if (main.state === 'missing') {
        logger.info(`no ${what} file yet at ${file}; starting empty`, { file });
        return null;
      }
      logger.error(`${problem}; there is no backup ${bakFile}, so ${what} starts EMPTY`, { file });
      return null;
    }
    const backupAside = await moveAside(bakFile);
    logger.error(
      `${problem}; the backup is unusable too (${backup.reason}; moved it to ${backupAside}), ` +
        `so ${what} starts EMPTY`,
      { file, backup: backupAside },
    );
    return null;
  }

  return {
    get loadedFrom() {
      return loadedFrom;
    },
    async read() {
      const main = await readCopy(file, options);
      if (main.state === 'good') {
        loadedFrom = 'file';
        return main.data;
      }
      const asideAs = main.state === 'bad' ? await moveAside(file) : null;
      return recover(main, asideAs);
    },
    async write(data) {
      // Serialised before the first await: the caller's object may change meanwhile.
      const text = `${JSON.stringify(data, null, 2)}\n`;
      await writeSynced(tmpFile, text);
      await keepBackup();
      await rename(tmpFile, file);
      await syncDirectory(dir);
    },
  };
}
