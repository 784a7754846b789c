/** A group's members, and for its organisers the requests to join with approve and decline. */
import { Api } from '../../../shared/api-routes';
import { useState } from 'react';
import { PROFESSION_LABELS, PROFESSIONS } from '../../../shared/roles';
import type { GroupDetail, GroupMember } from '../../../shared/schemas/group';
import type { ApiClient } from '../../lib/api';
import { asApiError } from '../../lib/use-api-data';

const professionLabel = (value: string) =>
  PROFESSION_LABELS[PROFESSIONS.find((p) => p === value) ?? 'other'];

function describe(member: GroupMember): string {
  const role = member.role === 'organiser' ? ', organiser' : '';
  return `${member.name} (${professionLabel(member.profession)}${role})`;
}

export function GroupMembers(props: { detail: GroupDetail }) {
  const { members } = props.detail;
  return (
    <section aria-labelledby="group-members-heading">
      <h2 className="nhsuk-heading-m" id="group-members-heading">
        Members
      </h2>
      <ul className="nhsuk-list nhsuk-list--bullet" data-testid="group-members">
        {members.map((member) => (
          <li key={member.userId}>{describe(member)}</li>
        ))}
      </ul>
    </section>
  );
}

export function GroupRequests(props: {
  api: ApiClient;
  detail: GroupDetail;
  onChanged(detail: GroupDetail): void;
}) {
  const { api, detail, onChanged } = props;
  const [problem, setProblem] = useState<string | null>(null);
  const answer = (userId: string, approve: boolean) => {
    setProblem(null);
    api
      .call(Api.groups.answerRequest, {
        params: { groupId: detail.group.id, userId },
        body: { approve },
      })
      .then(onChanged, (error: unknown) => setProblem(asApiError(error).message));
  };
  return (
    <section aria-labelledby="group-requests-heading">
      <h2 className="nhsuk-heading-m" id="group-requests-heading">
        Requests to join
      </h2>
      {problem && (
        <p className="nhsuk-error-message" role="alert">
          {problem}
        </p>
      )}
      {detail.requests.length === 0 ? (
        <p className="nhsuk-body">No requests waiting.</p>
      ) : (
        <ul className="nhsuk-list" data-testid="group-requests">
          {detail.requests.map((request) => (
            <li key={request.userId} className="app-group-request">
              <span>{describe(request)}</span>{' '}
              <button
                type="button"
                className="nhsuk-button nhsuk-button--small nhsuk-u-margin-bottom-0"
                onClick={() => answer(request.userId, true)}
              >
                Approve<span className="nhsuk-u-visually-hidden"> {request.name}</span>
              </button>{' '}
              <button
                type="button"
                className="nhsuk-button nhsuk-button--secondary nhsuk-button--small nhsuk-u-margin-bottom-0"
                onClick={() => answer(request.userId, false)}
              >
                Decline<span className="nhsuk-u-visually-hidden"> {request.name}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
