/**
 * For the overview: which items others changed since this person last looked at
 * them, by whom and how much (`GET /labs/<id>/changes`), fetched again whenever
 * an item of the lab changes. Reviewers have no history, so nothing is asked.
 */
import { Api } from '../../../shared/api-routes';
import type { LabChangesResponse } from '../../../shared/schemas/history';
import type { ApiClient } from '../../lib/api';
import { useApiData } from '../../lib/use-api-data';
import type { OverviewItem } from './overview-items';

/** Per item id, the sentence the overview shows under it. */
export function useChangesSinceSeen(
  api: ApiClient,
  items: readonly OverviewItem[],
): ReadonlyMap<string, string> {
  const labId = items[0]?.labId ?? null;
  const staff = items.some((item) => item.rights !== 'comment');
  const latest =
    items
      .map((item) => item.updatedAt)
      .sort()
      .at(-1) ?? '';
  const none: LabChangesResponse = { items: [], names: {} };
  const [loaded] = useApiData(`lab-changes:${labId}:${latest}`, async () =>
    labId && staff ? api.call(Api.labs.changes, { params: { labId } }) : none,
  );
  const out = new Map<string, string>();
  if (loaded.status !== 'ready') return out;
  const { names } = loaded.data;
  for (const change of loaded.data.items) {
    if (change.people.length === 0) continue;
    const who = change.people
      .map((id) => names[id] ?? 'Former member')
      .sort((a, b) => a.localeCompare(b))
      .join(', ');
    const amount = `${change.amount} ${change.amount === 1 ? 'change' : 'changes'}`;
    out.set(change.itemId, `Changed since you last looked by ${who} (${amount})`);
  }
  return out;
}
