/**
 * Who is asking: a session cookie, or a personal API token in
 * `Authorization: Bearer`. Used by the API middleware and by the sync layer at
 * upgrade, so both decide identically.
 */
import type { SessionRecord, UserRecord } from '../../../shared/schemas/records';
import type { MetaStore } from '../../store/meta-store';
import { hashSecret } from './secrets';

export const API_TOKEN_PREFIX = 'il_pat';
export const SESSION_TOKEN_PREFIX = 'il_sess';

export type Authenticated =
  | { via: 'cookie'; user: UserRecord; session: SessionRecord }
  | { via: 'token'; user: UserRecord; session: null };

export function authenticateSession(
  meta: MetaStore,
  token: string | undefined,
  now: Date,
): Authenticated | null {
  if (!token) return null;
  const session = meta.findSession(hashSecret(token));
  if (!session || new Date(session.expiresAt) <= now) return null;
  const user = meta.getUser(session.userId);
  return user ? { via: 'cookie', user, session } : null;
}

export function authenticateApiToken(
  meta: MetaStore,
  token: string | undefined,
): Authenticated | null {
  if (!token?.startsWith(`${API_TOKEN_PREFIX}_`)) return null;
  const record = meta.findApiTokenByHash(hashSecret(token));
  if (!record || record.revokedAt !== null) return null;
  const user = meta.getUser(record.userId);
  return user ? { via: 'token', user, session: null } : null;
}

export function bearerToken(header: string | undefined): string | undefined {
  const match = /^Bearer\s+(\S+)$/i.exec(header ?? '');
  return match?.[1];
}
