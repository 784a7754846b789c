/**
 * `npm run restore`: a backup directory (`receive-backup.ts`) into an empty
 * DATA_DIR. Everything is checked before anything is written: the manifest, each
 * file's size and SHA-256, each log's header (a log that is not a log is refused;
 * a torn tail is left for the server to cut, as it does at any load), and the
 * metadata against its schema. A DATA_DIR that holds anything is refused. While it
 * writes, the restore holds the metadata lock, so no server can start on a half
 * restored directory; the logs are written first, beside the target, then moved
 * in, then both copies of the metadata (`meta.json`, `meta.json.bak`).
 */
import { createHash, randomUUID } from 'node:crypto';
import { mkdir, open, readdir, readFile, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import {
  BACKUP_DOCS_DIR,
  BACKUP_MANIFEST,
  BACKUP_META_FILE,
  type BackupManifest,
  BackupManifestSchema,
} from '../../shared/schemas/backup';
import { META_FORMAT_VERSION, MetaDataSchema } from '../../shared/schemas/records';
import type { Logger } from '../logger';
import { createDurableJsonFile } from '../store/durable-json-file';
import { acquireFileLock } from '../store/file-lock';
import { scanLog } from '../store/update-log';

/** A restore refused or failed; the message is for the person running the command. */
export class RestoreError extends Error {
  override readonly name = 'RestoreError';
}

export interface RestoreOptions {
  /** The backup directory. */
  readonly from: string;
  /** The empty (or new) data directory to restore into. */
  readonly dataDir: string;
  readonly logger: Logger;
}

export interface RestoreResult {
  readonly manifest: BackupManifest;
  readonly documents: number;
  readonly bytes: number;
  /** Logs whose last record was cut short; the server cuts it when it opens them. */
  readonly tornTails: string[];
}

function errorCode(error: unknown): string | undefined {
  return error instanceof Error && 'code' in error && typeof error.code === 'string'
    ? error.code
    : undefined;
}

async function readManifest(from: string): Promise<BackupManifest> {
  let text: string;
  try {
    text = await readFile(path.join(from, BACKUP_MANIFEST), 'utf8');
  } catch (error) {
    if (errorCode(error) === 'ENOENT') {
      throw new RestoreError(
        `${from} is not a backup: it has no ${BACKUP_MANIFEST} (a backup that did not finish has none)`,
      );
    }
    throw error;
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new RestoreError(`${path.join(from, BACKUP_MANIFEST)} is not JSON`);
  }
  const parsed = BackupManifestSchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new RestoreError(
      `${path.join(from, BACKUP_MANIFEST)} is not a backup manifest (${issue?.path.join('.') ?? ''}: ${issue?.message ?? ''})`,
    );
  }
  return parsed.data;
}

interface CheckedBackup {
  readonly manifest: BackupManifest;
  /** The metadata as JSON, as it was (not as the schema would reorder it). */
  readonly meta: unknown;
  readonly logs: Array<{ readonly name: string; readonly bytes: Buffer }>;
  readonly tornTails: string[];
}

/** Reads and checks every file the manifest names; nothing is written. */
async function checkBackup(from: string): Promise<CheckedBackup> {
  const manifest = await readManifest(from);
  const logs: Array<{ name: string; bytes: Buffer }> = [];
  const tornTails: string[] = [];
  let meta: unknown;
  for (const file of manifest.files) {
    let bytes: Buffer;
    try {
      bytes = await readFile(path.join(from, file.path));
    } catch (error) {
      throw new RestoreError(
        `${file.path} is missing from the backup (${errorCode(error) ?? String(error)})`,
      );
    }
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    if (bytes.byteLength !== file.bytes || sha256 !== file.sha256) {
      throw new RestoreError(
        `${file.path} in the backup has changed since it was taken (size or SHA-256 differs)`,
      );
    }
    if (file.path === BACKUP_META_FILE) {
      meta = checkMeta(bytes);
      continue;
    }
    const scan = scanLog(bytes);
    if (scan.end === 'bad-header') throw new RestoreError(`${file.path} is not a document log`);
    if (scan.end !== 'clean' || scan.skipped.length > 0) tornTails.push(file.path);
    logs.push({ name: path.basename(file.path), bytes });
  }
  return { manifest, meta, logs, tornTails };
}

function checkMeta(bytes: Buffer): unknown {
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    throw new RestoreError(`${BACKUP_META_FILE} in the backup is not JSON`);
  }
  const version =
    typeof value === 'object' && value !== null && 'formatVersion' in value
      ? value.formatVersion
      : null;
  if (typeof version === 'number' && version > META_FORMAT_VERSION) {
    throw new RestoreError(
      `the backup's metadata has format ${version}, from a newer Improvement Lab; restore it with that version`,
    );
  }
  const parsed = MetaDataSchema.safeParse(value);
  if (!parsed.success) {
    throw new RestoreError(`${BACKUP_META_FILE} in the backup does not match the metadata schema`);
  }
  return value;
}

/** Creates `dataDir` if missing; refuses one that holds anything. */
async function requireEmpty(dataDir: string): Promise<void> {
  let names: string[];
  try {
    const info = await stat(dataDir);
    if (!info.isDirectory()) throw new RestoreError(`DATA_DIR ${dataDir} is not a directory`);
    names = await readdir(dataDir);
  } catch (error) {
    if (errorCode(error) !== 'ENOENT') throw error;
    await mkdir(dataDir, { recursive: true });
    return;
  }
  if (names.length > 0) {
    const shown = names.slice(0, 3).join(', ') + (names.length > 3 ? ', …' : '');
    throw new RestoreError(
      `DATA_DIR ${dataDir} is not empty (it holds ${shown}). A restore writes only into an ` +
        'empty or new directory, so it never mixes two stores or overwrites one: set DATA_DIR ' +
        'to a new directory, or move what is there away first.',
    );
  }
}

async function writeSynced(file: string, bytes: Uint8Array): Promise<void> {
  const handle = await open(file, 'wx', 0o600);
  try {
    await handle.writeFile(bytes);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

async function syncDir(dir: string): Promise<void> {
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

export async function restoreBackup(options: RestoreOptions): Promise<RestoreResult> {
  const from = path.resolve(options.from);
  const dataDir = path.resolve(options.dataDir);
  const checked = await checkBackup(from);
  await requireEmpty(dataDir);
  const metaFile = path.join(dataDir, BACKUP_META_FILE);
  const lock = await acquireFileLock(`${metaFile}.lock`, metaFile, options.logger);
  const staging = path.join(dataDir, `.restore-${randomUUID()}`);
  try {
    const stagedDocs = path.join(staging, BACKUP_DOCS_DIR);
    await mkdir(stagedDocs, { recursive: true });
    for (const log of checked.logs) await writeSynced(path.join(stagedDocs, log.name), log.bytes);
    await syncDir(stagedDocs);
    await rename(stagedDocs, path.join(dataDir, BACKUP_DOCS_DIR));
    await syncDir(dataDir);
    // Both copies, written as the server writes them (temporary files, fsync, rename).
    const metaCopies = createDurableJsonFile<unknown>({
      file: metaFile,
      parse: (data) => ({ ok: true, data }),
      logger: options.logger,
      what: 'metadata',
    });
    await metaCopies.write(checked.meta);
  } finally {
    await rm(staging, { recursive: true, force: true });
    await lock.release();
  }
  return {
    manifest: checked.manifest,
    documents: checked.logs.length,
    bytes: checked.manifest.files.reduce((sum, file) => sum + file.bytes, 0),
    tornTails: checked.tornTails,
  };
}
