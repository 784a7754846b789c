/**
 * The content of a document's versions, loaded: the history's document (garbage
 * collection off, so text deleted since a version is still there to show) and each
 * version's snapshot. A few documents' worth are kept in memory, most recently used
 * first, so opening the version list, a version and a comparison one after another
 * loads them once.
 */
import * as Y from 'yjs';
import { decodeVersionSteps } from '../../shared/history/snapshots';
import type { HistoryIndex, HistoryStore } from '../store/history-store';

export interface LoadedHistory {
  readonly doc: Y.Doc;
  /** Snapshots of `index.versions`, in the same order. */
  readonly snapshots: Y.Snapshot[];
}

const KEEP = 8;

export function stepBytes(step: string): Uint8Array {
  return new Uint8Array(Buffer.from(step, 'base64'));
}

export class VersionContent {
  private readonly cache = new Map<string, LoadedHistory>();

  constructor(private readonly store: HistoryStore) {}

  /** The content and snapshots of `index` (the stored index of `docId`). */
  async load(docId: string, index: HistoryIndex): Promise<LoadedHistory> {
    const cached = this.cache.get(docId);
    if (cached && cached.snapshots.length === index.versions.length) {
      this.cache.delete(docId);
      this.cache.set(docId, cached);
      return cached;
    }
    const doc = new Y.Doc({ gc: false });
    const content = await this.store.readContent(docId);
    if (content) Y.applyUpdateV2(doc, content);
    const loaded = {
      doc,
      snapshots: decodeVersionSteps(index.versions.map((version) => stepBytes(version.step))),
    };
    this.remember(docId, loaded);
    return loaded;
  }

  remember(docId: string, loaded: LoadedHistory): void {
    const old = this.cache.get(docId);
    if (old && old !== loaded) old.doc.destroy();
    this.cache.delete(docId);
    this.cache.set(docId, loaded);
    for (const [id, entry] of this.cache) {
      if (this.cache.size <= KEEP) break;
      this.cache.delete(id);
      entry.doc.destroy();
    }
  }

  forget(docId: string): void {
    this.cache.get(docId)?.doc.destroy();
    this.cache.delete(docId);
  }
}
