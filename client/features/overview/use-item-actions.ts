/**
 * What the overview does when someone changes an item: save through the
 * registry, say so in a message (focused when it failed, or when the item left
 * the list), and after a move put focus back on the moved item's button once it
 * shows in its new place. The list itself follows the registry through the lab
 * feed, so the saved change (or, after a failure, what the server has) shows by itself.
 */
import { type RefObject, useCallback, useEffect, useRef, useState } from 'react';
import type { ApiClient } from '../../lib/api';
import { asApiError } from '../../lib/use-api-data';
import type { FocusRequest } from './ItemRow';
import { changeItem, confirmation, type ItemChange } from './item-changes';
import { movePatches, type OverviewItem } from './overview-items';

export interface Notice {
  readonly text: string;
  readonly error: boolean;
}

export interface ItemActions {
  readonly notice: Notice | null;
  readonly noticeRef: RefObject<HTMLDivElement | null>;
  readonly focus: FocusRequest | null;
  onFocused(): void;
  change(item: OverviewItem, next: ItemChange): Promise<boolean>;
  move(group: readonly OverviewItem[], index: number, step: -1 | 1): Promise<void>;
}

export function useItemActions(api: ApiClient): ItemActions {
  const [notice, setNotice] = useState<Notice | null>(null);
  const [focus, setFocus] = useState<FocusRequest | null>(null);
  const noticeRef = useRef<HTMLDivElement>(null);
  const onFocused = useCallback(() => setFocus(null), []);
  useEffect(() => {
    if (notice?.error) noticeRef.current?.focus();
  }, [notice]);

  const save = async (
    item: OverviewItem,
    changes: ReadonlyArray<readonly [string, ItemChange]>,
    text: string,
  ): Promise<boolean> => {
    try {
      for (const [id, change] of changes) await changeItem(api, id, change);
      setNotice({ text, error: false });
      return true;
    } catch (error) {
      const reason = asApiError(error).message;
      setNotice({ text: `“${item.title}” was not changed: ${reason}`, error: true });
      return false;
    }
  };
  const change = async (item: OverviewItem, next: ItemChange) => {
    const saved = await save(item, [[item.id, next]], confirmation(item.title, next));
    // An archived item leaves the list: focus goes to the message that says where it went.
    if (saved && next.type === 'archive') noticeRef.current?.focus();
    return saved;
  };
  const move = async (group: readonly OverviewItem[], index: number, step: -1 | 1) => {
    const item = group[index];
    if (!item) return;
    const patches = movePatches(group, index, step);
    const changes = patches.map((p) => [p.id, { type: 'order', order: p.order }] as const);
    const text = `“${item.title}” moved ${step < 0 ? 'up' : 'down'}.`;
    if (!(await save(item, changes, text))) return;
    const order = patches.find((patch) => patch.id === item.id)?.order ?? item.order;
    setFocus({ id: item.id, where: step < 0 ? 'up' : 'down', order });
  };
  return { notice, noticeRef, focus, onFocused, change, move };
}
