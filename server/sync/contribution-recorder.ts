/**
 * Records the first time each person changes each item, or a group's notes (the
 * MetaStore's contributions, with the group's id as their place), which is how the
 * workspace knows who worked together. Told of every
 * stored update like the item registry; after a person's first update to a loaded
 * document it only looks the person up in a set, so the per-update cost is one lookup.
 */
import { groupIdOfNotesDoc } from '../../shared/network/groups';
import type { Logger } from '../logger';
import type { MetaStore } from '../store/meta-store';
import type { LoadedDoc } from './item-registry-sync';

export type OnUpdated = (docId: string, source: LoadedDoc, userId: string | null) => void;

export function createContributionRecorder(
  meta: MetaStore,
  logger: Logger,
  now: () => Date,
): OnUpdated {
  // Per loaded document (forgotten with it): its lab (for a group's notes, the group),
  // or null when it is neither.
  const seen = new WeakMap<LoadedDoc, { labId: string | null; people: Set<string> }>();
  const placeOf = (docId: string) => {
    const groupId = groupIdOfNotesDoc(docId);
    if (groupId !== null) return meta.getGroup(groupId)?.id ?? null;
    return meta.getItem(docId)?.labId ?? null;
  };
  return (docId, source, userId) => {
    if (userId === null) return;
    let entry = seen.get(source);
    if (entry === undefined) {
      entry = { labId: placeOf(docId), people: new Set() };
      seen.set(source, entry);
    }
    if (entry.labId === null || entry.people.has(userId)) return;
    entry.people.add(userId);
    meta
      .recordContribution({
        labId: entry.labId,
        itemId: docId,
        userId,
        firstAt: now().toISOString(),
      })
      .catch((error: unknown) =>
        logger.error('contribution not recorded', { docId, userId, error }),
      );
  };
}
