/** The lab's PDSA cycles this person can see, for linking a data point to the cycle it followed. */

import { Api } from '../../../shared/api-routes';
import type { ApiClient } from '../../lib/api';
import { useApiData } from '../../lib/use-api-data';

export interface PdsaCycle {
  readonly id: string;
  readonly title: string;
}

export function usePdsaCycles(api: ApiClient, labId: string): readonly PdsaCycle[] {
  const [loaded] = useApiData(`pdsa-cycles:${labId}`, () =>
    api.call(Api.labs.items, { params: { labId } }),
  );
  if (loaded.status !== 'ready') return [];
  return loaded.data.items
    .filter((item) => item.kind === 'pdsa' && !item.archived)
    .map((item) => ({ id: item.id, title: item.title || 'Untitled PDSA cycle' }));
}
