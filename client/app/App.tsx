/**
 * The app: the session, the page frame and the route switch. Routes that need a
 * signed-in person send anyone else to sign in, with the way back in `?next=`.
 * When the session ends while a page is open, that page stays under a notice
 * (`SignedOutNotice`) and the header no longer names the person; any other page
 * sends them to sign in.
 */
import { type ReactNode, Suspense, useEffect, useMemo, useRef } from 'react';
import { NotificationCountProvider } from '../features/notifications/notification-count';
import { navigate, Redirect } from '../lib/navigation';
import { LoadFailed, Loading } from '../lib/PageStatus';
import { askForItemEarly } from './early-item';
import { closeEarlyItemDoc, openItemDocEarly } from './early-item-doc';
import { Frame } from './Frame';
import {
  AccountPage,
  AuditPage,
  DirectoryPage,
  ForgotPasswordPage,
  GlossaryPage,
  GroupPage,
  GroupsPage,
  InvitePage,
  ItemHistoryPage,
  ItemPage,
  LabPage,
  LabSettingsPage,
  LabVersionsPage,
  MembersPage,
  MyCommentsPage,
  MyLabsPage,
  NetworkPage,
  NotificationsPage,
  PasswordResetPage,
  PeoplePage,
  PersonalDataPage,
  PortfolioPage,
  ProfilePage,
  prefetchLikelyPages,
  ReviewPage,
  SetupPage,
  SurveyPage,
} from './lazy-pages';
import { NotFoundPage } from './NotFoundPage';
import { PageLoadBoundary } from './PageLoadBoundary';
import { needsSignIn, paths, type Route, useRoute } from './router';
import { SignedOutNotice } from './SignedOutNotice';
// The sign-in page is the usual first page, so it is in the entry chunk.
import { SignInPage } from './SignInPage';
import { actorOf, type Session, SessionProvider, type SignedIn, useSession } from './session';

/**
 * The code of the usual ways in, fetched while the session is asked for: otherwise
 * it is asked for only once the session has answered and the page is drawn.
 */
const EARLY_PAGE_CODE: Partial<Record<Route['page'], { prefetch(): Promise<unknown> }>> = {
  'my-labs': MyLabsPage,
  lab: LabPage,
  item: ItemPage,
};

function signedInPage(
  route: Route,
  signedIn: SignedIn,
  session: Session,
  signedOut: boolean,
): ReactNode {
  const signOut = async () => {
    await session.signOut();
    navigate(paths.signIn());
  };
  // One line per page, alike by design: not a copy for the duplicate check to report.
  /* jscpd:ignore-start */
  switch (route.page) {
    case 'my-labs':
      return <MyLabsPage.Component session={signedIn} />;
    case 'lab':
      return <LabPage.Component key={route.labId} session={signedIn} labId={route.labId} />;
    case 'lab-settings':
      return <LabSettingsPage.Component key={route.labId} session={signedIn} labId={route.labId} />;
    case 'lab-members':
      return <MembersPage.Component key={route.labId} session={signedIn} labId={route.labId} />;
    case 'lab-audit':
      return <AuditPage.Component key={route.labId} session={signedIn} labId={route.labId} />;
    case 'lab-review':
      return <ReviewPage.Component key={route.labId} session={signedIn} labId={route.labId} />;
    case 'lab-network':
      return <NetworkPage.Component key={route.labId} session={signedIn} labId={route.labId} />;
    case 'lab-personal-data':
      return (
        <PersonalDataPage.Component key={route.labId} session={signedIn} labId={route.labId} />
      );
    case 'lab-versions':
      return <LabVersionsPage.Component key={route.labId} session={signedIn} labId={route.labId} />;
    case 'lab-survey':
      return <SurveyPage.Component key={route.labId} session={signedIn} labId={route.labId} />;
    case 'item':
      return (
        <ItemPage.Component
          key={route.itemId}
          session={signedIn}
          itemId={route.itemId}
          onSessionEnded={session.ended}
          signedOut={signedOut}
        />
      );
    case 'item-history':
      return (
        <ItemHistoryPage.Component key={route.itemId} session={signedIn} itemId={route.itemId} />
      );
    case 'legacy-document':
      return <Redirect to={paths.item(route.itemId)} />;
    case 'directory':
      return <DirectoryPage.Component session={signedIn} />;
    case 'groups':
      return <GroupsPage.Component session={signedIn} />;
    case 'group':
      return <GroupPage.Component key={route.groupId} session={signedIn} groupId={route.groupId} />;
    case 'profile':
      return <ProfilePage.Component session={signedIn} />;
    case 'account':
      return (
        <AccountPage.Component
          session={signedIn}
          onSignOut={signOut}
          onDeleted={() => {
            session.ended();
            navigate(paths.signIn());
          }}
          onDetailsSaved={(user) => session.signedIn({ ...signedIn.me, user })}
        />
      );
    case 'admin-people':
      return <PeoplePage.Component session={signedIn} />;
    case 'portfolio':
      return <PortfolioPage.Component session={signedIn} />;
    case 'my-comments':
      return <MyCommentsPage.Component session={signedIn} />;
    case 'notifications':
      return <NotificationsPage.Component session={signedIn} />;
    default:
      return <NotFoundPage />;
  }
  /* jscpd:ignore-end */
}

function publicPage(route: Route, session: Session): ReactNode {
  switch (route.page) {
    case 'sign-in':
      return <SignInPage session={session} />;
    case 'setup':
      return <SetupPage.Component session={session} />;
    case 'invite':
      return <InvitePage.Component key={route.token} session={session} token={route.token} />;
    case 'forgot-password':
      return <ForgotPasswordPage.Component session={session} />;
    case 'reset-password':
      return (
        <PasswordResetPage.Component key={route.token} session={session} token={route.token} />
      );
    case 'glossary':
      return <GlossaryPage.Component />;
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
  const pathname = address.replace(/[?#].*$/, '');
  // The header names only a person signed in now; the page that was open when the
  // session ended still shows as theirs.
  const me = state.status === 'signed-in' ? state.me : null;
  const signedOutHere = state.status === 'signed-out' && state.path === pathname;
  const pageMe = me ?? (signedOutHere ? state.me : null);
  const signedIn = useMemo<SignedIn | null>(
    () => (pageMe ? { api: session.api, me: pageMe, actor: actorOf(pageMe) } : null),
    [session.api, pageMe],
  );
  useFocusOnNavigation(pathname);
  const signedInNow = me !== null;
  useEffect(() => (signedInNow ? prefetchLikelyPages() : undefined), [signedInNow]);
  // An item's summary is fetched, and its document connected, while the session is
  // asked for, not after: a link to an item is the usual way in (`early-item.ts`,
  // `early-item-doc.ts`).
  const askingSession = state.status === 'loading';
  const itemOfRoute = route.page === 'item' ? route.itemId : null;
  const earlyItemId = askingSession ? itemOfRoute : null;
  useEffect(() => {
    if (earlyItemId === null) return;
    askForItemEarly(session.api, earlyItemId);
    openItemDocEarly(earlyItemId);
  }, [earlyItemId, session.api]);
  // After the item's requests: the page waits on the summary first.
  const earlyPage = askingSession ? EARLY_PAGE_CODE[route.page] : undefined;
  useEffect(() => {
    earlyPage?.prefetch().catch(() => undefined);
  }, [earlyPage]);
  // The early connection is kept only while its page may still take it: the person is
  // (or may be) signed in, and still on that item's address.
  const mayTakeEarlyDoc = askingSession || state.status === 'signed-in';
  useEffect(() => {
    closeEarlyItemDoc(mayTakeEarlyDoc ? itemOfRoute : null);
  }, [mayTakeEarlyDoc, itemOfRoute]);
  let content: ReactNode;
  if (state.status === 'loading') content = <Loading />;
  else if (state.status === 'unreachable') content = <LoadFailed error={state.error} />;
  else if (!needsSignIn(route)) content = publicPage(route, session);
  else if (!signedIn) content = <Redirect to={paths.signIn(address)} />;
  else content = signedInPage(route, signedIn, session, signedOutHere);
  return (
    <NotificationCountProvider userId={me?.user.id ?? null}>
      <Frame
        me={me}
        onSignOut={async () => {
          await session.signOut();
          navigate(paths.signIn());
        }}
      >
        {signedOutHere && <SignedOutNotice here={address} />}
        {/* A page that could not load takes no early connection: it is closed, not kept. */}
        <PageLoadBoundary key={pathname} onFailed={() => closeEarlyItemDoc()}>
          <Suspense fallback={<Loading />}>{content}</Suspense>
        </PageLoadBoundary>
      </Frame>
    </NotificationCountProvider>
  );
}

export function App() {
  return (
    <SessionProvider>
      <Pages />
    </SessionProvider>
  );
}
