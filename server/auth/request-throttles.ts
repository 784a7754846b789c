/**
 * The throttles of one server: sign-in backoff by account from an address, by
 * address and by account; backoff on wrong current passwords when changing one;
 * a rate on comment posting. Created once per server with its clock and passed
 * to handlers in `ApiDeps`; the numbers are in `shared/request-limits.ts`.
 */
import { CommentRate, PasswordChangeBackoff, SignInBackoff } from '../../shared/request-limits';
import { type Backoff, createBackoff } from './backoff';
import { createRateLimiter, type RateLimiter } from './rate-limiter';

export interface SignInThrottle {
  /** Milliseconds before this account may be tried from this address (0: now). */
  wait(email: string, address: string): number;
  failed(email: string, address: string): void;
  /**
   * Forgets the account's failures, not the address's: signing in to one's own
   * account must not reset an address that is spraying guesses at others.
   */
  succeeded(email: string, address: string): void;
  /** The longest wait before the account may be tried again, from any address (0: none). */
  accountWait(email: string): number;
  /** Forgets the account's failures from every address (an administrator's unlock). */
  unlock(email: string): void;
}

export interface RequestThrottles {
  readonly signIn: SignInThrottle;
  /** Keyed by user id. */
  readonly passwordChange: Backoff;
  /** Keyed by user id. */
  readonly comments: RateLimiter;
}

function signInThrottle(now: () => number): SignInThrottle {
  const pair = createBackoff(SignInBackoff.accountFromAddress, now);
  const address = createBackoff(SignInBackoff.address, now);
  const account = createBackoff(SignInBackoff.account, now);
  const pairKey = (email: string, from: string) => `${email}\n${from}`;
  return {
    wait: (email, from) =>
      Math.max(pair.wait(pairKey(email, from)), address.wait(from), account.wait(email)),
    failed(email, from) {
      pair.fail(pairKey(email, from));
      address.fail(from);
      account.fail(email);
    },
    succeeded(email, from) {
      pair.succeed(pairKey(email, from));
      account.succeed(email);
    },
    accountWait: (email) =>
      Math.max(
        account.wait(email),
        pair.longestWaitWhere((key) => key.startsWith(`${email}\n`)),
      ),
    unlock(email) {
      account.succeed(email);
      pair.forgetWhere((key) => key.startsWith(`${email}\n`));
    },
  };
}

export function createRequestThrottles(now: () => Date): RequestThrottles {
  const ms = () => now().getTime();
  return {
    signIn: signInThrottle(ms),
    passwordChange: createBackoff(PasswordChangeBackoff, ms),
    comments: createRateLimiter({ ...CommentRate, now: ms }),
  };
}
