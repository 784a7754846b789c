/**
 * Body validation at the boundary: the body is read with a size limit, parsed as
 * JSON and checked against a zod schema from shared/; failures are 400s that name
 * the fields. Handlers receive typed, trusted input.
 */
import type { Context } from 'hono';
import type { z } from 'zod';
import { ApiError } from './errors';

export const MAX_JSON_BODY_BYTES = 64 * 1024;

export async function readJson<S extends z.ZodType>(c: Context, schema: S): Promise<z.output<S>> {
  const declared = Number(c.req.header('content-length') ?? '0');
  if (declared > MAX_JSON_BODY_BYTES) throw tooLarge();
  const text = await c.req.text();
  if (Buffer.byteLength(text) > MAX_JSON_BODY_BYTES) throw tooLarge();
  let raw: unknown;
  try {
    raw = text === '' ? {} : JSON.parse(text);
  } catch {
    throw new ApiError(400, 'invalid_json', 'The request body is not valid JSON.');
  }
  const result = schema.safeParse(raw);
  if (!result.success) {
    const fields: Record<string, string> = {};
    for (const issue of result.error.issues)
      fields[issue.path.join('.') || 'body'] ??= issue.message;
    const summary = Object.entries(fields)
      .map(([field, message]) => `${field}: ${message}`)
      .join('; ');
    throw new ApiError(400, 'invalid_request', `Check the form: ${summary}.`, fields);
  }
  return result.data;
}

function tooLarge(): ApiError {
  return new ApiError(
    413,
    'body_too_large',
    `The request body is larger than ${MAX_JSON_BODY_BYTES / 1024} KB.`,
  );
}
