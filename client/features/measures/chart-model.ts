/**
 * Everything a measure's chart shows, computed once from its points and options: the chart
 * engine's result (`shared/charts`) turned into points with their class and signals, segments,
 * described signals, Making Data Count variation and assurance, the text summary and the
 * geometry. The SVG and its data table both render this one model, so they cannot disagree.
 */

import {
  ASSURANCE_HINTS,
  ASSURANCE_LABELS,
  type PointClass,
  SEGMENT_RULES,
  variationLabel,
} from '../../../shared/charts/chart-labels';
import { chartTypeName, controlCentreLabel } from '../../../shared/charts/control-chart-labels';
import {
  type Assurance,
  buildChart,
  type Chart,
  ChartInputError,
  type ChartInputPoint,
  type ControlChart,
  type Direction,
  MDC_TRIAL_LIMIT_POINTS,
  type PointType,
  type Rebase,
  type RuleName,
  type RuleSet,
  type Side,
} from '../../../shared/charts/index';
import { type ChartGeometry, chartGeometry } from './chart-geometry';
import { describedSignals, type ModelSignal, pointClass } from './chart-signals';
import { describeChart } from './chart-summary';

export type { ModelSignal } from './chart-signals';

/** One charted observation. */
export interface MeasureChartPoint {
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

export interface MeasureChartOptions {
  readonly rules: RuleSet;
  /** With the `mdc` rules: which control chart (XmR when absent). */
  readonly chart?: ControlChart | null;
  readonly title: string;
  readonly unit?: string;
  readonly direction?: Direction | null;
  readonly target?: number | null;
  /** Points that set each segment's centre line; XmR charts default to Making Data Count's 12. */
  readonly baseline?: number | null;
  readonly showTwoSigma?: boolean;
}

export interface ModelPoint {
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

export interface ModelSegment {
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
  /** XmR limits set by fewer than 12 points. */
  readonly trial: boolean;
  /** Segment-wide signals (too few runs…). */
  readonly signals: readonly RuleName[];
}

export interface ChartModel {
  readonly rules: RuleSet;
  /** The control chart with the `mdc` rules; null for a run chart. */
  readonly chart: ControlChart | null;
  /** The chart type in words, e.g. "p′ chart (Laney)". */
  readonly chartName: string;
  readonly title: string;
  readonly unit: string;
  readonly target: number | null;
  readonly centreName: string;
  readonly points: readonly ModelPoint[];
  readonly segments: readonly ModelSegment[];
  readonly signals: readonly ModelSignal[];
  readonly variation: { type: PointType; side: Side | null; label: string } | null;
  readonly assurance: { value: Assurance; label: string; hint: string } | null;
  /** Classes drawn, in legend order. */
  readonly classes: readonly PointClass[];
  readonly showTwoSigma: boolean;
  /** Input the chart set aside, as sentences. */
  readonly warnings: readonly string[];
  /** The engine refused the input: no chart, this sentence instead. */
  readonly error: string | null;
  readonly summary: string;
  readonly geometry: ChartGeometry;
}

const reasonOf = (text: string | null | undefined) => (text ?? '').trim();

function engineInput(
  points: readonly MeasureChartPoint[],
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

function baselineFor(options: MeasureChartOptions, warnings: string[]): number | null {
  const { baseline } = options;
  if (baseline !== null && baseline !== undefined) {
    if (Number.isInteger(baseline) && baseline >= 1) return baseline;
    warnings.push('The baseline must be a whole number of points, 1 or more; it is ignored.');
  }
  return options.rules === 'mdc' ? MDC_TRIAL_LIMIT_POINTS : null;
}

function modelSegments(chart: Chart): ModelSegment[] {
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

function modelPoints(
  chart: Chart,
  points: readonly MeasureChartPoint[],
  signals: readonly ModelSignal[],
  segments: readonly ModelSegment[],
): ModelPoint[] {
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

const LEGEND_ORDER: readonly PointClass[] = [
  'common_cause',
  'special_cause_improvement',
  'special_cause_concern',
  'special_cause_neutral',
  'excluded',
];

function runEngine(
  points: readonly MeasureChartPoint[],
  options: MeasureChartOptions,
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

export function chartModel(
  points: readonly MeasureChartPoint[],
  options: MeasureChartOptions,
): ChartModel {
  const warnings: string[] = [];
  const result = runEngine(points, options, warnings);
  const chart = typeof result === 'string' ? null : result;
  const direction = options.direction ?? null;
  const signals = chart ? describedSignals(chart, direction) : [];
  const segments = chart ? modelSegments(chart) : [];
  const modelled = chart ? modelPoints(chart, points, signals, segments) : [];
  const target = options.target ?? null;
  const showTwoSigma = options.rules === 'mdc' && (options.showTwoSigma ?? false);
  const controlChart = options.rules === 'mdc' ? (options.chart ?? 'xmr') : null;
  const base = {
    rules: options.rules,
    chart: controlChart,
    chartName: chartTypeName(options.rules, controlChart),
    title: options.title,
    unit: options.unit ?? '',
    target,
    centreName: controlCentreLabel(options.rules, controlChart),
    points: modelled,
    segments,
    signals,
    variation:
      chart?.rules === 'mdc' && chart.variation
        ? {
            type: chart.variation,
            side: chart.variationSide,
            label: variationLabel(chart.variation, chart.variationSide),
          }
        : null,
    assurance:
      chart?.rules === 'mdc' && chart.assurance
        ? {
            value: chart.assurance,
            label: ASSURANCE_LABELS[chart.assurance],
            hint: ASSURANCE_HINTS[chart.assurance],
          }
        : null,
    classes: LEGEND_ORDER.filter((c) => modelled.some((p) => p.cls === c)),
    showTwoSigma,
    warnings,
    error: typeof result === 'string' ? result : null,
  };
  return {
    ...base,
    summary: describeChart(base),
    geometry: chartGeometry(modelled, segments, target, showTwoSigma),
  };
}
