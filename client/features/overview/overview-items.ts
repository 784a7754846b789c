/**
 * What the lab overview works out from the item registry: items grouped by
 * kind in the Model for Improvement's order, the most recently changed, the
 * words for unresolved comments, and the order values a move needs.
 */

import type { ItemWithRights } from '../../../shared/schemas/api-responses';
import { ITEM_KINDS, type ItemKind } from '../../../shared/schemas/records';

/** An item of the registry as the overview reads it (it counts unresolved comments too). */
export type OverviewItem = ItemWithRights;

export const KIND_GROUP_LABELS: Readonly<Record<ItemKind, string>> = {
  problem: 'Problem statement and aim',
  drivers: 'Driver diagrams',
  idea: 'Change ideas',
  pdsa: 'PDSA cycles',
  measure: 'Measures',
  note: 'Notes',
  fishbone: 'Fishbone diagrams',
  process: 'Process maps',
  workshop: 'Workshop boards',
};

export function groupByKind(
  items: readonly OverviewItem[],
): ReadonlyArray<{ kind: ItemKind; items: OverviewItem[] }> {
  return ITEM_KINDS.map((kind) => ({
    kind,
    items: items.filter((item) => item.kind === kind).sort((a, b) => a.order - b.order),
  })).filter((group) => group.items.length > 0);
}

export function recentlyChanged(items: readonly OverviewItem[], count: number): OverviewItem[] {
  return [...items].sort((a, b) => b.updatedAt.localeCompare(a.updatedAt)).slice(0, count);
}

export function unresolvedCommentsText(count: number | undefined): string | null {
  if (!count) return null;
  return `${count} unresolved ${count === 1 ? 'comment' : 'comments'}`;
}

/**
 * The new `order` of each item that must change to move `group[index]` one
 * place up (-1) or down (+1) within its group. Items keep the group's own order
 * values where they are all different (two swap); equal values (items made
 * at the same moment) are first spread out as 1, 2, 3…
 */
export function movePatches(
  group: readonly OverviewItem[],
  index: number,
  step: -1 | 1,
): Array<{ id: string; order: number }> {
  const target = index + step;
  if (index < 0 || index >= group.length || target < 0 || target >= group.length) return [];
  const orders = group.map((item) => item.order);
  const distinct = new Set(orders).size === orders.length;
  const slots = distinct ? orders : orders.map((_, i) => i + 1);
  const moved = [...group];
  const [item] = moved.splice(index, 1);
  if (item === undefined) return [];
  moved.splice(target, 0, item);
  return moved.flatMap((each, i) => {
    const order = slots[i] ?? i + 1;
    return each.order === order ? [] : [{ id: each.id, order }];
  });
}
