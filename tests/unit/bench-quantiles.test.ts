/** The benchmark reports medians over rounds: nearest rank, each figure on its own. */
import { describe, expect, it } from 'vitest';
import { median, medianOfEach, pooledRatio } from '../../bench/quantiles';

describe('benchmark medians', () => {
  it('take the nearest-rank median of unsorted values', () => {
    expect(median([30, 10, 20])).toBe(20);
    expect(median([4, 1, 3, 2])).toBe(2);
    expect(() => median([])).toThrow();
  });

  it('take each figure of a set of rounds on its own', () => {
    const rounds = [
      { serverCpuMs: 890, p99Ms: 4.1 },
      { serverCpuMs: 730, p99Ms: 5.2 },
      { serverCpuMs: 750, p99Ms: 3.9 },
    ];
    expect(medianOfEach(rounds)).toEqual({ serverCpuMs: 750, p99Ms: 4.1 });
    expect(() => medianOfEach([])).toThrow('median of no rounds');
  });

  it('pool paired rounds into one ratio of totals', () => {
    // Round by round ours is lower twice and higher once; the totals are 1,950 and 2,000.
    expect(pooledRatio([600, 650, 700], [700, 680, 620])).toBeCloseTo(0.975, 6);
    expect(pooledRatio([1], [0])).toBeNull();
    expect(() => pooledRatio([1, 2], [1])).toThrow('unpaired');
  });
});
