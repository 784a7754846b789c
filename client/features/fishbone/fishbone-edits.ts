/**
 * Changes to a fishbone's document: categories and causes are rows (`list.categories`,
 * `list.causes`); a cause names what it is under in `parent` (a category's or a
 * cause's id), so causes nest to any depth. Removing a category or a cause
 * removes everything under it, in one transaction, so nobody sees half of it
 * and one undo brings it all back.
 */
import * as Y from 'yjs';
import { addRow, list } from '../../../shared/documents/item-doc';
import { readableRows } from '../../../shared/documents/item-shape';

export function newRowId(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(8)), (b) =>
    b.toString(16).padStart(2, '0'),
  ).join('');
}

export function rowText(doc: Y.Doc, listKey: string, id: string, column: string): Y.Text | null {
  for (const row of readableRows(doc, listKey)) {
    if (row.get('id') !== id) continue;
    const value = row.get(column);
    return value instanceof Y.Text ? value : null;
  }
  return null;
}

export function addCategories(doc: Y.Doc, labels: readonly string[]): string[] {
  const ids = labels.map(() => newRowId());
  doc.transact(() => {
    labels.forEach((label, i) => {
      addRow(doc, 'fishbone', 'categories', ids[i] as string, { label });
    });
  });
  return ids;
}

export function addCause(doc: Y.Doc, parentId: string, label = ''): string {
  const id = newRowId();
  addRow(doc, 'fishbone', 'causes', id, { label, parent: parentId });
  return id;
}

/** Every cause under `rootId`, at any depth. */
function descendants(doc: Y.Doc, rootId: string): Set<string> {
  const parentOf = new Map<string, string>();
  for (const row of readableRows(doc, 'causes')) {
    const parent = row.get('parent');
    if (typeof row.get('id') === 'string' && parent instanceof Y.Text)
      parentOf.set(row.get('id') as string, parent.toString());
  }
  const found = new Set<string>();
  let grew = true;
  while (grew) {
    grew = false;
    for (const [id, parent] of parentOf) {
      if (!found.has(id) && (parent === rootId || found.has(parent))) {
        found.add(id);
        grew = true;
      }
    }
  }
  return found;
}

function removeRows(rows: Y.Array<Y.Map<unknown>>, ids: ReadonlySet<string>): void {
  for (let index = rows.length - 1; index >= 0; index -= 1) {
    const row: unknown = rows.get(index);
    if (row instanceof Y.Map && ids.has(row.get('id') as string)) rows.delete(index, 1);
  }
}

/** Removes a cause or a category and everything under it; returns how many causes went. */
export function removeBranch(doc: Y.Doc, id: string): number {
  const under = descendants(doc, id);
  doc.transact(() => {
    removeRows(list(doc, 'causes'), new Set([...under, id]));
    removeRows(list(doc, 'categories'), new Set([id]));
  });
  return under.size;
}

/**
 * Puts a cause (with everything under it) under `parentId`, a category; false
 * when it is there already or gone. `parent` is a shared text, so two people
 * moving the same cause at once can leave it naming no category: it is then
 * listed under "Other causes" (`shared/diagrams/fishbone.ts`), never hidden,
 * and moved from there like any other.
 */
export function moveCause(doc: Y.Doc, causeId: string, parentId: string): boolean {
  const parent = rowText(doc, 'causes', causeId, 'parent');
  if (!parent || parent.toString() === parentId) return false;
  doc.transact(() => {
    parent.delete(0, parent.length);
    parent.insert(0, parentId);
  });
  return true;
}
