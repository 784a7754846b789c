/** Joining, asking to join, withdrawing a request and leaving a group. */
import { Api } from '../../../shared/api-routes';
import { useState } from 'react';
import type { GroupDetail } from '../../../shared/schemas/group';
import type { ApiClient } from '../../lib/api';
import { asApiError } from '../../lib/use-api-data';

function label(detail: GroupDetail): { text: string; action: 'join' | 'leave' } {
  const { group } = detail;
  if (group.myState === 'member') return { text: 'Leave this group', action: 'leave' };
  if (group.myState === 'requested') return { text: 'Withdraw my request', action: 'leave' };
  return group.joinPolicy === 'open'
    ? { text: 'Join this group', action: 'join' }
    : { text: 'Ask to join', action: 'join' };
}

export function MembershipActions(props: {
  api: ApiClient;
  detail: GroupDetail;
  onChanged(detail: GroupDetail): void;
}) {
  const { api, detail, onChanged } = props;
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const { text, action } = label(detail);
  const act = () => {
    setProblem(null);
    setBusy(true);
    api
      .call(action === 'join' ? Api.groups.join : Api.groups.leave, {
        params: { groupId: detail.group.id },
      })
      .then(onChanged, (error: unknown) => setProblem(asApiError(error).message))
      .finally(() => setBusy(false));
  };
  return (
    <div className="nhsuk-form-group">
      {detail.group.myState === 'requested' && (
        <p className="nhsuk-body" data-testid="group-request-waiting">
          Your request to join is waiting for an organiser.
        </p>
      )}
      {problem && (
        <p className="nhsuk-error-message" role="alert">
          {problem}
        </p>
      )}
      <button
        type="button"
        className={`nhsuk-button${action === 'leave' ? ' nhsuk-button--secondary' : ''}`}
        disabled={busy}
        onClick={act}
      >
        {text}
      </button>
    </div>
  );
}
