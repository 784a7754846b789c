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
