/**
 * The client's HTTP API access: JSON in and out, the CSRF token on every write,
 * and errors as `ApiRequestError` carrying the server's code and sentence. A 401
 * meaning "no session" (not "wrong password") is reported to `onUnauthenticated`,
 * so that a session that ended elsewhere sends the person to sign in.
 */
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

export interface ApiClient {
  request<T>(method: string, path: string, body?: unknown): Promise<T>;
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
    async request<T>(method: string, path: string, body?: unknown): Promise<T> {
      try {
        return await request<T>(method, path, body, csrfToken);
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
        const me = await request<MeResponse>('GET', '/auth/me', undefined, csrfToken);
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

async function request<T>(
  method: string,
  path: string,
  body: unknown,
  csrfToken: string | null,
): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  let response: Response;
  try {
    response = await fetch(`/api${path}`, {
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
  return data as T;
}
