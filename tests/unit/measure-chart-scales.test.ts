/**
 * The numbers a measure's chart is drawn from: value scale and round ticks, slot positions on
 * the time axis, path strings, and the geometry of centre lines (solid over the baseline, dashed
 * where frozen and extended), limits, target, re-base boundaries and axis marks.
 */
import { describe, expect, it } from 'vitest';
import {
  axisLabel,
  CHART_HEIGHT,
  CHART_WIDTH,
  chartGeometry,
  type GeometrySegment,
} from '../../client/features/measures/chart-geometry';
import {
  horizontalPath,
  labelledIndices,
  linearScale,
  linePath,
  niceStep,
  slotX,
  valueAxis,
} from '../../client/features/measures/chart-scales';

describe('scales', () => {
  it('maps a domain onto a range linearly, upside down for the value axis', () => {
    const y = linearScale([0, 20], [270, 30]);
    expect(y(0)).toBe(270);
    expect(y(20)).toBe(30);
    expect(y(5)).toBe(210);
    expect(linearScale([3, 3], [100, 0])(3)).toBe(50);
  });

  it('picks round steps of 1, 2, 2.5 or 5 times a power of ten', () => {
    expect(niceStep(0, 10)).toBe(2);
    expect(niceStep(0, 1)).toBe(0.2);
    expect(niceStep(4.1, 17.1)).toBe(5);
    expect(niceStep(0, 12)).toBe(2.5);
  });

  it('widens the value axis to round ticks holding every value', () => {
    expect(valueAxis([4.165, 17.085, 10])).toEqual({ min: 0, max: 20, ticks: [0, 5, 10, 15, 20] });
    expect(valueAxis([0.1, 0.3])).toEqual({
      min: 0.1,
      max: 0.3,
      ticks: [0.1, 0.15, 0.2, 0.25, 0.3],
    });
    expect(valueAxis([])).toEqual({ min: 0, max: 1, ticks: [0, 0.5, 1] });
    const single = valueAxis([7]);
    expect(single.min).toBeLessThan(7);
    expect(single.max).toBeGreaterThan(7);
  });

  it('centres each point in its slot and labels about as many periods as asked, from the first', () => {
    expect(slotX(0, 4, 0, 400)).toBe(50);
    expect(slotX(3, 4, 0, 400)).toBe(350);
    expect(slotX(0, 1, 0, 400)).toBe(200);
    expect(labelledIndices(18, 8)).toEqual([0, 3, 6, 9, 12, 15]);
    expect(labelledIndices(5, 8)).toEqual([0, 1, 2, 3, 4]);
    expect(labelledIndices(0, 8)).toEqual([]);
  });

  it('writes paths with one decimal', () => {
    expect(
      linePath([
        { x: 1.04, y: 2 },
        { x: 3, y: 4.26 },
      ]),
    ).toBe('M1,2 L3,4.3');
    expect(linePath([])).toBe('');
    expect(horizontalPath(10, 20, 5)).toBe('M10,5 L20,5');
  });

  it('cuts long periods on the axis only', () => {
    expect(axisLabel('2025-01')).toBe('2025-01');
    expect(axisLabel('Week beginning 3 March')).toBe('Week begi…');
  });
});

describe('chart geometry', () => {
  const points = [1, 2, 3, 4, 5, 6].map((value, i) => ({
    value,
    period: `p${i}`,
    annotation: i === 2 ? 1 : null,
    pdsaMark: i === 4 ? 1 : null,
  }));
  const segment = (over: Partial<GeometrySegment>): GeometrySegment => ({
    from: 0,
    to: 5,
    baselineTo: 5,
    centre: 3,
    lower: null,
    upper: null,
    lowerTwoSigma: null,
    upperTwoSigma: null,
    ...over,
  });

  it('draws a frozen centre line solid over its baseline and dashed where extended', () => {
    const g = chartGeometry(points, [segment({ baselineTo: 2 })], null, false);
    expect(g.width).toBe(CHART_WIDTH);
    expect(g.height).toBe(CHART_HEIGHT);
    const x = (i: number) => Math.round((g.points[i]?.x ?? Number.NaN) * 10) / 10;
    // The centre line at 3 is drawn at the height of the axis tick labelled 3.
    const y = Math.round((g.yTicks.find((t) => t.label === '3')?.y ?? Number.NaN) * 10) / 10;
    expect(g.centre).toEqual([
      { d: `M${x(0)},${y} L${x(2)},${y}`, extended: false },
      { d: `M${x(2)},${y} L${x(5)},${y}`, extended: true },
    ]);
    expect(g.valuePath.split(' ')).toHaveLength(6);
  });

  it('places limits per segment, the target across the plot, and a boundary at each re-base', () => {
    const segments = [
      segment({ to: 2, baselineTo: 2, lower: 0, upper: 6, lowerTwoSigma: 1, upperTwoSigma: 5 }),
      segment({ from: 3, baselineTo: 5, centre: 5, lower: 2, upper: 8 }),
    ];
    const g = chartGeometry(points, segments, 4, true);
    expect(g.limits).toHaveLength(4);
    expect(g.twoSigma).toHaveLength(2);
    const x2 = g.points[2]?.x ?? 0;
    const x3 = g.points[3]?.x ?? 0;
    expect(g.rebases).toEqual([(x2 + x3) / 2]);
    // The axis runs 0 to 8 (upper limit 8); the target at 4 sits half way up the plot.
    expect(g.target).toBe((g.plot.top + g.plot.bottom) / 2);
    expect(g.yTicks.map((t) => t.label)).toEqual(['0', '2', '4', '6', '8']);
  });

  it('puts annotation and PDSA marks over their points', () => {
    const g = chartGeometry(points, [segment({})], null, false);
    expect(g.annotations).toEqual([{ x: g.points[2]?.x, label: 'A1' }]);
    expect(g.pdsa).toEqual([{ x: g.points[4]?.x, label: 'P1' }]);
    expect(g.xLabels.map((l) => l.label)).toEqual(['p0', 'p1', 'p2', 'p3', 'p4', 'p5']);
  });
});
