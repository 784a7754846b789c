/**
 * Single sign-on with an organisation account (OpenID Connect, authorisation code
 * flow with PKCE, state and nonce):
 *
 * - `GET /auth/sso`: whether it is offered, and the button's words.
 * - `POST /auth/sso/start`: a JSON write like any other (Origin and CSRF checks apply),
 *   answering the provider's URL; the page then navigates there. A form posting here
 *   and being redirected would meet the CSP's `form-action 'self'`. The server keeps
 *   the state, nonce and PKCE verifier, found by a secret in an HttpOnly cookie, so the
 *   return only works in the browser that started it.
 * - `GET /auth/sso/callback`: the provider's top-level redirect back. The request is
 *   taken out of the store (a replay finds nothing), the code redeemed and the ID
 *   token checked (`server/auth/sso-client.ts`), the claims checked (`sso-settings.ts`),
 *   then `sso-outcome.ts` acts. Every refusal redirects to a page with a plain message
 *   (`shared/schemas/sso.ts`), never an error body.
 */
import { Hono } from 'hono';
import { Api } from '../../../shared/api-routes';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import {
  SSO_ERROR_PARAM,
  type SsoErrorCode,
  SsoStartBodySchema,
} from '../../../shared/schemas/sso';
import type { SsoRequestRecord } from '../../../shared/schemas/sso-request';
import type { SsoInfo } from '../../../shared/schemas/sso';
import { csrfTokenMatches } from '../../auth/csrf';
import { verifyPassword } from '../../auth/password-hash';
import { hashSecret, newSecret } from '../../auth/secrets';
import type { SsoClient } from '../../auth/sso-client';
import { checkClaims, ssoButtonLabel } from '../../auth/sso-settings';
import { type ApiContext, type AppEnv, audit, requireAuth } from '../context';
import { ApiError, Errors } from '../errors';
import { reply } from '../reply';
import { completeSso } from '../sso-outcome';
import { readJson } from '../validate';
import { usableInviteByHash } from './invite-routes';

const SSO_COOKIE = 'il_sso';
const COOKIE_PATH = '/api/auth/sso';
/** How long someone may take at their provider. */
const REQUEST_TTL_MS = 10 * 60 * 1000;

function requireSso(c: ApiContext): SsoClient {
  const sso = c.get('deps').sso;
  if (!sso) {
    throw new ApiError(404, 'sso_not_configured', 'Signing in with an organisation is not set up.');
  }
  return sso;
}

const callbackUri = (c: ApiContext) => `${c.get('deps').publicUrl()}${COOKIE_PATH}/callback`;

/** Linking needs the password, so a borrowed session cannot attach someone else's login. */
async function checkPassword(c: ApiContext, password: string): Promise<string> {
  const auth = requireAuth(c);
  if (auth.via !== 'cookie') throw Errors.forbidden('link an organisation account with a token');
  const { throttles } = c.get('deps');
  const wait = throttles.passwordChange.wait(auth.user.id);
  if (wait > 0) throw Errors.rateLimited(Math.ceil(wait / 1000));
  if (!(await verifyPassword(password, auth.user.passwordHash))) {
    throttles.passwordChange.fail(auth.user.id);
    throw new ApiError(400, 'invalid_credentials', 'Your current password is not right.', {
      currentPassword: 'not right',
    });
  }
  throttles.passwordChange.succeed(auth.user.id);
  return auth.user.id;
}

/** Takes the request out of the store; with other processes writing too, catches up once first. */
async function takeRequest(c: ApiContext, key: string): Promise<SsoRequestRecord | null> {
  const { meta, now } = c.get('deps');
  const keyHash = hashSecret(key);
  const found = await meta.consumeSsoRequest(keyHash, now());
  if (found || !meta.shared) return found;
  await meta.shared.catchUp();
  return meta.consumeSsoRequest(keyHash, now());
}

/** Where a refusal is shown: the account page for linking, else the sign-in page. */
function refusalPath(request: SsoRequestRecord | null, code: SsoErrorCode): string {
  const query = new URLSearchParams({ [SSO_ERROR_PARAM]: code });
  if (request?.intent === 'link') return `/account?${query}`;
  if (request?.intent === 'sign_in') query.set('next', request.returnTo);
  return `/sign-in?${query}`;
}

async function refuse(c: ApiContext, request: SsoRequestRecord | null, code: SsoErrorCode) {
  const deps = c.get('deps');
  deps.logger.info('single sign-on refused', { code, intent: request?.intent ?? null });
  if (request !== null && request.intent !== 'link') {
    await audit(c, 'auth.sign_in_failed', null, { method: 'organisation', reason: code }, null);
  }
  return c.redirect(refusalPath(request, code), 303);
}

export function ssoRoutes(): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();

  routes.get('/sso', (c) => {
    const sso = c.get('deps').sso;
    const linked = (c.get('auth')?.user.identities?.length ?? 0) > 0;
    const info: SsoInfo = sso
      ? { enabled: true, label: ssoButtonLabel(sso.settings), linked }
      : { enabled: false, label: '', linked };
    return reply(c, Api.auth.sso, info);
  });

  routes.post('/sso/start', async (c) => {
    const sso = requireSso(c);
    const body = await readJson(c, SsoStartBodySchema);
    const deps = c.get('deps');
    let returnTo = '/';
    let inviteTokenHash: string | null = null;
    let userId: string | null = null;
    if (body.intent === 'sign_in') returnTo = body.returnTo;
    if (body.intent === 'invite') {
      inviteTokenHash = hashSecret(body.inviteToken);
      usableInviteByHash(c, inviteTokenHash);
    }
    if (body.intent === 'link') {
      userId = await checkPassword(c, body.currentPassword);
      returnTo = '/account';
    }
    const checks = sso.newChecks();
    let url: URL;
    try {
      url = await sso.authorizationUrl(checks, callbackUri(c));
    } catch {
      throw new ApiError(
        502,
        'sso_unavailable',
        'Your organisation’s sign-in service cannot be reached just now. Try again later.',
      );
    }
    const key = newSecret('il_sso');
    const now = deps.now();
    await deps.meta.createSsoRequest(
      {
        keyHash: hashSecret(key),
        ...checks,
        intent: body.intent,
        returnTo,
        inviteTokenHash,
        profession: body.intent === 'invite' ? body.profession : null,
        userId,
        createdAt: now.toISOString(),
        expiresAt: new Date(now.getTime() + REQUEST_TTL_MS).toISOString(),
      },
      now,
    );
    // SameSite=Lax: sent on the provider's top-level GET back to us, not on cross-site posts.
    setCookie(c, SSO_COOKIE, key, {
      httpOnly: true,
      sameSite: 'Lax',
      secure: deps.secureCookies,
      path: COOKIE_PATH,
      maxAge: REQUEST_TTL_MS / 1000,
    });
    return reply(c, Api.auth.ssoStart, { url: url.href });
  });

  routes.get('/sso/callback', async (c) => {
    const deps = c.get('deps');
    const key = getCookie(c, SSO_COOKIE);
    deleteCookie(c, SSO_COOKIE, { path: COOKIE_PATH, secure: deps.secureCookies });
    let request: SsoRequestRecord | null = null;
    try {
      const sso = requireSso(c);
      request = key ? await takeRequest(c, key) : null;
      if (request === null) return await refuse(c, null, 'expired');
      const query = new URL(c.req.url).searchParams;
      if (!csrfTokenMatches(query.get('state') ?? '', request.state)) {
        return await refuse(c, request, 'state');
      }
      if (query.has('error')) return await refuse(c, request, 'denied');
      const callbackUrl = new URL(callbackUri(c));
      callbackUrl.search = query.toString();
      let claims: Awaited<ReturnType<SsoClient['redeem']>>;
      try {
        claims = await sso.redeem(callbackUrl, request);
      } catch (error) {
        deps.logger.warn('single sign-on: the provider’s answer was refused', { error });
        return await refuse(c, request, 'provider');
      }
      const checked = checkClaims(claims, sso.settings);
      if (!checked.ok) return await refuse(c, request, checked.code);
      const outcome = await completeSso(c, request, checked.person);
      if (!outcome.ok) return await refuse(c, request, outcome.code);
      return c.redirect(outcome.to, 303);
    } catch (error) {
      deps.logger.error('single sign-on failed', { error });
      return refuse(c, request, 'failed');
    }
  });

  return routes;
}
