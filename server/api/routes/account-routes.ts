/**
 * Self-service for the signed-in person (`/api/account`): change their name,
 * profession and email; see and end their other sessions; download everything
 * the workspace holds about them; delete the account. Deleting erases personal
 * data (the account, its memberships, sessions and tokens, and the name in the
 * comments it wrote, `erase-person.ts`); what they contributed stays, attributed
 * to a former member, as UK GDPR allows for a shared work record.
 */
import { Api } from '../../../shared/api-routes';
import { Hono } from 'hono';
import {
  type AccountSession,
  DeleteAccountBodySchema,
  UpdateAccountBodySchema,
} from '../../../shared/schemas/accounts-api';
import { hashSecret } from '../../auth/secrets';
import { clearSessionCookie } from '../../auth/session-cookie';
import { verifyPassword } from '../../auth/password-hash';
import { endAllAccess } from '../../auth/account-access';
import { type AppEnv, audit, requireAuth } from '../context';
import { reply } from '../reply';
import { ApiError, Errors } from '../errors';
import { erasePerson, personalData } from '../erase-person';
import { MetaStoreConflictError } from '../../store/meta-store';
import { presentUser } from '../../presenters';
import { readJson } from '../validate';

/** A session's public id: a hash of its token's hash, so the list never carries a secret. */
export function sessionId(tokenHash: string): string {
  return hashSecret(`session-id:${tokenHash}`).slice(0, 24);
}

export function accountRoutes(): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();

  routes.patch('/', async (c) => {
    const auth = requireAuth(c);
    const body = await readJson(c, UpdateAccountBodySchema);
    const deps = c.get('deps');
    const { meta } = deps;
    const emailChanges = body.email !== undefined && body.email !== auth.user.email;
    if (emailChanges) {
      // Reset links go to this address: taking it over must need the password.
      if (
        !body.currentPassword ||
        !(await verifyPassword(body.currentPassword, auth.user.passwordHash))
      ) {
        throw new ApiError(
          400,
          'invalid_credentials',
          'Enter your current password to change your email address.',
          {
            currentPassword: 'not right',
          },
        );
      }
      try {
        await meta.changeEmail(auth.user.id, body.email ?? auth.user.email);
      } catch (error) {
        if (error instanceof MetaStoreConflictError) {
          throw new ApiError(409, 'email_taken', 'Another account has this email address.', {
            email: 'already has an account',
          });
        }
        throw error;
      }
    }
    const patch = {
      ...(body.name === undefined ? {} : { name: body.name }),
      ...(body.profession === undefined ? {} : { profession: body.profession }),
    };
    const updated = await meta.updateUser(auth.user.id, patch);
    if (!updated) throw Errors.unauthenticated();
    await audit(c, 'account.updated', null, {
      name: body.name !== undefined,
      profession: body.profession !== undefined,
      email: emailChanges,
    });
    return reply(c, Api.account.update, { user: presentUser(updated) });
  });

  routes.get('/sessions', (c) => {
    const auth = requireAuth(c);
    const sessions: AccountSession[] = c
      .get('deps')
      .meta.listUserSessions(auth.user.id)
      .map((session) => ({
        id: sessionId(session.tokenHash),
        createdAt: session.createdAt,
        expiresAt: session.expiresAt,
        userAgent: session.userAgent ?? null,
        current: session.tokenHash === auth.session?.tokenHash,
      }));
    return reply(c, Api.account.sessions, { sessions });
  });

  routes.delete('/sessions/:sessionId', async (c) => {
    const auth = requireAuth(c);
    const deps = c.get('deps');
    const session = deps.meta
      .listUserSessions(auth.user.id)
      .find((each) => sessionId(each.tokenHash) === c.req.param('sessionId'));
    if (!session) throw Errors.notFound('That session');
    if (session.tokenHash === auth.session?.tokenHash) {
      throw new ApiError(400, 'current_session', 'To end this session, sign out.');
    }
    const deleted = deps.meta.deleteSession(session.tokenHash);
    deps.onSessionsEnded(auth.user.id, { only: session.tokenHash });
    await deleted;
    await audit(c, 'account.sessions_ended', null, { count: 1 });
    return reply(c, Api.account.endSession, { ok: true });
  });

  routes.get('/data', async (c) => {
    const auth = requireAuth(c);
    const data = await personalData(c.get('deps'), auth.user.id);
    if (!data) throw Errors.notFound('That account');
    c.header('content-disposition', 'attachment; filename="my-improvement-lab-data.json"');
    return reply(c, Api.account.data, data);
  });

  routes.delete('/', async (c) => {
    const auth = requireAuth(c);
    const body = await readJson(c, DeleteAccountBodySchema);
    const deps = c.get('deps');
    if (body.email !== auth.user.email) {
      throw new ApiError(400, 'invalid_request', 'Type your email address to confirm.', {
        email: 'does not match your account',
      });
    }
    const otherAdmins = deps.meta
      .listUsers()
      .filter((user) => user.isAdmin && !user.deactivatedAt && user.id !== auth.user.id);
    if (auth.user.isAdmin && otherAdmins.length === 0) {
      throw Errors.conflict(
        'You are the only administrator. Make someone else an administrator before deleting your account.',
      );
    }
    await endAllAccess(deps, auth.user.id);
    const erased = await erasePerson(deps, auth.user.id);
    clearSessionCookie(c, deps.secureCookies);
    await audit(c, 'account.deleted', null, { commentsAnonymised: erased.comments }, null);
    return reply(c, Api.account.delete, { ok: true });
  });

  return routes;
}
