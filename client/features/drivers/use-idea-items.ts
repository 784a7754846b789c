/**
 * The lab's change-idea items, for the titles shown on idea nodes and for the
 * picker: a change idea on the diagram is the same record as in the lab's list.
 */
import { useCallback, useMemo } from 'react';
import type { Item, ItemWithRights } from '../../../shared/schemas/api-responses';
import type { ApiClient } from '../../lib/api';
import { useApiData } from '../../lib/use-api-data';

export interface IdeaItems {
  /** Not archived, in the lab's order. */
  readonly ideas: readonly Item[];
  /** Titles of every change idea this person can see, archived ones too. */
  readonly titles: ReadonlyMap<string, string>;
  readonly error: string | null;
  readonly loading: boolean;
  reload(): void;
  /** Creates a change idea in the lab; resolves to it, and reloads the list. */
  create(title: string): Promise<Item>;
}

export function useIdeaItems(api: ApiClient, labId: string): IdeaItems {
  const path = `/labs/${encodeURIComponent(labId)}/items`;
  const [loaded, reload] = useApiData(`drivers-ideas:${labId}`, () =>
    api.request<{ items: ItemWithRights[] }>('GET', path),
  );
  const all = useMemo(
    () => (loaded.status === 'ready' ? loaded.data.items.filter((i) => i.kind === 'idea') : []),
    [loaded],
  );
  const create = useCallback(
    async (title: string) => {
      const answer = await api.request<{ item: Item }>('POST', path, { kind: 'idea', title });
      reload();
      return answer.item;
    },
    [api, path, reload],
  );
  const ideas = useMemo(() => all.filter((i) => !i.archived), [all]);
  const titles = useMemo(() => new Map(all.map((i) => [i.id, i.title])), [all]);
  return {
    ideas,
    titles,
    error: loaded.status === 'error' ? loaded.error.message : null,
    loading: loaded.status === 'loading',
    reload,
    create,
  };
}
