/**
 * What every HTTP request gets first: a request id (the client's `X-Request-Id` if
 * it is short and plain, else a new UUID), returned in the `X-Request-Id` response
 * header and carried by every log line about the request; and its duration,
 * observed by route pattern (`/api/labs/:labId`, never the raw path, so ids do
 * not multiply the series) and status.
 */
import type { MiddlewareHandler } from 'hono';
import { type RequestIdVariables, requestId } from 'hono/request-id';
import { routePath } from 'hono/route';
import type { Logger } from '../logger';
import type { ServerMetrics } from './metrics';

export const REQUEST_ID_HEADER = 'X-Request-Id';

export type RequestEnv = { Variables: RequestIdVariables };

export function requestContext(
  logger: Logger,
  metrics: ServerMetrics,
): MiddlewareHandler<RequestEnv>[] {
  const assignId = requestId({ headerName: REQUEST_ID_HEADER, limitLength: 64 });
  const observe: MiddlewareHandler<RequestEnv> = async (c, next) => {
    const started = performance.now();
    await next();
    const seconds = (performance.now() - started) / 1000;
    // After `next`, the route index is the handler that answered.
    const route = routePath(c) || 'unmatched';
    const { status } = c.res;
    metrics.observeHttp(c.req.method, route, status, seconds);
    logger.debug('http request', {
      requestId: c.get('requestId'),
      method: c.req.method,
      route,
      status,
      ms: Math.round(seconds * 1000),
    });
  };
  return [assignId, observe];
}
