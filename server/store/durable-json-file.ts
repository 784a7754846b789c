/**
 * A lowdb Adapter for one JSON file that survives power loss and damage, which
 * lowdb's own JSONFile does not (it never fsyncs).
 *
 * Writing: the new content goes to `<file>.tmp` and to `<file>.bak.tmp`, both
 * fsync'd, then each is renamed over its name and the directory is fsync'd. A write
 * resolves only then, so every change it acknowledges is in two files: damage to
 * either one loses nothing. After a crash, each name holds a complete old or new copy.
 *
 * Reading: a file that cannot be read, is not JSON or fails validation is moved aside
 * to `<file>.corrupt-<time>` (never deleted) and `<file>.bak` is used instead, with
 * one error line saying so. If no copy is usable although data existed, `read`
 * throws `JsonFileDamagedError` naming the files and how to restore them, and leaves
 * them in place: starting empty would hand the server to whoever signs up first and
 * a restart would make the loss permanent.
 */
import type { FileHandle } from 'node:fs/promises';
import { access, open, readFile, rename } from 'node:fs/promises';
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

/** Which copy the last `read()` used; `none` means there was no data yet. */
export type JsonLoadSource = 'file' | 'backup' | 'none';

export interface DurableJsonFile<T> extends Adapter<T> {
  /** Set by `read()`; null before it. */
  readonly loadedFrom: JsonLoadSource | null;
  /** True when `read()` found a copy missing or damaged: write at once to have two again. */
  readonly needsRepair: boolean;
}

/** No usable copy of a file that held data: the process must not start. */
export class JsonFileDamagedError extends Error {
  override readonly name = 'JsonFileDamagedError';
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

function restoreAdvice(file: string, bakFile: string): string {
  return (
    `Refusing to start rather than start with no data. To restore: stop the server, copy a ` +
    `good copy (a ${path.basename(file)}.corrupt-* file you have repaired, or one from your ` +
    `backups) to ${file}, and start again. To start anew with no accounts or labs, move ` +
    `${file} and ${bakFile} away. The damaged files were left where they are.`
  );
}

/** The file's content for `data`, exactly as a write lays it down. */
export function jsonFileText(data: unknown): string {
  return `${JSON.stringify(data, null, 2)}\n`;
}

export function createDurableJsonFile<T>(options: DurableJsonFileOptions<T>): DurableJsonFile<T> {
  const { file, logger, what } = options;
  const dir = path.dirname(file);
  const tmpFile = `${file}.tmp`;
  const bakFile = `${file}.bak`;
  const bakTmpFile = `${file}.bak.tmp`;
  let loadedFrom: JsonLoadSource | null = null;
  let needsRepair = false;

  function refuse(problem: string): never {
    const message = `${problem}. ${restoreAdvice(file, bakFile)}`;
    logger.error(message, { file, backup: bakFile });
    throw new JsonFileDamagedError(message);
  }

  /** The main copy is `main` (missing or damaged): use the backup, or refuse. */
  async function recover(main: Copy<T>): Promise<T | null> {
    const backup = await readCopy(bakFile, options);
    if (main.state === 'missing' && backup.state === 'missing') {
      loadedFrom = 'none';
      logger.info(`no ${what} file yet at ${file}; starting empty`, { file });
      return null;
    }
    const mainProblem =
      main.state === 'bad'
        ? `${what} file ${file} is unusable: ${main.reason}`
        : `${what} file ${file} is missing`;
    if (backup.state !== 'good') {
      const backupProblem =
        backup.state === 'bad'
          ? `its copy ${bakFile} is unusable too: ${backup.reason}`
          : `its copy ${bakFile} is missing`;
      refuse(`${mainProblem}; ${backupProblem}`);
    }
    const asideAs = main.state === 'bad' ? await moveAside(file) : null;
    loadedFrom = 'backup';
    needsRepair = true;
    const moved = asideAs === null ? '' : ` (moved it to ${asideAs})`;
    logger.error(`${mainProblem}${moved}; loaded the copy ${bakFile}`, { file, backup: bakFile });
    return backup.data;
  }

  /** The main copy is good: check the second one, so that it is repaired if it is not. */
  async function checkBackup(): Promise<void> {
    const backup = await readCopy(bakFile, options);
    if (backup.state === 'good') return;
    needsRepair = true;
    if (backup.state === 'missing') {
      logger.warn(`the copy ${bakFile} is missing; writing it again`, { file, backup: bakFile });
      return;
    }
    const asideAs = await moveAside(bakFile);
    logger.error(
      `the copy ${bakFile} is unusable (${backup.reason}; moved it to ${asideAs}); writing it again from ${file}`,
      { file, backup: asideAs },
    );
  }

  return {
    get loadedFrom() {
      return loadedFrom;
    },
    get needsRepair() {
      return needsRepair;
    },
    async read() {
      needsRepair = false;
      const main = await readCopy(file, options);
      if (main.state !== 'good') return recover(main);
      loadedFrom = 'file';
      await checkBackup();
      return main.data;
    },
    async write(data) {
      // Serialised before the first await: the caller's object may change meanwhile.
      const text = jsonFileText(data);
      await Promise.all([writeSynced(tmpFile, text), writeSynced(bakTmpFile, text)]);
      await rename(tmpFile, file);
      await rename(bakTmpFile, bakFile);
      await syncDirectory(dir);
    },
  };
}
