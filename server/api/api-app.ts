/**
 * The HTTP API under `/api`: the boundary chain is authenticate → CSRF check →
 * handler (which validates its body with a shared schema and checks the policy).
 */
import { Hono, type MiddlewareHandler } from 'hono';
import {
  actorOf,
  authenticateApiToken,
  authenticateSession,
  bearerToken,
} from '../auth/authenticate';
import { readSessionCookie } from '../auth/session-cookie';
import type { ApiDeps, AppEnv } from './context';
import { csrfProtection } from './csrf-protection';
import { createErrorHandler, Errors } from './errors';
import { accountRoutes } from './routes/account-routes';
import { adminRoutes } from './routes/admin-routes';
import { authRoutes } from './routes/auth-routes';
import { commentRoutes, reviewRoutes } from './routes/comment-routes';
import { directoryRoutes } from './routes/directory-routes';
import { groupRoutes } from './routes/group-routes';
import { itemHistoryRoutes, labHistoryRoutes } from './routes/history-routes';
import { inviteRoutes, labInviteRoutes } from './routes/invite-routes';
import { itemRoutes, labItemRoutes } from './routes/item-routes';
import { auditRoutes } from './routes/lab-activity-routes';
import { labRoutes } from './routes/lab-routes';
import { memberRoutes } from './routes/member-routes';
import { myCommentsRoutes } from './routes/my-comments-routes';
import { networkRoutes } from './routes/network-routes';
import { mentionRoutes, notificationRoutes } from './routes/notification-routes';
import { passwordResetRoutes } from './routes/password-reset-routes';
import { personalDataRoutes } from './routes/personal-data-routes';
import { portfolioRoutes } from './routes/portfolio-routes';
import { ssoRoutes } from './routes/sso-routes';
import { surveyRoutes } from './routes/survey-routes';
import { tokenRoutes } from './routes/token-routes';
import { workshopOutcomeRoutes } from './routes/workshop-outcomes';
import { workshopRoutes } from './routes/workshop-routes';

function authenticate(deps: ApiDeps): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    // Handlers log through `deps.logger`: give them one that names this request.
    const requestId = c.get('requestId');
    c.set('deps', requestId ? { ...deps, logger: deps.logger.child({ requestId }) } : deps);
    const header = c.req.header('authorization');
    const lookUp = () =>
      header
        ? authenticateApiToken(deps.meta, bearerToken(header), deps.now())
        : authenticateSession(deps.meta, readSessionCookie(c), deps.now());
    let found = lookUp();
    // With metadata shared between processes, a session or token just created through
    // another process may not be in this copy yet: catch up and look once more.
    if (!found && deps.meta.shared && (header || readSessionCookie(c))) {
      await deps.meta.shared.catchUp();
      found = lookUp();
    }
    // A presented but invalid bearer token is an error, not an anonymous request.
    if (header && !found) throw Errors.unauthenticated();
    c.set('auth', found ? { ...found, actor: actorOf(found.user) } : null);
    await next();
  };
}

export function createApiApp(deps: ApiDeps): Hono<AppEnv> {
  const api = new Hono<AppEnv>();
  api.onError(createErrorHandler(deps.logger));
  api.use('*', authenticate(deps));
  api.use('*', csrfProtection);
  api.get('/health', (c) => c.json({ ok: true }));
  api.route('/auth', authRoutes());
  api.route('/auth', passwordResetRoutes());
  api.route('/auth', ssoRoutes());
  api.route('/account', accountRoutes());
  api.route('/tokens', tokenRoutes());
  api.route('/me', myCommentsRoutes());
  api.route('/labs', labRoutes());
  api.route('/labs', memberRoutes());
  api.route('/labs', labInviteRoutes());
  api.route('/labs', labItemRoutes());
  api.route('/labs', auditRoutes());
  api.route('/labs', surveyRoutes());
  api.route('/labs', networkRoutes());
  api.route('/', directoryRoutes());
  api.route('/', portfolioRoutes());
  api.route('/groups', groupRoutes());
  api.route('/items', itemRoutes());
  api.route('/items', workshopRoutes());
  api.route('/items', workshopOutcomeRoutes());
  api.route('/items', commentRoutes());
  api.route('/items', mentionRoutes());
  api.route('/notifications', notificationRoutes());
  api.route('/items', itemHistoryRoutes());
  api.route('/labs', labHistoryRoutes());
  api.route('/labs', reviewRoutes());
  api.route('/', personalDataRoutes());
  api.route('/invites', inviteRoutes());
  api.route('/admin', adminRoutes());
  api.notFound((c) =>
    c.json({ error: { code: 'not_found', message: 'There is no such API endpoint.' } }, 404),
  );
  return api;
}
