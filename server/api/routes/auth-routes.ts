/**
 * Sign in, sign out, who am I, change password, and the first admin's set-up.
 * Sign-in failures back off per account from an address, per address and per
 * account (never a lock: see `shared/request-limits.ts`); failures answer the
 * same whether or not the account exists. A hash made at an older, cheaper cost
 * is replaced at sign-in.
 */
import { Api } from '../../../shared/api-routes';
import { Hono } from 'hono';
import {
  ChangePasswordBodySchema,
  type MeResponse,
  SetupBodySchema,
  SignInBodySchema,
} from '../../../shared/schemas/api';
import type { UserRecord } from '../../../shared/schemas/records';
import { SESSION_TOKEN_PREFIX } from '../../auth/authenticate';
import {
  dummyPasswordHash,
  hashPassword,
  needsRehash,
  verifyPassword,
} from '../../auth/password-hash';
import { hashSecret, newId, newSecret } from '../../auth/secrets';
import { clearSessionCookie, writeSessionCookie } from '../../auth/session-cookie';
import { presentUser } from '../../presenters';
import { clientAddress } from '../client-address';
import { type ApiContext, type AppEnv, audit, requireAuth } from '../context';
import { reply } from '../reply';
import { ApiError, Errors } from '../errors';
import { readJson } from '../validate';

/** Starts a session for `user`: cookie, record, and the CSRF token the client must echo. */
export async function startSession(c: ApiContext, user: UserRecord): Promise<MeResponse> {
  const deps = c.get('deps');
  const token = newSecret(SESSION_TOKEN_PREFIX);
  const now = deps.now();
  const expiresAt = new Date(now.getTime() + deps.sessionTtlMs);
  const csrfToken = newSecret('csrf');
  await deps.meta.createSession({
    tokenHash: hashSecret(token),
    userId: user.id,
    csrfToken,
    createdAt: now.toISOString(),
    expiresAt: expiresAt.toISOString(),
    userAgent: (c.req.header('user-agent') ?? '').slice(0, 200) || undefined,
  });
  writeSessionCookie(c, token, expiresAt, deps.secureCookies);
  return { user: presentUser(user), csrfToken };
}

/** Refuses before any hashing while a backoff is running. */
function checkWait(waitMs: number): void {
  if (waitMs > 0) throw Errors.rateLimited(Math.ceil(waitMs / 1000));
}

/** Replaces a hash made at an older, cheaper cost, now that the password is known. */
async function rehashIfWeak(c: ApiContext, user: UserRecord, password: string): Promise<void> {
  const { meta, passwordHashCost, logger } = c.get('deps');
  if (!needsRehash(user.passwordHash, passwordHashCost)) return;
  await meta.updateUser(user.id, { passwordHash: await hashPassword(password, passwordHashCost) });
  logger.info('password hash upgraded', { userId: user.id, cost: passwordHashCost });
}

export function authRoutes(): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();

  routes.post('/sign-in', async (c) => {
    const body = await readJson(c, SignInBodySchema);
    const deps = c.get('deps');
    const address = clientAddress(c, deps.trustProxy);
    const throttle = deps.throttles.signIn;
    checkWait(throttle.wait(body.email, address));
    let user = deps.meta.findUserByEmail(body.email);
    let valid = await verifyPassword(
      body.password,
      user?.passwordHash ?? dummyPasswordHash(deps.passwordHashCost),
    );
    if ((!user || !valid) && deps.meta.shared) {
      // With several processes, the account may have been made, or its password changed,
      // through another one a moment ago: read their writes once before refusing, so a
      // person who has just signed up is never told their password is wrong.
      await deps.meta.shared.catchUp();
      const current = deps.meta.findUserByEmail(body.email);
      if (current && current.passwordHash !== user?.passwordHash) {
        user = current;
        valid = await verifyPassword(body.password, current.passwordHash);
      }
    }
    if (!user || !valid) {
      throttle.failed(body.email, address);
      await audit(c, 'auth.sign_in_failed', null, { userId: user?.id ?? null }, null);
      throw new ApiError(401, 'invalid_credentials', 'The email address or password is not right.');
    }
    throttle.succeeded(body.email, address);
    if (user.deactivatedAt) {
      // Told only once the password is right, so it reveals nothing to a guesser.
      throw new ApiError(
        403,
        'account_deactivated',
        'This account has been deactivated. Ask your administrator if you need it again.',
      );
    }
    await rehashIfWeak(c, user, body.password);
    const me = await startSession(c, user);
    await audit(c, 'auth.sign_in', null, {}, user.id);
    return reply(c, Api.auth.signIn, me);
  });

  routes.post('/sign-out', async (c) => {
    const auth = c.get('auth');
    if (auth?.session) {
      await c.get('deps').meta.deleteSession(auth.session.tokenHash);
      c.get('deps').onSessionsEnded(auth.user.id, { only: auth.session.tokenHash });
    }
    clearSessionCookie(c, c.get('deps').secureCookies);
    if (auth) await audit(c, 'auth.sign_out', null);
    return reply(c, Api.auth.signOut, { ok: true });
  });

  routes.get('/me', (c) => {
    const auth = requireAuth(c);
    const me: MeResponse = {
      user: presentUser(auth.user),
      csrfToken: auth.session?.csrfToken ?? null,
    };
    return reply(c, Api.auth.me, me);
  });

  routes.post('/password', async (c) => {
    const auth = requireAuth(c);
    const body = await readJson(c, ChangePasswordBodySchema);
    const { meta, throttles, passwordHashCost } = c.get('deps');
    // A stolen session must not become a way to guess the password behind it.
    checkWait(throttles.passwordChange.wait(auth.user.id));
    if (!(await verifyPassword(body.currentPassword, auth.user.passwordHash))) {
      throttles.passwordChange.fail(auth.user.id);
      throw new ApiError(400, 'invalid_credentials', 'Your current password is not right.', {
        currentPassword: 'not right',
      });
    }
    throttles.passwordChange.succeed(auth.user.id);
    const passwordHash = await hashPassword(body.newPassword, passwordHashCost);
    const deps = c.get('deps');
    // Every other session and every API token ends: a changed password must lock out
    // whoever knew the old one or anything issued with it. The store changes memory at
    // once and then writes, so the sockets close before the disk is waited for.
    const tokens = meta.listApiTokens(auth.user.id).filter((token) => token.revokedAt === null);
    const writes = Promise.all([
      meta.updateUser(auth.user.id, { passwordHash }),
      meta.deleteUserSessions(auth.user.id, auth.session?.tokenHash),
      meta.revokeUserApiTokens(auth.user.id, deps.now().toISOString()),
    ]);
    deps.onSessionsEnded(auth.user.id, auth.session ? { except: auth.session.tokenHash } : {});
    deps.onApiTokensRevoked(tokens.map((token) => token.id));
    const [, ended, revoked] = await writes;
    await audit(c, 'auth.password_changed', null, {
      sessionsEnded: ended,
      tokensRevoked: revoked.length,
    });
    return reply(c, Api.auth.changePassword, { ok: true });
  });

  routes.get('/setup', (c) =>
    reply(c, Api.auth.setupNeeded, { needed: !c.get('deps').meta.hasAdmin() }),
  );

  routes.post('/setup', async (c) => {
    const body = await readJson(c, SetupBodySchema);
    const deps = c.get('deps');
    if (deps.meta.hasAdmin())
      throw Errors.conflict('This Improvement Lab already has an administrator.');
    if (!(await deps.meta.consumeSetupToken(hashSecret(body.token), deps.now()))) {
      throw new ApiError(
        403,
        'invalid_setup_token',
        'This set-up link is not valid. Restart the server for a new one.',
      );
    }
    const user = await deps.meta.createUser({
      id: newId(),
      email: body.email,
      name: body.name,
      profession: body.profession,
      passwordHash: await hashPassword(body.password, deps.passwordHashCost),
      isAdmin: true,
      canCreateLabs: true,
      createdAt: deps.now().toISOString(),
    });
    await deps.onAdminCreated(user);
    const me = await startSession(c, user);
    await audit(c, 'auth.setup_completed', null, {}, user.id);
    return reply(c, Api.auth.setUp, me, 201);
  });

  return routes;
}
