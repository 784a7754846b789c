/*
 * Seeded property tests: random series (small integers, so ties with the centre line and equal
 * neighbours are common), random exclusions, baselines and re-bases. Each property is checked
 * against a naive restatement of the rule, written independently of the engine's pattern code.
 * A seed that ever fails should be kept as a named example test.
 */
import { describe, expect, it } from 'vitest';
import {
  anhoejRunChart,
  type Chart,
  type ChartInputPoint,
  ihiRunChart,
  type SegmentOptions,
  xmrChart,
} from '../../../shared/charts';
import { seededRandom } from '../../helpers/seeded-random';

interface Case {
  points: ChartInputPoint[];
  options: SegmentOptions;
}

function randomCase(seed: number): Case {
  const next = seededRandom(seed);
  const int = (max: number) => Math.floor(next() * max);
  const length = int(60);
  const level = int(3);
  const points = Array.from({ length }, (_, i) => ({
    period: `t${i}`,
    value: int(7) + (i > length / 2 ? level : 0),
    excluded: next() < 0.05 ? { reason: 'random exclusion' } : null,
  }));
  const options: SegmentOptions = {};
  if (next() < 0.3) {
    options.baseline = 1 + int(20);
  }
  if (length > 10 && next() < 0.3) {
    options.rebases = [{ at: 1 + int(length - 1), reason: 'random re-base' }];
  }
  return { points, options };
}

const SEEDS = Array.from({ length: 300 }, (_, i) => 1000 + i);

/** Signals are sorted, inside the chart and inside their own segment. */
function expectWellFormedSignals(chart: Chart): void {
  const n = chart.points.length;
  let previous = -1;
  for (const signal of chart.signals) {
    const segment = chart.segments[signal.segment];
    expect(segment).toBeDefined();
    expect(signal.from).toBeGreaterThanOrEqual(segment?.from ?? 0);
    expect(signal.to).toBeLessThanOrEqual(segment?.to ?? n - 1);
    expect(signal.from).toBeLessThanOrEqual(signal.to);
    expect(signal.from).toBeGreaterThanOrEqual(previous);
    previous = signal.from;
  }
  chart.points.forEach((point, i) => {
    const naive = new Set(
      point.excluded
        ? []
        : chart.signals.filter((s) => s.from <= i && i <= s.to).map((s) => s.rule),
    );
    expect(new Set(point.signals)).toEqual(naive);
    expect(point.signals.length).toBe(naive.size);
  });
}

/** Sides of the included points of each segment, computed directly from the chart's centres. */
function sidesBySegment(chart: Chart): { index: number; side: number }[][] {
  return chart.segments.map((segment) =>
    chart.points
      .slice(segment.from, segment.to + 1)
      .filter((p) => !p.excluded)
      .map((p) => ({ index: p.index, side: Math.sign(p.value - (segment.centre ?? p.value)) })),
  );
}

describe('run chart properties', () => {
  it.each(SEEDS)('seed %i: runs = crossings + 1, and signals are well formed', (seed) => {
    const { points, options } = randomCase(seed);
    for (const chart of [ihiRunChart(points, options), anhoejRunChart(points, options)]) {
      expectWellFormedSignals(chart);
      sidesBySegment(chart).forEach((sides, s) => {
        const useful = sides.filter((x) => x.side !== 0);
        const changes = useful.filter((x, i) => i > 0 && x.side !== useful[i - 1]?.side).length;
        const runs = chart.segments[s]?.runs;
        expect(runs?.useful).toBe(useful.length);
        expect(runs?.crossings).toBe(changes);
        expect(runs?.runs).toBe(useful.length === 0 ? 0 : changes + 1);
      });
    }
  });

  it.each(SEEDS)('seed %i: every IHI shift is a maximal run of 6+ useful points', (seed) => {
    const { points, options } = randomCase(seed);
    const chart = ihiRunChart(points, options);
    const sides = sidesBySegment(chart);
    // Naive: walk the useful points of each segment and collect runs of the same side.
    const expected: string[] = [];
    for (const segment of sides) {
      const useful = segment.filter((x) => x.side !== 0);
      let start = 0;
      for (let i = 1; i <= useful.length; i++) {
        if (i === useful.length || useful[i]?.side !== useful[start]?.side) {
          if (i - start >= 6) {
            expected.push(`${useful[start]?.index}-${useful[i - 1]?.index}`);
          }
          start = i;
        }
      }
    }
    const shifts = chart.signals.filter((s) => s.rule === 'shift').map((s) => `${s.from}-${s.to}`);
    expect(shifts).toEqual(expected);
  });

  it.each(SEEDS)('seed %i: every IHI trend has 4+ distinct steps one way', (seed) => {
    const { points, options } = randomCase(seed);
    const chart = ihiRunChart(points, options);
    for (const trend of chart.signals.filter((s) => s.rule === 'trend')) {
      const values = chart.points
        .slice(trend.from, trend.to + 1)
        .filter((p) => !p.excluded)
        .map((p) => p.value);
      const steps = values.slice(1).map((v, i) => Math.sign(v - (values[i] ?? v)));
      const moving = steps.filter((d) => d !== 0);
      expect(moving.length).toBeGreaterThanOrEqual(4);
      expect(new Set(moving).size).toBe(1);
    }
  });
});

describe('XmR properties', () => {
  it.each(SEEDS)('seed %i: outside_limits flags exactly the points beyond the limits', (seed) => {
    const { points, options } = randomCase(seed);
    const chart = xmrChart(points, { ...options, direction: 'up' });
    expectWellFormedSignals(chart);
    const outside = chart.points
      .filter((p) => !p.excluded && p.upper !== null && p.lower !== null)
      .filter((p) => p.value > (p.upper ?? 0) + 1e-9 || p.value < (p.lower ?? 0) - 1e-9)
      .map((p) => p.index);
    const flagged = chart.signals.filter((s) => s.rule === 'outside_limits').map((s) => s.from);
    expect(flagged).toEqual(outside);
    for (const p of chart.points) {
      expect(p.type === null).toBe(p.excluded !== null);
      expect(p.type === 'common_cause' || p.type === null).toBe(p.side === null);
    }
  });

  it.each(SEEDS)('seed %i: runs of seven are all on one side of the mean', (seed) => {
    const { points, options } = randomCase(seed);
    const chart = xmrChart(points, options);
    for (const run of chart.signals.filter((s) => s.rule === 'run_of_seven')) {
      const centre = chart.segments[run.segment]?.centre ?? 0;
      const sides = chart.points
        .slice(run.from, run.to + 1)
        .filter((p) => !p.excluded)
        .map((p) => Math.sign(p.value - centre));
      expect(sides.length).toBeGreaterThanOrEqual(7);
      expect(new Set(sides).size).toBe(1);
      expect(sides[0]).not.toBe(0);
    }
  });

  it.each(SEEDS)('seed %i: shifting or scaling the data changes no signal or class', (seed) => {
    const { points, options } = randomCase(seed);
    const base = xmrChart(points, { ...options, direction: 'down' });
    const shifted = xmrChart(
      points.map((p) => ({ ...p, value: p.value + 1000 })),
      { ...options, direction: 'down' },
    );
    const scaled = xmrChart(
      points.map((p) => ({ ...p, value: p.value * 4 })),
      { ...options, direction: 'down' },
    );
    for (const other of [shifted, scaled]) {
      expect(other.signals).toEqual(base.signals);
      expect(other.points.map((p) => p.type)).toEqual(base.points.map((p) => p.type));
    }
  });

  it.each(SEEDS)('seed %i: mirroring the data and the direction keeps every class', (seed) => {
    const { points, options } = randomCase(seed);
    const up = xmrChart(points, { ...options, direction: 'up' });
    const mirrored = xmrChart(
      points.map((p) => ({ ...p, value: -p.value })),
      { ...options, direction: 'down' },
    );
    expect(mirrored.points.map((p) => p.type)).toEqual(up.points.map((p) => p.type));
    expect(mirrored.signals.map((s) => [s.rule, s.from, s.to])).toEqual(
      up.signals.map((s) => [s.rule, s.from, s.to]),
    );
  });
});
