/**
 * File-system steps on one document's log file: recovering it on load (cutting a
 * damaged tail, moving a foreign file aside) and installing a whole new file (a new
 * document, or a compaction) atomically. Nothing read from disk is destroyed: what
 * recovery removes is first saved beside the log as `<docId>.ylog.corrupt-<time>`.
 */
import type { FileHandle } from 'node:fs/promises';
import { access, mkdir, open, readFile, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import type { Logger } from '../logger';
import { describeScanEnd, encodeHeader, type ScanEnd, scanLog } from './update-log';

/** Which file an fsync is for; lets tests count or fail fsyncs selectively. */
export type FsyncTarget = 'log' | 'replacement' | 'directory' | 'aside';
export interface FsyncInfo {
  readonly docId: string;
  readonly target: FsyncTarget;
}
export type Fsync = (handle: FileHandle, info: FsyncInfo) => Promise<void>;

/** Where logs live and the services the file steps use. */
export interface LogFiles {
  readonly dir: string;
  readonly logger: Logger;
  readonly fsync: Fsync;
}

export interface RecoveredLog {
  /** Payloads of the valid records, in order. */
  readonly records: Uint8Array[];
  /** Size of the log file after recovery (0 when there is none). */
  readonly bytes: number;
  /** False when there is no log file (never written, or moved aside now). */
  readonly exists: boolean;
  /** How the file ended before recovery; anything but 'clean' means it was repaired. */
  readonly end: ScanEnd;
}

export function logPath(files: LogFiles, docId: string): string {
  return path.join(files.dir, `${docId}.ylog`);
}

function replacementPath(files: LogFiles, docId: string): string {
  return path.join(files.dir, `${docId}.ylog.tmp`);
}

async function readIfExists(file: string): Promise<Uint8Array | null> {
  try {
    const buffer = await readFile(file);
    return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
  } catch (error) {
    if (error instanceof Error && 'code' in error && error.code === 'ENOENT') return null;
    throw error;
  }
}

async function exists(file: string): Promise<boolean> {
  try {
    await access(file);
    return true;
  } catch {
    return false;
  }
}

/**
 * A new `<docId>.ylog.corrupt-<time>` name. `rename` would silently replace an
 * existing file, so names already taken (two repairs in one millisecond) are skipped.
 */
async function asidePath(files: LogFiles, docId: string): Promise<string> {
  const base = `${logPath(files, docId)}.corrupt-${Date.now()}`;
  let candidate = base;
  for (let n = 1; await exists(candidate); n++) candidate = `${base}-${n}`;
  return candidate;
}

/** Makes renames and new names in the log directory survive power loss. */
export async function syncDirectory(files: LogFiles, docId: string): Promise<void> {
  const handle = await open(files.dir, 'r');
  try {
    await files.fsync(handle, { docId, target: 'directory' });
  } finally {
    await handle.close();
  }
}

async function writeAll(handle: FileHandle, chunks: Uint8Array[]): Promise<void> {
  const expected = chunks.reduce((sum, chunk) => sum + chunk.byteLength, 0);
  const { bytesWritten } = await handle.writev(chunks);
  if (bytesWritten !== expected) {
    throw new Error(`short write: ${bytesWritten} of ${expected} bytes reached the file`);
  }
}

/** Copies bytes about to be removed into a new file beside the log, durably. */
async function saveAside(files: LogFiles, docId: string, bytes: Uint8Array): Promise<string> {
  const target = await asidePath(files, docId);
  const handle = await open(target, 'wx');
  try {
    await writeAll(handle, [bytes]);
    await files.fsync(handle, { docId, target: 'aside' });
  } finally {
    await handle.close();
  }
  await syncDirectory(files, docId);
  return target;
}

/** Cuts the log back to its valid prefix, after saving the removed bytes. */
async function cutTail(files: LogFiles, docId: string, bytes: Uint8Array, validEnd: number) {
  const savedAs = await saveAside(files, docId, bytes.subarray(validEnd));
  const handle = await open(logPath(files, docId), 'r+');
  try {
    await handle.truncate(validEnd);
    // Appends go after the cut, so the cut must be on disk before any of them is.
    await files.fsync(handle, { docId, target: 'log' });
  } finally {
    await handle.close();
  }
  return savedAs;
}

async function moveAside(files: LogFiles, docId: string): Promise<string> {
  const target = await asidePath(files, docId);
  await rename(logPath(files, docId), target);
  await syncDirectory(files, docId);
  return target;
}

/**
 * Reads and verifies a document's log. A damaged tail (a crash mid-append) is cut;
 * a file that is not a log at all is moved aside and the document starts empty.
 */
export async function recoverLog(files: LogFiles, docId: string): Promise<RecoveredLog> {
  const bytes = await readIfExists(logPath(files, docId));
  if (bytes === null) return { records: [], bytes: 0, exists: false, end: 'clean' };
  const scan = scanLog(bytes);
  const detail = describeScanEnd(scan.end);
  switch (scan.end) {
    case 'clean':
      return { records: scan.records, bytes: scan.validEnd, exists: true, end: scan.end };
    case 'bad-header': {
      const savedAs = await moveAside(files, docId);
      files.logger.error('document log has a bad header; moved it aside, starting empty', {
        docId,
        bytes: bytes.byteLength,
        savedAs,
        detail,
      });
      return { records: [], bytes: 0, exists: false, end: scan.end };
    }
    case 'torn-length':
    case 'torn-payload':
    case 'checksum-mismatch': {
      const bytesCut = bytes.byteLength - scan.validEnd;
      const savedAs = await cutTail(files, docId, bytes, scan.validEnd);
      files.logger.warn('cut a damaged tail off a document log', {
        docId,
        offset: scan.validEnd,
        bytesCut,
        reason: scan.end,
        detail,
        savedAs,
        recordsKept: scan.records.length,
      });
      return { records: scan.records, bytes: scan.validEnd, exists: true, end: scan.end };
    }
    default: {
      const unknown: never = scan.end;
      throw new Error(`unhandled scan end ${String(unknown)}`);
    }
  }
}

/**
 * Writes a complete log (header + `records`, already framed) to `<docId>.ylog.tmp`
 * and fsyncs it. The real log is untouched until `installReplacement`.
 */
export async function prepareReplacement(
  files: LogFiles,
  docId: string,
  records: Uint8Array[],
): Promise<void> {
  const target = replacementPath(files, docId);
  await mkdir(files.dir, { recursive: true });
  try {
    const handle = await open(target, 'w');
    try {
      await writeAll(handle, [encodeHeader(), ...records]);
      await files.fsync(handle, { docId, target: 'replacement' });
    } finally {
      await handle.close();
    }
  } catch (error) {
    await rm(target, { force: true }).catch(() => undefined);
    throw error;
  }
}

/**
 * Renames the prepared file over the log. `rename` is atomic, so after a crash the
 * log is either the old file or the whole new one; the directory fsync makes the
 * switch itself durable.
 */
export async function installReplacement(files: LogFiles, docId: string): Promise<void> {
  await rename(replacementPath(files, docId), logPath(files, docId));
  await syncDirectory(files, docId);
}
