/**
 * A measure's chart for a report, from the chart-rules engine with the
 * measure's own settings: a run chart (IHI or Anhøj rules) or a control chart
 * (XmR, p, p′, u, u′, c, g or t; Making Data Count rules, trial limits until 12
 * points, then fixed; limits per point, stepping where they vary), with
 * exclusions and re-based segments. Each point gets a class and each signal a
 * sentence, as the client's chart does, so that every format can show what the
 * chart shows without relying on colour, or on seeing it at all.
 */

import {
  ASSURANCE_LABELS,
  CLASS_STYLES,
  type PointClass,
  RULE_LABELS,
  SEGMENT_RULES,
} from '../../shared/charts/chart-labels';
import { CONTROL_CHART_LABELS, controlCentreLabel } from '../../shared/charts/control-chart-labels';
import {
  type Assurance,
  buildChart,
  type Chart,
  ChartInputError,
  type ChartInputPoint,
  type ControlChart,
  type Direction,
  MDC_TRIAL_LIMIT_POINTS,
  needsDenominators,
  type Rebase,
  type RuleName,
  type RuleSet,
} from '../../shared/charts/index';
import { signalClass } from '../../shared/charts/signal-class';
import { formatNumber } from './format-values';
import type { MeasurePoint } from './report-model';

export interface ChartPointView {
  readonly period: string;
  readonly value: number;
  readonly centre: number | null;
  readonly lower: number | null;
  readonly upper: number | null;
  readonly cls: PointClass;
  /** Rules whose signal covers this point (segment-wide rules left out). */
  readonly signals: readonly RuleName[];
  readonly note: string;
  readonly excluded: string | null;
}

export interface SignalView {
  readonly rule: RuleName;
  /** e.g. "Shift: 6 or more points…, 2026-05 to 2026-11 (special cause improvement)". */
  readonly description: string;
}

export interface MeasureChart {
  readonly rules: RuleSet;
  /** The control chart with the `mdc` rules; null for a run chart. */
  readonly chart: ControlChart | null;
  /** The chart type in words. */
  readonly chartName: string;
  /** What the centre line is (Median, Mean, Overall proportion…). */
  readonly centreName: string;
  readonly title: string;
  readonly unit: string;
  readonly target: number | null;
  readonly points: readonly ChartPointView[];
  readonly signals: readonly SignalView[];
  /** XmR only: fewer than 12 points set the limits. */
  readonly trial: boolean;
  readonly assurance: Assurance | null;
  /** The chart in words: its alternative text. */
  readonly summary: string;
}

export interface ChartInput {
  readonly title: string;
  readonly unit: string;
  readonly rules: RuleSet;
  /** With the `mdc` rules; XmR when absent. */
  readonly controlChart?: ControlChart | null;
  readonly baseline: number | null;
  readonly direction: Direction | null;
  readonly target: number | null;
  readonly points: readonly MeasurePoint[];
}

function run(
  input: ChartInput,
  numeric: ReadonlyArray<MeasurePoint & { value: number }>,
): Chart | null {
  const points: ChartInputPoint[] = numeric.map((p) => ({
    period: p.period,
    value: p.value,
    ...(p.numerator !== undefined && p.denominator !== undefined
      ? { numerator: p.numerator, denominator: p.denominator }
      : {}),
    excluded: p.excluded ? { reason: p.excluded } : null,
  }));
  const chart = input.rules === 'mdc' ? (input.controlChart ?? 'xmr') : null;
  const rebases: Rebase[] = numeric.flatMap((p, at) =>
    at >= 1 && p.rebase ? [{ at, reason: p.rebase }] : [],
  );
  const baseline = input.baseline ?? (input.rules === 'mdc' ? MDC_TRIAL_LIMIT_POINTS : null);
  const options = { chart, baseline, rebases, direction: input.direction, target: input.target };
  try {
    return buildChart(input.rules, points, options);
  } catch (error) {
    if (!(error instanceof ChartInputError)) throw error;
  }
  // Settings the engine refuses (a baseline longer than a segment…): the chart without them.
  try {
    return buildChart(input.rules, points, {
      chart,
      direction: input.direction,
      target: input.target,
    });
  } catch (error) {
    if (error instanceof ChartInputError) return null;
    throw error;
  }
}

/** Null when fewer than two points have a value: there is no variation to show. */
export function measureChart(input: ChartInput): MeasureChart | null {
  const numeric = input.points.filter(
    (p): p is MeasurePoint & { value: number } => p.value !== null,
  );
  if (numeric.length < 2) return null;
  const chart = run(input, numeric);
  if (!chart) return null;
  const described = chart.signals.map((s) => {
    const cls = signalClass(chart, s.rule, s.from, s.to, input.direction);
    const from = chart.points[s.from]?.period ?? '';
    const to = chart.points[s.to]?.period ?? '';
    const span = s.from === s.to ? from : `${from} to ${to}`;
    const kind = SEGMENT_RULES.has(s.rule) ? '' : ` (${CLASS_STYLES[cls].label.toLowerCase()})`;
    return { ...s, cls, description: `${RULE_LABELS[s.rule]}, ${span}${kind}` };
  });
  const points = chart.points.map((p, index): ChartPointView => {
    const covering = described.filter(
      (s) => !SEGMENT_RULES.has(s.rule) && index >= s.from && index <= s.to,
    );
    const classes = new Set(covering.map((s) => s.cls));
    const [only] = classes;
    const runClass: PointClass =
      classes.size === 0
        ? 'common_cause'
        : classes.size === 1 && only
          ? only
          : 'special_cause_neutral';
    return {
      period: p.period,
      value: p.value,
      centre: p.centre,
      lower: p.lower,
      upper: p.upper,
      cls: p.excluded ? 'excluded' : chart.rules === 'mdc' ? (p.type ?? 'common_cause') : runClass,
      signals: covering.map((s) => s.rule),
      note: numeric[index]?.note ?? '',
      excluded: p.excluded?.reason ?? null,
    };
  });
  const controlChart = chart.rules === 'mdc' ? chart.chart : null;
  const base = {
    rules: chart.rules,
    chart: controlChart,
    chartName: chartName(chart.rules, controlChart),
    centreName: controlCentreLabel(chart.rules, controlChart),
    title: input.title,
    unit: input.unit,
    target: input.target,
    points,
    signals: described.map(({ rule, description }) => ({ rule, description })),
    trial: chart.rules === 'mdc' && chart.segments.some((segment) => segment.trial),
    assurance: chart.rules === 'mdc' ? chart.assurance : null,
  };
  return { ...base, summary: describeChart(base) };
}

/** The chart type in words, as reports have always named run and XmR charts. */
function chartName(rules: RuleSet, chart: ControlChart | null): string {
  switch (rules) {
    case 'ihi':
      return 'Run chart (IHI rules)';
    case 'anhoej':
      return 'Run chart (Anhøj rules)';
    case 'mdc':
      return !chart || chart === 'xmr'
        ? 'XmR chart (Making Data Count rules)'
        : `${CONTROL_CHART_LABELS[chart]}, Making Data Count rules`;
    default: {
      const unknown: never = rules;
      throw new RangeError(`unknown rule set ${String(unknown)}`);
    }
  }
}

function describeChart(chart: Omit<MeasureChart, 'summary'>): string {
  const first = chart.points[0];
  const last = chart.points[chart.points.length - 1];
  const unit = chart.unit ? ` ${chart.unit}` : '';
  const parts = [
    `${chart.chartName} of ${chart.title}: ${chart.points.length} points from ${first?.period} to ${last?.period}.`,
  ];
  if (last?.centre !== null && last?.centre !== undefined) {
    const ratio = chart.chart !== null && needsDenominators(chart.chart);
    const stepping =
      ratio && chart.points.some((p) => p.lower !== last.lower || p.upper !== last.upper);
    const limits =
      last.lower !== null && last.upper !== null
        ? ` with ${chart.trial ? 'trial ' : ''}process limits ${stepping ? 'stepping with each denominator, at the latest point ' : ''}${formatNumber(round(last.lower))} to ${formatNumber(round(last.upper))}`
        : '';
    parts.push(`${chart.centreName} ${formatNumber(round(last.centre))}${unit}${limits}.`);
  }
  if (chart.target !== null) parts.push(`Target ${formatNumber(chart.target)}${unit}.`);
  if (last && chart.rules === 'mdc')
    parts.push(`The latest point: ${CLASS_STYLES[last.cls].label.toLowerCase()}.`);
  if (chart.assurance) parts.push(`${ASSURANCE_LABELS[chart.assurance]}.`);
  const excluded = chart.points.filter((p) => p.excluded !== null).length;
  if (excluded > 0)
    parts.push(`${excluded} point${excluded === 1 ? '' : 's'} excluded from the calculations.`);
  parts.push(
    chart.signals.length === 0
      ? 'No signals.'
      : `${chart.signals.length} signal${chart.signals.length === 1 ? '' : 's'}: ${chart.signals.map((s) => s.description).join('; ')}.`,
  );
  return parts.join(' ');
}

/** Three decimals are enough to read a chart; the data table keeps full values. */
export function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
