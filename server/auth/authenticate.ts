/**
 * Who is asking: a session cookie, or a personal API token in
 * `Authorization: Bearer`. Used by the API middleware and by the sync layer at
 * upgrade, so both decide identically.
 */
import { Limits } from '../../shared/limits';
import type { Actor } from '../../shared/policy';
import type { ApiTokenRecord, SessionRecord, UserRecord } from '../../shared/schemas/records';
import type { MetaStore } from '../store/meta-store';
import { hashSecret } from './secrets';

export const API_TOKEN_PREFIX = 'il_pat';
export const SESSION_TOKEN_PREFIX = 'il_sess';

export type Authenticated =
  | { via: 'cookie'; user: UserRecord; session: SessionRecord; token: null }
  | { via: 'token'; user: UserRecord; session: null; token: ApiTokenRecord };

/** The person as the shared policy sees them. */
export function actorOf(user: UserRecord): Actor {
  return { userId: user.id, isAdmin: user.isAdmin, canCreateLabs: user.canCreateLabs };
}

/** When this access ends by itself (ms since the epoch), or null: open sockets close then. */
export function accessExpiresAt(found: Authenticated): number | null {
  const expiresAt = found.session?.expiresAt ?? found.token?.expiresAt ?? null;
  return expiresAt === null ? null : Date.parse(expiresAt);
}

export function authenticateSession(
  meta: MetaStore,
  token: string | undefined,
  now: Date,
): Authenticated | null {
  if (!token) return null;
  const session = meta.findSession(hashSecret(token));
  if (!session || new Date(session.expiresAt) <= now) return null;
  const user = meta.getUser(session.userId);
  return user && !user.deactivatedAt ? { via: 'cookie', user, session, token: null } : null;
}

/**
 * Notes a use of the token in `lastUsedAt`, at most once per
 * `Limits.apiTokenLastUsedGranularityMs`: a script calling the API many times a
 * second must not cost a metadata write per request.
 */
function noteUse(meta: MetaStore, record: ApiTokenRecord, now: Date): void {
  const last =
    record.lastUsedAt === null ? Number.NEGATIVE_INFINITY : Date.parse(record.lastUsedAt);
  if (now.getTime() - last < Limits.apiTokenLastUsedGranularityMs) return;
  // The change is made in memory at once (the next request sees it and skips); a
  // failed write is logged by the store and retried with its next write.
  meta.touchApiToken(record.id, now.toISOString()).catch(() => undefined);
}

export function authenticateApiToken(
  meta: MetaStore,
  token: string | undefined,
  now: Date,
): Authenticated | null {
  if (!token?.startsWith(`${API_TOKEN_PREFIX}_`)) return null;
  const record = meta.findApiTokenByHash(hashSecret(token));
  if (!record || record.revokedAt !== null) return null;
  if (record.expiresAt !== null && Date.parse(record.expiresAt) <= now.getTime()) return null;
  const user = meta.getUser(record.userId);
  if (!user || user.deactivatedAt) return null;
  noteUse(meta, record, now);
  return { via: 'token', user, session: null, token: record };
}

export function bearerToken(header: string | undefined): string | undefined {
  const match = /^Bearer\s+(\S+)$/i.exec(header ?? '');
  return match?.[1];
}
