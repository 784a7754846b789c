/**
 * What each control chart needs of its points, checked before any figure is computed, so that a
 * bad row is refused with a sentence naming it (the CLI and the CSV import turn the index into a
 * line number) instead of becoming a silent gap or a NaN limit:
 *  - p, p′: a numerator and a denominator per point, 0 ≤ numerator ≤ denominator, denominator > 0;
 *  - u, u′: the same without the upper bound (a rate can exceed 1 per unit);
 *  - c, g: counts, so no negative values; t: times between events, so each must be above 0
 *    (its transformation needs it; qicharts2 refuses the same).
 * For p, p′, u and u′ the value charted is numerator ÷ denominator, whatever value came in.
 */

import { proportionProblem } from './proportions';
import { ChartInputError, type ChartInputPoint, type ControlChart } from './types';

const RATIO_CHARTS: ReadonlySet<ControlChart> = new Set(['p', 'pp', 'u', 'up']);

/** Whether the chart is drawn from numerators and denominators. */
export function needsDenominators(chart: ControlChart): boolean {
  return RATIO_CHARTS.has(chart);
}

function fail(point: ChartInputPoint, index: number, code: ChartInputError['code'], why: string) {
  return new ChartInputError(code, `point ${index} (${point.period}): ${why}`, index);
}

function ratioPoint(chart: ControlChart, point: ChartInputPoint, index: number): ChartInputPoint {
  const { numerator, denominator } = point;
  if (numerator === undefined || denominator === undefined) {
    throw fail(point, index, 'denominator_missing', 'this chart needs a numerator and denominator');
  }
  const problem = proportionProblem(numerator, denominator);
  if (problem) {
    throw fail(point, index, problem.code, problem.message);
  }
  if (numerator < 0) {
    throw fail(point, index, 'numerator_negative', 'numerator must not be negative');
  }
  if ((chart === 'p' || chart === 'pp') && numerator > denominator) {
    throw fail(
      point,
      index,
      'numerator_above_denominator',
      'numerator is larger than the denominator, so it is not a proportion (a u chart takes rates)',
    );
  }
  return { ...point, value: numerator / denominator };
}

function valuePoint(chart: ControlChart, point: ChartInputPoint, index: number): ChartInputPoint {
  if ((chart === 'c' || chart === 'g') && point.value < 0) {
    throw fail(point, index, 'value_negative', 'a count cannot be negative');
  }
  if (chart === 't' && point.value <= 0) {
    throw fail(point, index, 'value_not_positive', 'a time between events must be above 0');
  }
  return point;
}

/** The points as the chart computes with them; throws ChartInputError naming a bad point. */
export function controlInput(
  chart: ControlChart,
  points: readonly ChartInputPoint[],
): ChartInputPoint[] {
  return points.map((point, index) =>
    needsDenominators(chart) ? ratioPoint(chart, point, index) : valuePoint(chart, point, index),
  );
}
