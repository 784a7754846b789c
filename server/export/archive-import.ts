/**
 * Importing a lab archive as a new lab. Everything is checked before anything
 * is written: the JSON against the archive schema, each state as a complete
 * Yjs update of a document of the item's kind. Then every item gets a new id,
 * references between items inside documents (a PDSA cycle's change idea, a
 * driver diagram node's change idea) are rewritten to the new ids, documents go
 * to the DocStore and the lab and items to the MetaStore, with the importing
 * person as the lab's facilitator. Members and comments in the archive are not
 * recreated: they belong to accounts on the instance the archive came from.
 */
import * as Y from 'yjs';
import { fieldsMap } from '../../shared/documents/item-doc';
import { readableRows } from '../../shared/documents/item-shape';
import { META_MAP, MetaKey } from '../../shared/documents/names';
import { type Archive, type ArchiveItemRecord, ArchiveSchema } from '../../shared/schemas/archive';
import type { ItemKind, LabRecord, UserRecord } from '../../shared/schemas/records';
import type { DocStore } from '../store/doc-store';
import type { MetaStore } from '../store/meta-store';

/** What is wrong with an archive, in words the person importing it can act on. */
export class ArchiveError extends Error {
  override readonly name = 'ArchiveError';
}

export interface PreparedItem {
  readonly record: ArchiveItemRecord;
  readonly newId: string;
  /** The document's state with references rewritten, as one update. */
  readonly update: Uint8Array;
}

export function parseArchive(text: string): Archive {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new ArchiveError('The file is not a lab archive: it is not valid JSON.');
  }
  const result = ArchiveSchema.safeParse(raw);
  if (!result.success) {
    const problems = result.error.issues
      .slice(0, 5)
      .map((issue) => `${issue.path.join('.') || 'archive'}: ${issue.message}`)
      .join('; ');
    throw new ArchiveError(`The file is not a valid lab archive (${problems}).`);
  }
  return result.data;
}

function describe(record: ArchiveItemRecord): string {
  return `item "${record.title || record.id}"`;
}

/** The archived state as a document, refusing bytes that are not one complete Yjs update. */
function loadState(record: ArchiveItemRecord, state: string): Y.Doc {
  const bytes = new Uint8Array(Buffer.from(state, 'base64'));
  const doc = new Y.Doc();
  try {
    Y.decodeUpdate(bytes);
    Y.applyUpdate(doc, bytes);
  } catch {
    doc.destroy();
    throw new ArchiveError(
      `The ${describe(record)} has a document state that is not valid Yjs data.`,
    );
  }
  if (doc.store.pendingStructs !== null || doc.store.pendingDs !== null) {
    doc.destroy();
    throw new ArchiveError(
      `The ${describe(record)} has an incomplete document state (it depends on changes the archive does not contain).`,
    );
  }
  const kind = doc.getMap(META_MAP).get(MetaKey.Kind);
  if (kind !== undefined && kind !== record.kind) {
    doc.destroy();
    throw new ArchiveError(
      `The ${describe(record)} is registered as a ${record.kind} but its document is a ${String(kind)}.`,
    );
  }
  return doc;
}

/** A reference to an archived item, rewritten to its new id; null when it points outside the archive. */
function remapped(value: unknown, ids: ReadonlyMap<string, string>): string | null {
  return typeof value === 'string' ? (ids.get(value) ?? null) : null;
}

/**
 * Where each kind keeps the ids of other items: fields, and columns of list rows.
 * (A note's cluster, an idea's, driver's or cause's `fromRow`, and a board's `driverNode` and
 * `causeNode` name rows inside an item, which keep their ids.)
 */
const ITEM_REFERENCES: Partial<
  Record<
    ItemKind,
    { fields?: readonly string[]; lists?: Readonly<Record<string, readonly string[]>> }
  >
> = {
  pdsa: { fields: ['ideaId'] },
  idea: { fields: ['fromBoard'] },
  drivers: { lists: { nodes: ['ideaId', 'fromBoard'] } },
  fishbone: { lists: { causes: ['fromBoard'] } },
  measure: { lists: { points: ['pdsaId'] } },
  workshop: {
    lists: {
      clusters: ['ideaId', 'driverDiagram', 'causeFishbone'],
      notes: ['ideaId', 'driverDiagram', 'causeFishbone'],
    },
  },
};

function remapReferences(doc: Y.Doc, record: ArchiveItemRecord, ids: ReadonlyMap<string, string>) {
  const references = ITEM_REFERENCES[record.kind];
  if (!references) return;
  const remap = (map: Y.Map<unknown>, key: string) => {
    const old = map.get(key);
    if (old !== undefined && old !== null && old !== '') map.set(key, remapped(old, ids));
  };
  doc.transact(() => {
    const fields = fieldsMap(doc);
    for (const key of references.fields ?? []) remap(fields, key);
    for (const [list, columns] of Object.entries(references.lists ?? {})) {
      // Rows that break the schema are kept as they are (readers skip them with a notice).
      for (const row of readableRows(doc, list)) for (const key of columns) remap(row, key);
    }
  });
}

/** Checks every item and rewrites its references; throws ArchiveError before anything is written. */
export function prepareImport(archive: Archive, newId: () => string): PreparedItem[] {
  const ids = new Map<string, string>();
  for (const { record } of archive.items) {
    if (ids.has(record.id))
      throw new ArchiveError(`Two items in the archive share the id "${record.id}".`);
    ids.set(record.id, newId());
  }
  return archive.items.map(({ record, state }) => {
    const doc = loadState(record, state);
    try {
      remapReferences(doc, record, ids);
      return { record, newId: ids.get(record.id) ?? newId(), update: Y.encodeStateAsUpdate(doc) };
    } finally {
      doc.destroy();
    }
  });
}

export interface ImportDeps {
  readonly meta: MetaStore;
  readonly store: DocStore;
  readonly now: () => Date;
  readonly newId: () => string;
}

/**
 * Documents written at once during an import: enough to overlap their fsyncs,
 * few enough to keep open files bounded.
 */
export const IMPORT_WRITE_CONCURRENCY = 16;

/** Runs `work` over `items`, at most `limit` at a time; rejects with the first failure. */
async function eachLimited<T>(
  items: readonly T[],
  limit: number,
  work: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const item = items[next++] as T;
      await work(item);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

/**
 * Writes the prepared lab: documents first, so no registry entry points at a
 * missing document. Linear in the number of items: each document is released
 * as soon as it is appended (which starts its fsync at once instead of waiting
 * out the group-commit delay, about 100 ms an item when done one by one), and
 * the lab and every registry entry are created in one synchronous burst, so the
 * metadata file is written once rather than once per item (each whole-file
 * write grows with the items before it: 2,000 items took 277 s).
 */
export async function writeImport(
  deps: ImportDeps,
  archive: Archive,
  items: readonly PreparedItem[],
  importer: UserRecord,
): Promise<LabRecord> {
  await eachLimited(items, IMPORT_WRITE_CONCURRENCY, async (item) => {
    const receipt = deps.store.append(item.newId, item.update);
    await deps.store.release(item.newId);
    await receipt.durable;
  });
  const now = deps.now().toISOString();
  const labId = deps.newId();
  const created = deps.meta.createLab(
    {
      id: labId,
      title: archive.lab.title,
      challenge: archive.lab.challenge,
      phase: archive.lab.phase,
      startDate: archive.lab.startDate,
      endDate: archive.lab.endDate,
      createdAt: now,
      createdBy: importer.id,
      archivedAt: null,
    },
    { labId, userId: importer.id, role: 'facilitator', joinedAt: now },
  );
  // The lab is in the store now unless it was refused: then no item may point at it.
  if (deps.meta.getLab(labId) === null) return created;
  // Not awaited one by one: each call changes the store synchronously, and the
  // writes they wait for coalesce into one.
  const registered = items.map(({ record, newId }) =>
    deps.meta.createItem({ ...record, id: newId, labId, updatedBy: null }),
  );
  const [lab] = await Promise.all([created, ...registered]);
  return lab;
}
