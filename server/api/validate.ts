/**
 * Body validation at the boundary, the one place every JSON body is checked: it
 * is parsed and checked against a zod schema from shared/; failures are 400s
 * that name the fields. Handlers receive typed, trusted input. The size limit is
 * enforced earlier, while the body streams (`server/body-limits.ts`); the check
 * here keeps the API app safe when it is mounted without that middleware.
 */
import type { Context } from 'hono';
import type * as z from 'zod';
import { Limits } from '../../shared/limits';
import { describeBytes } from '../body-limits';
import { ApiError } from './errors';

export async function readJson<S extends z.ZodType>(c: Context, schema: S): Promise<z.output<S>> {
  const declared = Number(c.req.header('content-length') ?? '0');
  if (declared > Limits.maxJsonBodyBytes) throw tooLarge();
  const text = await c.req.text();
  if (Buffer.byteLength(text) > Limits.maxJsonBodyBytes) throw tooLarge();
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
    `The request body is larger than ${describeBytes(Limits.maxJsonBodyBytes)}.`,
  );
}
