/**
 * API errors as values: a stable code for programs and a sentence for people.
 * Handlers throw `ApiError`; `onApiError` turns it (and anything unexpected) into
 * the JSON body `{ error: { code, message } }`.
 */
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ApiErrorBody } from '../../shared/schemas/api';
import type { FlaggedSpan } from '../../shared/schemas/personal-data';
import type { Logger } from '../logger';
import { DocumentDamagedError } from '../store/doc-store';
import type { AppEnv } from './context';

export class ApiError extends Error {
  override readonly name = 'ApiError';
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: string,
    message: string,
    readonly fields?: Record<string, string>,
    readonly headers?: Record<string, string>,
  ) {
    super(message);
  }
}

/**
 * Text that looks like personal data, sent without "post anyway" and a reason: the
 * refusal carries each finding's kind and offsets so the form can point at them.
 */
export class PersonalDataError extends ApiError {
  constructor(
    message: string,
    readonly findings: readonly FlaggedSpan[],
  ) {
    super(422, 'personal_data', message);
  }
}

/** "1 second", "40 seconds", "2 minutes": how long, as people say it. */
function describeWait(seconds: number): string {
  if (seconds < 60) return seconds === 1 ? '1 second' : `${seconds} seconds`;
  const minutes = Math.ceil(seconds / 60);
  return minutes === 1 ? '1 minute' : `${minutes} minutes`;
}

export const Errors = {
  unauthenticated: () => new ApiError(401, 'unauthenticated', 'Sign in to continue.'),
  forbidden: (what = 'do that') =>
    new ApiError(403, 'forbidden', `You do not have permission to ${what}.`),
  notFound: (what: string) => new ApiError(404, 'not_found', `${what} was not found.`),
  csrf: () =>
    new ApiError(
      403,
      'csrf_failed',
      'This request did not come from Improvement Lab. Reload the page and try again.',
    ),
  conflict: (message: string) => new ApiError(409, 'conflict', message),
  rateLimited: (retryAfterSeconds: number) =>
    new ApiError(
      429,
      'rate_limited',
      `Too many attempts. Try again in ${describeWait(retryAfterSeconds)}.`,
      undefined,
      {
        'Retry-After': String(retryAfterSeconds),
      },
    ),
} as const;

export function errorResponse(c: Context, error: ApiError): Response {
  const body: ApiErrorBody = { error: { code: error.code, message: error.message } };
  if (error.fields) body.error.fields = error.fields;
  if (error instanceof PersonalDataError) body.error.findings = [...error.findings];
  for (const [name, value] of Object.entries(error.headers ?? {})) c.header(name, value);
  return c.json(body, error.status);
}

export function createErrorHandler(logger: Logger) {
  return (error: Error, c: Context<AppEnv>): Response => {
    // The request's own logger (with its id) once authentication has set it up.
    const log = c.get('deps')?.logger ?? logger;
    if (error instanceof ApiError) return errorResponse(c, error);
    if (error instanceof DocumentDamagedError) {
      // The store has logged where the file is; the document was left untouched.
      return errorResponse(
        c,
        new ApiError(
          503,
          'document_damaged',
          'This item’s stored document is damaged and cannot be opened until an administrator restores it.',
        ),
      );
    }
    log.error('unhandled API error', { method: c.req.method, path: c.req.path, error });
    return errorResponse(
      c,
      new ApiError(500, 'internal', 'Something went wrong on the server. Nothing was changed.'),
    );
  };
}
