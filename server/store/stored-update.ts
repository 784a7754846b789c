/**
 * Applying what a DocStore holds to a Y.Doc, whichever Yjs encoding each update is in.
 */
import * as Y from 'yjs';
import type { StoredUpdate } from './doc-store';

export function applyStored(doc: Y.Doc, stored: StoredUpdate, origin?: unknown): void {
  if (stored.encoding === 'v2') Y.applyUpdateV2(doc, stored.update, origin);
  else Y.applyUpdate(doc, stored.update, origin);
}

/** A document's whole state in the encoding compaction stores. */
export function compactedState(doc: Y.Doc): StoredUpdate {
  return { update: Y.encodeStateAsUpdateV2(doc), encoding: 'v2' };
}

/**
 * Applies every stored update in one transaction, skipping any that fails (reported with
 * its index) so one damaged update never loses the rest. True when all applied.
 */
export function applyEachStored(
  doc: Y.Doc,
  updates: readonly StoredUpdate[],
  skipped: (index: number, error: unknown) => void,
): boolean {
  let allApplied = true;
  Y.transact(doc, () => {
    updates.forEach((stored, index) => {
      try {
        applyStored(doc, stored);
      } catch (error) {
        allApplied = false;
        skipped(index, error);
      }
    });
  });
  return allApplied;
}
