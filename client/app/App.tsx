/**
 * The app: the session, the page frame and the route switch. Routes that need a
 * signed-in person send anyone else to sign in, with the way back in `?next=`.
 */
import { type ReactNode, useEffect, useMemo, useRef } from 'react';
import { navigate, Redirect } from '../lib/navigation';
import { LoadFailed, Loading } from '../lib/PageStatus';
import { AccountPage } from './AccountPage';
import { AuditPage } from './AuditPage';
import { Frame } from './Frame';
import { InvitePage } from './InvitePage';
import { ItemPage } from './ItemPage';
import { LabPage } from './LabPage';
import { LabSettingsPage } from './LabSettingsPage';
import { MembersPage } from './MembersPage';
import { MyLabsPage } from './MyLabsPage';
import { NotFoundPage } from './NotFoundPage';
import { ReviewPage } from './ReviewPage';
import { needsSignIn, paths, type Route, useRoute } from './router';
import { SetupPage } from './SetupPage';
import { SignInPage } from './SignInPage';
import { actorOf, type Session, SessionProvider, type SignedIn, useSession } from './session';

function signedInPage(route: Route, signedIn: SignedIn, session: Session): ReactNode {
  const signOut = async () => {
    await session.signOut();
    navigate(paths.signIn());
  };
  switch (route.page) {
    case 'my-labs':
      return <MyLabsPage session={signedIn} />;
    case 'lab':
      return <LabPage key={route.labId} session={signedIn} labId={route.labId} />;
    case 'lab-settings':
      return <LabSettingsPage key={route.labId} session={signedIn} labId={route.labId} />;
    case 'lab-members':
      return <MembersPage key={route.labId} session={signedIn} labId={route.labId} />;
    case 'lab-audit':
      return <AuditPage key={route.labId} session={signedIn} labId={route.labId} />;
    case 'lab-review':
      return <ReviewPage key={route.labId} session={signedIn} labId={route.labId} />;
    case 'item':
      return (
        <ItemPage
          key={route.itemId}
          session={signedIn}
          itemId={route.itemId}
          onSessionEnded={session.ended}
        />
      );
    case 'legacy-document':
      return <Redirect to={paths.item(route.itemId)} />;
    case 'account':
      return <AccountPage session={signedIn} onSignOut={signOut} />;
    default:
      return <NotFoundPage />;
  }
}

function publicPage(route: Route, session: Session): ReactNode {
  switch (route.page) {
    case 'sign-in':
      return <SignInPage session={session} />;
    case 'setup':
      return <SetupPage session={session} />;
    case 'invite':
      return <InvitePage key={route.token} session={session} token={route.token} />;
    default:
      return <NotFoundPage />;
  }
}

/** After moving to another page, focus goes to the main content, as after a page load. */
function useFocusOnNavigation(pathname: string): void {
  const previous = useRef(pathname);
  useEffect(() => {
    if (previous.current === pathname) return;
    previous.current = pathname;
    window.scrollTo(0, 0);
    document.getElementById('maincontent')?.focus({ preventScroll: true });
  }, [pathname]);
}

function Pages() {
  const session = useSession();
  const { route, address } = useRoute();
  const { state } = session;
  const me = state.status === 'signed-in' ? state.me : null;
  const signedIn = useMemo<SignedIn | null>(
    () => (me ? { api: session.api, me, actor: actorOf(me) } : null),
    [session.api, me],
  );
  useFocusOnNavigation(address.replace(/[?#].*$/, ''));
  let content: ReactNode;
  if (state.status === 'loading') content = <Loading />;
  else if (state.status === 'unreachable') content = <LoadFailed error={state.error} />;
  else if (!needsSignIn(route)) content = publicPage(route, session);
  else if (!signedIn) content = <Redirect to={paths.signIn(address)} />;
  else content = signedInPage(route, signedIn, session);
  return (
    <Frame
      me={me}
      onSignOut={async () => {
        await session.signOut();
        navigate(paths.signIn());
      }}
    >
      {content}
    </Frame>
  );
}

export function App() {
  return (
    <SessionProvider>
      <Pages />
    </SessionProvider>
  );
}
