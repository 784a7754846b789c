/**
 * What a route of the HTTP API is, for both ends: its method, its path pattern
 * (`/labs/:labId/items`, below `/api`), the zod schema of its request body and of
 * its query, and the shape of its answer. The client calls a route through its
 * contract (`client/lib/api.ts`), so its path parameters, body and the type of
 * the answer come from here and are checked by the compiler; the server answers
 * through the same contract (`server/api/reply.ts`), so a handler that answers
 * with another shape does not compile. The routes themselves are listed in
 * `shared/api-routes/`.
 */
import * as z from 'zod';

/** Every path of the API starts here. */
export const API_PREFIX = '/api';

/** The header a cookie-authenticated write carries its CSRF token in. */
export const CSRF_HEADER = 'x-csrf-token';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface ApiRoute<
  Path extends string = string,
  Body extends z.ZodType | null = z.ZodType | null,
  Query extends z.ZodType | null = z.ZodType | null,
  Answer = unknown,
> {
  readonly method: HttpMethod;
  readonly path: Path;
  /** The request body's schema; null when the route takes none. */
  readonly body: Body;
  /** The query string's schema (string values); null when the route reads none. */
  readonly query: Query;
  /** Checks an answer as it arrives, and carries its type. */
  readonly answer: z.ZodType<Answer>;
}

/** The names of a path pattern's parameters: `/labs/:labId/items/:itemId` → `labId | itemId`. */
type ParamNames<P extends string> = P extends `${string}:${infer Name}/${infer Rest}`
  ? Name | ParamNames<`/${Rest}`>
  : P extends `${string}:${infer Name}`
    ? Name
    : never;

export type PathParams<P extends string> = { readonly [K in ParamNames<P>]: string };

export type AnswerOf<R extends ApiRoute> =
  R extends ApiRoute<string, infer _B, infer _Q, infer A> ? A : never;

/** What a call of a route needs: its path parameters, body and query, each only when it has them. */
export type CallInput<R extends ApiRoute> = ([ParamNames<R['path']>] extends [never]
  ? { readonly params?: undefined }
  : { readonly params: PathParams<R['path']> }) &
  (R['body'] extends z.ZodType
    ? { readonly body: z.input<R['body']> }
    : { readonly body?: undefined }) &
  (R['query'] extends z.ZodType
    ? { readonly query?: z.input<R['query']> }
    : { readonly query?: undefined });

/**
 * An answer whose shape the compiler knows (from the type the server's presenters
 * return) and which is checked, as it arrives, only for being a JSON object:
 * for answers that have no zod schema of their own.
 */
export function shape<T extends object>(): z.ZodType<T> {
  return z.custom<T>((value) => typeof value === 'object' && value !== null);
}

/** The answer of a route that only confirms (`{ ok: true }`). */
export const OkAnswer = z.object({ ok: z.literal(true) });

/** The answer of a route that answers 204 No Content. */
export const NoContent = z.null();

interface RouteSpec<B extends z.ZodType | null, Q extends z.ZodType | null, A> {
  readonly body?: B;
  readonly query?: Q;
  readonly answer: z.ZodType<A>;
}

function defineRoute(method: HttpMethod) {
  return <
    P extends string,
    A,
    B extends z.ZodType | null = null,
    Q extends z.ZodType | null = null,
  >(
    path: P,
    spec: RouteSpec<B, Q, A>,
  ): ApiRoute<P, B, Q, A> => ({
    method,
    path,
    body: (spec.body ?? null) as B,
    query: (spec.query ?? null) as Q,
    answer: spec.answer,
  });
}

export const route = {
  get: defineRoute('GET'),
  post: defineRoute('POST'),
  put: defineRoute('PUT'),
  patch: defineRoute('PATCH'),
  delete: defineRoute('DELETE'),
};

/**
 * The path of one call: parameters filled in (encoded) and the query appended,
 * leaving out empty values.
 */
export function routePath(
  pattern: string,
  params: Readonly<Record<string, string>> = {},
  query: Readonly<Record<string, string | undefined>> = {},
): string {
  const path = pattern.replace(/:([A-Za-z]+)/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`the path ${pattern} needs ${name}`);
    return encodeURIComponent(value);
  });
  const search = Object.entries(query)
    .filter((entry): entry is [string, string] => Boolean(entry[1]))
    .map(([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(value)}`)
    .join('&');
  return search ? `${path}?${search}` : path;
}
