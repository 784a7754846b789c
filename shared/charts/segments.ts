/**
 * Splits a series into segments (one per re-base) and works out, for each, which points are
 * included and which of them set the centre line: the frozen baseline. Every chart type builds on
 * this, so re-basing and baselines behave the same on run charts and XmR charts.
 *
 * Also the engine's input check: values must be finite, exclusions and re-bases need reasons.
 */

import { ChartInputError, type ChartInputPoint, type Rebase, type SegmentOptions } from './types';

export interface SegmentPlan {
  index: number;
  from: number;
  to: number;
  reason: string | null;
  baselineTo: number;
  /** Indices of the segment's points that take part in the rules, in time order. */
  included: number[];
  /** The included points that set the centre (and limits). */
  base: number[];
}

export function checkPoints(points: readonly ChartInputPoint[]): void {
  points.forEach((point, index) => {
    if (!Number.isFinite(point.value)) {
      throw new ChartInputError(
        'value_not_finite',
        `point ${index} (${point.period}): value must be a finite number`,
        index,
      );
    }
    if (point.excluded && point.excluded.reason.trim() === '') {
      throw new ChartInputError(
        'exclusion_without_reason',
        `point ${index} (${point.period}): an excluded point needs a reason`,
        index,
      );
    }
  });
}

function checkBaseline(baseline: number | null | undefined, where: string): number | null {
  if (baseline === null || baseline === undefined) {
    return null;
  }
  if (!Number.isInteger(baseline) || baseline < 1) {
    throw new ChartInputError(
      'baseline_invalid',
      `${where}: baseline must be a whole number of points, at least 1`,
    );
  }
  return baseline;
}

function checkRebases(rebases: readonly Rebase[], count: number): void {
  rebases.forEach((rebase, i) => {
    if (!Number.isInteger(rebase.at) || rebase.at < 1 || rebase.at >= count) {
      throw new ChartInputError(
        'rebase_out_of_range',
        `re-base ${i}: must start at a point index between 1 and ${count - 1}`,
        i,
      );
    }
    const previous = rebases[i - 1];
    if (previous && previous.at >= rebase.at) {
      throw new ChartInputError(
        'rebase_out_of_order',
        `re-base ${i}: re-bases must be in time order, one per point`,
        i,
      );
    }
    if (rebase.reason.trim() === '') {
      throw new ChartInputError('rebase_without_reason', `re-base ${i}: needs a reason`, i);
    }
  });
}

export function planSegments(
  points: readonly ChartInputPoint[],
  options: SegmentOptions,
): SegmentPlan[] {
  checkPoints(points);
  const defaultBaseline = checkBaseline(options.baseline, 'chart');
  const rebases = options.rebases ?? [];
  checkRebases(rebases, points.length);
  if (points.length === 0) {
    return [];
  }
  const starts = [{ at: 0, reason: null as string | null, baseline: defaultBaseline }];
  rebases.forEach((rebase, i) => {
    const own = checkBaseline(rebase.baseline, `re-base ${i}`);
    starts.push({ at: rebase.at, reason: rebase.reason, baseline: own ?? defaultBaseline });
  });
  return starts.map((start, index) => {
    const to = (starts[index + 1]?.at ?? points.length) - 1;
    const baselineTo = start.baseline === null ? to : Math.min(to, start.at + start.baseline - 1);
    const included: number[] = [];
    for (let i = start.at; i <= to; i++) {
      if (!points[i]?.excluded) {
        included.push(i);
      }
    }
    const base = included.filter((i) => i <= baselineTo);
    return { index, from: start.at, to, reason: start.reason, baselineTo, included, base };
  });
}

/** The values of the given point indices. */
export function valuesAt(points: readonly ChartInputPoint[], indices: readonly number[]): number[] {
  return indices.map((i) => points[i]?.value ?? Number.NaN);
}
