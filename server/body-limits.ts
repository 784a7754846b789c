/**
 * Request bodies are limited while they stream, on every route, before any
 * authentication work: a declared `Content-Length` over the limit is refused
 * from the header, and a chunked body without one is counted as it arrives and
 * refused with 413 the moment it passes the limit, so an anonymous upload of
 * hundreds of megabytes never grows the server by its size (the rest of the
 * body is discarded by `@hono/node-server`, which drains a little, then closes
 * the connection). Archive import alone gets the larger `Limits.maxArchiveBytes`.
 */
import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { Limits } from '../shared/limits';
import type { ApiErrorBody } from '../shared/schemas/api';

/** Where archive import is, under the API. */
export const ARCHIVE_IMPORT_PATH = '/labs/import';

/** "50 MB", "64 KB": a size as people read it. */
export function describeBytes(bytes: number): string {
  const mb = 1024 * 1024;
  return bytes >= mb
    ? `${Math.round(bytes / mb)} MB`
    : `${Math.max(1, Math.round(bytes / 1024))} KB`;
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
      // The client may still be sending: say the connection will not be reused.
      return c.json(body, 413, { connection: 'close' });
    },
  });
}

/** One middleware for the whole server; `apiPrefix` is where the API is mounted. */
export function bodyLimits(apiPrefix: string): MiddlewareHandler {
  const json = limitFor(Limits.maxJsonBodyBytes);
  const archive = limitFor(Limits.maxArchiveBytes);
  const importPath = `${apiPrefix}${ARCHIVE_IMPORT_PATH}`;
  return (c, next) => (c.req.path === importPath ? archive(c, next) : json(c, next));
}
