/*
 * Cross-checks against NHSRplotthedots (nhs-r-community/NHSRplotthedots, MIT), the NHS-R
 * community's R implementation of Making Data Count XmR charts. Expected values are the ones its
 * vignettes and tests publish; each case names the file it comes from.
 */
import { describe, expect, it } from 'vitest';
import { assuranceFor, type ChartInputPoint, xmrChart } from '../../../shared/charts';
import { monotoneChains, type Sign, sideRuns } from '../../../shared/charts/patterns';
import { findMdcSignals } from '../../../shared/charts/xmr-rules';

const series = (values: readonly number[]): ChartInputPoint[] =>
  values.map((value, i) => ({ period: `2021-03-${String(22 + i).padStart(2, '0')}`, value }));

/** 0/1 per position: is it inside one of the stretches that reach `minimum` points? */
const flags = (
  length: number,
  stretches: { from: number; to: number; count: number }[],
  minimum = 7,
) =>
  Array.from({ length }, (_, i) =>
    stretches.some((s) => s.count >= minimum && i >= s.from && i <= s.to) ? 1 : 0,
  );

describe('NHSRplotthedots vignette "Deviations from Excel defaults"', () => {
  /*
   * cran/NHSRplotthedots inst/doc/deviations.R (vignettes/deviations.Rmd): the series
   * c(1, 2, 1, 2, 10, 1, 2, …, 1) of 18 daily points, improvement direction "increase" (the
   * default). The figure captions publish the limits and the classification: "four grey common
   * cause points followed by a single blue special cause improvement point" and then grey points.
   */
  const data = [1, 2, 1, 2, 10, 1, 2, 1, 2, 1, 2, 1, 2, 1, 2, 1, 2, 1];

  it('matches the Excel-equivalent chart (screen_outliers = FALSE): UPL 6.95, mean 1.94, LPL -3.06', () => {
    const chart = xmrChart(series(data), { direction: 'up' });
    const segment = chart.segments[0];
    expect(segment?.upper).toBeCloseTo(6.95, 2);
    expect(segment?.centre).toBeCloseTo(1.94, 2);
    expect(segment?.lower).toBeCloseTo(-3.06, 2);
    expect(chart.points.map((p) => p.type)).toEqual(
      data.map((_, i) => (i === 4 ? 'special_cause_improvement' : 'common_cause')),
    );
  });

  it('matches the package default (screen_outliers = TRUE): UPL 4.6, mean 1.94, LPL -0.72', () => {
    const chart = xmrChart(series(data), { direction: 'up', screenMovingRanges: true });
    const segment = chart.segments[0];
    expect(segment?.upper).toBeCloseTo(4.6, 2);
    expect(segment?.centre).toBeCloseTo(1.94, 2);
    expect(segment?.lower).toBeCloseTo(-0.72, 2);
    expect(chart.points.filter((p) => p.type !== 'common_cause').map((p) => p.index)).toEqual([4]);
  });
});

describe('NHSRplotthedots tests/testthat/test-ptd_spc_standard.R', () => {
  /*
   * "it only reports special cause for 2 of 3 points close to limits when they are on the same
   * side of the mean": 1, -1 repeated eight times, with points 15 and 16 set to 5.5 and -5.5;
   * the last two points are expected to be common cause. (Holds with and without screening:
   * 5.5 lies between the two-sigma line and the limit either way.)
   */
  it('keeps two near-limit points on opposite sides of the mean as common cause', () => {
    const data = Array.from({ length: 16 }, (_, i): number => (i % 2 === 0 ? 1 : -1));
    data[14] = 5.5;
    data[15] = -5.5;
    for (const screenMovingRanges of [false, true]) {
      const chart = xmrChart(series(data), { direction: 'up', screenMovingRanges });
      expect(chart.points.slice(-2).map((p) => p.type)).toEqual(['common_cause', 'common_cause']);
      expect(chart.signals).toEqual([]);
    }
  });
});

describe('NHSRplotthedots tests/testthat/test-ptd_calculate_point_type.R', () => {
  // ptd_seven_point_one_side_mean + ptd_part_of_seven_trend: which points belong to a run of 7.
  it('finds runs of seven on one side exactly as ptd_seven_point_one_side_mean', () => {
    const runFlags = (sides: Sign[]) => flags(sides.length, sideRuns(sides, 'break'));
    expect(runFlags([1, 1, 1, 1, 1, 1])).toEqual([0, 0, 0, 0, 0, 0]);
    expect(runFlags([1, 1, 1, 1, 1, 1, -1])).toEqual([0, 0, 0, 0, 0, 0, 0]);
    // Published: c(rep(1, 8), -1) → 1 at positions 7 and 8, i.e. a run over points 1–8.
    expect(runFlags([1, 1, 1, 1, 1, 1, 1, 1, -1])).toEqual([1, 1, 1, 1, 1, 1, 1, 1, 0]);
    expect(runFlags([-1, -1, -1, -1, -1, -1, -1, -1, 1])).toEqual([1, 1, 1, 1, 1, 1, 1, 1, 0]);
    expect(runFlags([-1, 1, 1, 1, 1, 1, 1, 1, 1, -1])).toEqual([0, 1, 1, 1, 1, 1, 1, 1, 1, 0]);
  });

  // ptd_seven_point_trend: published results mark the last point of each 7-point trend.
  it('finds trends of seven exactly as ptd_seven_point_trend', () => {
    const trendEnds = (values: number[]) =>
      monotoneChains(values, 'break')
        .filter((c) => c.count >= 7)
        .map((c) => ({ end: c.to, direction: c.direction }));
    expect(trendEnds([1, 2, 3, 4, 5, 6])).toEqual([]);
    expect(trendEnds([1, 2, 3, 3, 4, 5, 6])).toEqual([]);
    expect(trendEnds([1, 2, 3, 4, 5, 6, 7])).toEqual([{ end: 6, direction: 1 }]);
    expect(trendEnds([2, 1, 2, 3, 4, 5, 6, 7, 3])).toEqual([{ end: 7, direction: 1 }]);
    expect(trendEnds([7, 6, 5, 4, 3, 2, 1])).toEqual([{ end: 6, direction: -1 }]);
    expect(trendEnds([2, 7, 6, 5, 4, 3, 2, 1, 3])).toEqual([{ end: 7, direction: -1 }]);
  });

  /*
   * ptd_two_in_three(close_to_limits) and ptd_part_of_two_in_three: which points a 2-in-3
   * pattern covers, and which of them become special cause. Each published 0/1 vector is
   * reproduced with "close" points (1) at 14 and the others at 10.5, all above the mean of
   * [11, 9, 11, 9] (10; two-sigma line 13.55, limit 15.32). Where a vector has seven points, the
   * points outside any pattern are put just below the mean (9.5) so that no run of seven
   * classifies them; the published test has no run either.
   */
  it('covers and classifies two-in-three points exactly as ptd_two_in_three', () => {
    const limits = xmrChart(series([11, 9, 11, 9])).segments[0];
    if (!limits) {
      throw new Error('no segment');
    }
    const run = (close: number[], below: number[] = []) => {
      const values = close.map((c, i) => (below.includes(i) ? 9.5 : c === 1 ? 14 : 10.5));
      const found = findMdcSignals(
        values,
        values.map(() => limits),
        7,
      );
      const windows = found.stretches.filter((s) => s.rule === 'two_of_three');
      const covered = close.map((_, i) => (windows.some((w) => i >= w.from && i <= w.to) ? 1 : 0));
      const special = found.sides.map((side) => (side === null ? 0 : 1));
      return { covered, special };
    };
    expect(run([1, 0, 1]).covered).toEqual([1, 1, 1]);
    expect(run([0, 1, 1]).covered).toEqual([1, 1, 1]);
    expect(run([1, 1, 0]).covered).toEqual([1, 1, 1]);
    expect(run([0, 0, 1, 0, 1, 0, 0]).covered).toEqual([0, 0, 1, 1, 1, 0, 0]);
    expect(run([0, 0, 1, 1, 0, 0, 0]).covered).toEqual([0, 1, 1, 1, 1, 0, 0]);
    expect(run([1, 0, 1]).special).toEqual([1, 0, 1]);
    expect(run([0, 1, 1]).special).toEqual([0, 1, 1]);
    expect(run([0, 0, 1, 0, 1, 0, 0], [0, 1, 5, 6]).special).toEqual([0, 0, 1, 0, 1, 0, 0]);
    expect(run([1, 0, 0, 1]).special).toEqual([0, 0, 0, 0]);
    expect(run([1, 0, 0, 1, 1]).special).toEqual([0, 0, 0, 1, 1]);
  });
});

describe('NHSRplotthedots tests/testthat/test-ptd_calculate_assurance_type.R', () => {
  // Limits (lpl, upl) = (1, 3), (5, 7), (1, 5) against a target of 4.
  const cases = [
    { lower: 1, upper: 3 },
    { lower: 5, upper: 7 },
    { lower: 1, upper: 5 },
  ];

  it('increase: consistent_fail, consistent_pass, inconsistent (hit and miss)', () => {
    expect(cases.map((limits) => assuranceFor(limits, 4, 'up'))).toEqual([
      'consistent_fail',
      'consistent_pass',
      'hit_and_miss',
    ]);
  });

  it('decrease: consistent_pass, consistent_fail, inconsistent (hit and miss)', () => {
    expect(cases.map((limits) => assuranceFor(limits, 4, 'down'))).toEqual([
      'consistent_pass',
      'consistent_fail',
      'hit_and_miss',
    ]);
  });

  it('neutral or no target: no assurance', () => {
    expect(cases.map((limits) => assuranceFor(limits, 4, null))).toEqual([null, null, null]);
    expect(assuranceFor({ lower: 1, upper: 3 }, null, 'up')).toBeNull();
  });
});
