import { describe, expect, it } from 'vitest';
import {
  ChartInputError,
  type ChartInputPoint,
  IHI_SHIFT_POINTS,
  IHI_TREND_POINTS,
  ihiRunChart,
} from '../../../shared/charts';

const series = (values: readonly number[]): ChartInputPoint[] =>
  values.map((value, i) => ({ period: `p${i + 1}`, value }));

const rulesOf = (values: readonly number[], options = {}) =>
  ihiRunChart(series(values), options).signals.map(({ rule, from, to }) => ({ rule, from, to }));

describe('IHI shift', () => {
  it('uses the published lengths', () => {
    expect(IHI_SHIFT_POINTS).toBe(6);
    expect(IHI_TREND_POINTS).toBe(5);
  });

  it('is not signalled by 5 points below the median', () => {
    // Median (3 + 7) / 2 = 5; points 3–7 are the only run below it.
    const values = [8, 9, 1, 3, 2, 3, 1, 8, 9, 7];
    expect(ihiRunChart(series(values)).segments[0]?.centre).toBe(5);
    expect(rulesOf(values)).toEqual([]);
  });

  it('is signalled by 6 points below the median, over exactly those points', () => {
    const values = [8, 9, 1, 3, 2, 3, 1, 2, 8, 9, 7, 8];
    const chart = ihiRunChart(series(values));
    expect(chart.segments[0]?.centre).toBe(5);
    expect(rulesOf(values)).toEqual([{ rule: 'shift', from: 2, to: 7 }]);
    expect(chart.points.map((p) => p.signals.length > 0)).toEqual([
      false,
      false,
      true,
      true,
      true,
      true,
      true,
      true,
      false,
      false,
      false,
      false,
    ]);
  });

  it('is not broken by a point on the median, which lies inside the signal', () => {
    // Median 5 (the 7th of 13 values). Below: 1 3 2, then 5 on the median, then 3 2 1.
    const values = [8, 9, 1, 3, 2, 5, 3, 2, 1, 7, 8, 9, 8];
    const chart = ihiRunChart(series(values));
    expect(chart.segments[0]?.centre).toBe(5);
    expect(rulesOf(values)).toEqual([{ rule: 'shift', from: 2, to: 8 }]);
    expect(chart.points[5]?.signals).toEqual(['shift']);
  });

  it('is not made by a point on the median: 5 useful points and one on the median', () => {
    const values = [8, 9, 1, 3, 5, 2, 3, 1, 7, 8, 9];
    expect(ihiRunChart(series(values)).segments[0]?.centre).toBe(5);
    expect(rulesOf(values)).toEqual([]);
  });

  it('reports 8 points on one side as one shift, from the first to the eighth', () => {
    const values = [1, 2, 1, 2, 1, 2, 1, 2, 9, 8, 9, 7, 9, 8, 9, 8];
    expect(rulesOf(values)).toEqual([
      { rule: 'shift', from: 0, to: 7 },
      { rule: 'too_few_runs', from: 0, to: 15 },
      { rule: 'shift', from: 8, to: 15 },
    ]);
  });
});

describe('IHI trend', () => {
  it('is not signalled by 4 rising points', () => {
    expect(rulesOf([5, 1, 2, 3, 4, 2])).toEqual([]);
  });

  it('is signalled by 5 rising points', () => {
    expect(rulesOf([5, 1, 2, 3, 4, 5, 3])).toEqual([{ rule: 'trend', from: 1, to: 5 }]);
  });

  it('is signalled by 5 falling points', () => {
    expect(rulesOf([1, 6, 5, 4, 3, 2, 4])).toEqual([{ rule: 'trend', from: 1, to: 5 }]);
  });

  it('does not count an equal neighbour: 1 2 2 3 4 is four points', () => {
    expect(rulesOf([5, 1, 2, 2, 3, 4, 2])).toEqual([]);
  });

  it('is not broken by an equal neighbour: 1 2 2 3 4 5 is a trend over all six', () => {
    expect(rulesOf([5, 1, 2, 2, 3, 4, 5, 2])).toEqual([{ rule: 'trend', from: 1, to: 6 }]);
  });

  it('starts a trend at the first of two equal values at a turning point', () => {
    // 6 6 5 4 3 2: the equal pair neither ends the rise nor starts the fall, so both 6s are in.
    expect(rulesOf([5, 1, 2, 6, 6, 5, 4, 3, 2])).toEqual([{ rule: 'trend', from: 3, to: 8 }]);
  });

  it('ignores the median: a trend may cross it', () => {
    const chart = ihiRunChart(series([9, 1, 3, 5, 7, 9, 2]));
    expect(chart.segments[0]?.centre).toBe(5);
    expect(chart.signals.map((s) => s.rule)).toEqual(['trend']);
  });
});

describe('IHI runs', () => {
  it('signals too few runs with 10 useful observations and 2 runs', () => {
    // Median 5 is the 6th of 11 values; 10 useful observations, runs = 1 crossing + 1 = 2 < 3.
    const values = [1, 2, 1, 2, 1, 5, 9, 8, 9, 8, 9];
    const chart = ihiRunChart(series(values));
    expect(chart.segments[0]?.runs).toEqual({
      useful: 10,
      crossings: 1,
      runs: 2,
      lower: 3,
      upper: 9,
    });
    expect(rulesOf(values)).toEqual([{ rule: 'too_few_runs', from: 0, to: 10 }]);
    expect(chart.points.every((p) => p.signals.includes('too_few_runs'))).toBe(true);
  });

  it('does not apply with 9 useful observations', () => {
    // Two points on the median: 9 useful observations, still only 2 runs.
    const values = [1, 2, 1, 2, 5, 5, 9, 8, 9, 8, 9];
    const chart = ihiRunChart(series(values));
    expect(chart.segments[0]?.runs).toEqual({
      useful: 9,
      crossings: 1,
      runs: 2,
      lower: null,
      upper: null,
    });
    expect(rulesOf(values)).toEqual([]);
  });

  it('signals too many runs when every point crosses the median', () => {
    const values = [1, 9, 1, 9, 1, 9, 1, 9, 1, 9];
    expect(ihiRunChart(series(values)).segments[0]?.runs).toMatchObject({ runs: 10, upper: 9 });
    expect(rulesOf(values)).toEqual([{ rule: 'too_many_runs', from: 0, to: 9 }]);
  });

  it('accepts runs at the limits: 3 runs (lower 3) and 9 runs (upper 9) with 10 points', () => {
    expect(rulesOf([1, 2, 9, 8, 9, 8, 1, 2, 1, 9])).toEqual([]);
    expect(rulesOf([1, 9, 1, 9, 1, 9, 1, 9, 9, 1])).toEqual([]);
  });
});

describe('IHI baseline and re-basing', () => {
  const values = [4, 2, 6, 3, 5, 1, 9, 8, 9, 7, 9, 8];

  it('freezes the median on the baseline and extends it forward', () => {
    const chart = ihiRunChart(series(values), { baseline: 6 });
    expect(chart.points.map((p) => p.centre)).toEqual(Array(12).fill(3.5));
    expect(chart.segments[0]).toMatchObject({ baselineTo: 5, basedOn: 6, centre: 3.5 });
    // The baseline alternates about 3.5; the six later points all lie above it: one shift.
    expect(chart.signals.map(({ rule, from, to }) => ({ rule, from, to }))).toEqual([
      { rule: 'shift', from: 6, to: 11 },
    ]);
  });

  it('uses every point without a baseline', () => {
    const chart = ihiRunChart(series(values));
    expect(chart.segments[0]?.centre).toBe(6.5);
    expect(chart.signals.map((s) => s.rule)).toEqual(['shift', 'too_few_runs', 'shift']);
  });

  it('starts a new median at a re-base and records the reason', () => {
    const chart = ihiRunChart(series(values), {
      rebases: [{ at: 6, reason: 'new discharge checklist' }],
    });
    expect(chart.segments.map((s) => [s.from, s.to, s.centre, s.reason])).toEqual([
      [0, 5, 3.5, null],
      [6, 11, 8.5, 'new discharge checklist'],
    ]);
    expect(chart.points[6]?.centre).toBe(8.5);
    expect(chart.signals).toEqual([]);
  });

  it('freezes each segment on its own baseline', () => {
    const chart = ihiRunChart(series(values), {
      baseline: 2,
      rebases: [{ at: 6, reason: 'new form', baseline: 4 }],
    });
    expect(chart.segments.map((s) => [s.centre, s.baselineTo])).toEqual([
      [3, 1],
      [8.5, 9],
    ]);
  });

  it('rejects re-bases without a reason or out of order', () => {
    const points = series(values);
    expect(() => ihiRunChart(points, { rebases: [{ at: 3, reason: ' ' }] })).toThrow(
      ChartInputError,
    );
    expect(() =>
      ihiRunChart(points, {
        rebases: [
          { at: 6, reason: 'a' },
          { at: 3, reason: 'b' },
        ],
      }),
    ).toThrow(/time order/);
    expect(() => ihiRunChart(points, { rebases: [{ at: 12, reason: 'a' }] })).toThrow(/between 1/);
    expect(() => ihiRunChart(points, { baseline: 0 })).toThrow(/baseline/);
  });
});

describe('IHI exclusions', () => {
  it('draws an excluded point on the centre line but leaves it out of median and rules', () => {
    const points = series([8, 9, 1, 3, 2, 3, 1, 100, 2, 8, 9, 7, 8]);
    const excluded = points.map((p, i) =>
      i === 7 ? { ...p, excluded: { reason: 'data entry error' } } : p,
    );
    const chart = ihiRunChart(excluded);
    // Without point 7 this is the 6-below example: median 5, shift over points 2–8.
    expect(chart.segments[0]).toMatchObject({ centre: 5, basedOn: 12 });
    expect(chart.signals.map(({ rule, from, to }) => ({ rule, from, to }))).toEqual([
      { rule: 'shift', from: 2, to: 8 },
    ]);
    expect(chart.points[7]).toMatchObject({
      centre: 5,
      signals: [],
      excluded: { reason: 'data entry error' },
    });
  });
});
