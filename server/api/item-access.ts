/**
 * What a person may do with one item: the shared policy applied to their role in
 * the item's lab, the item's sharing state and, for a reviewer invited to some
 * items only, that scope. Used by every route and by the sync layer.
 */
import { type Actor, docRights } from '../../shared/policy';
import type { DocRights } from '../../shared/roles';
import type { ItemRecord } from '../../shared/schemas/records';
import type { MetaStore } from '../store/meta-store';

export function itemRights(meta: MetaStore, actor: Actor, item: ItemRecord): DocRights | null {
  const membership = meta.getMembership(item.labId, actor.userId);
  return docRights(actor, membership?.role ?? null, item.sharing, {
    itemId: item.id,
    itemIds: membership?.itemIds,
  });
}
