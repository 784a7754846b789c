/**
 * Pages loaded on demand, so the first page (usually sign-in) does not ship
 * the editor, Yjs, charts or the diagram canvas. Each page's chunk is fetched
 * once; a failed fetch (offline, or an old tab after a new release removed
 * its chunks) is forgotten so the next visit tries again.
 */
import { lazyComponent } from '../lib/lazy-component';

// Drawn at once when their code came during the session check (`lazy-component.ts`).
const lazyPage = lazyComponent;

export const AccountPage = lazyPage(async () => (await import('./AccountPage')).AccountPage);
export const AuditPage = lazyPage(async () => (await import('./AuditPage')).AuditPage);
export const DirectoryPage = lazyPage(async () => (await import('./DirectoryPage')).DirectoryPage);
export const GroupPage = lazyPage(async () => (await import('./GroupPage')).GroupPage);
export const GroupsPage = lazyPage(async () => (await import('./GroupsPage')).GroupsPage);
export const InvitePage = lazyPage(async () => (await import('./InvitePage')).InvitePage);
export const ItemHistoryPage = lazyPage(
  async () => (await import('./ItemHistoryPage')).ItemHistoryPage,
);
export const GlossaryPage = lazyPage(async () => (await import('./GlossaryPage')).GlossaryPage);
export const ItemPage = lazyPage(async () => (await import('./ItemPage')).ItemPage);
export const NotificationsPage = lazyPage(
  async () => (await import('./NotificationsPage')).NotificationsPage,
);
export const LabVersionsPage = lazyPage(
  async () => (await import('./LabVersionsPage')).LabVersionsPage,
);
export const LabPage = lazyPage(async () => (await import('./LabPage')).LabPage);
export const LabSettingsPage = lazyPage(
  async () => (await import('./LabSettingsPage')).LabSettingsPage,
);
export const MembersPage = lazyPage(async () => (await import('./MembersPage')).MembersPage);
export const MyLabsPage = lazyPage(async () => (await import('./MyLabsPage')).MyLabsPage);
export const MyCommentsPage = lazyPage(
  async () => (await import('./MyCommentsPage')).MyCommentsPage,
);
export const NetworkPage = lazyPage(async () => (await import('./NetworkPage')).NetworkPage);
export const PersonalDataPage = lazyPage(
  async () => (await import('./PersonalDataPage')).PersonalDataPage,
);
export const ProfilePage = lazyPage(async () => (await import('./ProfilePage')).ProfilePage);
export const PeoplePage = lazyPage(async () => (await import('./PeoplePage')).PeoplePage);
export const PortfolioPage = lazyPage(async () => (await import('./PortfolioPage')).PortfolioPage);
export const PasswordResetPage = lazyPage(
  async () => (await import('./PasswordResetPage')).PasswordResetPage,
);
export const ForgotPasswordPage = lazyPage(
  async () => (await import('./ForgotPasswordPage')).ForgotPasswordPage,
);
export const ReviewPage = lazyPage(async () => (await import('./ReviewPage')).ReviewPage);
export const SurveyPage = lazyPage(async () => (await import('./SurveyPage')).SurveyPage);
export const SetupPage = lazyPage(async () => (await import('./SetupPage')).SetupPage);

/** The pages a signed-in person most likely opens next, in that order. */
const LIKELY_NEXT = [MyLabsPage, LabPage, ItemPage];

/**
 * Fetches the likely next pages once the browser is idle, so opening a lab or
 * an item does not wait for its code. Waits first so the current page's own
 * requests (its data, its sync connection) are not competing for the network.
 */
export function prefetchLikelyPages(delayMs = 3000): () => void {
  let cancelled = false;
  const start = () => {
    if (cancelled) return;
    // One at a time: the first is the one most likely needed.
    void LIKELY_NEXT.reduce<Promise<unknown>>(
      (previous, page) => previous.then(() => (cancelled ? undefined : page.prefetch())),
      Promise.resolve(),
    ).catch(() => {
      // A failed prefetch is retried when the page is opened; nothing to show.
    });
  };
  const timer = setTimeout(() => {
    if (typeof requestIdleCallback === 'function') requestIdleCallback(start);
    else start();
  }, delayMs);
  return () => {
    cancelled = true;
    clearTimeout(timer);
  };
}
