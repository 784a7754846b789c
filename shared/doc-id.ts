/**
 * Document ids are opaque and URL-safe: y-websocket puts the room name into the
 * URL unencoded, and the server uses the id as a file name.
 */
import * as z from 'zod';
import { Limits } from './limits';

export const DOC_ID_PATTERN = /^[A-Za-z0-9_-]+$/;

export const DocIdSchema = z
  .string()
  .min(1)
  .max(Limits.maxDocIdLength)
  .regex(DOC_ID_PATTERN, 'a document id may contain only letters, digits, "-" and "_"');

export type DocId = z.infer<typeof DocIdSchema>;

/** The schema's rule without building a parse result: it runs on every stored update. */
export function isDocId(value: string): value is DocId {
  return value.length <= Limits.maxDocIdLength && DOC_ID_PATTERN.test(value);
}
