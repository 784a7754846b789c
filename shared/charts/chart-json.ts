/**
 * The JSON document `npm run chart` prints, and its zod schema (the contract the CLI test and
 * any other consumer check against). A flattening of a Chart: per point its centre, limits,
 * covering signals and class; the signal list; the runs analysis; the assurance.
 *
 * `runs` describes the latest segment. For IHI it is the runs count with Perla's limits
 * (too few when runs < lower, too many when runs > upper; both null below 10 useful
 * observations). For Anhøj it is the same count, runs = crossings + 1, with `lower` =
 * qbinom(0.05, useful − 1, 0.5) + 1 so that "runs < lower" is exactly "too few crossings"; the
 * longest-run limit is not a limit on the number of runs, so `upper` is null. For mdc it is null.
 */

import * as z from 'zod';
import { ASSURANCES, type Chart, POINT_TYPES, RULE_NAMES, RULE_SETS } from './types';

const ruleName = z.enum(RULE_NAMES);

export const chartJsonSchema = z.strictObject({
  rules: z.enum(RULE_SETS),
  points: z.array(
    z.strictObject({
      period: z.string(),
      value: z.number(),
      centre: z.number().nullable(),
      lower: z.number().nullable(),
      upper: z.number().nullable(),
      signals: z.array(ruleName),
      type: z.enum(POINT_TYPES).nullable(),
    }),
  ),
  signals: z.array(
    z.strictObject({ rule: ruleName, from: z.number().int(), to: z.number().int() }),
  ),
  runs: z
    .strictObject({
      useful: z.number().int(),
      runs: z.number().int(),
      lower: z.number().int().nullable(),
      upper: z.number().int().nullable(),
    })
    .nullable(),
  assurance: z.enum(ASSURANCES).nullable(),
});

export type ChartJson = z.infer<typeof chartJsonSchema>;

function runsJson(chart: Chart): ChartJson['runs'] {
  switch (chart.rules) {
    case 'ihi': {
      const runs = chart.segments[chart.segments.length - 1]?.runs;
      return runs
        ? { useful: runs.useful, runs: runs.runs, lower: runs.lower, upper: runs.upper }
        : null;
    }
    case 'anhoej': {
      const runs = chart.segments[chart.segments.length - 1]?.runs;
      if (!runs) {
        return null;
      }
      const lower = runs.crossingsLimit === null ? null : runs.crossingsLimit + 1;
      return { useful: runs.useful, runs: runs.runs, lower, upper: null };
    }
    case 'mdc':
      return null;
    default: {
      const unknown: never = chart;
      throw new RangeError(`unknown chart ${String(unknown)}`);
    }
  }
}

export function chartJson(chart: Chart): ChartJson {
  return {
    rules: chart.rules,
    points: chart.points.map((point) => ({
      period: point.period,
      value: point.value,
      centre: point.centre,
      lower: point.lower,
      upper: point.upper,
      signals: [...point.signals],
      type: point.type,
    })),
    signals: chart.signals.map((signal) => ({
      rule: signal.rule,
      from: signal.from,
      to: signal.to,
    })),
    runs: runsJson(chart),
    assurance: chart.rules === 'mdc' ? chart.assurance : null,
  };
}
