import { describe, expect, it } from 'vitest';
import {
  buildChart,
  ChartInputError,
  chartJson,
  chartJsonSchema,
  proportionPoints,
  xmrChart,
} from '../../../shared/charts';

describe('proportions', () => {
  it('charts numerator ÷ denominator and keeps exclusions', () => {
    const points = proportionPoints([
      { period: '2024-01', numerator: 3, denominator: 4 },
      { period: '2024-02', numerator: 1, denominator: 8, excluded: { reason: 'audit paused' } },
    ]);
    expect(points).toEqual([
      { period: '2024-01', value: 0.75, excluded: null },
      { period: '2024-02', value: 0.125, excluded: { reason: 'audit paused' } },
    ]);
  });

  it('rejects a zero denominator, naming the point', () => {
    const attempt = () =>
      proportionPoints([
        { period: '2024-01', numerator: 3, denominator: 4 },
        { period: '2024-02', numerator: 0, denominator: 0 },
      ]);
    expect(attempt).toThrow(ChartInputError);
    try {
      attempt();
    } catch (error) {
      expect(error).toMatchObject({ code: 'denominator_zero', index: 1 });
    }
  });

  it('rejects a negative denominator and a non-finite numerator', () => {
    expect(() => proportionPoints([{ period: 'a', numerator: 1, denominator: -2 }])).toThrow(
      /greater than 0/,
    );
    expect(() =>
      proportionPoints([{ period: 'a', numerator: Number.NaN, denominator: 2 }]),
    ).toThrow(/numerator/);
  });
});

describe('engine input checks', () => {
  it('rejects non-finite values and exclusions without a reason', () => {
    expect(() => xmrChart([{ period: 'a', value: Number.POSITIVE_INFINITY }])).toThrow(
      ChartInputError,
    );
    expect(() => xmrChart([{ period: 'a', value: 1, excluded: { reason: '' } }])).toThrow(
      /needs a reason/,
    );
    expect(() =>
      xmrChart(
        [
          { period: 'a', value: 1 },
          { period: 'b', value: 2 },
        ],
        { direction: 'up', target: Number.NaN },
      ),
    ).toThrow(/target/);
  });

  it('returns an empty chart for no points', () => {
    expect(xmrChart([])).toMatchObject({ points: [], segments: [], signals: [], variation: null });
  });
});

describe('chart JSON', () => {
  const points = [10, 12, 11, 13, 10, 12, 11, 9, 12, 10, 11, 30].map((value, i) => ({
    period: `2024-${String(i + 1).padStart(2, '0')}`,
    value,
  }));

  it('flattens an XmR chart to the documented shape', () => {
    // Mean 151 / 12 = 12.58, mean moving range 38 / 11 = 3.45: limits 3.39 to 21.77, so the
    // last point (30) is outside and a target of 3 lies below the limits.
    const json = chartJson(buildChart('mdc', points, { direction: 'up', target: 3 }));
    expect(chartJsonSchema.parse(json)).toEqual(json);
    expect(json.rules).toBe('mdc');
    expect(json.runs).toBeNull();
    expect(json.assurance).toBe('consistent_pass');
    expect(json.points[11]).toMatchObject({
      period: '2024-12',
      value: 30,
      signals: ['outside_limits'],
      type: 'special_cause_improvement',
    });
    expect(Object.keys(json.points[0] ?? {})).toEqual([
      'period',
      'value',
      'centre',
      'lower',
      'upper',
      'signals',
      'type',
    ]);
  });

  // Median 5.5, no point on it, every point on the other side from the one before: 12 runs.
  const alternating = [3, 7, 2, 8, 4, 6, 1, 9, 5, 10, 2, 8].map((value, i) => ({
    period: `w${i + 1}`,
    value,
  }));

  it('reports IHI runs with the table limits and no limits or classes on points', () => {
    const json = chartJson(buildChart('ihi', alternating));
    expect(chartJsonSchema.parse(json)).toEqual(json);
    expect(json.runs).toEqual({ useful: 12, runs: 12, lower: 3, upper: 11 });
    expect(json.signals).toEqual([{ rule: 'too_many_runs', from: 0, to: 11 }]);
    expect(json.points.every((p) => p.lower === null && p.upper === null && p.type === null)).toBe(
      true,
    );
    expect(json.assurance).toBeNull();
  });

  it('reports Anhøj runs with lower = crossings limit + 1 and no upper', () => {
    const json = chartJson(buildChart('anhoej', alternating));
    // 12 useful observations: qbinom(0.05, 11, 0.5) = 3 crossings, so fewer than 4 runs.
    expect(json.runs).toEqual({ useful: 12, runs: 12, lower: 4, upper: null });
    expect(json.signals).toEqual([]);
  });

  it('rejects extra keys (the shape is exact)', () => {
    const json = chartJson(buildChart('mdc', points));
    expect(() => chartJsonSchema.parse({ ...json, extra: 1 })).toThrow();
  });
});
