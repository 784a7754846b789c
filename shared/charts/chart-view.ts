/**
 * The view-model of a measure's chart: everything its picture, its table and its words show,
 * computed once from the points and the measure's settings, pure (no DOM, no Node) so that the
 * measure page and every export read the same model and say the same words. The engine's result
 * becomes points with their class and marking signals, segments, described signals, Making Data
 * Count variation and assurance, and the summary sentence (`chart-words.ts`); where things go on
 * a drawing is each renderer's own concern.
 */

import { buildChart } from './build-chart';
import {
  ASSURANCE_HINTS,
  ASSURANCE_LABELS,
  CLASS_ORDER,
  type PointClass,
  SEGMENT_RULES,
  variationLabel,
} from './chart-labels';
import { describedSignals, pointClass, type ViewSignal } from './chart-signals';
import { describeChart } from './chart-words';
import { chartTypeName, controlCentreLabel } from './control-chart-labels';
import {
  type Assurance,
  type Chart,
  ChartInputError,
  type ChartInputPoint,
  type ControlChart,
  type Direction,
  type PointType,
  type Rebase,
  type RuleName,
  type RuleSet,
  type Side,
} from './types';
import { MDC_TRIAL_LIMIT_POINTS } from './xmr-limits';

export type { ViewSignal } from './chart-signals';

/** One observation as a measure hands it in. */
export interface ChartViewPoint {
  readonly period: string;
  readonly value: number;
  /** For p, p′, u and u′ charts: the counts behind the value. */
  readonly numerator?: number;
  readonly denominator?: number;
  /** Why the point is left out of the calculations; null or blank when it is included. */
  readonly excludedReason?: string | null;
  /** The point's annotation. */
  readonly note?: string;
  /** The name of the PDSA cycle the point followed. */
  readonly pdsa?: string | null;
  /** A recorded reason here starts a new segment (re-based centre line) at this point. */
  readonly rebaseReason?: string | null;
}

export interface ChartViewOptions {
  readonly rules: RuleSet;
  /** With the `mdc` rules: which control chart (XmR when absent). */
  readonly chart?: ControlChart | null;
  readonly title: string;
  readonly unit?: string;
  readonly direction?: Direction | null;
  readonly target?: number | null;
  /** Points that set each segment's centre line; control charts default to Making Data Count's 12. */
  readonly baseline?: number | null;
  readonly showTwoSigma?: boolean;
}

export interface ViewPoint {
  readonly index: number;
  readonly period: string;
  readonly value: number;
  readonly centre: number | null;
  readonly lower: number | null;
  readonly upper: number | null;
  readonly lowerTwoSigma: number | null;
  readonly upperTwoSigma: number | null;
  /** Signals of rules that mark points (segment-wide rules are on the segment instead). */
  readonly signals: readonly RuleName[];
  readonly cls: PointClass;
  readonly excludedReason: string | null;
  readonly note: string;
  readonly pdsa: string | null;
  /** Its annotation mark's number (A1, A2…), or null. */
  readonly annotation: number | null;
  /** Its PDSA mark's number (P1, P2…), or null. */
  readonly pdsaMark: number | null;
  readonly segment: number;
}

export interface ViewSegment {
  readonly index: number;
  readonly from: number;
  readonly to: number;
  /** Recorded reason for re-basing here; null for the first segment. */
  readonly reason: string | null;
  readonly baselineTo: number;
  readonly basedOn: number;
  readonly centre: number | null;
  readonly lower: number | null;
  readonly upper: number | null;
  readonly lowerTwoSigma: number | null;
  readonly upperTwoSigma: number | null;
  /** Control-chart limits set by fewer than 12 points. */
  readonly trial: boolean;
  /** Segment-wide signals (too few runs…). */
  readonly signals: readonly RuleName[];
}

export interface ChartView {
  readonly rules: RuleSet;
  /** The control chart with the `mdc` rules; null for a run chart. */
  readonly chart: ControlChart | null;
  /** The chart type in words, e.g. "Run chart, IHI rules". */
  readonly chartName: string;
  readonly title: string;
  readonly unit: string;
  readonly target: number | null;
  readonly centreName: string;
  readonly points: readonly ViewPoint[];
  readonly segments: readonly ViewSegment[];
  readonly signals: readonly ViewSignal[];
  readonly variation: { type: PointType; side: Side | null; label: string } | null;
  readonly assurance: { value: Assurance; label: string; hint: string } | null;
  /** Classes drawn, in legend order. */
  readonly classes: readonly PointClass[];
  /** Some segment's limits are trial limits. */
  readonly trial: boolean;
  readonly showTwoSigma: boolean;
  /** Input the chart set aside, as sentences. */
  readonly warnings: readonly string[];
  /** The engine refused the input: no chart, this sentence instead. */
  readonly error: string | null;
  /** The chart in words: its text alternative. */
  readonly summary: string;
}

const reasonOf = (text: string | null | undefined) => (text ?? '').trim();

function engineInput(
  points: readonly ChartViewPoint[],
  warnings: string[],
): { input: ChartInputPoint[]; rebases: Rebase[] } {
  const rebases: Rebase[] = [];
  const input = points.map((p, index) => {
    const rebase = reasonOf(p.rebaseReason);
    if (rebase && index === 0) warnings.push('The first point cannot start a re-based segment.');
    else if (rebase) rebases.push({ at: index, reason: rebase });
    const excluded = reasonOf(p.excludedReason);
    const counts =
      p.numerator !== undefined && p.denominator !== undefined
        ? { numerator: p.numerator, denominator: p.denominator }
        : {};
    return {
      period: p.period,
      value: p.value,
      ...counts,
      excluded: excluded ? { reason: excluded } : null,
    };
  });
  return { input, rebases };
}

function baselineFor(options: ChartViewOptions, warnings: string[]): number | null {
  const { baseline } = options;
  if (baseline !== null && baseline !== undefined) {
    if (Number.isInteger(baseline) && baseline >= 1) return baseline;
    warnings.push('The baseline must be a whole number of points, 1 or more; it is ignored.');
  }
  return options.rules === 'mdc' ? MDC_TRIAL_LIMIT_POINTS : null;
}

function viewSegments(chart: Chart): ViewSegment[] {
  return chart.segments.map((s) => {
    const xmr = chart.rules === 'mdc' ? chart.segments[s.index] : undefined;
    const own = chart.signals.filter((g) => g.segment === s.index && SEGMENT_RULES.has(g.rule));
    return {
      index: s.index,
      from: s.from,
      to: s.to,
      reason: s.reason,
      baselineTo: s.baselineTo,
      basedOn: s.basedOn,
      centre: s.centre,
      lower: xmr?.lower ?? null,
      upper: xmr?.upper ?? null,
      lowerTwoSigma: xmr?.lowerTwoSigma ?? null,
      upperTwoSigma: xmr?.upperTwoSigma ?? null,
      trial: xmr?.trial ?? false,
      signals: [...new Set(own.map((g) => g.rule))],
    };
  });
}

function counter(): (present: boolean) => number | null {
  let n = 0;
  return (present) => (present ? ++n : null);
}

function viewPoints(
  chart: Chart,
  points: readonly ChartViewPoint[],
  signals: readonly ViewSignal[],
  segments: readonly ViewSegment[],
): ViewPoint[] {
  const annotation = counter();
  const pdsaMark = counter();
  return chart.points.map((p, index) => {
    const source = points[index];
    const note = (source?.note ?? '').trim();
    const pdsa = source?.pdsa ?? null;
    const cls = pointClass(chart, index, signals);
    // A point lists the signals that mark it. Inside a two-of-three window, Making Data Count
    // (as NHSRplotthedots) marks only the points beyond two sigma; the others list none.
    const marked = cls !== 'common_cause' && cls !== 'excluded';
    return {
      index,
      period: p.period,
      value: p.value,
      centre: p.centre,
      lower: p.lower,
      upper: p.upper,
      lowerTwoSigma: chart.rules === 'mdc' ? (chart.points[index]?.lowerTwoSigma ?? null) : null,
      upperTwoSigma: chart.rules === 'mdc' ? (chart.points[index]?.upperTwoSigma ?? null) : null,
      signals: marked ? p.signals.filter((rule) => !SEGMENT_RULES.has(rule)) : [],
      cls,
      excludedReason: p.excluded?.reason ?? null,
      note,
      pdsa,
      annotation: annotation(note !== ''),
      pdsaMark: pdsaMark(pdsa !== null),
      segment: segments.find((s) => index >= s.from && index <= s.to)?.index ?? 0,
    };
  });
}

function runEngine(
  points: readonly ChartViewPoint[],
  options: ChartViewOptions,
  warnings: string[],
): Chart | string {
  const { input, rebases } = engineInput(points, warnings);
  const baseline = baselineFor(options, warnings);
  try {
    return buildChart(options.rules, input, {
      chart: options.chart ?? null,
      baseline,
      rebases,
      direction: options.direction ?? null,
      target: options.target ?? null,
    });
  } catch (error) {
    if (error instanceof ChartInputError) return error.message;
    throw error;
  }
}

function mdcIcons(chart: Chart | null): Pick<ChartView, 'variation' | 'assurance'> {
  if (chart?.rules !== 'mdc') return { variation: null, assurance: null };
  return {
    variation: chart.variation
      ? {
          type: chart.variation,
          side: chart.variationSide,
          label: variationLabel(chart.variation, chart.variationSide),
        }
      : null,
    assurance: chart.assurance
      ? {
          value: chart.assurance,
          label: ASSURANCE_LABELS[chart.assurance],
          hint: ASSURANCE_HINTS[chart.assurance],
        }
      : null,
  };
}

export function chartView(points: readonly ChartViewPoint[], options: ChartViewOptions): ChartView {
  const warnings: string[] = [];
  const result = runEngine(points, options, warnings);
  const chart = typeof result === 'string' ? null : result;
  const signals = chart ? describedSignals(chart, options.direction ?? null) : [];
  const segments = chart ? viewSegments(chart) : [];
  const viewed = chart ? viewPoints(chart, points, signals, segments) : [];
  const controlChart = options.rules === 'mdc' ? (options.chart ?? 'xmr') : null;
  const view = {
    rules: options.rules,
    chart: controlChart,
    chartName: chartTypeName(options.rules, controlChart),
    title: options.title,
    unit: options.unit ?? '',
    target: options.target ?? null,
    centreName: controlCentreLabel(options.rules, controlChart),
    points: viewed,
    segments,
    signals,
    ...mdcIcons(chart),
    classes: CLASS_ORDER.filter((c) => viewed.some((p) => p.cls === c)),
    trial: segments.some((s) => s.trial),
    showTwoSigma: options.rules === 'mdc' && (options.showTwoSigma ?? false),
    warnings,
    error: typeof result === 'string' ? result : null,
  };
  return { ...view, summary: describeChart(view) };
}
