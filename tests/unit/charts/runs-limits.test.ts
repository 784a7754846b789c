import { describe, expect, it } from 'vitest';
import {
  ihiRunsLimits,
  PERLA_RUNS_TABLE,
  PERLA_TABLE_FIRST_N,
  PERLA_TABLE_LAST_N,
  swedEisenhartRunsLimits,
} from '../../../shared/charts';
import { runsArrangements } from '../../../shared/charts/runs-limits';

/*
 * Perla, Provost & Murray, "The run chart", BMJ Qual Saf 2011;20:46–51, Table 1, as restated in
 * the project's domain notes (DOMAIN.md, "Charts"). Written out here rather than read from the
 * module, so that a typo in the module's copy fails this test.
 */
const PUBLISHED_TABLE_1: Record<number, [tooFewIfFewerThan: number, tooManyIfMoreThan: number]> = {
  10: [3, 9],
  11: [3, 10],
  12: [3, 11],
  13: [4, 11],
  14: [4, 12],
  15: [5, 12],
  16: [5, 13],
  17: [5, 13],
  18: [6, 14],
  19: [6, 15],
  20: [6, 16],
  21: [7, 16],
  22: [7, 17],
  23: [7, 17],
  24: [8, 18],
  25: [8, 18],
  26: [9, 19],
};

describe('IHI runs limits', () => {
  it.each(Object.entries(PUBLISHED_TABLE_1).map(([n, limits]) => [Number(n), ...limits] as const))(
    'reproduces Perla Table 1 for %i useful observations',
    (useful, lower, upper) => {
      expect(ihiRunsLimits(useful)).toEqual({ lower, upper });
    },
  );

  it('covers exactly 10 to 26 with the table', () => {
    expect(PERLA_TABLE_FIRST_N).toBe(10);
    expect(PERLA_TABLE_LAST_N).toBe(26);
    expect(PERLA_RUNS_TABLE).toHaveLength(17);
  });

  it('does not apply below 10 useful observations', () => {
    for (let n = 0; n < 10; n++) {
      expect(ihiRunsLimits(n)).toBeNull();
    }
  });

  it('computes beyond 26 from the exact runs distribution', () => {
    for (let n = 27; n <= 120; n++) {
      expect(ihiRunsLimits(n)).toEqual(swedEisenhartRunsLimits(n));
    }
  });

  it('continues the table smoothly: limits never fall and widen by at most one run per point', () => {
    let previous = ihiRunsLimits(26);
    for (let n = 27; n <= 200; n++) {
      const current = ihiRunsLimits(n);
      expect(current).not.toBeNull();
      if (!current || !previous) {
        return;
      }
      expect(current.lower - previous.lower).toBeGreaterThanOrEqual(0);
      expect(current.lower - previous.lower).toBeLessThanOrEqual(1);
      expect(current.upper - previous.upper).toBeGreaterThanOrEqual(0);
      expect(current.upper - previous.upper).toBeLessThanOrEqual(1);
      previous = current;
    }
  });
});

describe('Swed–Eisenhart computation against Perla Table 1', () => {
  /*
   * The exact two-sided 5% limits (2.5% per tail, points split evenly about the median) agree
   * with the table except at these n, where the published table is one run more lenient. This is
   * why the table is a lookup and the computation is used only beyond 26.
   */
  const tableMoreLenientLower = [11, 12, 17, 20, 22, 23, 25];
  const tableMoreLenientUpper = [11, 12, 20, 22];

  it.each(Object.entries(PUBLISHED_TABLE_1).map(([n, limits]) => [Number(n), ...limits] as const))(
    'n = %i: computed limits equal the table or are one run stricter where documented',
    (useful, lower, upper) => {
      const computed = swedEisenhartRunsLimits(useful);
      expect(computed.lower).toBe(tableMoreLenientLower.includes(useful) ? lower + 1 : lower);
      expect(computed.upper).toBe(tableMoreLenientUpper.includes(useful) ? upper - 1 : upper);
    },
  );

  it('counts arrangements that add up to all C(n, n/2) orderings', () => {
    // 5 above and 5 below: C(10, 5) = 252 arrangements, 2 of them with 2 runs (all above first,
    // or all below first), 2 with the maximum of 10 runs (alternating).
    let total = 0n;
    for (let runs = 2; runs <= 10; runs++) {
      total += runsArrangements(5, 5, runs);
    }
    expect(total).toBe(252n);
    expect(runsArrangements(5, 5, 2)).toBe(2n);
    expect(runsArrangements(5, 5, 10)).toBe(2n);
  });

  it('keeps each tail at or below 2.5% and the next value above it (n = 40)', () => {
    const { lower, upper } = swedEisenhartRunsLimits(40);
    const total = [...Array(41).keys()].reduce((sum, r) => sum + runsArrangements(20, 20, r), 0n);
    const tail = (from: number, to: number) => {
      let sum = 0n;
      for (let r = from; r <= to; r++) {
        sum += runsArrangements(20, 20, r);
      }
      return Number(sum) / Number(total);
    };
    expect(tail(2, lower - 1)).toBeLessThanOrEqual(0.025);
    expect(tail(2, lower)).toBeGreaterThan(0.025);
    expect(tail(upper + 1, 40)).toBeLessThanOrEqual(0.025);
    expect(tail(upper, 40)).toBeGreaterThan(0.025);
  });
});
