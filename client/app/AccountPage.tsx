/**
 * `/account`: my details, password, where I am signed in, personal API tokens,
 * my data and deleting my account, sign out.
 */

import { useState } from 'react';
import { Api } from '../../shared/api-routes';
import { AccountDetailsForm } from '../features/accounts/AccountDetailsForm';
import { ApiTokens } from '../features/accounts/ApiTokens';
import { ChangePasswordForm } from '../features/accounts/ChangePasswordForm';
import { LinkOrganisation } from '../features/accounts/LinkOrganisation';
import { MyData } from '../features/accounts/MyData';
import { MySessions } from '../features/accounts/MySessions';
import { NotificationSettingsForm } from '../features/notifications/NotificationSettingsForm';
import { ErrorSummary } from '../lib/ErrorSummary';
import { apiFormErrors, type FormErrors } from '../lib/form-errors';
import { LoadFailed, Loading } from '../lib/PageStatus';
import { ssoRefusal, useSsoInfo } from '../lib/sso';
import { useApiData } from '../lib/use-api-data';
import { usePageTitle } from '../lib/use-page-title';
import type { SignedIn } from './session';

export function AccountPage(props: {
  session: SignedIn;
  onSignOut(): Promise<void>;
  /** After the account is deleted: the session is over. */
  onDeleted(): void;
  /** After the details were saved, so the header shows the new name. */
  onDetailsSaved(user: SignedIn['me']['user']): void;
}) {
  usePageTitle('Your account');
  const { api, me } = props.session;
  const [signOutErrors, setSignOutErrors] = useState<FormErrors | null>(null);
  const [tokens, reload] = useApiData('tokens', () => api.call(Api.tokens.list));
  const sso = useSsoInfo(api, me.user.id);
  const [sessions, reloadSessions] = useApiData('sessions', () => api.call(Api.account.sessions));
  const [notifications] = useApiData('notification-settings', () =>
    api.call(Api.notifications.settings),
  );
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <h1 className="nhsuk-heading-l">Your account</h1>
        <ErrorSummary errors={ssoRefusal()} />
        <AccountDetailsForm api={api} user={me.user} onSaved={props.onDetailsSaved} />
        <ChangePasswordForm api={api} />
        {sso.status === 'ready' && sso.data.enabled && (
          <LinkOrganisation api={api} label={sso.data.label} linked={sso.data.linked} />
        )}
        {notifications.status === 'ready' && (
          <NotificationSettingsForm api={api} settings={notifications.data} />
        )}
        {sessions.status === 'ready' && (
          <MySessions api={api} sessions={sessions.data.sessions} onChanged={reloadSessions} />
        )}
        {tokens.status === 'loading' && <Loading />}
        {tokens.status === 'error' && <LoadFailed error={tokens.error} />}
        {tokens.status === 'ready' && (
          <ApiTokens api={api} tokens={tokens.data.tokens} onChanged={reload} />
        )}
        <MyData api={api} email={me.user.email} onDeleted={props.onDeleted} />
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
