/**
 * Words and marks for what a measure's chart shows: rule names, point classes, Making Data Count
 * variation and assurance, and the marker shape and colour of each class. The colours follow the
 * NHS "Making Data Count" convention as NHSRplotthedots draws it (`ptd_spc_colours`: improvement
 * blue #289de0, concern orange #fab428, neutral purple #361475, common cause grey #7b7d7d); every
 * class also has its own marker shape and a text label, so nothing is told by colour alone.
 */
import type { Assurance, PointType, RuleName, RuleSet, Side } from './index';

export const RULE_SET_LABELS: Readonly<Record<RuleSet, string>> = {
  ihi: 'Run chart, IHI rules',
  anhoej: 'Run chart, Anhøj rules',
  mdc: 'Control chart (SPC), Making Data Count rules',
};

/** What each rule found, as a short phrase for tables and legends. */
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

/** The one-word name each rule shows in a data table cell (tests and readers key on it). */
export const RULE_NAMES_SHORT: Readonly<Record<RuleName, string>> = {
  shift: 'shift',
  trend: 'trend',
  too_few_runs: 'too few runs',
  too_many_runs: 'too many runs',
  longest_run: 'longest run',
  too_few_crossings: 'too few crossings',
  outside_limits: 'outside limits',
  two_of_three: 'two of three',
  run_of_seven: 'run of seven',
  trend_of_seven: 'trend of seven',
};

/**
 * Rules that judge a whole segment (the number of runs or crossings, Anhøj's longest run): they
 * are shown on the segment's centre line and in the signal list, not as marked points.
 */
export const SEGMENT_RULES: ReadonlySet<RuleName> = new Set<RuleName>([
  'too_few_runs',
  'too_many_runs',
  'longest_run',
  'too_few_crossings',
]);

/** A point's class on the chart: the engine's point types, or left out of the calculations. */
export type PointClass = PointType | 'excluded';

export type MarkerShape = 'circle' | 'square' | 'diamond' | 'triangle' | 'ring';

export interface ClassStyle {
  readonly label: string;
  readonly colour: string;
  readonly shape: MarkerShape;
  /** The shape in words, for the legend. */
  readonly shapeName: string;
}

export const CLASS_STYLES: Readonly<Record<PointClass, ClassStyle>> = {
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

/** The process limits in words, for a chart's key. */
export function limitsLabel(trial: boolean): string {
  return trial ? 'Trial process limits, set by fewer than 12 points' : 'Process limits';
}

/** Dark outline on every marker, so each shape keeps 3:1 contrast whatever its fill. */
export const MARKER_OUTLINE = '#212b32';

const SIDE_WORDS: Readonly<Record<Side, string>> = { high: 'high', low: 'low' };

/** The Making Data Count variation icon's name, e.g. "Special cause improvement (high)". */
export function variationLabel(type: PointType, side: Side | null): string {
  switch (type) {
    case 'common_cause':
      return 'Common cause variation';
    case 'special_cause_improvement':
      return `Special cause improvement${side ? ` (${SIDE_WORDS[side]})` : ''}`;
    case 'special_cause_concern':
      return `Special cause concern${side ? ` (${SIDE_WORDS[side]})` : ''}`;
    case 'special_cause_neutral':
      return `Special cause neither improvement nor concern${side ? ` (${SIDE_WORDS[side]})` : ''}`;
    default: {
      const unreachable: never = type;
      throw new Error(`unknown point type ${String(unreachable)}`);
    }
  }
}

export const ASSURANCE_LABELS: Readonly<Record<Assurance, string>> = {
  consistent_pass: 'Consistently passing the target',
  consistent_fail: 'Consistently failing the target',
  hit_and_miss: 'Hit and miss target',
};

export const ASSURANCE_HINTS: Readonly<Record<Assurance, string>> = {
  consistent_pass: 'the target is outside the process limits, on the side every point beats',
  consistent_fail: 'the target is outside the process limits, on the side no point reaches',
  hit_and_miss: 'the target is within the process limits: it will be met and missed at random',
};

/** The order classes appear in legends. */
export const CLASS_ORDER: readonly PointClass[] = [
  'common_cause',
  'special_cause_improvement',
  'special_cause_concern',
  'special_cause_neutral',
  'excluded',
];

/** A class as a legend entry, its marker shape in words then its class: "Square: special cause improvement". */
export function classLegend(cls: PointClass): string {
  const { shapeName, label } = CLASS_STYLES[cls];
  return `${shapeName.charAt(0).toUpperCase()}${shapeName.slice(1)}: ${label.toLowerCase()}`;
}
