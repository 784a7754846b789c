/**
 * A fixed-window counter per key (an account, an address) with an injected clock.
 * Used for sign-in attempts: the limit holds across accounts from one address and
 * across addresses for one account.
 */
export interface RateLimiter {
  /** Whether `key` is over its limit now; if so, the seconds until it may try again. */
  check(key: string): { limited: false } | { limited: true; retryAfterSeconds: number };
  hit(key: string): void;
  reset(key: string): void;
}

export function createRateLimiter(options: {
  limit: number;
  windowMs: number;
  now?: () => number;
  /** Bound on keys kept, so that a flood of addresses cannot grow memory without end. */
  maxKeys?: number;
}): RateLimiter {
  const { limit, windowMs, now = Date.now, maxKeys = 100_000 } = options;
  const windows = new Map<string, { start: number; count: number }>();
  const current = (key: string) => {
    const window = windows.get(key);
    if (!window || now() - window.start >= windowMs) return undefined;
    return window;
  };
  return {
    check(key) {
      const window = current(key);
      if (!window || window.count < limit) return { limited: false };
      return {
        limited: true,
        retryAfterSeconds: Math.ceil((window.start + windowMs - now()) / 1000),
      };
    },
    hit(key) {
      const window = current(key);
      if (window) {
        window.count += 1;
        return;
      }
      if (windows.size >= maxKeys) {
        const oldest = windows.keys().next().value;
        if (oldest !== undefined) windows.delete(oldest);
      }
      windows.delete(key);
      windows.set(key, { start: now(), count: 1 });
    },
    reset(key) {
      windows.delete(key);
    },
  };
}
