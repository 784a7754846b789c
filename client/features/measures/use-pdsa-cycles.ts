/** The lab's PDSA cycles this person can see, for linking a data point to the cycle it followed. */

import type { ItemWithRights } from '../../../shared/schemas/api-responses';
import type { ApiClient } from '../../lib/api';
import { useApiData } from '../../lib/use-api-data';

export interface PdsaCycle {
  readonly id: string;
  readonly title: string;
}

export function usePdsaCycles(api: ApiClient, labId: string): readonly PdsaCycle[] {
  const [loaded] = useApiData(`pdsa-cycles:${labId}`, () =>
    api.request<{ items: ItemWithRights[] }>('GET', `/labs/${encodeURIComponent(labId)}/items`),
  );
  if (loaded.status !== 'ready') return [];
  return loaded.data.items
    .filter((item) => item.kind === 'pdsa' && !item.archived)
    .map((item) => ({ id: item.id, title: item.title || 'Untitled PDSA cycle' }));
}
