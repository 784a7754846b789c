/**
 * The vocabulary of the chart engine: what a measure hands in (points, exclusions, baseline and
 * re-base options), what a chart hands back (points with centre, limits, signals and
 * classification; segments; signals), and the one error type the engine throws.
 *
 * Rule and class names are the stable ids the CLI prints and the UI keys its labels on, so they
 * live here once as `as const` lists and everything else derives from them.
 */

export const RULE_SETS = ['ihi', 'anhoej', 'mdc'] as const;
export type RuleSet = (typeof RULE_SETS)[number];

export const IHI_RULES = ['shift', 'trend', 'too_few_runs', 'too_many_runs'] as const;
export type IhiRule = (typeof IHI_RULES)[number];

export const ANHOEJ_RULES = ['longest_run', 'too_few_crossings'] as const;
export type AnhoejRule = (typeof ANHOEJ_RULES)[number];

export const MDC_RULES = [
  'outside_limits',
  'two_of_three',
  'run_of_seven',
  'trend_of_seven',
] as const;
export type MdcRule = (typeof MDC_RULES)[number];

export const RULE_NAMES = [...IHI_RULES, ...ANHOEJ_RULES, ...MDC_RULES] as const;
export type RuleName = (typeof RULE_NAMES)[number];

/**
 * The control charts the `mdc` rule set draws (see docs/charts.md): XmR for any measure; p and
 * Laney's p′ (`pp`) for proportions; u and u′ (`up`) for rates per unit of exposure; c for counts
 * with constant opportunity; g for opportunities between rare events; t for time between events.
 */
export const CONTROL_CHARTS = ['xmr', 'p', 'pp', 'u', 'up', 'c', 'g', 't'] as const;
export type ControlChart = (typeof CONTROL_CHARTS)[number];

export const DIRECTIONS = ['up', 'down'] as const;
/** Direction of improvement of a measure; `null` (no direction) makes special causes neutral. */
export type Direction = (typeof DIRECTIONS)[number];

export const POINT_TYPES = [
  'common_cause',
  'special_cause_improvement',
  'special_cause_concern',
  'special_cause_neutral',
] as const;
export type PointType = (typeof POINT_TYPES)[number];

export const ASSURANCES = ['consistent_pass', 'consistent_fail', 'hit_and_miss'] as const;
export type Assurance = (typeof ASSURANCES)[number];

/** Which side of the centre line a special cause sits on (picks the high or low variation icon). */
export type Side = 'high' | 'low';

/** Why a point is left out of the calculations. It is still drawn. */
export interface Exclusion {
  reason: string;
}

/** One observation of a measure, in time order. */
export interface ChartInputPoint {
  period: string;
  value: number;
  /**
   * For p, p′, u and u′ charts (and for suggesting a chart): the count and its denominator.
   * Those charts chart numerator ÷ denominator and weight the centre line by the denominators.
   */
  numerator?: number;
  denominator?: number;
  /** Drawn, but takes no part in the centre line, the limits or any rule. */
  excluded?: Exclusion | null;
}

/** A known change to the process: a new segment with its own centre (and limits) starts here. */
export interface Rebase {
  /** Index of the first point of the new segment (1 ≤ at < number of points). */
  at: number;
  /** Recorded reason, shown with the chart; required. */
  reason: string;
  /** Points (from `at`) whose values set the new centre; defaults to the chart's `baseline`. */
  baseline?: number | null;
}

export interface SegmentOptions {
  /**
   * Freeze the centre line (and limits) on the first N points of each segment and extend it
   * forward. `null` or absent: every point of the segment sets them.
   */
  baseline?: number | null;
  rebases?: readonly Rebase[];
}

/** A rule firing over the points `from`..`to` (0-based, inclusive). */
export interface Signal<R extends RuleName = RuleName> {
  rule: R;
  from: number;
  to: number;
  /** Index of the segment the signal was found in (rules never span a re-base). */
  segment: number;
}

export interface ChartPointBase<R extends RuleName> {
  index: number;
  period: string;
  value: number;
  excluded: Exclusion | null;
  centre: number | null;
  /** Rules whose signal covers this point; always empty for an excluded point. */
  signals: R[];
}

export interface SegmentBase {
  index: number;
  from: number;
  to: number;
  /** The recorded reason for re-basing here; `null` for the first segment. */
  reason: string | null;
  /** Last point index whose value could set the centre (the frozen baseline's end). */
  baselineTo: number;
  /** How many included points actually set the centre (and limits). */
  basedOn: number;
  centre: number | null;
}

export interface RunChartPoint<R extends IhiRule | AnhoejRule> extends ChartPointBase<R> {
  lower: null;
  upper: null;
  type: null;
}

export interface IhiRuns {
  /** Points not on the median (and not excluded). */
  useful: number;
  crossings: number;
  /** crossings + 1 (0 when there are no useful observations). */
  runs: number;
  /** Too few runs when `runs < lower`; `null` below 10 useful observations. */
  lower: number | null;
  /** Too many runs when `runs > upper`; `null` below 10 useful observations. */
  upper: number | null;
}

export interface AnhoejRuns {
  useful: number;
  crossings: number;
  runs: number;
  longestRun: number;
  /** Signal when `longestRun > longestRunLimit`: round(log2(useful)) + 3. */
  longestRunLimit: number | null;
  /** Signal when `crossings < crossingsLimit`: qbinom(0.05, useful − 1, 0.5). */
  crossingsLimit: number | null;
}

export interface RunChartSegment<Runs> extends SegmentBase {
  runs: Runs;
}

export interface IhiRunChart {
  rules: 'ihi';
  points: RunChartPoint<IhiRule>[];
  segments: RunChartSegment<IhiRuns>[];
  signals: Signal<IhiRule>[];
}

export interface AnhoejRunChart {
  rules: 'anhoej';
  points: RunChartPoint<AnhoejRule>[];
  segments: RunChartSegment<AnhoejRuns>[];
  signals: Signal<AnhoejRule>[];
}

export interface XmrPoint extends ChartPointBase<MdcRule> {
  /** This point's own limits: they step with the denominator on p, p′, u and u′ charts. */
  lower: number | null;
  upper: number | null;
  lowerTwoSigma: number | null;
  upperTwoSigma: number | null;
  /** `null` for an excluded point. */
  type: PointType | null;
  /** Side of a special cause (for the high/low icons); `null` for common cause. */
  side: Side | null;
}

export interface XmrSegment extends SegmentBase {
  /**
   * The limits at the segment's last point (the same at every point except on p, p′, u and u′
   * charts, whose limits vary with each denominator): what assurance is judged against.
   */
  lower: number | null;
  upper: number | null;
  /** The two-sigma lines (XmR: mean ± 2/3 × 2.66 × mean moving range) used by `two_of_three`. */
  lowerTwoSigma: number | null;
  upperTwoSigma: number | null;
  /** XmR and t (on the transformed scale) only. */
  meanMovingRange: number | null;
  /** p′ and u′ only: Laney's σz, the spread of the z-scores (1 means no over-dispersion). */
  sigmaZ: number | null;
  /** Fewer than 12 points set the limits: Making Data Count calls these trial limits. */
  trial: boolean;
}

export interface XmrChart {
  rules: 'mdc';
  /** Which control chart: XmR unless chosen otherwise. */
  chart: ControlChart;
  points: XmrPoint[];
  segments: XmrSegment[];
  signals: Signal<MdcRule>[];
  /** Target against the latest segment's limits; `null` without target, direction or limits. */
  assurance: Assurance | null;
  /** Classification of the last included point (the variation icon). */
  variation: PointType | null;
  variationSide: Side | null;
}

export type Chart = IhiRunChart | AnhoejRunChart | XmrChart;

export const CHART_INPUT_ERROR_CODES = [
  'value_not_finite',
  'exclusion_without_reason',
  'rebase_out_of_range',
  'rebase_out_of_order',
  'rebase_without_reason',
  'baseline_invalid',
  'target_not_finite',
  'numerator_not_finite',
  'denominator_not_finite',
  'denominator_zero',
  'denominator_negative',
  'denominator_missing',
  'numerator_negative',
  'numerator_above_denominator',
  'value_negative',
  'value_not_positive',
] as const;
export type ChartInputErrorCode = (typeof CHART_INPUT_ERROR_CODES)[number];

/**
 * Invalid input to the engine. `index` names the offending point (or re-base) so that a caller
 * can point at the right row; the message is a sentence a person can act on.
 */
export class ChartInputError extends Error {
  readonly code: ChartInputErrorCode;
  readonly index: number | null;

  constructor(code: ChartInputErrorCode, message: string, index: number | null = null) {
    super(message);
    this.name = 'ChartInputError';
    this.code = code;
    this.index = index;
  }
}
