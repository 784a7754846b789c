/**
 * The session cookie: HttpOnly (scripts cannot read it), SameSite=Lax (not sent
 * on cross-site posts), Secure when served over HTTPS, expiring with the session.
 */
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { ApiContext } from '../context';

export const SESSION_COOKIE = 'il_session';

export function readSessionCookie(c: ApiContext): string | undefined {
  return getCookie(c, SESSION_COOKIE);
}

export function writeSessionCookie(c: ApiContext, token: string, expiresAt: Date): void {
  setCookie(c, SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'Lax',
    secure: c.get('deps').secureCookies,
    path: '/',
    expires: expiresAt,
  });
}

export function clearSessionCookie(c: ApiContext): void {
  deleteCookie(c, SESSION_COOKIE, { path: '/', secure: c.get('deps').secureCookies });
}
