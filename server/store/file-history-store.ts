/**
 * The history store under `DATA_DIR/history`: per document `<id>.index` (the index,
 * JSON) and `<id>.content` (the content), both deflated (mostly text and ids). Each is written to
 * a temporary file, fsync'd and renamed over the old one, so a crash leaves either
 * the old or the new file, never half of one. Versions are taken minutes apart, so
 * rewriting a document's files whole is cheap next to its edits. One process owns a
 * DATA_DIR (its writer lock) and writes each document's history in turn, so the
 * revision check reads the stored index first without racing anyone.
 */
import { mkdir, open, readdir, readFile, rename, stat } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { deflateRaw, inflateRaw } from 'node:zlib';
import {
  expectedRevision,
  HistoryConflict,
  type HistoryIndex,
  HistoryIndexSchema,
  type HistoryStore,
} from './history-store';

const deflate = promisify(deflateRaw);
const inflate = promisify(inflateRaw);

async function readOptional(file: string): Promise<Buffer | null> {
  try {
    return await readFile(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

async function writeDurably(file: string, bytes: Uint8Array): Promise<void> {
  const tmp = `${file}.tmp`;
  const handle = await open(tmp, 'w');
  try {
    await handle.writeFile(bytes);
    await handle.sync();
  } finally {
    await handle.close();
  }
  await rename(tmp, file);
}

async function sizeOf(file: string): Promise<number> {
  try {
    return (await stat(file)).size;
  } catch {
    return 0;
  }
}

export function createFileHistoryStore(dir: string): HistoryStore {
  let ready: Promise<unknown> | null = null;
  // Document ids are checked where they enter (`shared/doc-id.ts`): safe as file names.
  const fileOf = (docId: string, ext: string) => path.join(dir, `${docId}.${ext}`);
  async function readIndex(docId: string): Promise<HistoryIndex | null> {
    const bytes = await readOptional(fileOf(docId, 'index'));
    if (bytes === null) return null;
    const text = Buffer.from(await inflate(bytes)).toString('utf8');
    return HistoryIndexSchema.parse(JSON.parse(text)) as HistoryIndex;
  }
  return {
    readIndex,
    async readContent(docId) {
      const bytes = await readOptional(fileOf(docId, 'content'));
      return bytes === null ? null : new Uint8Array(await inflate(bytes));
    },
    async write(docId, index, content) {
      ready ??= mkdir(dir, { recursive: true });
      await ready;
      const stored = await readIndex(docId);
      const storedRevision = stored === null ? 0 : expectedRevision(stored);
      const expected = expectedRevision(index);
      if (storedRevision !== expected) throw new HistoryConflict(docId, expected, storedRevision);
      // The content first: an index never names versions whose content is missing.
      if (content) await writeDurably(fileOf(docId, 'content'), await deflate(content));
      await writeDurably(
        fileOf(docId, 'index'),
        await deflate(JSON.stringify({ ...index, revision: expected + 1 })),
      );
    },
    async bytes(docId) {
      const [json, content] = await Promise.all([
        sizeOf(fileOf(docId, 'index')),
        sizeOf(fileOf(docId, 'content')),
      ]);
      return json + content;
    },
    async docIds() {
      let names: string[];
      try {
        names = await readdir(dir);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
        throw error;
      }
      return names
        .filter((name) => name.endsWith('.index'))
        .map((name) => name.slice(0, -'.index'.length))
        .sort();
    },
  };
}
