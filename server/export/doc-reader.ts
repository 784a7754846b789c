/**
 * Reads an item's document for an export: a fresh Y.Doc built from every update
 * the DocStore holds. A room appends each update before it applies it, so the
 * store always has at least what any open room has, compacted or not. The copy
 * is the caller's to change (exports migrate it and convert it) and to destroy.
 */
import * as Y from 'yjs';
import type { DocStore } from '../store/doc-store';

export interface DocReader {
  /** A new Y.Doc with the document's stored state; an empty doc for one never written. */
  read(docId: string): Promise<Y.Doc>;
}

export function createDocReader(store: DocStore): DocReader {
  return {
    async read(docId) {
      const updates = await store.load(docId);
      const doc = new Y.Doc();
      // One merged update applies in one pass instead of one integration per record.
      if (updates.length > 0) Y.applyUpdate(doc, Y.mergeUpdates(updates));
      return doc;
    },
  };
}

/** Reads a document, hands it to `use`, and destroys it afterwards. */
export async function withDoc<T>(
  reader: DocReader,
  docId: string,
  use: (doc: Y.Doc) => T | Promise<T>,
): Promise<T> {
  const doc = await reader.read(docId);
  try {
    return await use(doc);
  } finally {
    doc.destroy();
  }
}
