/**
 * Run chart with the Anhøj rules, as qicharts2 applies them (Anhøj & Olesen, PLoS ONE
 * 2014;9:e113825; qicharts2 R/helper.functions.R `runs.analysis`):
 *  - longest_run: the longest run on one side of the median is longer than
 *    round(log2(n)) + 3;
 *  - too_few_crossings: fewer crossings of the median than the 5th percentile of
 *    Binomial(n − 1, 0.5), i.e. R's qbinom(0.05, n − 1, 0.5);
 * where n is the number of useful observations (not on the median). Points on the median neither
 * make nor break a run. Both signals describe the whole segment, so they cover all of it.
 */

import { crossings, sideRuns } from './patterns';
import {
  assembleRunChart,
  type RunSegmentAnalysis,
  type RunSegmentInput,
  runSegmentInputs,
} from './run-chart';
import {
  ANHOEJ_RULES,
  type AnhoejRule,
  type AnhoejRunChart,
  type AnhoejRuns,
  type ChartInputPoint,
  type SegmentOptions,
} from './types';

/** Upper 95% prediction limit for the longest run: round(log2(n)) + 3. */
export function longestRunLimit(useful: number): number {
  // log2 of a whole number is never exactly x.5, so JavaScript's and R's rounding agree here.
  return Math.round(Math.log2(useful)) + 3;
}

/**
 * qbinom(p, size, 0.5) computed exactly: the smallest k with P(X ≤ k) ≥ p. Exact big-integer
 * sums of binomial coefficients, because a floating-point CDF can land on the wrong side of p.
 */
export function binomialHalfQuantile(p: number, size: number): number {
  if (!Number.isInteger(size) || size < 0 || !(p >= 0 && p <= 1)) {
    throw new RangeError('binomialHalfQuantile: size must be a whole number ≥ 0, 0 ≤ p ≤ 1');
  }
  // Compare sum/2^size ≥ p as sum × 10^12 ≥ round(p × 10^12) × 2^size.
  const scale = 10n ** 12n;
  const target = BigInt(Math.round(p * 1e12)) * 2n ** BigInt(size);
  let coefficient = 1n;
  let sum = 0n;
  for (let k = 0; k <= size; k++) {
    sum += coefficient;
    if (sum * scale >= target) {
      return k;
    }
    coefficient = (coefficient * BigInt(size - k)) / BigInt(k + 1);
  }
  return size;
}

/** Lower 5% prediction limit for the number of crossings. */
export function crossingsLimit(useful: number): number {
  return binomialHalfQuantile(0.05, Math.max(useful - 1, 0));
}

export function anhoejRuns(sides: RunSegmentInput['sides']): AnhoejRuns {
  const runs = sideRuns(sides, 'skip');
  const useful = runs.reduce((sum, run) => sum + run.count, 0);
  const crossingCount = crossings(sides);
  return {
    useful,
    crossings: crossingCount,
    runs: runs.length,
    longestRun: runs.reduce((longest, run) => Math.max(longest, run.count), 0),
    longestRunLimit: useful > 0 ? longestRunLimit(useful) : null,
    crossingsLimit: useful > 0 ? crossingsLimit(useful) : null,
  };
}

function analyseAnhoejSegment(input: RunSegmentInput): RunSegmentAnalysis<AnhoejRule, AnhoejRuns> {
  const runs = anhoejRuns(input.sides);
  const whole: AnhoejRule[] = [];
  if (runs.longestRunLimit !== null && runs.longestRun > runs.longestRunLimit) {
    whole.push('longest_run');
  }
  if (runs.crossingsLimit !== null && runs.crossings < runs.crossingsLimit) {
    whole.push('too_few_crossings');
  }
  return { runs, stretches: [], whole };
}

export function anhoejRunChart(
  points: readonly ChartInputPoint[],
  options: SegmentOptions = {},
): AnhoejRunChart {
  const inputs = runSegmentInputs(points, options);
  return {
    rules: 'anhoej',
    ...assembleRunChart(points, inputs, analyseAnhoejSegment, ANHOEJ_RULES),
  };
}
