/**
 * Ending everything an account has open: its sessions, its API tokens and, at
 * once, its sync sockets. Used when an administrator deactivates someone, when a
 * password is reset, and when a person deletes their account. The store changes
 * memory at once and then writes, so the sockets close before the disk is waited for.
 */
import type { MetaStore } from '../store/meta-store';

export interface AccountAccessDeps {
  readonly meta: MetaStore;
  readonly now: () => Date;
  /** Closes every sync socket of the account at once. */
  readonly onAccountClosed: (userId: string) => void;
}

export async function endAllAccess(
  deps: AccountAccessDeps,
  userId: string,
): Promise<{ sessionsEnded: number; tokensRevoked: number }> {
  const { meta } = deps;
  const writes = Promise.all([
    meta.deleteUserSessions(userId),
    meta.revokeUserApiTokens(userId, deps.now().toISOString()),
  ]);
  deps.onAccountClosed(userId);
  const [sessionsEnded, revoked] = await writes;
  return { sessionsEnded, tokensRevoked: revoked.length };
}
