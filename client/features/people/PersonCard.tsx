/**
 * One account on the people page: who, their labs and roles, whether it is
 * active or held back after wrong passwords, and what an administrator can do:
 * deactivate or reactivate, unlock, make a password-reset link (shown to pass on,
 * or emailed), and grant or remove the rights to create labs and to administer.
 */
import { useState } from 'react';
import { Api } from '../../../shared/api-routes';
import { ROLE_LABELS } from '../../../shared/roles';
import type { AdminPerson, PasswordResetLink } from '../../../shared/schemas/accounts-api';
import type { ApiClient } from '../../lib/api';
import { CopyButton } from '../../lib/CopyButton';
import { formatDateTime } from '../../lib/dates';
import { ErrorSummary } from '../../lib/ErrorSummary';
import { apiFormErrors, type FormErrors } from '../../lib/form-errors';

interface Props {
  readonly api: ApiClient;
  readonly person: AdminPerson;
  /** The administrator looking: they act on their own account elsewhere. */
  readonly isMe: boolean;
  readonly emailAvailable: boolean;
  onChanged(): void;
}

function Status({ person }: { person: AdminPerson }) {
  if (person.deactivated) return <strong className="nhsuk-tag nhsuk-tag--grey">Deactivated</strong>;
  if (person.lockedForSeconds > 0) {
    return <strong className="nhsuk-tag nhsuk-tag--orange">Sign-in held back</strong>;
  }
  return <strong className="nhsuk-tag nhsuk-tag--green">Active</strong>;
}

export function PersonCard({ api, person, isMe, emailAvailable, onChanged }: Props) {
  const [errors, setErrors] = useState<FormErrors | null>(null);
  const [link, setLink] = useState<PasswordResetLink | null>(null);
  const [busy, setBusy] = useState(false);
  const params = { userId: person.id };
  const act = async <T,>(call: () => Promise<T>): Promise<T | null> => {
    setErrors(null);
    setBusy(true);
    try {
      const answer = await call();
      onChanged();
      return answer;
    } catch (error) {
      setErrors(apiFormErrors(error, {}));
      return null;
    } finally {
      setBusy(false);
    }
  };
  const resetLink = async (send: boolean) => {
    const answer = await act(() =>
      api.call(Api.admin.passwordResetLink, { params, body: { send } }),
    );
    if (answer) setLink(answer);
  };
  const headingId = `person-${person.id}`;
  const button = 'nhsuk-button nhsuk-button--secondary nhsuk-button--small app-person-action';
  const about = <span className="nhsuk-u-visually-hidden"> for {person.name}</span>;
  return (
    <li className="nhsuk-card app-person-card" aria-labelledby={headingId}>
      <div className="nhsuk-card__content">
        <h2 className="nhsuk-card__heading nhsuk-heading-s" id={headingId}>
          {person.name}
          {isMe && ' (you)'}
        </h2>
        <p className="nhsuk-body-s app-person-email">{person.email}</p>
        <p className="nhsuk-body-s">
          <Status person={person} />
          {person.isAdmin && <strong className="nhsuk-tag nhsuk-tag--blue">Administrator</strong>}
          {person.canCreateLabs && (
            <strong className="nhsuk-tag nhsuk-tag--white">Can create labs</strong>
          )}
          {person.organisationAccount && (
            <strong className="nhsuk-tag nhsuk-tag--white">Organisation account</strong>
          )}
        </p>
        {person.labs.length > 0 ? (
          <ul className="nhsuk-list nhsuk-body-s">
            {person.labs.map((lab) => (
              <li key={lab.id}>
                {lab.title}: {ROLE_LABELS[lab.role]}
              </li>
            ))}
          </ul>
        ) : (
          <p className="nhsuk-body-s">Not a member of any lab.</p>
        )}
        <ErrorSummary errors={errors} />
        {link && (
          <div className="nhsuk-inset-text" data-testid="reset-link">
            {link.emailed ? (
              <p>
                A link to choose a new password was emailed to {person.email}. It works once, until{' '}
                {formatDateTime(link.expiresAt)}.
              </p>
            ) : (
              <>
                <p>
                  Give {person.name} this link to choose a new password. It works once, until{' '}
                  {formatDateTime(link.expiresAt)}.
                </p>
                <p className="app-break-anywhere">
                  <code>{`${window.location.origin}${link.path}`}</code>
                </p>
                <CopyButton
                  text={`${window.location.origin}${link.path}`}
                  label="Copy the link"
                  copied="Link copied"
                />
              </>
            )}
          </div>
        )}
        {!isMe && (
          <div className="app-person-actions">
            {person.deactivated ? (
              <button
                className={button}
                type="button"
                disabled={busy}
                onClick={() => void act(() => api.call(Api.admin.reactivate, { params }))}
              >
                Reactivate{about}
              </button>
            ) : (
              <button
                className={button}
                type="button"
                disabled={busy}
                onClick={() => void act(() => api.call(Api.admin.deactivate, { params }))}
              >
                Deactivate{about}
              </button>
            )}
            {person.lockedForSeconds > 0 && (
              <button
                className={button}
                type="button"
                disabled={busy}
                onClick={() => void act(() => api.call(Api.admin.unlock, { params }))}
              >
                Unlock sign-in{about}
              </button>
            )}
            <button
              className={button}
              type="button"
              disabled={busy}
              onClick={() => void resetLink(false)}
            >
              Make a password link{about}
            </button>
            {emailAvailable && (
              <button
                className={button}
                type="button"
                disabled={busy}
                onClick={() => void resetLink(true)}
              >
                Email a password link{about}
              </button>
            )}
            <button
              className={button}
              type="button"
              disabled={busy}
              onClick={() =>
                void act(() =>
                  api.call(Api.admin.updateRights, {
                    params,
                    body: { canCreateLabs: !person.canCreateLabs },
                  }),
                )
              }
            >
              {person.canCreateLabs ? 'Stop creating labs' : 'Allow creating labs'}
              {about}
            </button>
            <button
              className={button}
              type="button"
              disabled={busy}
              onClick={() =>
                void act(() =>
                  api.call(Api.admin.updateRights, { params, body: { isAdmin: !person.isAdmin } }),
                )
              }
            >
              {person.isAdmin ? 'Remove administrator' : 'Make administrator'}
              {about}
            </button>
          </div>
        )}
      </div>
    </li>
  );
}
