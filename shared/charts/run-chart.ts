/**
 * What the IHI and Anhøj run charts share: the median centre line per segment (frozen on the
 * baseline when one is set), each included point's side of it, and turning the signals a rule set
 * finds into the points and segments a UI draws. The rule sets themselves live in
 * run-chart-ihi.ts and run-chart-anhoej.ts.
 */

import type { Sign } from './patterns';
import { planSegments, type SegmentPlan, valuesAt } from './segments';
import { coverage, sortSignals } from './signals';
import { compareToLine, median } from './stats';
import type {
  AnhoejRule,
  ChartInputPoint,
  IhiRule,
  RunChartPoint,
  RunChartSegment,
  SegmentOptions,
  Signal,
} from './types';

/** One segment as a rule set sees it: the included points' values and sides of the median. */
export interface RunSegmentInput {
  plan: SegmentPlan;
  centre: number | null;
  values: number[];
  sides: Sign[];
}

/** What a rule set reports for a segment; stretches are positions in `RunSegmentInput.values`. */
export interface RunSegmentAnalysis<R, Runs> {
  runs: Runs;
  /** Signals on stretches of included points (positions into the segment's included list). */
  stretches: { rule: R; from: number; to: number }[];
  /** Signals that cover the whole segment. */
  whole: R[];
}

export function runSegmentInputs(
  points: readonly ChartInputPoint[],
  options: SegmentOptions,
): RunSegmentInput[] {
  return planSegments(points, options).map((plan) => {
    const baseValues = valuesAt(points, plan.base);
    const centre = baseValues.length > 0 ? median(baseValues) : null;
    const values = valuesAt(points, plan.included);
    const sides = values.map((value) => (centre === null ? 0 : compareToLine(value, centre)));
    return { plan, centre, values, sides };
  });
}

function segmentSignals<R extends IhiRule | AnhoejRule, Runs>(
  { plan }: RunSegmentInput,
  analysis: RunSegmentAnalysis<R, Runs>,
): Signal<R>[] {
  const onStretches = analysis.stretches.map((stretch) => ({
    rule: stretch.rule,
    from: plan.included[stretch.from] ?? plan.from,
    to: plan.included[stretch.to] ?? plan.to,
    segment: plan.index,
  }));
  const onWhole = analysis.whole.map((rule) => ({
    rule,
    from: plan.from,
    to: plan.to,
    segment: plan.index,
  }));
  return [...onStretches, ...onWhole];
}

function segmentSummary<Runs>(
  { plan, centre }: RunSegmentInput,
  runs: Runs,
): RunChartSegment<Runs> {
  return {
    index: plan.index,
    from: plan.from,
    to: plan.to,
    reason: plan.reason,
    baselineTo: plan.baselineTo,
    basedOn: plan.base.length,
    centre,
    runs,
  };
}

export function assembleRunChart<R extends IhiRule | AnhoejRule, Runs>(
  points: readonly ChartInputPoint[],
  inputs: readonly RunSegmentInput[],
  analyse: (input: RunSegmentInput) => RunSegmentAnalysis<R, Runs>,
  ruleOrder: readonly R[],
): { points: RunChartPoint<R>[]; segments: RunChartSegment<Runs>[]; signals: Signal<R>[] } {
  const analysed = inputs.map((input) => ({ input, analysis: analyse(input) }));
  const segments = analysed.map(({ input, analysis }) => segmentSummary(input, analysis.runs));
  const signals = sortSignals(
    analysed.flatMap(({ input, analysis }) => segmentSignals(input, analysis)),
    ruleOrder,
  );
  const covering = coverage(points, signals, ruleOrder);
  const chartPoints = points.map((point, index): RunChartPoint<R> => {
    const segment = segments.find((s) => index >= s.from && index <= s.to);
    return {
      index,
      period: point.period,
      value: point.value,
      excluded: point.excluded ?? null,
      centre: segment?.centre ?? null,
      lower: null,
      upper: null,
      signals: covering[index] ?? [],
      type: null,
    };
  });
  return { points: chartPoints, segments, signals };
}
