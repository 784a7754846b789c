/**
 * Instance administration (site administrators only): the people page's list of
 * accounts with their labs and roles; deactivating and reactivating an account
 * (its sessions, tokens and sockets end at once); unlocking sign-in after wrong
 * passwords; a one-time password-reset link, emailed or shown; the rights to
 * create labs and to administer. Every change is in the audit trail.
 *
 * Who may act on whom: an administrator on anyone but themselves (their own
 * account is changed from their account page), and never so that no active
 * administrator would be left.
 */
import { Api } from '../../../shared/api-routes';
import { Hono } from 'hono';
import { PasswordResetLinkBodySchema } from '../../../shared/schemas/accounts-api';
import type { AdminPerson } from '../../../shared/schemas/accounts-api';
import { UpdateUserAdminBodySchema } from '../../../shared/schemas/api';
import type { UserRecord } from '../../../shared/schemas/records';
import { endAllAccess } from '../../auth/account-access';
import {
  ADMIN_RESET_TTL_MS,
  emailPasswordReset,
  issuePasswordReset,
  passwordResetPath,
} from '../../auth/password-reset';
import { type ApiContext, type AppEnv, audit, requireAuth } from '../context';
import { reply } from '../reply';
import { ApiError, Errors } from '../errors';
import { presentUser } from '../../presenters';
import { readJson } from '../validate';

const MAX_LISTED = 500;

function presentPerson(c: ApiContext, user: UserRecord): AdminPerson {
  const { meta, throttles } = c.get('deps');
  return {
    ...presentUser(user),
    createdAt: user.createdAt,
    deactivated: Boolean(user.deactivatedAt),
    lockedForSeconds: Math.ceil(throttles.signIn.accountWait(user.email) / 1000),
    organisationAccount: (user.identities?.length ?? 0) > 0,
    labs: meta
      .listLabsForUser(user.id)
      .map(({ lab, role }) => ({ id: lab.id, title: lab.title, role })),
  };
}

/** The person acted on: someone else, who exists. */
function otherPerson(c: ApiContext): UserRecord {
  const auth = requireAuth(c);
  const id = c.req.param('userId') ?? '';
  const user = c.get('deps').meta.getUser(id);
  if (!user) throw Errors.notFound('That person');
  if (user.id === auth.user.id) {
    throw new ApiError(
      403,
      'not_yourself',
      'Change your own account from your account page; an administrator cannot do this to themselves.',
    );
  }
  return user;
}

/** Refuses a change that would leave no active administrator. */
function keepAnAdministrator(c: ApiContext, leaving: UserRecord): void {
  const others = c
    .get('deps')
    .meta.listUsers()
    .filter((user) => user.isAdmin && !user.deactivatedAt && user.id !== leaving.id);
  if (leaving.isAdmin && others.length === 0) {
    throw Errors.conflict('Improvement Lab needs at least one active administrator.');
  }
}

function matches(user: UserRecord, query: string): boolean {
  if (query === '') return true;
  return user.name.toLowerCase().includes(query) || user.email.includes(query);
}

export function adminRoutes(): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();
  routes.use('*', async (c, next) => {
    if (!requireAuth(c).user.isAdmin) throw Errors.forbidden('administer this Improvement Lab');
    await next();
  });

  routes.get('/users', (c) => {
    const query = (c.req.query('q') ?? '').trim().toLowerCase().slice(0, 200);
    const found = c
      .get('deps')
      .meta.listUsers()
      .filter((user) => matches(user, query));
    const people = found
      .sort((a, b) => a.name.localeCompare(b.name))
      .slice(0, MAX_LISTED)
      .map((user) => presentPerson(c, user));
    return reply(c, Api.admin.people, { people, total: found.length });
  });

  routes.patch('/users/:userId', async (c) => {
    const body = await readJson(c, UpdateUserAdminBodySchema);
    const user = otherPerson(c);
    if (body.isAdmin === false) keepAnAdministrator(c, user);
    const updated = await c.get('deps').meta.updateUser(user.id, body);
    if (!updated) throw Errors.notFound('That person');
    await audit(c, 'admin.rights_changed', null, { userId: user.id, ...body });
    return reply(c, Api.admin.updateRights, { user: presentUser(updated) });
  });

  routes.post('/users/:userId/deactivate', async (c) => {
    const user = otherPerson(c);
    keepAnAdministrator(c, user);
    const deps = c.get('deps');
    if (!user.deactivatedAt) {
      const change = deps.meta.updateUser(user.id, { deactivatedAt: deps.now().toISOString() });
      const ended = await endAllAccess(deps, user.id);
      await change;
      await audit(c, 'admin.account_deactivated', null, { userId: user.id, ...ended });
    }
    return reply(c, Api.admin.deactivate, {
      person: presentPerson(c, deps.meta.getUser(user.id) ?? user),
    });
  });

  routes.post('/users/:userId/reactivate', async (c) => {
    const user = otherPerson(c);
    const deps = c.get('deps');
    if (user.deactivatedAt) {
      await deps.meta.updateUser(user.id, { deactivatedAt: null });
      await audit(c, 'admin.account_reactivated', null, { userId: user.id });
    }
    return reply(c, Api.admin.reactivate, {
      person: presentPerson(c, deps.meta.getUser(user.id) ?? user),
    });
  });

  routes.post('/users/:userId/unlock', async (c) => {
    const user = otherPerson(c);
    c.get('deps').throttles.signIn.unlock(user.email);
    await audit(c, 'admin.account_unlocked', null, { userId: user.id });
    return reply(c, Api.admin.unlock, { person: presentPerson(c, user) });
  });

  routes.post('/users/:userId/password-reset', async (c) => {
    const body = await readJson(c, PasswordResetLinkBodySchema);
    const user = otherPerson(c);
    const deps = c.get('deps');
    if (body.send && !deps.mailer) {
      throw new ApiError(
        409,
        'email_not_configured',
        'Email is not set up on this server: make the link and pass it on yourself.',
      );
    }
    const auth = requireAuth(c);
    const { token, expiresAt } = await issuePasswordReset(
      deps,
      user,
      auth.user.id,
      ADMIN_RESET_TTL_MS,
    );
    if (body.send) await emailPasswordReset(deps, user, token, true);
    await audit(c, 'admin.password_reset_link', null, { userId: user.id, emailed: body.send });
    return reply(
      c,
      Api.admin.passwordResetLink,
      { path: passwordResetPath(token), expiresAt, emailed: body.send },
      201,
    );
  });

  return routes;
}
