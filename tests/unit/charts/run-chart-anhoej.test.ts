import { describe, expect, it } from 'vitest';
import {
  anhoejRunChart,
  binomialHalfQuantile,
  type ChartInputPoint,
  crossingsLimit,
  longestRunLimit,
} from '../../../shared/charts';

const series = (values: readonly number[]): ChartInputPoint[] =>
  values.map((value, i) => ({ period: `p${i + 1}`, value }));

/*
 * Cross-check 1: the critical values published with Anhøj's own packages. Source:
 * anhoej/pbcharts README.md, "Critical values for runs and crossing" (the same table as
 * qicharts2's vignette, vignettes/qicharts2.Rmd, Appendix 2, which computes it with
 * round(log2(n) + 3) and qbinom(0.05, n - 1, 0.5)). Columns for n = 10, 11, …, 100.
 */
const PUBLISHED_LONGEST_RUN_LIMIT = [
  6, 6, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8,
  8, 8, 8, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9,
  9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10,
];
const PUBLISHED_CROSSINGS_LIMIT = [
  2, 2, 3, 3, 4, 4, 4, 5, 5, 6, 6, 6, 7, 7, 8, 8, 8, 9, 9, 10, 10, 11, 11, 11, 12, 12, 13, 13, 14,
  14, 14, 15, 15, 16, 16, 17, 17, 17, 18, 18, 19, 19, 20, 20, 21, 21, 21, 22, 22, 23, 23, 24, 24,
  25, 25, 25, 26, 26, 27, 27, 28, 28, 29, 29, 29, 30, 30, 31, 31, 32, 32, 33, 33, 34, 34, 34, 35,
  35, 36, 36, 37, 37, 38, 38, 39, 39, 39, 40, 40, 41, 41,
];

describe('Anhøj critical values', () => {
  it('match the published table for 10 to 100 useful observations', () => {
    expect(PUBLISHED_LONGEST_RUN_LIMIT).toHaveLength(91);
    expect(PUBLISHED_CROSSINGS_LIMIT).toHaveLength(91);
    PUBLISHED_LONGEST_RUN_LIMIT.forEach((limit, i) => {
      expect(longestRunLimit(10 + i), `longest run, n = ${10 + i}`).toBe(limit);
    });
    PUBLISHED_CROSSINGS_LIMIT.forEach((limit, i) => {
      expect(crossingsLimit(10 + i), `crossings, n = ${10 + i}`).toBe(limit);
    });
  });

  it('computes qbinom semantics exactly: the smallest k with P(X ≤ k) ≥ p', () => {
    // size 9: P(X ≤ 1) = 10/512 ≈ 0.0195 < 0.05, P(X ≤ 2) = 46/512 ≈ 0.0898 ≥ 0.05.
    expect(binomialHalfQuantile(0.05, 9)).toBe(2);
    expect(binomialHalfQuantile(0.05, 0)).toBe(0);
    expect(binomialHalfQuantile(0.5, 1)).toBe(0);
    expect(binomialHalfQuantile(1, 4)).toBe(4);
  });

  it('satisfies P(X ≤ k − 1) < 0.05 ≤ P(X ≤ k) for every size up to 400', () => {
    // Checked with exact integers: 20 × (number of outcomes ≤ k) against 2^size.
    for (let size = 0; size <= 400; size++) {
      const k = binomialHalfQuantile(0.05, size);
      let coefficient = 1n;
      let atMost = 0n;
      let belowK = 0n;
      for (let i = 0; i <= k; i++) {
        if (i === k) {
          belowK = atMost;
        }
        atMost += coefficient;
        coefficient = (coefficient * BigInt(size - i)) / BigInt(i + 1);
      }
      const outcomes = 2n ** BigInt(size);
      expect(20n * belowK < outcomes, `size ${size}`).toBe(true);
      expect(20n * atMost >= outcomes, `size ${size}`).toBe(true);
    }
  });

  it('rejects an impossible size or probability', () => {
    expect(() => binomialHalfQuantile(0.05, -1)).toThrow(RangeError);
    expect(() => binomialHalfQuantile(1.5, 3)).toThrow(RangeError);
  });
});

describe('Anhøj run chart', () => {
  /*
   * Cross-check 2: anhoej/pbcharts tests/testthat/test-pbc.R, "signals and summary work":
   * pbc(1:12, chart = 'i') has a runs signal and pbc(1:11, chart = 'i') has 10 useful
   * observations. pbcharts analyses runs about the chart's centre line; for 1..12 and 1..11 the
   * mean and the median coincide (6.5 and 6), so a run chart must give the same answer.
   */
  it('signals too few crossings for 1..12 (pbcharts)', () => {
    const chart = anhoejRunChart(series([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]));
    expect(chart.segments[0]?.centre).toBe(6.5);
    expect(chart.segments[0]?.runs).toEqual({
      useful: 12,
      crossings: 1,
      runs: 2,
      longestRun: 6,
      longestRunLimit: 7,
      crossingsLimit: 3,
    });
    expect(chart.signals).toEqual([{ rule: 'too_few_crossings', from: 0, to: 11, segment: 0 }]);
  });

  it('does not count the point on the median as useful for 1..11 (pbcharts)', () => {
    const chart = anhoejRunChart(series([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]));
    expect(chart.segments[0]?.runs.useful).toBe(10);
  });

  // Median frozen at 5 by the first two points, so the later sides can be chosen freely.
  const frozen = { baseline: 2 };
  const below = (count: number) => Array.from({ length: count }, (_, i) => 1 + (i % 2));

  it('signals a longest run of 8 with 16 useful observations (limit 7)', () => {
    const values = [0, 10, ...below(8), 9, 1, 9, 1, 9, 1];
    const chart = anhoejRunChart(series(values), frozen);
    const runs = chart.segments[0]?.runs;
    expect(runs?.useful).toBe(16);
    expect(runs?.longestRun).toBe(8);
    expect(runs?.longestRunLimit).toBe(7);
    expect(chart.signals).toEqual([{ rule: 'longest_run', from: 0, to: 15, segment: 0 }]);
    expect(chart.points.every((p) => p.signals.includes('longest_run'))).toBe(true);
  });

  it('does not signal a longest run of 7 with 16 useful observations', () => {
    const values = [0, 10, ...below(7), 9, 1, 9, 1, 9, 1, 9];
    const chart = anhoejRunChart(series(values), frozen);
    expect(chart.segments[0]?.runs.longestRun).toBe(7);
    expect(chart.signals).toEqual([]);
  });

  it('lets a point on the median neither break nor extend a run', () => {
    // 4 below, on the median, 4 below: one run of 8 useful points, not two of 4 (or one of 9).
    const values = [0, 10, ...below(4), 5, ...below(4), 9, 1, 9, 1, 9, 1];
    const chart = anhoejRunChart(series(values), frozen);
    expect(chart.segments[0]?.runs.longestRun).toBe(8);
    expect(chart.segments[0]?.runs.useful).toBe(16);
    expect(chart.signals.map((s) => s.rule)).toEqual(['longest_run']);
  });

  it('signals crossings below the 5th percentile and not at it', () => {
    // 14 useful observations: the crossings limit is qbinom(0.05, 13, 0.5) = 4.
    const fourCrossings = [0, 10, 9, 8, 9, 1, 2, 1, 2, 9, 8, 9, 1, 2];
    const threeCrossings = [0, 10, 9, 8, 9, 8, 1, 2, 1, 2, 1, 9, 8, 9];
    const atLimit = anhoejRunChart(series(fourCrossings), frozen);
    const belowLimit = anhoejRunChart(series(threeCrossings), frozen);
    expect(atLimit.segments[0]?.runs).toMatchObject({
      useful: 14,
      crossings: 4,
      crossingsLimit: 4,
    });
    expect(atLimit.signals).toEqual([]);
    expect(belowLimit.segments[0]?.runs).toMatchObject({ useful: 14, crossings: 3, runs: 4 });
    expect(belowLimit.signals).toEqual([
      { rule: 'too_few_crossings', from: 0, to: 13, segment: 0 },
    ]);
  });
});
