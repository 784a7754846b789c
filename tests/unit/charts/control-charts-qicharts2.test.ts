/*
 * p, u, c and t charts against qicharts2 (version 0.8.1, github anhoej/qicharts2 at commit
 * 1b9487e). Its test suite keeps the output of `qic()` for Montgomery's worked examples
 * (D. C. Montgomery, Introduction to Statistical Quality Control, chapter 7) as reference files
 * under tests/testthat/; the data and the centre lines and limits below are read from those
 * files (`y.sum`, `n`, `cl`, `lcl`, `ucl`, `sigma.signal` columns), so each figure is what
 * qicharts2 itself computed for the same data. Where Montgomery prints the figure too, the
 * comment gives his rounding.
 */
import { describe, expect, it } from 'vitest';
import { type ChartInputPoint, type ControlChart, xmrChart } from '../../../shared/charts';

const ratios = (
  numerators: readonly number[],
  denominators: readonly number[],
): ChartInputPoint[] =>
  numerators.map((numerator, i) => {
    const denominator = denominators[i] ?? Number.NaN;
    return { period: `s${i + 1}`, value: numerator / denominator, numerator, denominator };
  });

const values = (list: readonly number[]): ChartInputPoint[] =>
  list.map((value, i) => ({ period: `s${i + 1}`, value }));

const chartOf = (chart: ControlChart, points: ChartInputPoint[], baseline?: number) =>
  xmrChart(points, { chart, baseline: baseline ?? null });

describe('p chart (qicharts2 tbl_7.4_1.rds: Montgomery table 7.4, varying sample sizes)', () => {
  const counts = [
    12, 8, 6, 9, 10, 12, 11, 16, 10, 6, 20, 15, 9, 8, 6, 8, 10, 7, 5, 8, 5, 8, 10, 6, 9,
  ];
  const sizes = [
    100, 80, 80, 100, 110, 110, 100, 100, 90, 90, 110, 120, 120, 120, 110, 80, 80, 80, 90, 100, 100,
    100, 100, 90, 90,
  ];
  // qicharts2's limits for each sample size (lcl below 0 is drawn at 0: n = 80).
  const byN: Record<number, [number, number]> = {
    80: [0, 0.19409342051458195],
    90: [0.0025650562804066107, 0.18845535188285867],
    100: [0.007334694727773067, 0.18368571343549223],
    110: [0.011438154625052752, 0.17958225353821256],
    120: [0.01501734492727154, 0.17600306323599374],
  };

  it('weights the centre line by the denominators and steps the limits with each one', () => {
    const chart = chartOf('p', ratios(counts, sizes));
    expect(chart.chart).toBe('p');
    // Montgomery: p̄ = 234 / 2450 = 0.096.
    for (const point of chart.points) {
      expect(point.centre).toBeCloseTo(0.09551020408163265, 14);
      const [lower, upper] = byN[sizes[point.index] ?? 0] ?? [Number.NaN, Number.NaN];
      expect(point.lower).toBeCloseTo(lower, 14);
      expect(point.upper).toBeCloseTo(upper, 14);
    }
  });

  it('finds the one point qicharts2 marks outside its limits (sample 11, 20 of 110)', () => {
    const chart = chartOf('p', ratios(counts, sizes));
    expect(chart.signals.filter((s) => s.rule === 'outside_limits')).toEqual([
      { rule: 'outside_limits', from: 10, to: 10, segment: 0 },
    ]);
  });
});

describe('p chart (qicharts2 ex_7.1_5.rds: Montgomery example 7.1, exclusions and a new part)', () => {
  // Orange juice cans, samples of 50; samples 15 and 23 excluded (assignable causes), a new
  // phase from sample 31 (qicharts2 `part = 30`).
  const counts = [
    12, 15, 8, 10, 4, 7, 16, 9, 14, 10, 5, 6, 17, 12, 22, 8, 10, 5, 13, 11, 20, 18, 24, 15, 9, 12,
    7, 13, 9, 6, 9, 6, 12, 5, 6, 4, 6, 3, 7, 6, 2, 4, 3, 6, 5, 4, 8, 5, 6, 7, 5, 6, 3, 5, 8, 7, 5,
    6, 4, 5, 2, 3, 4, 7, 6, 5, 5, 3, 7, 9, 6, 10, 4, 3, 5, 8, 11, 9, 7, 3, 5, 2, 1, 4, 5, 3, 7, 6,
    4, 4, 6, 8, 5, 6,
  ];
  const points = ratios(
    counts,
    counts.map(() => 50),
  ).map((p, i) => (i === 14 || i === 22 ? { ...p, excluded: { reason: 'assignable cause' } } : p));

  it('gives each segment its own centre and limits, leaving excluded samples out', () => {
    const chart = xmrChart(points, {
      chart: 'p',
      rebases: [{ at: 30, reason: 'new machine adjustment' }],
    });
    // Montgomery: revised p̄ = 0.2150, UCL = 0.3893, LCL = 0.0407.
    expect(chart.points[0]).toMatchObject({ centre: 0.215 });
    expect(chart.points[0]?.lower).toBeCloseTo(0.040702839954289555, 14);
    expect(chart.points[29]?.upper).toBeCloseTo(0.38929716004571047, 14);
    expect(chart.points[30]?.centre).toBeCloseTo(0.1096875, 14);
    expect(chart.points[93]?.upper).toBeCloseTo(0.24226995518120034, 14);
    expect(chart.points[93]?.lower).toBe(0);
    // qicharts2 marks samples 15, 21 and 23; 15 and 23 are excluded, so only 21 signals here.
    expect(chart.signals.filter((s) => s.rule === 'outside_limits')).toEqual([
      { rule: 'outside_limits', from: 20, to: 20, segment: 0 },
    ]);
  });
});

describe('c chart (qicharts2 ex_7.3_3.rds: Montgomery example 7.3, printed circuit boards)', () => {
  const counts = [
    21, 24, 16, 12, 15, 5, 28, 20, 31, 25, 20, 24, 16, 19, 10, 17, 13, 22, 18, 39, 30, 24, 16, 19,
    17, 15, 16, 18, 12, 15, 24, 21, 28, 20, 25, 19, 18, 21, 16, 22, 19, 12, 14, 9, 16, 21,
  ];

  it('freezes the centre on the first 26 samples less the two excluded, limits ±3√c̄', () => {
    const points = values(counts).map((p, i) =>
      i === 5 || i === 19 ? { ...p, excluded: { reason: 'assignable cause' } } : p,
    );
    const chart = chartOf('c', points, 26);
    // Montgomery: revised c̄ = 19.67, UCL = 32.97, LCL = 6.36.
    for (const point of chart.points) {
      expect(point.centre).toBeCloseTo(19.666666666666668, 13);
      expect(point.lower).toBeCloseTo(6.3625319710165975, 13);
      expect(point.upper).toBeCloseTo(32.970801362316735, 13);
    }
    expect(chart.segments[0]).toMatchObject({ basedOn: 24, baselineTo: 25 });
    expect(chart.signals.filter((s) => s.rule === 'outside_limits')).toEqual([]);
  });
});

describe('u chart (qicharts2 ex_7.4_1.rds and ex_7.5_1.rds)', () => {
  it('computes ū and ±3√(ū/n) with a constant denominator', () => {
    const counts = [2, 3, 8, 1, 1, 4, 1, 4, 5, 1, 8, 2, 4, 3, 4, 1, 8, 3, 7, 4];
    const chart = chartOf(
      'u',
      ratios(
        counts,
        counts.map(() => 50),
      ),
    );
    expect(chart.points[0]?.centre).toBeCloseTo(0.074, 14);
    expect(chart.points[0]?.upper).toBeCloseTo(0.1894123043700281, 14);
    expect(chart.points[0]?.lower).toBe(0);
  });

  it('steps the limits with the area inspected (Montgomery example 7.5)', () => {
    // qicharts2 multiplies by 50 (defects per 50 m²; Montgomery: ū = 1.42); here per m², so
    // its figures are divided by 50.
    const counts = [14, 12, 20, 11, 7, 10, 21, 16, 19, 23];
    const metres = [500, 400, 650, 500, 475, 500, 600, 525, 600, 625];
    const lcl = [
      0.29147393012686534, 0.15788519998393874, 0.43061743663693214, 0.29147393012686534,
      0.26207210186521834, 0.29147393012686534, 0.3900850340409337, 0.3187497909652587,
      0.3900850340409337, 0.41095932277784886,
    ];
    const ucl = [
      2.555037697780111, 2.6886264279230376, 2.4158941912700445, 2.555037697780111,
      2.5844395260417583, 2.555037697780111, 2.456426593866043, 2.527761836941718,
      2.456426593866043, 2.4355523051291277,
    ];
    const chart = chartOf('u', ratios(counts, metres));
    chart.points.forEach((point, i) => {
      expect(point.centre).toBeCloseTo(1.4232558139534883 / 50, 14);
      expect(point.lower).toBeCloseTo((lcl[i] ?? 0) / 50, 14);
      expect(point.upper).toBeCloseTo((ucl[i] ?? 0) / 50, 14);
    });
    expect(chart.signals).toEqual([]);
  });
});

describe('t chart (qicharts2 ex_7.6_1.rds: Montgomery example 7.6, hours between failures)', () => {
  it('charts y^(1/3.6) on an I chart and transforms the lines back', () => {
    const hours = [
      286, 948, 536, 124, 816, 729, 4, 143, 431, 8, 2837, 596, 81, 227, 603, 492, 1199, 1214, 2831,
      96,
    ];
    const chart = chartOf('t', values(hours));
    for (const point of chart.points) {
      expect(point.centre).toBeCloseTo(430.04095178975825, 9);
      expect(point.upper).toBeCloseTo(6937.933488166575, 8);
      // The transformed lower limit is −0.89, below zero: drawn at 0.
      expect(point.lower).toBe(0);
    }
    expect(chart.signals.filter((s) => s.rule === 'outside_limits')).toEqual([]);
  });
});
