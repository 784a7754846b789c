/**
 * A token bucket: holds up to `burst` tokens and refills at `perSecond`. A
 * connection spends one per message (or one per byte) and is over its limit when
 * the bucket cannot pay. Bursts (the initial sync, a paste, fast typing) pass as
 * long as the average stays under the rate. Time is read from `performance.now()`
 * only when tokens are spent, so an idle bucket costs nothing.
 */
export class TokenBucket {
  private tokens: number;
  private refilledAt: number;

  constructor(
    private readonly perSecond: number,
    private readonly burst: number,
    // Date.now: millisecond resolution is plenty for a rate, and on the per-message path
    // it cost a fraction of performance.now() (which showed in the benchmark's profile).
    private readonly clock: () => number = Date.now,
  ) {
    this.tokens = burst;
    this.refilledAt = clock();
  }

  /** Spends `cost` tokens if the bucket holds them; false (and nothing spent) if not. */
  take(cost = 1): boolean {
    this.refill();
    if (this.tokens < cost) return false;
    this.tokens -= cost;
    return true;
  }

  private refill(): void {
    const now = this.clock();
    // A wall clock set back earns nothing rather than taking tokens away.
    const earned = (Math.max(0, now - this.refilledAt) / 1000) * this.perSecond;
    this.tokens = Math.min(this.burst, this.tokens + earned);
    this.refilledAt = now;
  }
}
