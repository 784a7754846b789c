/**
 * What the MetaStore's record families share: the one in-memory `MetaData` they
 * change, the hook that has each change written, and the checks every record passes
 * before it goes in. Every stored record is validated against its schema, because the
 * whole file is validated on load: one bad record written today would make the file
 * look corrupt at the next start.
 */
import type { ZodType } from 'zod';
import * as z from 'zod';
import type { MetaData } from '../../shared/schemas/records';
import { MetaStoreConflictError } from './meta-store';

export interface CoreState {
  readonly data: MetaData;
  /** Throws once the store is closed; call it before changing anything. */
  assertOpen(): void;
  /** Call right after a change: resolves once a write that includes it has completed. */
  saved(): Promise<void>;
  /** Resolves once every change so far is written (for answers that rely on earlier changes). */
  durable(): Promise<void>;
}

/** A record or patch that does not match its schema; nothing was changed. */
export class MetaStoreInvalidRecordError extends Error {
  override readonly name = 'MetaStoreInvalidRecordError';
}

/** A validated copy of `value`; throws MetaStoreInvalidRecordError when it does not fit. */
export function checked<T>(schema: ZodType<T>, value: unknown, what: string): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  throw new MetaStoreInvalidRecordError(`invalid ${what}: ${z.prettifyError(result.error)}`);
}

/** Records leave the store as copies, so callers cannot change its state by accident. */
export function copy<T>(value: T): T {
  return structuredClone(value);
}

export function copyOrNull<T>(value: T | undefined): T | null {
  return value === undefined ? null : copy(value);
}

export function conflict(message: string): MetaStoreConflictError {
  return new MetaStoreConflictError(message);
}

export function normaliseEmail(email: string): string {
  return email.toLowerCase();
}

/**
 * `record` with the allowed, defined fields of `patch` applied, as a new object.
 * Fields outside `keys` are ignored even if a caller's cast lets them through, so a
 * patch can never change an id, an owner or an email.
 */
export function patched<R extends object, K extends keyof R>(
  record: R,
  patch: Partial<Pick<R, K>>,
  keys: readonly K[],
): R {
  const next = { ...record };
  for (const key of keys) {
    const value = patch[key];
    if (value !== undefined) next[key] = value as R[K];
  }
  return next;
}

/**
 * Removes, in place, the elements `remove` accepts; returns how many went. In place,
 * so the arrays of `MetaData` are never replaced and may be held by reference.
 */
export function removeWhere<T>(array: T[], remove: (element: T) => boolean): number {
  let kept = 0;
  for (const element of array) {
    if (!remove(element)) array[kept++] = element;
  }
  const removed = array.length - kept;
  array.length = kept;
  return removed;
}

/**
 * Whether something with this expiry time has expired at `now`. An unreadable time
 * counts as expired: sessions, invitations and set-up tokens fail closed.
 */
export function isExpired(expiresAt: string, now: Date): boolean {
  const expiry = Date.parse(expiresAt);
  return !(expiry > now.getTime());
}
