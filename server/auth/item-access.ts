/**
 * What a person may do with one item: the shared policy applied to their role in
 * the item's lab, the item's sharing state and, for a reviewer invited to some
 * items only, that scope. Used by every route and by the sync layer.
 */
import { type Actor, docRights, mayInLab } from '../../shared/policy';
import type { DocRights } from '../../shared/roles';
import type { ItemWithRights } from '../../shared/schemas/api-responses';
import type { ItemKind, ItemRecord } from '../../shared/schemas/records';
import { presentItem } from '../presenters';
import type { MetaStore } from '../store/meta-store';
import { actorOf, authenticateSession } from './authenticate';

export function itemRights(meta: MetaStore, actor: Actor, item: ItemRecord): DocRights | null {
  const membership = meta.getMembership(item.labId, actor.userId);
  const role = membership?.role ?? null;
  const rights = docRights(actor, role, item.sharing, {
    itemId: item.id,
    itemIds: membership?.itemIds,
  });
  // A locked workshop board: only those who run it still edit (their sockets reconnect
  // with these rights when the lock changes, so the socket itself refuses edits).
  if (rights === 'edit' && item.kind === 'workshop' && meta.getWorkshop(item.id)?.locked)
    return mayInLab(actor, role, 'lab.update') ? 'edit' : 'read';
  return rights;
}

/** Whether the person is a reviewer in the lab (their comments are stored without a name). */
export function isReviewerIn(meta: MetaStore, labId: string, userId: string): boolean {
  return meta.getMembership(labId, userId)?.role === 'reviewer';
}

/** An item as `actor` may see it, with their rights; null when they may not see it at all. */
export function visibleItem(
  meta: MetaStore,
  actor: Actor,
  item: ItemRecord,
): ItemWithRights | null {
  const rights = itemRights(meta, actor, item);
  return rights === null ? null : { ...presentItem(item), rights };
}

/** The items of a lab that `actor` may see, in the lab's order, with their rights. */
export function visibleItems(meta: MetaStore, actor: Actor, labId: string): ItemWithRights[] {
  return meta.listItems(labId).flatMap((item) => visibleItem(meta, actor, item) ?? []);
}

/**
 * The kind of item `itemId` for the holder of session `token`, checked as the item's
 * own API route checks it: null unless the session is live and its person may see
 * the item. The page sent for an item's address uses it to name the kind's code.
 */
export function visibleItemKind(
  meta: MetaStore,
  token: string | undefined,
  itemId: string,
  now: Date,
): ItemKind | null {
  const found = authenticateSession(meta, token, now);
  const item = found ? meta.getItem(itemId) : null;
  if (!found || !item) return null;
  return itemRights(meta, actorOf(found.user), item) === null ? null : item.kind;
}
