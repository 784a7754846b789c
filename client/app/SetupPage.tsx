/**
 * `/setup#<token>`: the first administrator's account, with the one-time token
 * printed by the server at start. The token is in the fragment, so it never
 * reaches a server log or a Referer header.
 */
import { Api } from '../../shared/api-routes';
import { SetupForm } from '../features/accounts/SetupForm';
import { Link, Redirect } from '../lib/navigation';
import { LoadFailed, Loading } from '../lib/PageStatus';
import { useApiData } from '../lib/use-api-data';
import { usePageTitle } from '../lib/use-page-title';
import { paths } from './router';
import type { Session } from './session';

export function SetupPage({ session }: { session: Session }) {
  usePageTitle('Set up Improvement Lab');
  const { api, state } = session;
  const [setup] = useApiData('setup', () => api.call(Api.auth.setupNeeded));
  const token = window.location.hash.slice(1);
  if (state.status === 'signed-in') return <Redirect to={paths.myLabs()} />;
  if (setup.status === 'loading') return <Loading />;
  if (setup.status === 'error') return <LoadFailed error={setup.error} />;
  if (!setup.data.needed) {
    return (
      <>
        <h1 className="nhsuk-heading-l">Improvement Lab is already set up</h1>
        <p>
          An administrator exists. <Link href={paths.signIn()}>Sign in</Link> with your account.
        </p>
      </>
    );
  }
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <h1 className="nhsuk-heading-l">Set up Improvement Lab</h1>
        {token ? (
          <>
            <p className="nhsuk-body-l">
              Create the first administrator’s account. The administrator creates labs and decides
              who else may create them.
            </p>
            <SetupForm
              api={api}
              token={token}
              onSetUp={(me) => {
                // The token is spent: keep it out of the address bar and history.
                window.history.replaceState(null, '', window.location.pathname);
                session.signedIn(me);
              }}
            />
          </>
        ) : (
          <p data-testid="setup-link-incomplete">
            This set-up link is not complete. Use the whole link that the server printed when it
            started, including the part after “#”.
          </p>
        )}
      </div>
    </div>
  );
}
