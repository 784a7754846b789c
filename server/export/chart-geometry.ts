/**
 * Where a measure's chart goes on a canvas of a given size: scales, axis ticks,
 * the value line, the centre line and process limits (as steps where they vary from point to
 * point, broken where a point has none),
 * the target, and each point with its classification. Shared by the SVG (HTML,
 * Markdown) and the PDF drawing so both draw the same chart.
 */
import { classLegend, limitsLabel, type PointClass } from '../../shared/charts/chart-labels';
import type { ChartView } from '../../shared/charts/chart-view';
import { formatNumber } from './format-values';

export interface Xy {
  readonly x: number;
  readonly y: number;
}

export interface PlacedPoint extends Xy {
  readonly period: string;
  readonly value: number;
  readonly cls: PointClass;
  readonly note: string;
}

export interface ChartGeometry {
  readonly width: number;
  readonly height: number;
  /** The plot area inside the axes. */
  readonly plot: {
    readonly left: number;
    readonly top: number;
    readonly right: number;
    readonly bottom: number;
  };
  readonly yTicks: ReadonlyArray<{ readonly y: number; readonly label: string }>;
  readonly xLabels: ReadonlyArray<{ readonly x: number; readonly label: string }>;
  readonly values: readonly Xy[];
  readonly centre: ReadonlyArray<readonly Xy[]>;
  readonly lower: ReadonlyArray<readonly Xy[]>;
  readonly upper: ReadonlyArray<readonly Xy[]>;
  /** y of the target line, or null without a target. */
  readonly target: number | null;
  readonly points: readonly PlacedPoint[];
  /** Annotation marks (A1…) above the plot and PDSA marks (P1…) below the axis, as on the page. */
  readonly annotations: ReadonlyArray<{ readonly x: number; readonly label: string }>;
  readonly pdsa: ReadonlyArray<{ readonly x: number; readonly label: string }>;
  /** x of each boundary where a re-based segment starts. */
  readonly rebases: readonly number[];
  /** x where the first segment's baseline ends and its centre line is extended; null if it is not. */
  readonly baselineEnd: number | null;
}

// Room above the plot for annotation marks, and below the period labels for PDSA marks.
const MARGIN = { left: 56, right: 32, top: 30, bottom: 62 };
const MAX_X_LABELS = 8;

/** Round steps (1, 2, 2.5, 5 × 10ⁿ) giving about `count` ticks over the range. */
export function niceTicks(min: number, max: number, count = 5): number[] {
  const span = max - min || Math.abs(max) || 1;
  const rough = span / count;
  const magnitude = 10 ** Math.floor(Math.log10(rough));
  const step =
    [1, 2, 2.5, 5, 10].map((m) => m * magnitude).find((s) => s >= rough) ?? 10 * magnitude;
  const ticks: number[] = [];
  for (let tick = Math.ceil(min / step) * step; tick <= max + step / 1e6; tick += step) {
    ticks.push(Math.round(tick / step) * step);
  }
  return ticks;
}

/**
 * A line through the points that have a value, as steps: each point's value spans from half way
 * to its left neighbour to half way to its right one (the ends of a run at the points
 * themselves), so a line that varies point by point (p, p′, u, u′ limits) or jumps at a re-base
 * steps instead of slanting, and a constant one is one straight stroke. A point without a value
 * breaks the line.
 */
function steps(
  xs: readonly number[],
  values: ReadonlyArray<number | null>,
  y: (v: number) => number,
) {
  const out: Xy[][] = [];
  let current: Xy[] = [];
  const x = (i: number) => xs[i] ?? 0;
  values.forEach((value, i) => {
    if (value === null) {
      if (current.length > 0) out.push(current);
      current = [];
      return;
    }
    const previous = i > 0 ? (values[i - 1] ?? null) : null;
    const next = values[i + 1] ?? null;
    const left = previous === null ? x(i) : (x(i - 1) + x(i)) / 2;
    const right = next === null ? x(i) : (x(i) + x(i + 1)) / 2;
    if (previous !== value) current.push({ x: left, y: y(value) });
    if (next !== value) current.push({ x: right, y: y(value) });
  });
  if (current.length > 0) out.push(current);
  return out;
}

function baselineEnd(chart: ChartView, xs: readonly number[]): number | null {
  const first = chart.segments[0];
  if (!first || first.centre === null || first.baselineTo >= first.to) return null;
  return ((xs[first.baselineTo] ?? 0) + (xs[first.baselineTo + 1] ?? 0)) / 2;
}

export function chartGeometry(chart: ChartView, width: number, height: number): ChartGeometry {
  const plot = {
    left: MARGIN.left,
    top: MARGIN.top,
    right: width - MARGIN.right,
    bottom: height - MARGIN.bottom,
  };
  const all = chart.points.flatMap((p) => [p.value, p.centre, p.lower, p.upper]);
  const known = [...all, chart.target].filter((v): v is number => v !== null);
  const low = Math.min(...known);
  const high = Math.max(...known);
  const ticks = niceTicks(low, high);
  const min = Math.min(low, ticks[0] ?? low);
  const max = Math.max(high, ticks[ticks.length - 1] ?? high);
  const y = (v: number) =>
    max === min
      ? (plot.top + plot.bottom) / 2
      : plot.bottom - ((v - min) / (max - min)) * (plot.bottom - plot.top);
  const n = chart.points.length;
  const xs = chart.points.map((_, i) =>
    n === 1 ? (plot.left + plot.right) / 2 : plot.left + (i / (n - 1)) * (plot.right - plot.left),
  );
  const every = Math.max(1, Math.ceil(n / MAX_X_LABELS));
  return {
    width,
    height,
    plot,
    yTicks: ticks.map((tick) => ({ y: y(tick), label: formatNumber(tick) })),
    xLabels: chart.points.flatMap((point, i) =>
      i % every === 0 || i === n - 1 ? [{ x: xs[i] ?? 0, label: point.period }] : [],
    ),
    values: chart.points.map((point, i) => ({ x: xs[i] ?? 0, y: y(point.value) })),
    centre: steps(
      xs,
      chart.points.map((p) => p.centre),
      y,
    ),
    lower: steps(
      xs,
      chart.points.map((p) => p.lower),
      y,
    ),
    upper: steps(
      xs,
      chart.points.map((p) => p.upper),
      y,
    ),
    target: chart.target === null ? null : y(chart.target),
    annotations: chart.points.flatMap((p, i) =>
      p.annotation === null ? [] : [{ x: xs[i] ?? 0, label: `A${p.annotation}` }],
    ),
    pdsa: chart.points.flatMap((p, i) =>
      p.pdsaMark === null ? [] : [{ x: xs[i] ?? 0, label: `P${p.pdsaMark}` }],
    ),
    rebases: chart.segments.slice(1).map((s) => ((xs[s.from - 1] ?? 0) + (xs[s.from] ?? 0)) / 2),
    baselineEnd: baselineEnd(chart, xs),
    points: chart.points.map((point, i) => ({
      x: xs[i] ?? 0,
      y: y(point.value),
      period: point.period,
      value: point.value,
      cls: point.cls,
      note: point.note,
    })),
  };
}

export const LINE_STYLES = {
  value: { colour: '#425563', dash: null },
  centre: { colour: '#231f20', dash: null },
  limit: { colour: '#768692', dash: [6, 4] },
  target: { colour: '#330072', dash: [2, 3] },
  grid: { colour: '#e8edee', dash: null },
  mark: { colour: '#212b32', dash: null },
  boundary: { colour: '#425563', dash: [3, 3] },
  axis: { colour: '#425563', dash: null },
} as const satisfies Record<string, { colour: string; dash: readonly [number, number] | null }>;

export type LegendItem =
  | { readonly kind: 'line'; readonly line: keyof typeof LINE_STYLES; readonly label: string }
  | { readonly kind: 'pdsa'; readonly label: string }
  | { readonly kind: 'marker'; readonly cls: PointClass; readonly label: string };

/** What the legend explains: the lines drawn, then each class of point on the chart. */
export function legendItems(chart: ChartView): LegendItem[] {
  const hasLimits = chart.points.some((p) => p.lower !== null || p.upper !== null);
  return [
    { kind: 'line', line: 'centre', label: chart.centreName },
    ...(hasLimits
      ? [
          {
            kind: 'line',
            line: 'limit',
            label: limitsLabel(chart.trial),
          } as const,
        ]
      : []),
    ...(chart.target !== null ? [{ kind: 'line', line: 'target', label: 'Target' } as const] : []),
    ...chart.classes.map((cls) => ({ kind: 'marker', cls, label: classLegend(cls) }) as const),
    ...(chart.segments.length > 1 ||
    baselineEnd(
      chart,
      chart.points.map((_, i) => i),
    ) !== null
      ? [{ kind: 'line', line: 'boundary', label: 'Baseline end or re-base' } as const]
      : []),
    ...(chart.points.some((p) => p.pdsaMark !== null)
      ? [{ kind: 'pdsa', label: 'PDSA cycle (P1…)' } as const]
      : []),
  ];
}
