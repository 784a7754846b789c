import { describe, expect, it } from 'vitest';
import { TokenBucket } from '../../server/sync/token-bucket';

describe('token bucket', () => {
  it('lets a burst through at once, then only what the rate refills', () => {
    let now = 0;
    const bucket = new TokenBucket(10, 5, () => now);
    for (let i = 0; i < 5; i += 1) expect(bucket.take()).toBe(true);
    expect(bucket.take()).toBe(false);
    now = 100; // a tenth of a second earns one token
    expect(bucket.take()).toBe(true);
    expect(bucket.take()).toBe(false);
  });

  it('never holds more than the burst, however long it was idle', () => {
    let now = 0;
    const bucket = new TokenBucket(1000, 3, () => now);
    now = 60_000;
    expect(bucket.take(3)).toBe(true);
    expect(bucket.take()).toBe(false);
  });

  it('spends nothing when it cannot pay the whole cost', () => {
    let now = 0;
    const bucket = new TokenBucket(1, 10, () => now);
    expect(bucket.take(11)).toBe(false);
    expect(bucket.take(10)).toBe(true);
    now = 2_000;
    expect(bucket.take(3)).toBe(false);
    expect(bucket.take(2)).toBe(true);
  });

  it('earns nothing, and loses nothing, when the clock goes back', () => {
    let now = 10_000;
    const bucket = new TokenBucket(10, 2, () => now);
    expect(bucket.take(2)).toBe(true);
    now = 5_000;
    expect(bucket.take()).toBe(false);
    now = 5_100;
    expect(bucket.take()).toBe(true);
  });
});
