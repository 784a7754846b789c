/** What an invitation offers: the lab, its challenge, the role (and items to review) and when the link expires. */
import { ROLE_DESCRIPTIONS } from '../../../shared/roles';
import type { InvitationDetails as Details } from '../../../shared/schemas/api-responses';
import { formatDate } from '../../lib/dates';

export function InvitationDetails({ invitation }: { invitation: Details }) {
  return (
    <>
      <h1 className="nhsuk-heading-l">
        <span className="nhsuk-caption-l">You are invited to join</span> {invitation.lab.title}
      </h1>
      {invitation.lab.challenge && (
        <div className="nhsuk-inset-text">
          <span className="nhsuk-u-visually-hidden">The lab’s challenge: </span>
          <p>{invitation.lab.challenge}</p>
        </div>
      )}
      {invitation.note && (
        <div className="nhsuk-inset-text" data-testid="invitation-note">
          <span className="nhsuk-u-visually-hidden">A note from the facilitator: </span>
          <p className="app-pre-wrap">{invitation.note}</p>
        </div>
      )}
      <dl className="nhsuk-summary-list">
        <div className="nhsuk-summary-list__row">
          <dt className="nhsuk-summary-list__key">Your role</dt>
          <dd className="nhsuk-summary-list__value" data-testid="invited-role">
            <strong>{invitation.roleLabel}</strong>
            <br />
            {ROLE_DESCRIPTIONS[invitation.role]}
          </dd>
        </div>
        {invitation.items.length > 0 && (
          <div className="nhsuk-summary-list__row">
            <dt className="nhsuk-summary-list__key">You are asked to review</dt>
            <dd className="nhsuk-summary-list__value" data-testid="invited-items">
              <ul className="nhsuk-list">
                {invitation.items.map((title) => (
                  <li key={title}>{title}</li>
                ))}
              </ul>
            </dd>
          </div>
        )}
        <div className="nhsuk-summary-list__row">
          <dt className="nhsuk-summary-list__key">Link expires</dt>
          <dd className="nhsuk-summary-list__value">{formatDate(invitation.expiresAt)}</dd>
        </div>
      </dl>
    </>
  );
}
