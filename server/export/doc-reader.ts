/**
 * Reads an item's document for an export: a fresh Y.Doc built from every update
 * the DocStore holds. A room appends each update before it applies it, so the
 * store always has at least what any open room has, compacted or not. The copy
 * is the caller's to change (exports migrate it and convert it) and to destroy.
 */
import * as Y from 'yjs';
import type { DocStore } from '../store/doc-store';
import { applyStored } from '../store/stored-update';

export interface DocReader {
  /** A new Y.Doc with the document's stored state; an empty doc for one never written. */
  read(docId: string): Promise<Y.Doc>;
}

export function createDocReader(store: DocStore): DocReader {
  return {
    async read(docId) {
      const updates = await store.load(docId);
      const doc = new Y.Doc();
      // One transaction: the records are integrated together, and observers run once.
      Y.transact(doc, () => {
        for (const update of updates) applyStored(doc, update);
      });
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
