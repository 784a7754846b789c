/**
 * A participant's own changes to a board's document, made over the socket (so undo
 * and presence work as on every other item): clusters and which cluster a note is
 * in, and a cluster's name. Notes themselves, votes, settings and what a row becomes go
 * through the API (`workshop-routes.ts`, `workshop-outcomes.ts`).
 */
import * as Y from 'yjs';
import { addRow, list } from '../../../shared/documents/item-doc';

function newRowId(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(8)), (b) =>
    b.toString(16).padStart(2, '0'),
  ).join('');
}

export function addCluster(doc: Y.Doc, label: string): string {
  const id = newRowId();
  addRow(doc, 'workshop', 'clusters', id, { label });
  return id;
}

/** Puts a note in a cluster, or (null) back among the ungrouped. */
export function moveNote(doc: Y.Doc, noteId: string, clusterId: string | null): void {
  for (const row of list(doc, 'notes')) {
    if (row.get('id') === noteId) row.set('cluster', clusterId);
  }
}

/** Renames a cluster: its label's text replaced in one transaction (one step to undo). */
export function renameCluster(doc: Y.Doc, clusterId: string, label: string): void {
  for (const row of list(doc, 'clusters')) {
    if (row.get('id') !== clusterId) continue;
    const text = row.get('label');
    if (!(text instanceof Y.Text)) return;
    doc.transact(() => {
      text.delete(0, text.length);
      text.insert(0, label);
    });
  }
}
