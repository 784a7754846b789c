/** The lab's items the person may see (not archived), from the registry: titles, kinds, status. */

import type { ItemWithRights } from '../../../shared/schemas/api-responses';
import type { ApiClient } from '../../lib/api';
import { type Loaded, useApiData } from '../../lib/use-api-data';

export function useLabItems(api: ApiClient, labId: string): Loaded<readonly ItemWithRights[]> {
  const [loaded] = useApiData(`pdsa-lab-items:${labId}`, async () => {
    const { items } = await api.request<{ items: ItemWithRights[] }>(
      'GET',
      `/labs/${encodeURIComponent(labId)}/items`,
    );
    return items.filter((item) => !item.archived);
  });
  return loaded;
}
