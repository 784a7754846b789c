/**
 * Choosing a new password with a one-time link (`/reset-password/<token>`), and
 * asking for one by email ("forgot password"). Asking always answers the same,
 * whether or not the address has an account, so addresses cannot be probed; it
 * sends at most one email per account per `FORGOT_PASSWORD_INTERVAL_MS`. Using a
 * link sets the password, ends every session and token of the account, forgets
 * its sign-in failures and signs the person in here.
 */
import { Api } from '../../../shared/api-routes';
import { Hono } from 'hono';
import {
  ForgotPasswordBodySchema,
  ResetPasswordBodySchema,
} from '../../../shared/schemas/accounts-api';
import { endAllAccess } from '../../auth/account-access';
import { hashPassword } from '../../auth/password-hash';
import {
  consumePasswordReset,
  EMAIL_RESET_TTL_MS,
  emailPasswordReset,
  findPasswordReset,
  issuePasswordReset,
} from '../../auth/password-reset';
import { type AppEnv, audit } from '../context';
import { reply } from '../reply';
import { ApiError } from '../errors';
import { readJson } from '../validate';
import { startSession } from './auth-routes';

const FORGOT_PASSWORD_INTERVAL_MS = 60_000;

function invalidLink(): ApiError {
  return new ApiError(
    410,
    'reset_link_invalid',
    'This link to choose a new password has expired or was already used. Ask for a new one.',
  );
}

export function passwordResetRoutes(): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();
  /** When each account was last sent a link, so repeated asking cannot flood an inbox. */
  const lastSent = new Map<string, number>();

  routes.get('/password-reset', (c) =>
    reply(c, Api.auth.passwordResetEmail, { emailAvailable: c.get('deps').mailer !== null }),
  );

  routes.post('/forgot-password', async (c) => {
    const body = await readJson(c, ForgotPasswordBodySchema);
    const deps = c.get('deps');
    if (!deps.mailer) {
      throw new ApiError(
        409,
        'email_not_configured',
        'This server cannot send email. Ask your administrator for a link to choose a new password.',
      );
    }
    const user = deps.meta.findUserByEmail(body.email);
    const now = deps.now().getTime();
    const recent = user ? (lastSent.get(user.id) ?? Number.NEGATIVE_INFINITY) : 0;
    if (user && !user.deactivatedAt && now - recent >= FORGOT_PASSWORD_INTERVAL_MS) {
      lastSent.set(user.id, now);
      if (lastSent.size > 10_000) lastSent.delete(lastSent.keys().next().value ?? '');
      const { token } = await issuePasswordReset(deps, user, null, EMAIL_RESET_TTL_MS);
      try {
        await emailPasswordReset(deps, user, token, false);
        await audit(c, 'auth.password_reset_requested', null, {}, user.id);
      } catch (error) {
        // The answer stays the same (no probing); the operator sees why in the log.
        deps.logger.error('password reset email failed', { userId: user.id, error });
      }
    }
    return reply(c, Api.auth.forgotPassword, { ok: true }, 202);
  });

  routes.get('/password-reset/:token', (c) => {
    const deps = c.get('deps');
    const reset = findPasswordReset(deps, c.req.param('token'));
    const user = reset ? deps.meta.getUser(reset.userId) : null;
    if (!reset || !user || user.deactivatedAt) throw invalidLink();
    return reply(c, Api.auth.passwordReset, { email: user.email, expiresAt: reset.expiresAt });
  });

  routes.post('/password-reset/:token', async (c) => {
    const body = await readJson(c, ResetPasswordBodySchema);
    const deps = c.get('deps');
    const token = c.req.param('token');
    // Checked before the slow hash, then used once the hash is ready.
    if (!findPasswordReset(deps, token)) throw invalidLink();
    const passwordHash = await hashPassword(body.password, deps.passwordHashCost);
    const reset = await consumePasswordReset(deps, token);
    const user = reset ? deps.meta.getUser(reset.userId) : null;
    if (!reset || !user || user.deactivatedAt) throw invalidLink();
    const updated = deps.meta.updateUser(user.id, { passwordHash });
    const ended = await endAllAccess(deps, user.id);
    await updated;
    deps.throttles.signIn.unlock(user.email);
    await audit(
      c,
      'auth.password_reset',
      null,
      { byAdministrator: reset.createdBy !== null, ...ended },
      user.id,
    );
    return reply(c, Api.auth.resetPassword, await startSession(c, user));
  });

  return routes;
}
