/** `/sign-in?next=…`: sign in, then go back to where the person was going (same site only). */
import { Api } from '../../shared/api-routes';
import { SignInForm } from '../features/accounts/SignInForm';
import { SsoSignIn } from '../features/accounts/SsoSignIn';
import { ErrorSummary } from '../lib/ErrorSummary';
import { Link, Redirect, safeNextPath } from '../lib/navigation';
import { ssoRefusal, useSsoInfo } from '../lib/sso';
import { useApiData } from '../lib/use-api-data';
import { usePageTitle } from '../lib/use-page-title';
import { paths } from './router';
import type { Session } from './session';

/**
 * While nobody administers this Improvement Lab yet, says where the set-up link
 * is: in the server's log, where only whoever started it can read it.
 */
function FirstStart({ session }: { session: Session }) {
  const [setup] = useApiData('setup-needed', () => session.api.call(Api.auth.setupNeeded));
  if (setup.status !== 'ready' || !setup.data.needed) return null;
  return (
    <div className="nhsuk-warning-callout" data-testid="first-start">
      <h2 className="nhsuk-warning-callout__label">
        <span className="nhsuk-u-visually-hidden">Important: </span>
        Set up this Improvement Lab first
      </h2>
      <p>
        Nobody administers this Improvement Lab yet. When the server started, it wrote a one-time
        set-up link to its console (its log). Whoever started it can open that link to create the
        first administrator’s account; or restart it with <code>ADMIN_EMAIL</code> and{' '}
        <code>ADMIN_PASSWORD</code> set.
      </p>
    </div>
  );
}

export function SignInPage({ session }: { session: Session }) {
  usePageTitle('Sign in');
  const next = safeNextPath(
    new URLSearchParams(window.location.search).get('next'),
    window.location.origin,
  );
  const sso = useSsoInfo(session.api, 'anonymous');
  if (session.state.status === 'signed-in') return <Redirect to={next} />;
  const ended =
    session.state.status === 'signed-out' ||
    (session.state.status === 'anonymous' && session.state.ended);
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <h1 className="nhsuk-heading-l">Sign in to Improvement Lab</h1>
        {ended && (
          <div className="nhsuk-inset-text" data-testid="session-ended">
            <span className="nhsuk-u-visually-hidden">Information: </span>
            <p>You have been signed out. Sign in again to carry on.</p>
          </div>
        )}
        <ErrorSummary errors={ssoRefusal()} />
        <FirstStart session={session} />
        <SignInForm api={session.api} onSignedIn={session.signedIn} />
        <p>
          <Link href={paths.forgotPassword()}>Forgotten your password?</Link>
        </p>
        {sso.status === 'ready' && sso.data.enabled && (
          <SsoSignIn api={session.api} label={sso.data.label} returnTo={next} />
        )}
        <h2 className="nhsuk-heading-s">New to Improvement Lab?</h2>
        <p>
          You need an invitation link from a lab’s facilitator to create an account. If you cannot
          sign in, ask your Improvement Lab administrator to help.
        </p>
      </div>
    </div>
  );
}
