/** `/account`: who I am, change password, personal API tokens, sign out. */
import { useState } from 'react';
import { PROFESSION_LABELS, type Profession } from '../../shared/roles';
import type { ApiToken } from '../../shared/schemas/api-responses';
import { ApiTokens } from '../features/accounts/ApiTokens';
import { ChangePasswordForm } from '../features/accounts/ChangePasswordForm';
import { ErrorSummary } from '../lib/ErrorSummary';
import { apiFormErrors, type FormErrors } from '../lib/form-errors';
import { LoadFailed, Loading } from '../lib/PageStatus';
import { useApiData } from '../lib/use-api-data';
import { usePageTitle } from '../lib/use-page-title';
import type { SignedIn } from './session';

function professionLabel(profession: string): string {
  return profession in PROFESSION_LABELS ? PROFESSION_LABELS[profession as Profession] : profession;
}

export function AccountPage(props: { session: SignedIn; onSignOut(): Promise<void> }) {
  usePageTitle('Your account');
  const { api, me } = props.session;
  const [signOutErrors, setSignOutErrors] = useState<FormErrors | null>(null);
  const [tokens, reload] = useApiData('tokens', () =>
    api.request<{ tokens: ApiToken[] }>('GET', '/tokens'),
  );
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <h1 className="nhsuk-heading-l">Your account</h1>
        <dl className="nhsuk-summary-list">
          <div className="nhsuk-summary-list__row">
            <dt className="nhsuk-summary-list__key">Name</dt>
            <dd className="nhsuk-summary-list__value">{me.user.name}</dd>
          </div>
          <div className="nhsuk-summary-list__row">
            <dt className="nhsuk-summary-list__key">Email address</dt>
            <dd className="nhsuk-summary-list__value">{me.user.email}</dd>
          </div>
          <div className="nhsuk-summary-list__row">
            <dt className="nhsuk-summary-list__key">Profession or role</dt>
            <dd className="nhsuk-summary-list__value">{professionLabel(me.user.profession)}</dd>
          </div>
        </dl>
        <ChangePasswordForm api={api} />
        {tokens.status === 'loading' && <Loading />}
        {tokens.status === 'error' && <LoadFailed error={tokens.error} />}
        {tokens.status === 'ready' && (
          <ApiTokens api={api} tokens={tokens.data.tokens} onChanged={reload} />
        )}
        <h2 className="nhsuk-heading-m">Sign out</h2>
        <ErrorSummary errors={signOutErrors} />
        <button
          className="nhsuk-button nhsuk-button--secondary"
          type="button"
          onClick={() =>
            props.onSignOut().catch((error: unknown) => setSignOutErrors(apiFormErrors(error, {})))
          }
        >
          Sign out of Improvement Lab
        </button>
      </div>
    </div>
  );
}
