/**
 * Words and marks for a measure's chart in exports, worded and coloured as the
 * client's chart (`client/features/measures/chart-labels.ts`) so that a report
 * says what the screen says: rule names, point classes, Making Data Count
 * assurance, and each class's colour (NHSRplotthedots' `ptd_spc_colours`) with
 * its own marker shape, so nothing is told by colour alone.
 */
import type { Assurance, PointType, RuleName, RuleSet } from '../../shared/charts/index';

export const RULE_SET_LABELS: Readonly<Record<RuleSet, string>> = {
  ihi: 'Run chart, IHI rules',
  anhoej: 'Run chart, Anhøj rules',
  mdc: 'XmR chart (SPC), Making Data Count rules',
};

export const RULE_LABELS: Readonly<Record<RuleName, string>> = {
  shift: 'Shift: 6 or more points in a row on one side of the median',
  trend: 'Trend: 5 or more points in a row going up or going down',
  too_few_runs: 'Too few runs',
  too_many_runs: 'Too many runs',
  longest_run: 'Longest run on one side of the median is too long',
  too_few_crossings: 'Too few crossings of the median',
  outside_limits: 'A point outside the process limits',
  two_of_three: 'Two of three points beyond 2 sigma on one side',
  run_of_seven: 'Run: 7 or more points in a row on one side of the mean',
  trend_of_seven: 'Trend: 7 or more points in a row going up or going down',
};

/** Rules that judge a whole segment: listed as signals, not marked on points. */
export const SEGMENT_RULES: ReadonlySet<RuleName> = new Set<RuleName>([
  'too_few_runs',
  'too_many_runs',
  'longest_run',
  'too_few_crossings',
]);

/** A point's class: the engine's point types, or left out of the calculations. */
export type PointClass = PointType | 'excluded';
export type MarkerShape = 'circle' | 'square' | 'diamond' | 'triangle' | 'ring';

export const CLASS_STYLES: Readonly<
  Record<
    PointClass,
    {
      readonly label: string;
      readonly colour: string;
      readonly shape: MarkerShape;
      readonly shapeName: string;
    }
  >
> = {
  common_cause: {
    label: 'Common cause',
    colour: '#7b7d7d',
    shape: 'circle',
    shapeName: 'small circle',
  },
  special_cause_improvement: {
    label: 'Special cause improvement',
    colour: '#289de0',
    shape: 'square',
    shapeName: 'square',
  },
  special_cause_concern: {
    label: 'Special cause concern',
    colour: '#fab428',
    shape: 'diamond',
    shapeName: 'diamond',
  },
  special_cause_neutral: {
    label: 'Special cause neither improvement nor concern',
    colour: '#361475',
    shape: 'triangle',
    shapeName: 'triangle',
  },
  excluded: {
    label: 'Excluded from the calculations',
    colour: '#ffffff',
    shape: 'ring',
    shapeName: 'hollow circle',
  },
};

/** The order classes appear in legends. */
export const CLASS_ORDER: readonly PointClass[] = [
  'common_cause',
  'special_cause_improvement',
  'special_cause_concern',
  'special_cause_neutral',
  'excluded',
];

/** Dark outline on every marker, so each shape keeps 3:1 contrast whatever its fill. */
export const MARKER_OUTLINE = '#212b32';

export function classLegend(cls: PointClass): string {
  const style = CLASS_STYLES[cls];
  return `${style.label} (${style.shapeName})`;
}

export const ASSURANCE_LABELS: Readonly<Record<Assurance, string>> = {
  consistent_pass: 'Consistently passing the target',
  consistent_fail: 'Consistently failing the target',
  hit_and_miss: 'Hit and miss target',
};

/** What the centre line is: a run chart's median or an XmR chart's mean. */
export function centreLabel(rules: RuleSet): string {
  return rules === 'mdc' ? 'Mean' : 'Median';
}
