/**
 * How often people may try things that an attacker would repeat: sign-in and
 * password change back off (each failure beyond a free allowance doubles the
 * wait, up to a ceiling) instead of locking an account, so nobody can lock
 * someone else out by guessing wrong on purpose; comment posting has a plain
 * per-person rate. Named once here; the server and tests import them.
 */
export interface BackoffPolicy {
  /** Failures allowed before any wait. */
  readonly freeFailures: number;
  /** The first wait, doubled with each further failure (ms). */
  readonly baseDelayMs: number;
  /** The longest wait (ms). */
  readonly maxDelayMs: number;
  /** A key with no failure for this long starts again from nothing (ms). */
  readonly forgetAfterMs: number;
}

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;

export const SignInBackoff = {
  /** One address guessing one account's password: the brute-force case, slowed hardest. */
  accountFromAddress: {
    freeFailures: 5,
    baseDelayMs: SECOND,
    maxDelayMs: 15 * MINUTE,
    forgetAfterMs: HOUR,
  },
  /** One address trying many accounts (password spraying). */
  address: { freeFailures: 20, baseDelayMs: SECOND, maxDelayMs: 15 * MINUTE, forgetAfterMs: HOUR },
  /**
   * One account guessed from many addresses. The ceiling is short on purpose: it
   * is the longest its owner, signing in from elsewhere, can be kept waiting.
   */
  account: { freeFailures: 10, baseDelayMs: SECOND, maxDelayMs: MINUTE, forgetAfterMs: HOUR },
} as const satisfies Record<string, BackoffPolicy>;

/** Wrong current passwords on the password-change form, per person. */
export const PasswordChangeBackoff: BackoffPolicy = {
  freeFailures: 5,
  baseDelayMs: SECOND,
  maxDelayMs: 15 * MINUTE,
  forgetAfterMs: HOUR,
};

/** Comments (new ones and replies) one person may post per window. */
export const CommentRate = { limit: 30, windowMs: MINUTE } as const;

/** Keys (accounts, addresses) remembered at most, so a flood of them cannot grow memory without end. */
export const MAX_THROTTLE_KEYS = 100_000;
