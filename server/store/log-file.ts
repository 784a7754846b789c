/**
 * File-system steps on one document's log file: recovering it on load (cutting a
 * damaged tail, skipping damaged records in the middle, refusing a file that is not
 * a log) and installing a whole new file (a new document, or a compaction)
 * atomically. Nothing read from disk is destroyed: what recovery removes is first
 * saved beside the log as `<docId>.ylog.corrupt-<time>`, and a file with a bad
 * header is never touched.
 */
import type { FileHandle } from 'node:fs/promises';
import { access, mkdir, open, readFile, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import type { Logger } from '../logger';
import { DocumentDamagedError, type StoredUpdate } from './doc-store';
import {
  describeScanEnd,
  encodeHeader,
  encodeRecord,
  type LogScan,
  type ScanEnd,
  scanLog,
} from './update-log';

/** Which file an fsync is for; lets tests count or fail fsyncs selectively. */
export type FsyncTarget = 'log' | 'replacement' | 'directory' | 'aside' | 'probe';
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
  /** The valid records, in order. */
  readonly records: StoredUpdate[];
  /** Size of the log file after recovery (0 when there is none). */
  readonly bytes: number;
  /** False when there is no log file (never written, or moved aside now). */
  readonly exists: boolean;
  /** How the file ended before recovery; anything but 'clean' means it was repaired. */
  readonly end: ScanEnd;
  /** Damaged stretches skipped in the middle of the file (it was rewritten without them). */
  readonly skippedRanges: number;
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
  let saved = false;
  try {
    await writeAll(handle, [bytes]);
    await files.fsync(handle, { docId, target: 'aside' });
    saved = true;
  } finally {
    await handle.close();
    // A partial copy (a full disk) is worth nothing: the next load saves it whole.
    if (!saved) await rm(target, { force: true }).catch(() => undefined);
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

/**
 * Rewrites a log without the damaged stretches `scan` skipped (and any damaged tail),
 * after keeping the whole damaged file aside.
 */
async function dropDamage(files: LogFiles, docId: string, bytes: Uint8Array, scan: LogScan) {
  const savedAs = await saveAside(files, docId, bytes);
  const records = scan.records.map(({ update, encoding }) => encodeRecord(update, encoding));
  await prepareReplacement(files, docId, records);
  await installReplacement(files, docId);
  const size = records.reduce((sum, record) => sum + record.byteLength, encodeHeader().byteLength);
  files.logger.error('skipped damaged records in a document log; kept the damaged file aside', {
    docId,
    skipped: scan.skipped.map(({ start, end }) => `${start}-${end}`),
    bytesSkipped: scan.skipped.reduce((sum, { start, end }) => sum + end - start, 0),
    tail: scan.end,
    recordsKept: scan.records.length,
    savedAs,
  });
  return size;
}

/**
 * Reads and verifies a document's log. A damaged tail (a crash mid-append) is cut;
 * damaged records in the middle are skipped and the log rewritten without them. A
 * file that is not a log at all is refused (`DocumentDamagedError`) and left as is.
 */
export async function recoverLog(files: LogFiles, docId: string): Promise<RecoveredLog> {
  const file = logPath(files, docId);
  const bytes = await readIfExists(file);
  if (bytes === null)
    return { records: [], bytes: 0, exists: false, end: 'clean', skippedRanges: 0 };
  const scan = scanLog(bytes);
  const detail = describeScanEnd(scan.end);
  const recovered = (size: number): RecoveredLog => ({
    records: scan.records,
    bytes: size,
    exists: true,
    end: scan.end,
    skippedRanges: scan.skipped.length,
  });
  if (scan.skipped.length > 0) return recovered(await dropDamage(files, docId, bytes, scan));
  switch (scan.end) {
    case 'clean':
      return recovered(scan.validEnd);
    case 'bad-header': {
      files.logger.error(
        'document log has a bad header; refusing to open the document and leaving the file as it is',
        { docId, file, bytes: bytes.byteLength, detail },
      );
      throw new DocumentDamagedError(docId, file, detail);
    }
    case 'torn-length':
    case 'torn-payload':
    case 'checksum-mismatch':
    case 'empty-record': {
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
      return recovered(scan.validEnd);
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
/**
 * Creates an empty log for `docId`. It appears whole or not at all (temporary file,
 * rename, directory fsync), so no crash can leave a log without a valid header.
 */
export async function createLog(files: LogFiles, docId: string): Promise<void> {
  await prepareReplacement(files, docId, []);
  await installReplacement(files, docId);
}

export async function installReplacement(files: LogFiles, docId: string): Promise<void> {
  await rename(replacementPath(files, docId), logPath(files, docId));
  await syncDirectory(files, docId);
}
