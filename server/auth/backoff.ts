/**
 * Exponential backoff per key (an account, an address, a person), with an
 * injected clock: each failure beyond the policy's free allowance doubles the
 * wait before the next attempt, up to its ceiling; a success or a quiet spell
 * forgets the key. Callers ask `wait` before doing any costly work.
 */
import type { BackoffPolicy } from '../../shared/request-limits';
import { MAX_THROTTLE_KEYS } from '../../shared/request-limits';

export interface Backoff {
  /** Milliseconds `key` must still wait before it may try again (0: it may try now). */
  wait(key: string): number;
  fail(key: string): void;
  succeed(key: string): void;
  /** Forgets every key `match` accepts (an administrator unlocking an account). */
  forgetWhere(match: (key: string) => boolean): void;
  /** The longest wait among the keys `match` accepts (0: none waits). */
  longestWaitWhere(match: (key: string) => boolean): number;
}

interface Entry {
  failures: number;
  lastFailureAt: number;
  nextAllowedAt: number;
}

export function delayAfter(policy: BackoffPolicy, failures: number): number {
  const beyond = failures - policy.freeFailures;
  if (beyond < 0) return 0;
  // 2 ** 30 is far past any ceiling; capping the exponent keeps the number finite.
  return Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.min(beyond, 30));
}

export function createBackoff(
  policy: BackoffPolicy,
  now: () => number,
  maxKeys = MAX_THROTTLE_KEYS,
): Backoff {
  const entries = new Map<string, Entry>();
  const live = (key: string): Entry | undefined => {
    const entry = entries.get(key);
    if (entry && now() - entry.lastFailureAt >= policy.forgetAfterMs) {
      entries.delete(key);
      return undefined;
    }
    return entry;
  };
  return {
    wait(key) {
      const entry = live(key);
      return entry ? Math.max(0, entry.nextAllowedAt - now()) : 0;
    },
    fail(key) {
      const at = now();
      const entry = live(key) ?? { failures: 0, lastFailureAt: at, nextAllowedAt: at };
      entry.failures += 1;
      entry.lastFailureAt = at;
      entry.nextAllowedAt = at + delayAfter(policy, entry.failures);
      // Re-inserted so the Map's order is least recently failed first, for eviction.
      entries.delete(key);
      if (entries.size >= maxKeys) {
        const oldest = entries.keys().next().value;
        if (oldest !== undefined) entries.delete(oldest);
      }
      entries.set(key, entry);
    },
    succeed(key) {
      entries.delete(key);
    },
    forgetWhere(match) {
      for (const key of [...entries.keys()]) if (match(key)) entries.delete(key);
    },
    longestWaitWhere(match) {
      let longest = 0;
      for (const key of [...entries.keys()]) {
        if (match(key)) longest = Math.max(longest, this.wait(key));
      }
      return longest;
    },
  };
}
