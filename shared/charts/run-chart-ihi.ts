/**
 * Run chart with the IHI rules (Perla, Provost & Murray, BMJ Qual Saf 2011;20:46–51):
 *  - shift: 6 or more consecutive points all above or all below the median; points on the median
 *    are skipped (they neither make nor break a shift) but lie inside the signal's span;
 *  - trend: 5 or more consecutive points all going up or all going down; a value equal to its
 *    neighbour is counted once (it neither makes nor breaks a trend);
 *  - too few / too many runs: runs = crossings + 1 against the limits in runs-limits.ts; the rule
 *    needs 10 useful observations (points not on the median).
 * Each rule is applied within a segment, against that segment's (possibly frozen) median.
 */

import { crossings, monotoneChains, sideRuns } from './patterns';
import {
  assembleRunChart,
  type RunSegmentAnalysis,
  type RunSegmentInput,
  runSegmentInputs,
} from './run-chart';
import { ihiRunsLimits } from './runs-limits';
import {
  type ChartInputPoint,
  IHI_RULES,
  type IhiRule,
  type IhiRunChart,
  type IhiRuns,
  type SegmentOptions,
} from './types';

export const IHI_SHIFT_POINTS = 6;
export const IHI_TREND_POINTS = 5;

/** The runs count and its limits for one segment's sides of the median. */
export function ihiRuns(sides: RunSegmentInput['sides']): IhiRuns {
  const useful = sides.filter((side) => side !== 0).length;
  const crossingCount = crossings(sides);
  const limits = ihiRunsLimits(useful);
  return {
    useful,
    crossings: crossingCount,
    runs: useful === 0 ? 0 : crossingCount + 1,
    lower: limits?.lower ?? null,
    upper: limits?.upper ?? null,
  };
}

function analyseIhiSegment(input: RunSegmentInput): RunSegmentAnalysis<IhiRule, IhiRuns> {
  const stretches: RunSegmentAnalysis<IhiRule, IhiRuns>['stretches'] = [];
  for (const run of sideRuns(input.sides, 'skip')) {
    if (run.count >= IHI_SHIFT_POINTS) {
      stretches.push({ rule: 'shift', from: run.from, to: run.to });
    }
  }
  for (const chain of monotoneChains(input.values, 'skip')) {
    if (chain.count >= IHI_TREND_POINTS) {
      stretches.push({ rule: 'trend', from: chain.from, to: chain.to });
    }
  }
  const runs = ihiRuns(input.sides);
  const whole: IhiRule[] = [];
  if (runs.lower !== null && runs.runs < runs.lower) {
    whole.push('too_few_runs');
  }
  if (runs.upper !== null && runs.runs > runs.upper) {
    whole.push('too_many_runs');
  }
  return { runs, stretches, whole };
}

export function ihiRunChart(
  points: readonly ChartInputPoint[],
  options: SegmentOptions = {},
): IhiRunChart {
  const inputs = runSegmentInputs(points, options);
  return { rules: 'ihi', ...assembleRunChart(points, inputs, analyseIhiSegment, IHI_RULES) };
}
