/** Invitations not yet used up, expired or withdrawn; a facilitator can withdraw one. */
import { useState } from 'react';
import { ROLE_LABELS } from '../../../shared/roles';
import type { Invite } from '../../../shared/schemas/api-responses';
import type { ApiClient } from '../../lib/api';
import { DataTable } from '../../lib/DataTable';
import { formatDate } from '../../lib/dates';
import { ErrorSummary } from '../../lib/ErrorSummary';
import { apiFormErrors, type FormErrors } from '../../lib/form-errors';

export function PendingInvites(props: {
  api: ApiClient;
  labId: string;
  invites: readonly Invite[];
  onChanged(): void;
}) {
  const { api, labId, invites, onChanged } = props;
  const [errors, setErrors] = useState<FormErrors | null>(null);
  const withdraw = async (invite: Invite) => {
    setErrors(null);
    try {
      await api.request('DELETE', `/labs/${labId}/invites/${invite.id}`);
      onChanged();
    } catch (error) {
      setErrors(apiFormErrors(error, {}));
    }
  };
  return (
    <section aria-labelledby="pending-heading">
      <h2 className="nhsuk-heading-m" id="pending-heading">
        Invitations not yet used
      </h2>
      <ErrorSummary errors={errors} />
      {invites.length === 0 ? (
        <p>There are no open invitations.</p>
      ) : (
        <DataTable
          captionHidden
          caption="Open invitation links"
          headings={['Role', 'Created', 'Expires', 'Used', 'Action']}
          testId="invite-table"
          rows={invites.map((invite) => ({
            key: invite.id,
            cells: [
              ROLE_LABELS[invite.role],
              formatDate(invite.createdAt),
              formatDate(invite.expiresAt),
              `${invite.uses} of ${invite.maxUses}`,
              <button
                key="withdraw"
                className="nhsuk-button nhsuk-button--secondary nhsuk-button--small app-table-button"
                type="button"
                onClick={() => void withdraw(invite)}
              >
                Withdraw
                <span className="nhsuk-u-visually-hidden">
                  {' '}
                  invitation for a {ROLE_LABELS[invite.role].toLowerCase()}, created{' '}
                  {formatDate(invite.createdAt)}
                </span>
              </button>,
            ],
          }))}
        />
      )}
    </section>
  );
}
