/**
 * Where everything on a measure's chart goes, in the SVG's own units (the SVG scales to its
 * container through its viewBox): the value line and points, each segment's centre line (solid
 * over the points that set it, dashed where it is frozen and extended), process limits and the
 * optional two-sigma lines (as steps where they vary with each point's denominator), the target, re-base boundaries, and the annotation and PDSA marks on
 * the time axis.
 */

import { formatNumber } from '../../../shared/charts/chart-number';
import {
  horizontalPath,
  labelledIndices,
  linearScale,
  linePath,
  slotX,
  valueAxis,
  type Xy,
} from './chart-scales';

export const CHART_WIDTH = 720;
export const CHART_HEIGHT = 340;
const MARGIN = { left: 60, right: 24, top: 30, bottom: 70 };
const MAX_TIME_LABELS = 8;
/** Longer periods are cut on the axis (the data table has them whole). */
const MAX_LABEL_CHARS = 10;

export function axisLabel(period: string): string {
  return period.length > MAX_LABEL_CHARS ? `${period.slice(0, MAX_LABEL_CHARS - 1)}…` : period;
}

/** What the geometry needs of each point and segment (a subset of the chart model's). */
export interface GeometryPoint {
  readonly value: number;
  /** The point's own lines, where they vary point by point (p, p′, u, u′ charts). */
  readonly lower?: number | null;
  readonly upper?: number | null;
  readonly lowerTwoSigma?: number | null;
  readonly upperTwoSigma?: number | null;
  readonly annotation: number | null;
  readonly pdsaMark: number | null;
  readonly period: string;
}

export interface GeometrySegment {
  readonly from: number;
  readonly to: number;
  readonly baselineTo: number;
  readonly centre: number | null;
  readonly lower: number | null;
  readonly upper: number | null;
  readonly lowerTwoSigma: number | null;
  readonly upperTwoSigma: number | null;
}

export interface LinePiece {
  readonly d: string;
  /** Dashed: a centre line frozen on its baseline and extended past it. */
  readonly extended: boolean;
}

export interface ChartGeometry {
  readonly width: number;
  readonly height: number;
  readonly plot: { left: number; top: number; right: number; bottom: number };
  readonly yTicks: ReadonlyArray<{ y: number; label: string }>;
  readonly xLabels: ReadonlyArray<{ x: number; label: string }>;
  /** One per point, in point order. */
  readonly points: readonly Xy[];
  readonly valuePath: string;
  readonly centre: readonly LinePiece[];
  readonly limits: readonly string[];
  readonly twoSigma: readonly string[];
  readonly target: number | null;
  /** x of each boundary where a new segment starts. */
  readonly rebases: readonly number[];
  readonly annotations: ReadonlyArray<{ x: number; label: string }>;
  readonly pdsa: ReadonlyArray<{ x: number; label: string }>;
}

type LineKey = 'lower' | 'upper' | 'lowerTwoSigma' | 'upperTwoSigma';

/** A line's value at a point: the point's own where it has one, else its segment's. */
function lineAt(
  points: readonly GeometryPoint[],
  s: GeometrySegment,
  key: LineKey,
  i: number,
): number | null {
  const own = points[i]?.[key];
  return own === undefined ? s[key] : own;
}

function domainValues(
  points: readonly GeometryPoint[],
  segments: readonly GeometrySegment[],
  target: number | null,
  showTwoSigma: boolean,
): number[] {
  const values = points.map((p) => p.value);
  for (const p of points) {
    const own = showTwoSigma
      ? [p.lower, p.upper, p.lowerTwoSigma, p.upperTwoSigma]
      : [p.lower, p.upper];
    values.push(...own.filter((v): v is number => v !== null && v !== undefined));
  }
  for (const s of segments) {
    values.push(...[s.centre, s.lower, s.upper].filter((v): v is number => v !== null));
    if (showTwoSigma) {
      values.push(...[s.lowerTwoSigma, s.upperTwoSigma].filter((v): v is number => v !== null));
    }
  }
  if (target !== null) values.push(target);
  return values;
}

function centrePieces(
  s: GeometrySegment,
  x: (i: number) => number,
  y: (v: number) => number,
): LinePiece[] {
  if (s.centre === null) return [];
  const cy = y(s.centre);
  const frozenTo = Math.min(s.baselineTo, s.to);
  const pieces: LinePiece[] = [{ d: horizontalPath(x(s.from), x(frozenTo), cy), extended: false }];
  if (frozenTo < s.to) {
    pieces.push({ d: horizontalPath(x(frozenTo), x(s.to), cy), extended: true });
  }
  return pieces;
}

/**
 * One line of one segment as steps: each point's value spans from half way to its left
 * neighbour to half way to its right one (the segment's ends at its first and last point), so a
 * constant line is one horizontal stroke and a varying one steps at each change. A point without
 * the line breaks it.
 */
function steppedLine(
  values: readonly (number | null)[],
  from: number,
  x: (i: number) => number,
  y: (v: number) => number,
): string[] {
  const last = from + values.length - 1;
  const left = (i: number) => (i === from ? x(i) : (x(i - 1) + x(i)) / 2);
  const right = (i: number) => (i === last ? x(i) : (x(i) + x(i + 1)) / 2);
  const pieces: Xy[][] = [];
  let current: Xy[] = [];
  let previous: number | null = null;
  values.forEach((value, k) => {
    const i = from + k;
    if (value === null) {
      if (current.length > 0) pieces.push(current);
      current = [];
      previous = null;
      return;
    }
    if (previous === null) current.push({ x: left(i), y: y(value) });
    else if (value !== previous)
      current.push({ x: left(i), y: y(previous) }, { x: left(i), y: y(value) });
    previous = value;
    if (i === last || values[k + 1] !== value) current.push({ x: right(i), y: y(value) });
  });
  if (current.length > 0) pieces.push(current);
  return pieces.map((piece) => linePath(dropRepeats(piece)));
}

/** Consecutive points at the same place add nothing to a path. */
function dropRepeats(piece: readonly Xy[]): Xy[] {
  return piece.filter((p, i) => i === 0 || p.x !== piece[i - 1]?.x || p.y !== piece[i - 1]?.y);
}

function segmentLines(
  points: readonly GeometryPoint[],
  segments: readonly GeometrySegment[],
  keys: readonly LineKey[],
  x: (i: number) => number,
  y: (v: number) => number,
): string[] {
  return segments.flatMap((s) =>
    keys.flatMap((key) => {
      const values: (number | null)[] = [];
      for (let i = s.from; i <= s.to; i++) values.push(lineAt(points, s, key, i));
      return steppedLine(values, s.from, x, y);
    }),
  );
}

function marks(
  points: readonly GeometryPoint[],
  pick: (p: GeometryPoint) => number | null,
  prefix: string,
  x: (i: number) => number,
): Array<{ x: number; label: string }> {
  return points.flatMap((p, i) => {
    const n = pick(p);
    return n === null ? [] : [{ x: x(i), label: `${prefix}${n}` }];
  });
}

export function chartGeometry(
  points: readonly GeometryPoint[],
  segments: readonly GeometrySegment[],
  target: number | null,
  showTwoSigma: boolean,
): ChartGeometry {
  const plot = {
    left: MARGIN.left,
    top: MARGIN.top,
    right: CHART_WIDTH - MARGIN.right,
    bottom: CHART_HEIGHT - MARGIN.bottom,
  };
  const axis = valueAxis(domainValues(points, segments, target, showTwoSigma));
  const y = linearScale([axis.min, axis.max], [plot.bottom, plot.top]);
  const x = (i: number) => slotX(i, points.length, plot.left, plot.right);
  const placed = points.map((p, i) => ({ x: x(i), y: y(p.value) }));
  return {
    width: CHART_WIDTH,
    height: CHART_HEIGHT,
    plot,
    yTicks: axis.ticks.map((tick) => ({ y: y(tick), label: formatNumber(tick) })),
    xLabels: labelledIndices(points.length, MAX_TIME_LABELS).map((i) => ({
      x: x(i),
      label: axisLabel(points[i]?.period ?? ''),
    })),
    points: placed,
    valuePath: linePath(placed),
    centre: segments.flatMap((s) => centrePieces(s, x, y)),
    limits: segmentLines(points, segments, ['lower', 'upper'], x, y),
    twoSigma: showTwoSigma
      ? segmentLines(points, segments, ['lowerTwoSigma', 'upperTwoSigma'], x, y)
      : [],
    target: target === null ? null : y(target),
    rebases: segments.slice(1).map((s) => (x(s.from - 1) + x(s.from)) / 2),
    annotations: marks(points, (p) => p.annotation, 'A', x),
    pdsa: marks(points, (p) => p.pdsaMark, 'P', x),
  };
}
