/**
 * The backup command's side (`npm run backup`): asks the running server for a
 * backup (`POST /api/admin/backup`), unpacks the tar stream into an empty
 * directory, checks every file against the manifest that comes last (size and
 * SHA-256; nothing but `meta.json` and `docs/<id>.ylog` is accepted), fsyncs it,
 * and writes the manifest as `backup.json` only then: a directory with that file
 * holds a whole backup. On any failure, what it wrote is removed again.
 */
import { createHash } from 'node:crypto';
import { mkdir, open, readdir, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import type { ReadableStream as NodeReadableStream } from 'node:stream/web';
import tar from 'tar-stream';
import {
  BACKUP_DOCS_DIR,
  BACKUP_MANIFEST,
  type BackupManifest,
  BackupManifestSchema,
  isBackupFilePath,
} from '../../shared/schemas/backup';
import { API_TOKEN_PREFIX } from '../auth/authenticate';
import { BACKUP_PATH } from './backup-routes';

/** A backup that could not be taken; the message is for the person running the command. */
export class BackupError extends Error {
  override readonly name = 'BackupError';
}

export interface ReceiveOptions {
  /** The server's base URL, e.g. `http://127.0.0.1:8787`. */
  readonly url: string;
  /** An administrator's API token. */
  readonly token: string;
  /** Where to write the backup: a new or empty directory. */
  readonly dir: string;
}

export interface ReceivedBackup {
  readonly manifest: BackupManifest;
  readonly documents: number;
  readonly bytes: number;
}

const MAX_MANIFEST_BYTES = 64 * 1024 * 1024;

function errorCode(error: unknown): string | undefined {
  return error instanceof Error && 'code' in error && typeof error.code === 'string'
    ? error.code
    : undefined;
}

/** Creates `dir` if missing; refuses one that holds anything. Returns whether it was created. */
async function prepareDir(dir: string): Promise<boolean> {
  try {
    const info = await stat(dir);
    if (!info.isDirectory()) throw new BackupError(`${dir} is not a directory`);
    const names = await readdir(dir);
    if (names.length > 0) {
      throw new BackupError(
        `${dir} is not empty (it holds ${names.slice(0, 3).join(', ')}${names.length > 3 ? ', …' : ''}); ` +
          'back up into a new or empty directory',
      );
    }
    return false;
  } catch (error) {
    if (errorCode(error) !== 'ENOENT') throw error;
    await mkdir(dir, { recursive: true });
    return true;
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

async function requestBackup(options: ReceiveOptions): Promise<Response> {
  const url = `${options.url.replace(/\/+$/, '')}/api${BACKUP_PATH}`;
  let response: Response;
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: { authorization: `Bearer ${options.token}` },
    });
  } catch (error) {
    throw new BackupError(
      `could not reach the server at ${options.url} (${error instanceof Error ? (error.cause instanceof Error ? error.cause.message : error.message) : String(error)}); is it running?`,
    );
  }
  if (response.ok && response.body) return response;
  let message = `HTTP ${response.status}`;
  try {
    const body = (await response.json()) as { error?: { message?: unknown } };
    if (typeof body.error?.message === 'string')
      message = `${body.error.message} (HTTP ${response.status})`;
  } catch {
    // Not the API's JSON error: the status says enough.
  }
  throw new BackupError(`the server refused the backup: ${message}`);
}

interface Received {
  readonly bytes: number;
  readonly sha256: string;
}

/** A tar entry's chunks, which tar-stream types as unknown: Buffers, checked. */
async function* bytesOf(entry: AsyncIterable<unknown>): AsyncIterable<Uint8Array> {
  for await (const chunk of entry) {
    if (!(chunk instanceof Uint8Array)) throw new BackupError('the backup stream is not bytes');
    yield chunk;
  }
}

async function writeEntry(
  file: string,
  entry: AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
): Promise<Received> {
  const handle = await open(file, 'wx', 0o600);
  const hash = createHash('sha256');
  let bytes = 0;
  try {
    for await (const chunk of entry) {
      hash.update(chunk);
      bytes += chunk.byteLength;
      await handle.write(chunk);
    }
    await handle.sync();
  } finally {
    await handle.close();
  }
  return { bytes, sha256: hash.digest('hex') };
}

async function readManifest(
  entry: AsyncIterable<Uint8Array>,
): Promise<{ text: string; manifest: BackupManifest }> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of entry) {
    size += chunk.byteLength;
    if (size > MAX_MANIFEST_BYTES) throw new BackupError('the backup manifest is too large');
    chunks.push(chunk);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new BackupError('the backup manifest is not JSON');
  }
  const parsed = BackupManifestSchema.safeParse(value);
  if (!parsed.success) {
    throw new BackupError(
      `the backup manifest is not valid: ${parsed.error.issues[0]?.message ?? ''}`,
    );
  }
  return { text, manifest: parsed.data };
}

/** Unpacks the stream into `dir`; returns the manifest text once every file matched it. */
async function unpack(
  body: Readable,
  dir: string,
  created: string[],
): Promise<{ text: string; manifest: BackupManifest }> {
  const extract = tar.extract();
  body.on('error', (error) => extract.destroy(error));
  body.pipe(extract);
  try {
    return await unpackEntries(extract, dir, created);
  } finally {
    // Stops the download when unpacking failed; a no-op once it ended.
    body.destroy();
  }
}

async function unpackEntries(
  extract: ReturnType<typeof tar.extract>,
  dir: string,
  created: string[],
): Promise<{ text: string; manifest: BackupManifest }> {
  const received = new Map<string, Received>();
  let manifest: { text: string; manifest: BackupManifest } | null = null;
  for await (const entry of extract) {
    const { name, type } = entry.header;
    if (manifest !== null) throw new BackupError(`the backup has ${name} after its manifest`);
    if (name === BACKUP_MANIFEST && type === 'file') {
      manifest = await readManifest(bytesOf(entry));
      continue;
    }
    if (type !== 'file' || !isBackupFilePath(name) || received.has(name)) {
      throw new BackupError(`the backup holds an unexpected entry: ${JSON.stringify(name)}`);
    }
    if (
      name.startsWith(`${BACKUP_DOCS_DIR}/`) &&
      !created.includes(path.join(dir, BACKUP_DOCS_DIR))
    ) {
      await mkdir(path.join(dir, BACKUP_DOCS_DIR));
      created.push(path.join(dir, BACKUP_DOCS_DIR));
    }
    const file = path.join(dir, name);
    created.push(file);
    received.set(name, await writeEntry(file, bytesOf(entry)));
  }
  if (manifest === null)
    throw new BackupError('the backup ended before its manifest: it is incomplete');
  const listed = manifest.manifest.files;
  if (listed.length !== received.size) {
    throw new BackupError(`the manifest lists ${listed.length} files but ${received.size} arrived`);
  }
  for (const file of listed) {
    const got = received.get(file.path);
    if (!got || got.bytes !== file.bytes || got.sha256 !== file.sha256) {
      throw new BackupError(`${file.path} does not match the manifest (size or SHA-256)`);
    }
  }
  return manifest;
}

export async function receiveBackup(options: ReceiveOptions): Promise<ReceivedBackup> {
  if (!options.token.startsWith(API_TOKEN_PREFIX)) {
    throw new BackupError('the token is not an Improvement Lab API token');
  }
  const dir = path.resolve(options.dir);
  const createdDir = await prepareDir(dir);
  const created: string[] = [];
  try {
    const response = await requestBackup(options);
    // The web stream from fetch, as a Node stream for the tar parser.
    const body = Readable.fromWeb(response.body as unknown as NodeReadableStream<Uint8Array>);
    const { text, manifest } = await unpack(body, dir, created);
    if (created.includes(path.join(dir, BACKUP_DOCS_DIR)))
      await syncDir(path.join(dir, BACKUP_DOCS_DIR));
    const manifestFile = path.join(dir, BACKUP_MANIFEST);
    created.push(manifestFile);
    await writeEntry(manifestFile, [Buffer.from(text, 'utf8')]);
    await syncDir(dir);
    return {
      manifest,
      documents: manifest.files.length - 1,
      bytes: manifest.files.reduce((sum, file) => sum + file.bytes, 0),
    };
  } catch (error) {
    // Leave nothing that could pass for a backup.
    for (const file of created.reverse()) await rm(file, { recursive: true, force: true });
    if (createdDir) await rm(dir, { recursive: true, force: true });
    throw error;
  }
}
