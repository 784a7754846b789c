/**
 * The session cookie: HttpOnly (scripts cannot read it), SameSite=Lax (not sent
 * on cross-site posts), Secure when served over HTTPS, expiring with the session.
 * Read by the API and by the sync layer at upgrade.
 */
import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';

export const SESSION_COOKIE = 'il_session';

export function readSessionCookie(c: Context): string | undefined {
  return getCookie(c, SESSION_COOKIE);
}

/** `secure`: served over HTTPS (`ApiDeps.secureCookies`). */
export function writeSessionCookie(
  c: Context,
  token: string,
  expiresAt: Date,
  secure: boolean,
): void {
  setCookie(c, SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'Lax',
    secure,
    path: '/',
    expires: expiresAt,
  });
}

export function clearSessionCookie(c: Context, secure: boolean): void {
  deleteCookie(c, SESSION_COOKIE, { path: '/', secure });
}
