/**
 * What the history API asks of the versions of one item: the list, one version
 * read-only, a comparison (of two versions, or a version with now), a restore,
 * the last-seen mark and what changed since it, and deleting old versions.
 */
import * as Y from 'yjs';
import type { ItemDiff } from '../../shared/history/diff-model';
import { diffItem } from '../../shared/history/item-diff';
import {
  deleteSetUpdate,
  encodeVersionStep,
  structsOnlyUpdate,
  visibleAt,
} from '../../shared/history/snapshots';
import type { ItemKind } from '../../shared/schemas/records';
import type { VersionSummary } from '../../shared/schemas/history';
import type { HistoryIndex, StoredVersion } from '../store/history-store';
import type { HistoryService } from './history-service';
import { restoreInto } from './restore-change';

export class VersionNotFound extends Error {}

/** Versions as listed: newest first, marks of last-seen folded into the next version. */
export function listVersions(index: HistoryIndex): VersionSummary[] {
  const out: VersionSummary[] = [];
  let carried: string[] = [];
  for (const version of index.versions) {
    if (version.reason === 'seen') {
      carried = carried.concat(version.people);
      continue;
    }
    out.push({
      id: version.id,
      at: version.at,
      name: version.name,
      reason: version.reason,
      takenBy: version.takenBy,
      people: [...new Set([...carried, ...version.people])].sort(),
      restoredFrom: version.restoredFrom,
    });
    carried = [];
  }
  return out.reverse();
}

export function summary(version: StoredVersion): VersionSummary {
  const { step: _step, ...rest } = version;
  return rest;
}

function position(index: HistoryIndex, versionId: string): number {
  const at = index.versions.findIndex((version) => version.id === versionId);
  if (at === -1) throw new VersionNotFound(versionId);
  return at;
}

export type ReadDoc = <T>(docId: string, read: (doc: Y.Doc) => T) => Promise<T>;

/** Compares version `fromId` with `toId`, or with the item now (`toId` null). */
export async function compare(
  history: HistoryService,
  read: ReadDoc,
  docId: string,
  kind: ItemKind,
  fromId: string,
  toId: string | null,
): Promise<{ from: StoredVersion; to: StoredVersion | null; diff: ItemDiff }> {
  const now =
    toId === null
      ? await read(docId, (doc) => ({
          snapshot: Y.snapshot(doc),
          state: Y.encodeStateAsUpdateV2(doc),
        }))
      : null;
  return history.queue(docId, async () => {
    const index = await history.index(docId);
    const loaded = await history.content.load(docId, index);
    const from = position(index, fromId);
    const to = toId === null ? null : position(index, toId);
    if (now) Y.applyUpdateV2(loaded.doc, now.state);
    const before = loaded.snapshot(from) as Y.Snapshot;
    const after = now ? now.snapshot : (loaded.snapshot(to as number) as Y.Snapshot);
    const diff = diffItem(loaded.doc, kind, before, after, history.authorship(docId, index));
    return {
      from: index.versions[from] as StoredVersion,
      to: to === null ? null : (index.versions[to] as StoredVersion),
      diff,
    };
  });
}

/** The item as it is now, every passage with its author. */
export async function authorshipNow(
  history: HistoryService,
  read: ReadDoc,
  docId: string,
  kind: ItemKind,
): Promise<ItemDiff> {
  const now = await read(docId, (doc) => ({
    snapshot: Y.snapshot(doc),
    state: Y.encodeStateAsUpdateV2(doc),
  }));
  return history.queue(docId, async () => {
    const index = await history.index(docId);
    const loaded = await history.content.load(docId, index);
    Y.applyUpdateV2(loaded.doc, now.state);
    return diffItem(loaded.doc, kind, now.snapshot, now.snapshot, history.authorship(docId, index));
  });
}

/**
 * Restores version `versionId` as a new change on top of the present, made for
 * `userId` through the room (so everyone connected sees it): a version of the
 * present is taken first, and the restore is a version itself, so restoring the
 * one taken before undoes it.
 */
export async function restore(
  history: HistoryService,
  read: ReadDoc,
  change: (docId: string, change: (doc: Y.Doc) => void) => Promise<void>,
  docId: string,
  kind: ItemKind,
  versionId: string,
  userId: string,
): Promise<StoredVersion> {
  const version = await history.queue(docId, async () => {
    const index = await history.index(docId);
    const loaded = await history.content.load(docId, index);
    const snapshot = loaded.snapshot(position(index, versionId)) as Y.Snapshot;
    return Y.createDocFromSnapshot(loaded.doc, snapshot);
  });
  try {
    await read(docId, (doc) =>
      history.capture(docId, doc, { reason: 'before-restore', takenBy: userId }),
    );
    await history.asAuthor(docId, userId, () =>
      change(docId, (doc) => restoreInto(doc, version, kind)),
    );
    const taken = await read(docId, (doc) =>
      history.capture(docId, doc, { reason: 'restore', takenBy: userId, restoredFrom: versionId }),
    );
    if (!taken) throw new Error('the restore was not recorded as a version');
    return taken;
  } finally {
    version.destroy();
  }
}

/** Remembers that `userId` has seen the item as it is now. */
export async function markSeen(
  history: HistoryService,
  read: ReadDoc,
  docId: string,
  userId: string,
  at: string,
): Promise<void> {
  const version = await read(docId, (doc) => history.capture(docId, doc, { reason: 'seen' }));
  if (!version) return;
  await history.queue(docId, async () => {
    const index = await history.index(docId);
    await history.writeIndex(docId, {
      ...index,
      seen: { ...index.seen, [userId]: { versionId: version.id, at } },
    });
  });
}

/** Who else changed the item since `userId` last looked, and how much, from the authorship alone. */
export async function changesSinceSeen(
  history: HistoryService,
  docId: string,
  userId: string,
): Promise<{ seenAt: string | null; people: string[]; amount: number }> {
  const index = await history.index(docId);
  const seen = index.seen[userId];
  if (!seen) return { seenAt: null, people: [], amount: 0 };
  const at = index.versions.findIndex((version) => version.id === seen.versionId);
  if (at === -1) return { seenAt: seen.at, people: [], amount: 0 };
  const loaded = await history.content.load(docId, index);
  const snapshot = loaded.snapshot(at) as Y.Snapshot;
  const data = history.authorship(docId, index).toJSON();
  const counts = new Map<string, number>();
  const count = (author: number, len: number) => {
    const person = data.people[author];
    if (person && person !== userId) counts.set(person, (counts.get(person) ?? 0) + len);
  };
  for (const [client, clock, len, author] of data.inserted) {
    const from = Math.max(clock, snapshot.sv.get(client) ?? 0);
    if (from < clock + len) count(author, clock + len - from);
  }
  for (const [client, clock, len, author] of data.deleted)
    if (visibleAt(snapshot, client, clock)) count(author, len);
  return {
    seenAt: seen.at,
    people: [...counts.keys()].sort(),
    amount: [...counts.values()].reduce((sum, n) => sum + n, 0),
  };
}

/**
 * Deletes the versions taken before `before`, and the content only they showed:
 * the history's document is rebuilt with everything deleted by the first version
 * kept collected as garbage, so text removed before it is gone from storage.
 * Answers how many listed versions went (hidden last-seen marks go uncounted): the
 * number the lab's versions page asks to confirm.
 */
export async function deleteVersionsBefore(
  history: HistoryService,
  docId: string,
  before: Date,
): Promise<number> {
  return history.queue(docId, async () => {
    const index = await history.index(docId);
    const keepFrom = index.versions.findIndex((version) => new Date(version.at) >= before);
    const removed = keepFrom === -1 ? index.versions.length : keepFrom;
    if (removed === 0) return 0;
    const loaded = await history.content.load(docId, index);
    const kept = index.versions.slice(removed);
    const firstKept = loaded.snapshot(removed);
    const rebuilt = new Y.Doc({ gc: true });
    // Without the history's own deletions: those after the first version kept must stay readable.
    Y.applyUpdate(rebuilt, structsOnlyUpdate(loaded.doc));
    if (firstKept) Y.applyUpdate(rebuilt, deleteSetUpdate(firstKept.ds));
    const content = Y.encodeStateAsUpdateV2(rebuilt);
    rebuilt.destroy();
    const versions = kept.map((version, i) =>
      i === 0 && firstKept
        ? { ...version, step: Buffer.from(encodeVersionStep(firstKept, null)).toString('base64') }
        : version,
    );
    const keptIds = new Set(versions.map((version) => version.id));
    const seen = Object.fromEntries(
      Object.entries(index.seen).filter(([, mark]) => keptIds.has(mark.versionId)),
    );
    history.content.forget(docId);
    await history.writeIndex(
      docId,
      { ...index, versions, seen },
      firstKept ? content : Y.encodeStateAsUpdateV2(new Y.Doc()),
    );
    return index.versions.slice(0, removed).filter((version) => version.reason !== 'seen').length;
  });
}

/** Version `versionId` of an item as a document of its own (for exports). */
export async function versionDoc(
  history: HistoryService,
  docId: string,
  versionId: string,
): Promise<{ version: StoredVersion; doc: Y.Doc }> {
  return history.queue(docId, async () => {
    const index = await history.index(docId);
    const at = position(index, versionId);
    const loaded = await history.content.load(docId, index);
    return {
      version: index.versions[at] as StoredVersion,
      doc: Y.createDocFromSnapshot(loaded.doc, loaded.snapshot(at) as Y.Snapshot),
    };
  });
}
