/**
 * A measure's chart for a report: its data points handed to the chart view-model the measure
 * page draws (`shared/charts/chart-view.ts`), with the measure's own settings, so that every
 * format shows the points' classes, the signals and the summary in the page's words.
 */

import { type ChartView, type ChartViewPoint, chartView } from '../../shared/charts/chart-view';
import type { ControlChart, Direction, RuleSet } from '../../shared/charts/types';
import type { MeasurePoint } from './report-model';

interface ChartInput {
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

/** Null when fewer than two points have a value: there is no variation to show. */
export function measureChart(input: ChartInput): ChartView | null {
  const points = input.points.flatMap((p, i): ChartViewPoint[] =>
    p.value === null
      ? []
      : [
          {
            // A row without a period is named by its place, as the measure page names it.
            period: p.period || `Row ${i + 1}`,
            value: p.value,
            ...(p.numerator !== undefined && p.denominator !== undefined
              ? { numerator: p.numerator, denominator: p.denominator }
              : {}),
            excludedReason: p.excluded,
            note: p.note,
            rebaseReason: p.rebase,
            pdsa: p.pdsa ?? null,
          },
        ],
  );
  if (points.length < 2) return null;
  return chartView(points, {
    rules: input.rules,
    chart: input.rules === 'mdc' ? (input.controlChart ?? 'xmr') : null,
    title: input.title,
    unit: input.unit,
    direction: input.direction,
    target: input.target,
    baseline: input.baseline,
  });
}
