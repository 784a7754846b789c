/**
 * Request bodies are limited while they stream, on every route, before any
 * authentication work: a declared `Content-Length` over the limit is refused
 * from the header, and a chunked body without one is counted as it arrives and
 * refused with 413 the moment it passes the limit, so an anonymous upload of
 * hundreds of megabytes never grows the server by its size. On node:http the
 * answer is written by `refused-body.ts`, which leaves the rest of the body unread
 * and the connection open until the client has read the answer and closed it.
 * Archive import alone gets the larger `Limits.maxArchiveBytes`.
 */
import type { HttpBindings } from '@hono/node-server';
import { RESPONSE_ALREADY_SENT } from '@hono/node-server/utils/response';
import type { Context, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { Limits } from '../shared/limits';
import type { ApiErrorBody } from '../shared/schemas/api';
import { answerWhileSending } from './refused-body';

/** Where archive import is, under the API. */
export const ARCHIVE_IMPORT_PATH = '/labs/import';

/** "50 MB", "64 KB": a size as people read it. */
export function describeBytes(bytes: number): string {
  const mb = 1024 * 1024;
  return bytes >= mb
    ? `${Math.round(bytes / mb)} MB`
    : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

/** The node:http request and response under `c`, when it came through `@hono/node-server`. */
function nodeBindings(c: Context): HttpBindings | null {
  const env: unknown = c.env;
  if (typeof env !== 'object' || env === null) return null;
  const { incoming, outgoing } = env as Partial<HttpBindings>;
  return incoming && outgoing ? { incoming, outgoing } : null;
}

function limitFor(maxSize: number): MiddlewareHandler {
  return bodyLimit({
    maxSize,
    onError: (c) => {
      const body: ApiErrorBody = {
        error: {
          code: 'body_too_large',
          message: `The request body is larger than ${describeBytes(maxSize)}.`,
        },
      };
      const node = nodeBindings(c);
      if (node) {
        // A declared length over the limit: nothing has read the body yet. Cancelled, it
        // is never read (a web stream is not pulled once cancelled), so the answer's
        // drain is its only reader. A chunked body is being read by the limit itself.
        const stream = c.req.raw.body;
        if (stream && !stream.locked) void stream.cancel().catch(() => undefined);
        answerWhileSending(node.incoming, node.outgoing, {
          status: 413,
          body: JSON.stringify(body),
        });
        return RESPONSE_ALREADY_SENT;
      }
      // Not on node:http (`app.request` in tests): nothing is being streamed.
      return c.json(body, 413, { connection: 'close' });
    },
  });
}

/**
 * One middleware for the whole server, mounted before any other (a refusal answered
 * on node:http is written there directly); `apiPrefix` is where the API is mounted.
 */
export function bodyLimits(apiPrefix: string): MiddlewareHandler {
  const json = limitFor(Limits.maxJsonBodyBytes);
  const archive = limitFor(Limits.maxArchiveBytes);
  const importPath = `${apiPrefix}${ARCHIVE_IMPORT_PATH}`;
  return (c, next) => (c.req.path === importPath ? archive(c, next) : json(c, next));
}
