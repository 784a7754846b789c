/**
 * The content of a document's versions, loaded: the history's document (garbage
 * collection off, so text deleted since a version is still there to show) and each
 * version's step, whose snapshot is built only when asked for (adding up the
 * deletions of the steps before it). A few documents' worth are kept in memory,
 * most recently used first, so opening the version list, a version and a
 * comparison one after another loads them once.
 */
import * as Y from 'yjs';
import type { HistoryIndex, HistoryStore } from '../store/history-store';

const KEEP = 8;

export function stepBytes(step: string): Uint8Array {
  return new Uint8Array(Buffer.from(step, 'base64'));
}

export class LoadedHistory {
  private readonly full = new Map<number, Y.Snapshot>();

  constructor(
    /** Which stored versions these are (`versionsKey`). */
    public key: string,
    readonly doc: Y.Doc,
    /** Each version's state vector with the deletions since the one before. */
    private readonly steps: Y.Snapshot[],
  ) {}

  get length(): number {
    return this.steps.length;
  }

  /** The snapshot of version `index` (in stored order), or null past the end. */
  snapshot(index: number): Y.Snapshot | null {
    const step = this.steps[index];
    if (!step) return null;
    let snapshot = this.full.get(index);
    if (!snapshot) {
      const ds = Y.mergeDeleteSets(this.steps.slice(0, index + 1).map((s) => s.ds));
      snapshot = Y.createSnapshot(ds, step.sv);
      this.full.set(index, snapshot);
    }
    return snapshot;
  }

  /** The last version's snapshot, or null for none. */
  last(): Y.Snapshot | null {
    return this.snapshot(this.steps.length - 1);
  }

  /** Adds a version taken now: its full snapshot and its encoded step. */
  push(snapshot: Y.Snapshot, step: Uint8Array, key: string): void {
    this.key = key;
    this.full.set(this.steps.length, snapshot);
    this.steps.push(Y.decodeSnapshotV2(step));
  }
}

/**
 * Names the versions an index lists: with several processes writing one history,
 * another may have taken versions (or deleted old ones) since this one cached it.
 */
export function versionsKey(versions: readonly { readonly id: string }[]): string {
  return `${versions.length}:${versions[0]?.id ?? ''}:${versions[versions.length - 1]?.id ?? ''}`;
}

export class VersionContent {
  private readonly cache = new Map<string, LoadedHistory>();

  constructor(private readonly store: HistoryStore) {}

  /** The content and snapshots of `index` (the stored index of `docId`). */
  async load(docId: string, index: HistoryIndex): Promise<LoadedHistory> {
    const cached = this.cache.get(docId);
    const key = versionsKey(index.versions);
    if (cached && cached.key === key) {
      this.cache.delete(docId);
      this.cache.set(docId, cached);
      return cached;
    }
    const doc = new Y.Doc({ gc: false });
    const content = await this.store.readContent(docId);
    if (content) Y.applyUpdateV2(doc, content);
    const steps = index.versions.map((version) => Y.decodeSnapshotV2(stepBytes(version.step)));
    const loaded = new LoadedHistory(key, doc, steps);
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
