import { describe, expect, it } from 'vitest';
import {
  type ChartInputPoint,
  MDC_TRIAL_LIMIT_POINTS,
  type MdcRule,
  type XmrOptions,
  xmrChart,
} from '../../../shared/charts';

const series = (values: readonly number[]): ChartInputPoint[] =>
  values.map((value, i) => ({ period: `p${i + 1}`, value }));

const signalsOf = (values: readonly number[], options: XmrOptions = {}) =>
  xmrChart(series(values), options).signals.map(({ rule, from, to }) => ({ rule, from, to }));

const only = (rule: MdcRule, values: readonly number[], options: XmrOptions = {}) =>
  signalsOf(values, options).filter((s) => s.rule === rule);

/*
 * Most cases freeze the limits on a short baseline so that the centre and limits are round
 * numbers. [11, 9, 11, 9]: mean 10, mean moving range 2, limits 10 ± 5.32 = 4.68 and 15.32,
 * two-sigma lines 10 ± 3.5467 = 6.4533 and 13.5467.
 */
const BASE = [11, 9, 11, 9];
const frozen: XmrOptions = { baseline: BASE.length };

describe('XmR limits', () => {
  it('are mean ± 2.66 × mean moving range, from all points without a baseline', () => {
    const chart = xmrChart(series([11, 9, 11, 9, 12, 8]));
    // mean 10; moving ranges 2, 2, 2, 3, 4 → mean 2.6; 2.66 × 2.6 = 6.916.
    expect(chart.segments[0]?.centre).toBe(10);
    expect(chart.segments[0]?.meanMovingRange).toBeCloseTo(2.6, 12);
    expect(chart.segments[0]?.upper).toBeCloseTo(16.916, 12);
    expect(chart.segments[0]?.lower).toBeCloseTo(3.084, 12);
    expect(chart.segments[0]?.upperTwoSigma).toBeCloseTo(10 + (2 / 3) * 6.916, 12);
  });

  it('come from the first N points with a baseline, and later points are judged against them', () => {
    const chart = xmrChart(series([...BASE, 14, 30]), frozen);
    expect(chart.segments[0]).toMatchObject({ centre: 10, meanMovingRange: 2, basedOn: 4 });
    expect(chart.points.map((p) => p.upper)).toEqual(Array(6).fill(chart.segments[0]?.upper));
    expect(only('outside_limits', [...BASE, 14, 30], frozen)).toEqual([
      { rule: 'outside_limits', from: 5, to: 5 },
    ]);
  });

  it('are trial until 12 points and fixed by the twelfth (baseline: 12)', () => {
    const twelve = [10, 12, 11, 13, 10, 12, 11, 9, 12, 10, 11, 13];
    const fix = { baseline: MDC_TRIAL_LIMIT_POINTS };
    const eleven = xmrChart(series(twelve.slice(0, 11)), fix).segments[0];
    const atTwelve = xmrChart(series(twelve), fix).segments[0];
    const later = xmrChart(series([...twelve, 40, 41]), fix);
    expect(MDC_TRIAL_LIMIT_POINTS).toBe(12);
    expect(eleven).toMatchObject({ basedOn: 11, trial: true });
    expect(atTwelve).toMatchObject({ basedOn: 12, trial: false });
    // The twelfth point moved the limits; points after it do not.
    expect(atTwelve?.upper).not.toBe(eleven?.upper);
    expect(later.segments[0]?.upper).toBe(atTwelve?.upper);
    expect(later.segments[0]?.centre).toBe(atTwelve?.centre);
    expect(later.points[12]?.signals).toContain('outside_limits');
    // Without a baseline the same outliers widen the limits instead.
    expect(xmrChart(series([...twelve, 40, 41])).segments[0]?.upper).not.toBe(atTwelve?.upper);
  });

  it('are missing for a single point, and screening is off unless asked for', () => {
    expect(xmrChart(series([5])).segments[0]).toMatchObject({
      centre: 5,
      upper: null,
      lower: null,
    });
    const withOutlier = [1, 2, 1, 2, 10, 1, 2, 1, 2, 1, 2];
    const plain = xmrChart(series(withOutlier)).segments[0];
    const screened = xmrChart(series(withOutlier), { screenMovingRanges: true }).segments[0];
    // Ranges 1 1 1 8 9 1 1 1 1 1 (mean 2.5): screening drops 9 (≥ 3.267 × 2.5 = 8.1675) and
    // keeps 8, leaving 16 / 9.
    expect(plain?.meanMovingRange).toBe(2.5);
    expect(screened?.meanMovingRange).toBeCloseTo(16 / 9, 12);
  });
});

describe('outside_limits', () => {
  it('does not flag a point exactly on a limit, and flags one just beyond it', () => {
    expect(only('outside_limits', [...BASE, 15.32, 4.68], frozen)).toEqual([]);
    expect(only('outside_limits', [...BASE, 15.33, 4.67], frozen)).toEqual([
      { rule: 'outside_limits', from: 4, to: 4 },
      { rule: 'outside_limits', from: 5, to: 5 },
    ]);
  });
  it('counts a value typed as the limit as on it, despite rounding in the arithmetic', () => {
    // [1.1, 1.3, 1.1, 1.3]: mean 1.2, mean moving range 0.2, lower limit 0.668 on paper; in
    // binary floating point the computed limit is 0.6680000000000003.
    const chart = xmrChart(series([1.1, 1.3, 1.1, 1.3, 0.668]), { baseline: 4 });
    expect(chart.segments[0]?.lower).not.toBe(0.668);
    expect(chart.segments[0]?.lower).toBeCloseTo(0.668, 12);
    expect(chart.signals).toEqual([]);
  });
});

describe('two_of_three', () => {
  it('signals two of three beyond two sigma on the same side, covering the three points', () => {
    const chart = xmrChart(series([...BASE, 14, 10.5, 14]), { ...frozen, direction: 'up' });
    expect(chart.signals.map(({ rule, from, to }) => ({ rule, from, to }))).toEqual([
      { rule: 'two_of_three', from: 4, to: 6 },
    ]);
    // All three carry the signal; only the two beyond two sigma are special cause.
    expect(chart.points.slice(4).map((p) => [p.signals, p.type])).toEqual([
      [['two_of_three'], 'special_cause_improvement'],
      [['two_of_three'], 'common_cause'],
      [['two_of_three'], 'special_cause_improvement'],
    ]);
  });

  it('does not signal two points beyond two sigma on opposite sides', () => {
    expect(only('two_of_three', [...BASE, 14, 6, 10.5], frozen)).toEqual([]);
  });

  it('needs all three points on the same side of the mean (NHSRplotthedots, MDC)', () => {
    expect(only('two_of_three', [...BASE, 14, 9.5, 14], frozen)).toEqual([]);
  });

  it('does not count a point beyond the limit towards two of three', () => {
    const found = signalsOf([...BASE, 14, 16, 10.5], frozen);
    expect(found).toEqual([{ rule: 'outside_limits', from: 5, to: 5 }]);
  });

  it('merges overlapping windows into one signal', () => {
    // Two adjacent points beyond two sigma with neighbours above the mean: windows 4–6 and 5–7.
    expect(only('two_of_three', [...BASE, 10.5, 14, 14, 10.5, 9], frozen)).toEqual([
      { rule: 'two_of_three', from: 4, to: 7 },
    ]);
  });
});

describe('run_of_seven', () => {
  it('is not signalled by 6 points above the mean', () => {
    expect(only('run_of_seven', [...BASE, 11, 12, 11, 12, 11, 12, 9], frozen)).toEqual([]);
  });

  it('is signalled by 7 points above the mean, over exactly those points', () => {
    expect(only('run_of_seven', [...BASE, 11, 12, 11, 12, 11, 12, 11, 9], frozen)).toEqual([
      { rule: 'run_of_seven', from: 4, to: 10 },
    ]);
  });

  it('reports 8 points on one side as one signal from the first to the eighth', () => {
    expect(only('run_of_seven', [...BASE, 11, 12, 11, 12, 11, 12, 11, 12, 9], frozen)).toEqual([
      { rule: 'run_of_seven', from: 4, to: 11 },
    ]);
  });

  it('is broken by a point on the mean', () => {
    expect(only('run_of_seven', [...BASE, 11, 12, 11, 10, 12, 11, 12, 11], frozen)).toEqual([]);
  });

  it('applies at six points with pointsForSignificance: 6', () => {
    const six = [...BASE, 11, 12, 11, 12, 11, 12, 9];
    expect(only('run_of_seven', six, { ...frozen, pointsForSignificance: 6 })).toEqual([
      { rule: 'run_of_seven', from: 4, to: 9 },
    ]);
  });
});

describe('trend_of_seven', () => {
  // [10, 14, 10, 14]: mean 12, limits 1.36 and 22.64: the trends below stay inside them.
  const base = [10, 14, 10, 14];
  const options: XmrOptions = { baseline: 4 };

  it('is not signalled by 6 rising points', () => {
    expect(only('trend_of_seven', [...base, 8, 9, 10, 11, 12, 13, 12], options)).toEqual([]);
  });

  it('is signalled by 7 rising points, across the mean', () => {
    expect(only('trend_of_seven', [...base, 8, 9, 10, 11, 12, 13, 14, 12], options)).toEqual([
      { rule: 'trend_of_seven', from: 4, to: 10 },
    ]);
  });

  it('is signalled by 7 falling points', () => {
    expect(only('trend_of_seven', [...base, 16, 15, 14, 13, 12, 11, 10, 12], options)).toEqual([
      { rule: 'trend_of_seven', from: 4, to: 10 },
    ]);
  });

  it('is broken by an equal neighbour (unlike the IHI trend)', () => {
    expect(only('trend_of_seven', [...base, 8, 9, 10, 10, 11, 12, 13, 14], options)).toEqual([]);
  });

  it('classifies by the direction of the trend, not the side of the mean', () => {
    const chart = xmrChart(series([...base, 8, 9, 10, 11, 12, 13, 14, 12]), {
      ...options,
      direction: 'down',
    });
    expect(chart.points.slice(4, 11).every((p) => p.type === 'special_cause_concern')).toBe(true);
    expect(chart.points.slice(4, 11).every((p) => p.side === 'high')).toBe(true);
  });
});

describe('point classification', () => {
  const values = [...BASE, 20, 10, 1, 10];

  it('uses the direction of improvement', () => {
    const up = xmrChart(series(values), { ...frozen, direction: 'up' });
    const down = xmrChart(series(values), { ...frozen, direction: 'down' });
    const none = xmrChart(series(values), frozen);
    expect(up.points.map((p) => p.type).slice(4)).toEqual([
      'special_cause_improvement',
      'common_cause',
      'special_cause_concern',
      'common_cause',
    ]);
    expect(down.points[4]?.type).toBe('special_cause_concern');
    expect(down.points[6]?.type).toBe('special_cause_improvement');
    expect(none.points[4]?.type).toBe('special_cause_neutral');
    expect(none.points[6]).toMatchObject({ type: 'special_cause_neutral', side: 'low' });
  });

  it('reports the last point as the variation', () => {
    const chart = xmrChart(series([...BASE, 10, 20]), { ...frozen, direction: 'up' });
    expect(chart.variation).toBe('special_cause_improvement');
    expect(chart.variationSide).toBe('high');
  });

  it('gives excluded points no class and keeps them out of the limits', () => {
    const points = series([11, 9, 11, 9, 100, 11, 9]);
    const withExclusion = points.map((p, i) =>
      i === 4 ? { ...p, excluded: { reason: 'system outage' } } : p,
    );
    const chart = xmrChart(withExclusion, { direction: 'up' });
    // Moving ranges bridge the excluded point: 2 2 2 2 2 2 → limits exactly as for BASE.
    expect(chart.segments[0]).toMatchObject({ centre: 10, meanMovingRange: 2, basedOn: 6 });
    expect(chart.points[4]).toMatchObject({ type: null, side: null, signals: [] });
    expect(chart.signals).toEqual([]);
  });
});

describe('re-basing', () => {
  it('gives each segment its own limits and keeps rules inside a segment', () => {
    const before = [10, 12, 10, 12, 10, 12];
    const after = [20, 22, 20, 22, 20, 22];
    const chart = xmrChart(series([...before, ...after]), {
      direction: 'up',
      rebases: [{ at: 6, reason: 'extra evening clinic' }],
    });
    expect(chart.segments.map((s) => [s.centre, s.reason])).toEqual([
      [11, null],
      [21, 'extra evening clinic'],
    ]);
    expect(chart.points[6]?.centre).toBe(21);
    expect(chart.signals).toEqual([]);
    // Without the re-base the six high points are a run above a mean of 16, and more.
    expect(xmrChart(series([...before, ...after])).signals.length).toBeGreaterThan(0);
  });
});
