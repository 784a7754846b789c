/**
 * The API's CSRF middleware: the checks of `server/auth/csrf.ts` applied to every
 * request after authentication, refusing with the API's CSRF error.
 */
import type { MiddlewareHandler } from 'hono';
import { CSRF_HEADER } from '../../shared/api-contract';
import { csrfTokenMatches, isWrite, originMatches } from '../auth/csrf';
import type { AppEnv } from './context';
import { Errors } from './errors';

export const csrfProtection: MiddlewareHandler<AppEnv> = async (c, next) => {
  const auth = c.get('auth');
  if (isWrite(c.req.method)) {
    if (!originMatches(c.req.header('origin'), c.req.header('host'))) throw Errors.csrf();
    if (auth?.via === 'cookie') {
      const sent = c.req.header(CSRF_HEADER) ?? '';
      if (!auth.session || !csrfTokenMatches(sent, auth.session.csrfToken)) throw Errors.csrf();
    }
  }
  await next();
};
