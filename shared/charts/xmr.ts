/**
 * The control charts of the `mdc` rule set: the XmR chart of NHS England's "Making Data Count"
 * by default, or a p, p′, u, u′, c, g or t chart (`chart` option). Per segment, limits from
 * control-limits.ts (xmr-limits.ts for XmR) and the same four rules from xmr-rules.ts; then each point's classification against the measure's direction of
 * improvement, the variation (last point) and the assurance against a target.
 *
 * Limits: without a baseline the mean and limits come from every included point of the segment
 * (NHSRplotthedots' default, `fix_after_n_points = NULL`). With `baseline: N` the first N points
 * set them and later points are judged against them; `baseline: MDC_TRIAL_LIMIT_POINTS` (12) is
 * Making Data Count's "trial limits until 12 points, then fixed": with fewer points every point
 * sets the (trial) limits, from the 12th on they are fixed. `trial` on a segment says whether
 * fewer than 12 points set its limits (NHSRplotthedots warns on the same condition).
 */

import { chartAssurance } from './assurance';
import { controlInput } from './control-input';
import { controlLimits, type LineSet } from './control-limits';
import { planSegments, type SegmentPlan, valuesAt } from './segments';
import { coverage, sortSignals } from './signals';
import {
  type ChartInputPoint,
  type ControlChart,
  type Direction,
  MDC_RULES,
  type MdcRule,
  type PointType,
  type SegmentOptions,
  type Side,
  type Signal,
  type XmrChart,
  type XmrPoint,
  type XmrSegment,
} from './types';
import { MDC_TRIAL_LIMIT_POINTS } from './xmr-limits';
import { findMdcSignals, type PointsForSignificance } from './xmr-rules';

export interface XmrOptions extends SegmentOptions {
  /** Which control chart; `xmr` (the default) when absent. */
  chart?: ControlChart | null;
  /** Direction of improvement; `null` or absent makes every special cause neutral. */
  direction?: Direction | null;
  target?: number | null;
  /** Drop moving ranges ≥ 3.267 × their mean before setting limits (Nelson 1982). Off by default. */
  screenMovingRanges?: boolean;
  /** Points needed for run_of_seven and trend_of_seven: 7 (default) or Making Data Count's 6. */
  pointsForSignificance?: PointsForSignificance;
}

export function pointType(side: Side | null, direction: Direction | null | undefined): PointType {
  if (side === null) {
    return 'common_cause';
  }
  if (!direction) {
    return 'special_cause_neutral';
  }
  const improving = direction === 'up' ? 'high' : 'low';
  return side === improving ? 'special_cause_improvement' : 'special_cause_concern';
}

interface AnalysedSegment {
  segment: XmrSegment;
  signals: Signal<MdcRule>[];
  sides: Map<number, Side | null>;
  lines: Map<number, LineSet>;
}

const NO_LINES: LineSet = {
  centre: null,
  lower: null,
  upper: null,
  lowerTwoSigma: null,
  upperTwoSigma: null,
};

function analyseSegment(
  chart: ControlChart,
  points: readonly ChartInputPoint[],
  plan: SegmentPlan,
  options: XmrOptions,
): AnalysedSegment {
  const limits = controlLimits(chart, points, plan, options.screenMovingRanges ?? false);
  const linesAt = (i: number) => limits.lines.get(i) ?? NO_LINES;
  const findings = findMdcSignals(
    valuesAt(points, plan.included),
    plan.included.map(linesAt),
    options.pointsForSignificance ?? 7,
  );
  const at = (position: number) => plan.included[position] ?? plan.from;
  const signals = findings.stretches.map((s) => ({
    rule: s.rule,
    from: at(s.from),
    to: at(s.to),
    segment: plan.index,
  }));
  const sides = new Map(
    plan.included.map((index, position) => [index, findings.sides[position] ?? null]),
  );
  const segment: XmrSegment = {
    index: plan.index,
    from: plan.from,
    to: plan.to,
    reason: plan.reason,
    baselineTo: plan.baselineTo,
    basedOn: plan.base.length,
    ...linesAt(plan.to),
    meanMovingRange: limits.meanMovingRange,
    sigmaZ: limits.sigmaZ,
    trial: plan.base.length < MDC_TRIAL_LIMIT_POINTS,
  };
  return { segment, signals, sides, lines: limits.lines };
}

function xmrPoint(
  point: ChartInputPoint,
  index: number,
  own: AnalysedSegment | undefined,
  signals: MdcRule[],
  direction: Direction | null | undefined,
): XmrPoint {
  const excluded = point.excluded ?? null;
  const side = excluded ? null : (own?.sides.get(index) ?? null);
  const lines = own?.lines.get(index) ?? NO_LINES;
  return {
    index,
    period: point.period,
    value: point.value,
    excluded,
    ...lines,
    signals,
    type: excluded ? null : pointType(side, direction),
    side,
  };
}

export function xmrChart(
  inputPoints: readonly ChartInputPoint[],
  options: XmrOptions = {},
): XmrChart {
  const chart = options.chart ?? 'xmr';
  const points = controlInput(chart, inputPoints);
  const analysed = planSegments(points, options).map((plan) =>
    analyseSegment(chart, points, plan, options),
  );
  const segments = analysed.map((a) => a.segment);
  const signals = sortSignals(
    analysed.flatMap((a) => a.signals),
    MDC_RULES,
  );
  const covering = coverage(points, signals, MDC_RULES);
  const chartPoints = points.map((point, index) => {
    const own = analysed.find((a) => index >= a.segment.from && index <= a.segment.to);
    return xmrPoint(point, index, own, covering[index] ?? [], options.direction);
  });
  const last = [...chartPoints].reverse().find((p) => p.type !== null);
  return {
    rules: 'mdc',
    chart,
    points: chartPoints,
    segments,
    signals,
    assurance: chartAssurance(segments, options.target, options.direction),
    variation: last?.type ?? null,
    variationSide: last?.side ?? null,
  };
}
