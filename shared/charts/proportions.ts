/**
 * Measures recorded as numerator over denominator (a proportion or a rate): each becomes a chart
 * point whose value is numerator ÷ denominator. A denominator of 0 has no proportion, so it is an
 * error naming the point rather than a silent gap (a gap would also distort the moving ranges).
 */

import {
  ChartInputError,
  type ChartInputErrorCode,
  type ChartInputPoint,
  type Exclusion,
} from './types';

export interface ProportionInputPoint {
  period: string;
  numerator: number;
  denominator: number;
  excluded?: Exclusion | null;
}

/** What is wrong with a numerator/denominator pair, as a sentence; `null` when it is usable. */
export function proportionProblem(
  numerator: number,
  denominator: number,
): { code: ChartInputErrorCode; message: string } | null {
  if (!Number.isFinite(numerator)) {
    return { code: 'numerator_not_finite', message: 'numerator must be a finite number' };
  }
  if (!Number.isFinite(denominator)) {
    return { code: 'denominator_not_finite', message: 'denominator must be a finite number' };
  }
  if (denominator === 0) {
    return { code: 'denominator_zero', message: 'denominator is 0, so there is no proportion' };
  }
  if (denominator < 0) {
    return { code: 'denominator_negative', message: 'denominator must be greater than 0' };
  }
  return null;
}

export function proportionValue(numerator: number, denominator: number, index: number): number {
  const problem = proportionProblem(numerator, denominator);
  if (problem) {
    throw new ChartInputError(problem.code, `point ${index}: ${problem.message}`, index);
  }
  return numerator / denominator;
}

export function proportionPoints(rows: readonly ProportionInputPoint[]): ChartInputPoint[] {
  return rows.map((row, index) => ({
    period: row.period,
    value: proportionValue(row.numerator, row.denominator, index),
    excluded: row.excluded ?? null,
  }));
}
