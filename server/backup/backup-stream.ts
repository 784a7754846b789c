/**
 * A snapshot (`snapshot.ts`) as a tar stream: `meta.json`, then `docs/<id>.ylog`
 * for each document (each read from its link, exactly its length then), then
 * `backup.json`, the manifest with every file's size and SHA-256, computed while
 * streaming. The links are removed when the stream ends, fails or is cancelled.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import tar from 'tar-stream';
import {
  BACKUP_FORMAT,
  BACKUP_MANIFEST,
  BACKUP_META_FILE,
  BACKUP_VERSION,
  type BackupFile,
  type BackupManifest,
} from '../../shared/schemas/backup';
import type { Snapshot } from './snapshot';

type Pack = ReturnType<typeof tar.pack>;

function addBuffer(pack: Pack, name: string, bytes: Buffer, mtime: Date): Promise<void> {
  return new Promise((resolve, reject) => {
    pack.entry({ name, size: bytes.byteLength, mode: 0o600, mtime }, bytes, (error) =>
      error ? reject(error) : resolve(),
    );
  });
}

/** Streams the first `bytes` bytes of `file` into the pack as `name`; returns its SHA-256. */
async function addFilePrefix(
  pack: Pack,
  name: string,
  file: string,
  bytes: number,
  mtime: Date,
): Promise<string> {
  const hash = createHash('sha256');
  let done: () => void = () => undefined;
  let failed: (error: Error) => void = () => undefined;
  const written = new Promise<void>((resolve, reject) => {
    done = resolve;
    failed = reject;
  });
  const sink = pack.entry({ name, size: bytes, mode: 0o600, mtime }, (error) =>
    error ? failed(error) : done(),
  );
  let copied = 0;
  if (bytes > 0) {
    for await (const chunk of createReadStream(file, { start: 0, end: bytes - 1 })) {
      const data = chunk as Buffer;
      copied += data.byteLength;
      hash.update(data);
      if (!sink.write(data))
        await new Promise<void>((resolve) => sink.once('drain', () => resolve()));
    }
  }
  if (copied !== bytes) {
    // Only a repair of a damaged tail truncates a log, and only while it loads.
    throw new Error(`${name} was cut to ${copied} of ${bytes} bytes while it was copied`);
  }
  sink.end(undefined);
  await written;
  return hash.digest('hex');
}

async function writeAll(pack: Pack, snapshot: Snapshot): Promise<void> {
  const mtime = snapshot.takenAt;
  const files: BackupFile[] = [];
  const meta = Buffer.from(snapshot.metaText, 'utf8');
  await addBuffer(pack, BACKUP_META_FILE, meta, mtime);
  files.push({
    path: BACKUP_META_FILE,
    bytes: meta.byteLength,
    sha256: createHash('sha256').update(meta).digest('hex'),
  });
  for (const doc of snapshot.docs) {
    const name = `docs/${doc.docId}.ylog`;
    const sha256 = await addFilePrefix(pack, name, doc.file, doc.bytes, mtime);
    files.push({ path: name, bytes: doc.bytes, sha256 });
  }
  const manifest: BackupManifest = {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    takenAt: snapshot.takenAt.toISOString(),
    files,
  };
  await addBuffer(
    pack,
    BACKUP_MANIFEST,
    Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`),
    mtime,
  );
  pack.finalize();
}

/**
 * The tar stream of `snapshot`. `onEnd` is told whether it was read to the end
 * (or why not) once its links are gone.
 */
export function backupStream(
  snapshot: Snapshot,
  onEnd: (error: unknown) => void,
): ReadableStream<Uint8Array> {
  const pack = tar.pack();
  let ended = false;
  const end = (error: unknown) => {
    if (ended) return;
    ended = true;
    void snapshot.dispose().then(
      () => onEnd(error),
      () => onEnd(error),
    );
  };
  writeAll(pack, snapshot).catch((error: unknown) => {
    pack.destroy(error instanceof Error ? error : new Error(String(error)));
    end(error);
  });
  const chunks = pack[Symbol.asyncIterator]();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const next = await chunks.next();
        if (next.done) {
          controller.close();
          end(null);
          return;
        }
        controller.enqueue(new Uint8Array(next.value as Buffer));
      } catch (error) {
        controller.error(error);
        end(error);
      }
    },
    cancel(reason) {
      pack.destroy();
      end(reason ?? new Error('the backup was cancelled'));
    },
  });
}
