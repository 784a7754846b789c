/** `/sign-in?next=…`: sign in, then go back to where the person was going (same site only). */
import { SignInForm } from '../features/accounts/SignInForm';
import { Redirect, safeNextPath } from '../lib/navigation';
import { usePageTitle } from '../lib/use-page-title';
import type { Session } from './session';

export function SignInPage({ session }: { session: Session }) {
  usePageTitle('Sign in');
  const next = safeNextPath(
    new URLSearchParams(window.location.search).get('next'),
    window.location.origin,
  );
  if (session.state.status === 'signed-in') return <Redirect to={next} />;
  const ended = session.state.status === 'anonymous' && session.state.ended;
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
        <SignInForm api={session.api} onSignedIn={session.signedIn} />
        <h2 className="nhsuk-heading-s">New to Improvement Lab?</h2>
        <p>
          You need an invitation link from a lab’s facilitator to create an account. If you have
          forgotten your password, ask your Improvement Lab administrator to help.
        </p>
      </div>
    </div>
  );
}
