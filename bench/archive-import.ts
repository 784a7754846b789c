/**
 * `tsx bench/archive-import.ts [--items N] [--json]`: how long importing a lab
 * archive of N items (default 2000: notes with a paragraph each) takes, through
 * the code the import route runs (parse, check and remap, write), into the
 * embedded stores on disk with the server's own settings (append-only logs with
 * 100 ms group commit, lowdb metadata). Prints the seconds, and the work that
 * shows whether it grows linearly: whole-file metadata writes and the bytes
 * they wrote, and document fsyncs.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import * as Y from 'yjs';
import { parseArchive, prepareImport, writeImport } from '../server/export/archive-import';
import { createMemoryLogger } from '../server/logger';
import { createLogDocStore, type Fsync } from '../server/store/log-doc-store';
import { createLowdbMetaStore } from '../server/store/lowdb-meta-store';
import { initItemDoc, setTitle } from '../shared/documents/item-doc';
import { ARCHIVE_FORMAT, ARCHIVE_VERSION, type Archive } from '../shared/schemas/archive';

const { values } = parseArgs({
  options: {
    items: { type: 'string', default: '2000' },
    json: { type: 'boolean', default: false },
  },
});
const count = Number(values.items);
if (!Number.isInteger(count) || count < 1) throw new Error('--items must be a whole number');

function archiveOf(items: number): Archive {
  const at = new Date('2026-01-05T09:00:00Z').toISOString();
  return {
    format: ARCHIVE_FORMAT,
    version: ARCHIVE_VERSION,
    exportedAt: at,
    lab: {
      id: 'benchlab',
      title: 'Import benchmark',
      challenge: '',
      phase: 'understand',
      startDate: null,
      endDate: null,
      createdAt: at,
    },
    items: Array.from({ length: items }, (_, i) => {
      const doc = new Y.Doc();
      initItemDoc(doc, 'note', `Note ${i + 1}`);
      setTitle(doc, `Note ${i + 1} about falls on the ward`);
      const state = Buffer.from(Y.encodeStateAsUpdate(doc)).toString('base64');
      doc.destroy();
      return {
        record: {
          id: `item${i}`,
          kind: 'note' as const,
          title: `Note ${i + 1}`,
          status: 'draft' as const,
          sharing: 'draft' as const,
          order: i + 1,
          createdAt: at,
          updatedAt: at,
          archivedAt: null,
        },
        state,
      };
    }),
    members: [],
  };
}

/** Whole-file metadata writes so far: the lowdb store logs each one. */
function countMetaWrites(logger: ReturnType<typeof createMemoryLogger>): number {
  return logger.records.filter((record) => record.message === 'metadata saved').length;
}

async function main(): Promise<void> {
  const dir = mkdtempSync(path.join(tmpdir(), 'improvement-lab-import-bench-'));
  const logger = createMemoryLogger();
  let fsyncs = 0;
  const fsync: Fsync = (handle, { target }) => {
    fsyncs += 1;
    return target === 'log' ? handle.datasync() : handle.sync();
  };
  const store = createLogDocStore({
    dir: path.join(dir, 'docs'),
    logger,
    groupCommitMaxDelayMs: 100,
    fsync,
  });
  const meta = await createLowdbMetaStore({ file: path.join(dir, 'meta.json'), logger });
  const importer = await meta.createUser({
    id: 'importer',
    email: 'importer@example.org',
    name: 'Importer',
    profession: 'nurse',
    passwordHash: 'scrypt$1$1$1$AA$AA',
    isAdmin: true,
    canCreateLabs: true,
    createdAt: new Date().toISOString(),
  });
  const text = JSON.stringify(archiveOf(count));
  const metaWritesBefore = countMetaWrites(logger);
  let next = 0;
  const started = process.hrtime.bigint();
  const archive = parseArchive(text);
  const prepared = prepareImport(archive, () => `n${next++}`);
  const lab = await writeImport(
    { meta, store, now: () => new Date(), newId: () => `n${next++}` },
    archive,
    prepared,
    importer,
  );
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const figures = {
    items: count,
    archiveBytes: text.length,
    seconds: Math.round(seconds * 100) / 100,
    imported: meta.listItems(lab.id).length,
    documentFsyncs: fsyncs,
    metaWrites: countMetaWrites(logger) - metaWritesBefore,
  };
  await store.close();
  await meta.close();
  rmSync(dir, { recursive: true, force: true });
  if (values.json) process.stdout.write(`${JSON.stringify(figures)}\n`);
  else
    process.stdout.write(
      `archive import: ${figures.items} items (${(figures.archiveBytes / 1e6).toFixed(1)} MB) in ${figures.seconds} s; ` +
        `${figures.documentFsyncs} document fsyncs, ${figures.metaWrites} metadata file writes\n`,
    );
}

main().catch((error: unknown) => {
  process.stderr.write(`${String(error)}\n`);
  process.exitCode = 1;
});
