/**
 * The client's HTTP API access: every call names a route's contract
 * (`shared/api-routes.ts`), so its parameters, body and answer are the types the
 * server's are; JSON in and out, the CSRF token on every write, the answer
 * checked with the contract's schema, and errors as `ApiRequestError` carrying
 * the server's code and sentence. A 401 meaning "no session" (not "wrong
 * password") is reported to `onUnauthenticated`, so that a session that ended
 * elsewhere sends the person to sign in.
 */
import {
  type AnswerOf,
  API_PREFIX,
  type ApiRoute,
  type CallInput,
  CSRF_HEADER,
  routePath,
} from '../../shared/api-contract';
import { Api } from '../../shared/api-routes';
import type { ApiErrorBody, MeResponse } from '../../shared/schemas/api';
import type { FlaggedSpan } from '../../shared/schemas/personal-data';

export class ApiRequestError extends Error {
  override readonly name = 'ApiRequestError';
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields: Record<string, string> = {},
    /** A `personal_data` refusal's findings: kinds and offsets into the text sent. */
    readonly findings: readonly FlaggedSpan[] = [],
  ) {
    super(message);
  }
}

/** A route's input, left out when the route needs none. */
type CallArgs<R extends ApiRoute> =
  object extends CallInput<R> ? [input?: CallInput<R>] : [input: CallInput<R>];

export interface ApiClient {
  /** Calls one route of the API with what its contract asks for. */
  call<R extends ApiRoute>(route: R, ...args: CallArgs<R>): Promise<AnswerOf<R>>;
  /** Remembers the session's CSRF token (from sign-in or `/api/auth/me`). */
  setCsrfToken(token: string | null): void;
  /** The signed-in person, or null. */
  me(): Promise<MeResponse | null>;
}

export interface ApiClientOptions {
  /** Called when the server says the request has no valid session. */
  readonly onUnauthenticated?: () => void;
}

/** The server's code for "no valid session" (sign-in failures use other codes). */
const UNAUTHENTICATED = 'unauthenticated';

export function createApiClient(options: ApiClientOptions = {}): ApiClient {
  let csrfToken: string | null = null;
  const client: ApiClient = {
    async call<R extends ApiRoute>(route: R, ...args: CallArgs<R>): Promise<AnswerOf<R>> {
      try {
        return await call(route, args[0], csrfToken);
      } catch (error) {
        if (
          error instanceof ApiRequestError &&
          error.status === 401 &&
          error.code === UNAUTHENTICATED
        ) {
          options.onUnauthenticated?.();
        }
        throw error;
      }
    },
    setCsrfToken(token) {
      csrfToken = token;
    },
    async me() {
      try {
        const me: MeResponse = await call(Api.auth.me, {}, csrfToken);
        csrfToken = me.csrfToken;
        return me;
      } catch (error) {
        if (error instanceof ApiRequestError && error.status === 401) return null;
        throw error;
      }
    },
  };
  return client;
}

async function call<R extends ApiRoute>(
  route: R,
  input: CallInput<R> | undefined,
  csrfToken: string | null,
): Promise<AnswerOf<R>> {
  const { method } = route;
  const body: unknown = input?.body;
  // A query's schema reads strings only (a query string holds nothing else).
  const query = input?.query as Readonly<Record<string, string | undefined>> | undefined;
  const path = routePath(route.path, input?.params, query);
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers[CSRF_HEADER] = csrfToken;
  let response: Response;
  try {
    response = await fetch(`${API_PREFIX}${path}`, {
      method,
      headers,
      credentials: 'same-origin',
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  } catch {
    throw new ApiRequestError(
      0,
      'network',
      'Could not reach the server. Check your connection and try again.',
    );
  }
  const data: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const error = (data as ApiErrorBody | null)?.error;
    throw new ApiRequestError(
      response.status,
      error?.code ?? 'unknown',
      error?.message ?? `The server answered ${response.status}.`,
      error?.fields ?? {},
      error?.findings ?? [],
    );
  }
  const answer = route.answer.safeParse(data);
  if (!answer.success) {
    throw new ApiRequestError(
      response.status,
      'unexpected_answer',
      'The server answered in a form this page does not know. Reload the page and try again.',
    );
  }
  return answer.data as AnswerOf<R>;
}
