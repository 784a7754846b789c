/**
 * One entry point for "draw this measure with that rule set", for callers (the CLI, a chart
 * component) that hold the rule set as data.
 */

import { anhoejRunChart } from './run-chart-anhoej';
import { ihiRunChart } from './run-chart-ihi';
import type { Chart, ChartInputPoint, RuleSet } from './types';
import { type XmrOptions, xmrChart } from './xmr';

/** Run charts use the segment options and ignore direction, target and the XmR-only switches. */
export type ChartOptions = XmrOptions;

export function buildChart(
  rules: RuleSet,
  points: readonly ChartInputPoint[],
  options: ChartOptions = {},
): Chart {
  const segmentOptions = { baseline: options.baseline, rebases: options.rebases };
  switch (rules) {
    case 'ihi':
      return ihiRunChart(points, segmentOptions);
    case 'anhoej':
      return anhoejRunChart(points, segmentOptions);
    case 'mdc':
      return xmrChart(points, options);
    default: {
      const unknown: never = rules;
      throw new RangeError(`unknown rule set ${String(unknown)}`);
    }
  }
}
