/**
 * A handler's answer through its route's contract (`shared/api-routes.ts`): the
 * answer must have the shape the contract gives the client, so a handler that
 * answers with another shape does not compile.
 */
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { AnswerOf, ApiRoute } from '../../shared/api-contract';

export function reply<R extends ApiRoute>(
  c: Context,
  _route: R,
  answer: AnswerOf<R>,
  status: ContentfulStatusCode = 200,
): Response {
  // The contract has checked the type; Hono's own JSON type cannot follow a generic answer.
  return c.json(answer as Record<string, unknown>, status);
}

/** A 204 answer, for a route whose contract answers no content. */
export function replyEmpty(c: Context, _route: ApiRoute<string, null, null, null>): Response {
  return c.body(null, 204);
}
