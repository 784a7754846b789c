/**
 * Invitations not yet used up, expired or withdrawn, by the name of who they are
 * for; a facilitator can send one again (a new link, emailed when it has an
 * address) or withdraw it.
 */
import { Api } from '../../../shared/api-routes';
import { useState } from 'react';
import { ROLE_LABELS } from '../../../shared/roles';
import type { Invite } from '../../../shared/schemas/api-responses';
import type { ApiClient } from '../../lib/api';
import { DataTable } from '../../lib/DataTable';
import { formatDate } from '../../lib/dates';
import { ErrorSummary } from '../../lib/ErrorSummary';
import { apiFormErrors, type FormErrors } from '../../lib/form-errors';
import { InvitationLink } from './InviteForm';

export function PendingInvites(props: {
  api: ApiClient;
  labId: string;
  invites: readonly Invite[];
  onChanged(): void;
}) {
  const { api, labId, invites, onChanged } = props;
  const [errors, setErrors] = useState<FormErrors | null>(null);
  const [resent, setResent] = useState<{ link: string; invite: Invite; emailed: boolean } | null>(
    null,
  );
  const resend = async (invite: Invite) => {
    setErrors(null);
    setResent(null);
    try {
      const answer = await api.call(Api.invites.resend, {
        params: { labId, inviteId: invite.id },
      });
      setResent({
        link: `${window.location.origin}${answer.path}`,
        invite: answer.invite,
        emailed: answer.emailed,
      });
      onChanged();
    } catch (error) {
      setErrors(apiFormErrors(error, {}));
    }
  };
  const withdraw = async (invite: Invite) => {
    setErrors(null);
    try {
      await api.call(Api.invites.withdraw, { params: { labId, inviteId: invite.id } });
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
      {resent && (
        <InvitationLink link={resent.link} invite={resent.invite} emailed={resent.emailed} />
      )}
      {invites.length === 0 ? (
        <p>There are no open invitations.</p>
      ) : (
        <DataTable
          captionHidden
          caption="Open invitation links"
          headings={['For', 'Role', 'Expires', 'Used', 'Actions']}
          testId="invite-table"
          rows={invites.map((invite) => ({
            key: invite.id,
            cells: [
              <span key="who">
                {invite.name || 'Anyone with the link'}
                {invite.email && (
                  <span className="nhsuk-body-s app-break-anywhere">
                    <br />
                    {invite.email}
                  </span>
                )}
                {invite.sentAt && (
                  <span className="nhsuk-body-s">
                    <br />
                    Emailed {formatDate(invite.sentAt)}
                  </span>
                )}
              </span>,
              ROLE_LABELS[invite.role],
              formatDate(invite.expiresAt),
              `${invite.uses} of ${invite.maxUses}`,
              <span key="actions" className="app-invite-actions">
                <button
                  key="resend"
                  className="nhsuk-button nhsuk-button--secondary nhsuk-button--small app-table-button"
                  type="button"
                  onClick={() => void resend(invite)}
                >
                  {invite.email ? 'Send again' : 'New link'}
                  <span className="nhsuk-u-visually-hidden">
                    {' '}
                    for {invite.name || `the ${ROLE_LABELS[invite.role].toLowerCase()} invitation`}
                  </span>
                </button>
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
                </button>
              </span>,
            ],
          }))}
        />
      )}
    </section>
  );
}
