/**
 * CSRF protection for cookie-authenticated writes. A write (anything but GET,
 * HEAD, OPTIONS) with a session cookie must carry the session's CSRF token in
 * `x-csrf-token`, and, when the browser sends an Origin, come from this origin.
 * Bearer-token requests carry no ambient credential and need neither.
 */
import { timingSafeEqual } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../context';
import { Errors } from '../errors';

export const CSRF_HEADER = 'x-csrf-token';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function same(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

export function originMatches(origin: string | undefined, host: string | undefined): boolean {
  if (!origin) return true;
  if (!host) return false;
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}

export const csrfProtection: MiddlewareHandler<AppEnv> = async (c, next) => {
  const auth = c.get('auth');
  if (!SAFE_METHODS.has(c.req.method)) {
    if (!originMatches(c.req.header('origin'), c.req.header('host'))) throw Errors.csrf();
    if (auth?.via === 'cookie') {
      const sent = c.req.header(CSRF_HEADER) ?? '';
      if (!auth.session || !same(sent, auth.session.csrfToken)) throw Errors.csrf();
    }
  }
  await next();
};
