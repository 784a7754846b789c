/**
 * "Changes since you last looked": the passages others changed since this person
 * last dismissed them, marked with who changed them, until they dismiss them
 * again. The first visit only sets the mark.
 */
import { Api } from '../../../shared/api-routes';
import { useEffect } from 'react';
import type { ApiClient } from '../../lib/api';
import { formatDateTime } from '../../lib/dates';
import { useApiData } from '../../lib/use-api-data';
import { DiffView } from './DiffView';
import { peopleText } from './version-labels';

export function ChangesSinceSeen(props: { api: ApiClient; itemId: string; userId: string }) {
  const { api, itemId, userId } = props;
  const [loaded, reload] = useApiData(`changes:${itemId}`, () =>
    api.call(Api.history.changes, { params: { itemId } }),
  );
  const firstVisit = loaded.status === 'ready' && loaded.data.seenAt === null;
  useEffect(() => {
    if (firstVisit) void api.call(Api.history.seen, { params: { itemId } }).catch(() => undefined);
  }, [firstVisit, api, itemId]);
  if (loaded.status !== 'ready' || !loaded.data.comparison) return null;
  const { comparison, seenAt } = loaded.data;
  const others = comparison.diff.summary.people.filter((id) => id !== userId);
  if (others.length === 0) return null;
  return (
    <section
      className="app-history__since nhsuk-inset-text"
      aria-labelledby="changes-since-heading"
    >
      <h2 className="nhsuk-heading-s" id="changes-since-heading">
        Changes since you last looked
      </h2>
      <p className="nhsuk-body-s">
        By {peopleText(others, comparison.names)} since{' '}
        {seenAt ? formatDateTime(seenAt) : 'your last visit'}.
      </p>
      <DiffView diff={comparison.diff} names={comparison.names} mode="compare" />
      <button
        type="button"
        className="nhsuk-button nhsuk-button--secondary nhsuk-button--small"
        onClick={async () => {
          await api.call(Api.history.seen, { params: { itemId } });
          reload();
        }}
      >
        Dismiss, I have seen these
      </button>
    </section>
  );
}
