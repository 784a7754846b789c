/** The lab's items the person may see, not archived, live from the lab feed (titles, kinds, facts). */
import { useMemo } from 'react';
import type { ItemWithRights } from '../../../shared/schemas/api-responses';
import { useLabItems } from '../../lib/lab-items';
import type { Loaded } from '../../lib/use-api-data';

export function useActiveLabItems(labId: string): Loaded<readonly ItemWithRights[]> {
  const items = useLabItems(labId);
  return useMemo(
    () =>
      items.status === 'ready'
        ? { status: 'ready', data: items.data.filter((item) => !item.archived) }
        : items,
    [items],
  );
}
