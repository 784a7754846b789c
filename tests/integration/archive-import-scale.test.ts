/**
 * Archive import does linear work: importing a few hundred items into the
 * embedded stores on disk (with the server's 100 ms group commit) writes the
 * metadata file a constant number of times, not once per item, and does not
 * wait out a group-commit delay per document. Done one by one, this import
 * took about 150 ms an item and would time out here.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { parseArchive, prepareImport, writeImport } from '../../server/export/archive-import';
import { createMemoryLogger } from '../../server/logger';
import { createLogDocStore } from '../../server/store/log-doc-store';
import { createLowdbMetaStore } from '../../server/store/lowdb-meta-store';
import { applyStored } from '../../server/store/stored-update';
import { initItemDoc, readTitle } from '../../shared/documents/item-doc';
import { ARCHIVE_FORMAT, ARCHIVE_VERSION, type Archive } from '../../shared/schemas/archive';

const ITEMS = 300;

function archiveOf(items: number): Archive {
  const at = new Date().toISOString();
  return {
    format: ARCHIVE_FORMAT,
    version: ARCHIVE_VERSION,
    exportedAt: at,
    lab: {
      id: 'lab1',
      title: 'A big lab',
      challenge: '',
      phase: 'understand',
      startDate: null,
      endDate: null,
      createdAt: at,
    },
    items: Array.from({ length: items }, (_, i) => {
      const doc = new Y.Doc();
      initItemDoc(doc, 'note', `Note ${i}`);
      const state = Buffer.from(Y.encodeStateAsUpdate(doc)).toString('base64');
      return {
        record: {
          id: `item${i}`,
          kind: 'note' as const,
          title: `Note ${i}`,
          status: 'draft' as const,
          sharing: 'draft' as const,
          order: i,
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

describe('archive import at scale', () => {
  let dir = '';
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it(`imports ${ITEMS} items writing the metadata file a constant number of times`, async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'improvement-lab-import-'));
    const logger = createMemoryLogger();
    const store = createLogDocStore({
      dir: path.join(dir, 'docs'),
      logger,
      groupCommitMaxDelayMs: 100,
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
    const metaWrites = () => logger.records.filter((r) => r.message === 'metadata saved').length;
    const before = metaWrites();
    let next = 0;
    const newId = () => `new${next++}`;
    const archive = parseArchive(JSON.stringify(archiveOf(ITEMS)));
    const lab = await writeImport(
      { meta, store, now: () => new Date(), newId },
      archive,
      prepareImport(archive, newId),
      importer,
    );
    expect(metaWrites() - before).toBeLessThanOrEqual(2);
    const imported = meta.listItems(lab.id);
    expect(imported).toHaveLength(ITEMS);
    // Every document is on disk and reads back as its item.
    for (const item of [imported[0], imported[ITEMS - 1]]) {
      const doc = new Y.Doc();
      for (const stored of await store.load(item?.id ?? '')) applyStored(doc, stored);
      expect(readTitle(doc)).toBe(item?.title);
    }
    await store.close();
    await meta.close();
  });
});
