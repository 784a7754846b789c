/**
 * Readers of item documents damaged before the server checked updates: each skips
 * what breaks the schema, keeps the rest, and says what it left out.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { prepareImport } from '../../server/export/archive-import';
import { createMemoryLogger } from '../../server/logger';
import { createMemoryMetaStore } from '../../server/store/memory-meta-store';
import { createItemRegistrySync } from '../../server/sync/item-registry-sync';
import { readItem } from '../../server/export/read-item';
import { renderMarkdown } from '../../server/export/render-markdown';
import { itemReportDocument } from '../../server/export/report-layout';
import { deriveStatus, readRows } from '../../shared/documents/item-doc';
import { KINDS } from '../../shared/documents/item-kinds';
import { readableRows, shapeProblems } from '../../shared/documents/item-shape';
import { migrateItemDoc, needsMigration } from '../../shared/documents/migrate';
import { ARCHIVE_FORMAT, ARCHIVE_VERSION, type Archive } from '../../shared/schemas/archive';
import { ITEM_KINDS, type ItemKind } from '../../shared/schemas/records';
import { aLab, aMembership, anItem, aUser } from '../contract/meta-store-fixtures';
import { damagedDoc } from '../helpers/damaged-docs';

function load(kind: ItemKind): Y.Doc {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, damagedDoc(kind).state);
  return doc;
}

const LAB = {
  title: 'Falls lab',
  challenge: '',
  phase: 'understand' as const,
  startDate: null,
  endDate: null,
};

describe('reading damaged item documents', () => {
  for (const kind of ITEM_KINDS) {
    it(`a ${kind}: shape problems are listed and lists keep only their sound rows`, () => {
      const doc = load(kind);
      expect(shapeProblems(doc, kind)).toHaveLength(damagedDoc(kind).problems);
      for (const listKey of Object.keys(KINDS[kind].lists)) {
        const rows = readRows(doc, listKey);
        expect(rows.every((row) => typeof row.id === 'string')).toBe(true);
        expect(readableRows(doc, listKey)).toHaveLength(rows.length);
      }
      expect(() => deriveStatus(doc, kind)).not.toThrow();
    });

    it(`a ${kind}: its export keeps the sound content and says what was left out`, () => {
      const doc = load(kind);
      const item = readItem(doc, { id: `item-${kind}`, kind, title: `Damaged ${kind}` });
      expect(item.notices?.length).toBe(damagedDoc(kind).problems);
      const markdown = renderMarkdown(
        itemReportDocument({ lab: LAB, exportedAt: '2026-12-01T10:00:00.000Z', item }),
      );
      expect(markdown).toContain('Part of this item could not be read and is left out.');
      for (const text of damagedDoc(kind).kept) expect(markdown).toContain(text);
    });
  }

  it('the status of a damaged measure counts only its readable points', () => {
    expect(deriveStatus(load('measure'), 'measure')).toBe('2 points');
    expect(deriveStatus(load('drivers'), 'drivers')).toBe('2 nodes');
  });

  it('the item registry reads a damaged measure: its title, and a status counting readable points', async () => {
    const meta = createMemoryMetaStore();
    const user = await meta.createUser(aUser());
    const lab = aLab(user.id);
    await meta.createLab(lab, aMembership(lab.id, user.id));
    const item = await meta.createItem(anItem(lab.id, { kind: 'measure', title: 'Old' }));
    const registry = createItemRegistrySync(meta, createMemoryLogger(), () => new Date());
    registry.onUpdated(item.id, { doc: load('measure') }, user.id);
    await registry.flush();
    expect(meta.getItem(item.id)).toMatchObject({ title: 'Damaged measure', status: '2 points' });
  });

  it('migration puts a wrong kind, a text field that is not a text and a section with junk right', () => {
    const measure = load('measure');
    expect(needsMigration(measure, 'measure')).toBe(true);
    migrateItemDoc(measure, 'measure');
    expect(measure.getMap('meta').get('kind')).toBe('measure');
    const problem = load('problem');
    expect(needsMigration(problem, 'problem')).toBe(true);
    migrateItemDoc(problem, 'problem');
    expect(problem.getMap('fields').get('what')).toBeInstanceOf(Y.Text);
    expect(needsMigration(problem, 'problem')).toBe(false);
    const note = load('note');
    expect(needsMigration(note, 'note')).toBe(true);
    migrateItemDoc(note, 'note');
    expect(shapeProblems(note, 'note')).toEqual([]);
    expect(note.getXmlFragment('text.body').toString()).toContain('Met the ward team on Tuesday');
  });

  it('an archive of damaged documents prepares for import, references rewritten where readable', () => {
    const at = '2026-12-01T10:00:00.000Z';
    const archive: Archive = {
      format: ARCHIVE_FORMAT,
      version: ARCHIVE_VERSION,
      exportedAt: at,
      lab: { ...LAB, id: 'lab-1', createdAt: at },
      items: ITEM_KINDS.filter((kind) => kind !== 'measure').map((kind) => ({
        record: {
          id: `item-${kind}`,
          kind,
          title: `Damaged ${kind}`,
          status: 'draft',
          sharing: 'draft',
          order: 1,
          createdAt: at,
          updatedAt: at,
          archivedAt: null,
        },
        state: Buffer.from(damagedDoc(kind).state).toString('base64'),
      })),
      members: [],
      comments: [],
    } as unknown as Archive; // only the fields prepareImport reads; the schema is tested elsewhere
    const fresh = ITEM_KINDS.map((kind) => `new-${kind}`);
    const prepared = prepareImport(archive, () => fresh.shift() ?? 'spare');
    expect(prepared).toHaveLength(ITEM_KINDS.length - 1);
  });
});
