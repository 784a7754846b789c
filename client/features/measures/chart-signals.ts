/**
 * Signals as a chart shows them: each engine signal with its class (improvement, concern or
 * neutral) and a sentence, and each point's class. Making Data Count's XmR classes come from the
 * engine; run charts have none there, so a run-chart signal takes its class from its side of the
 * median (a shift) or its way (a trend) against the direction of improvement.
 */

import {
  CLASS_STYLES,
  type PointClass,
  RULE_LABELS,
  SEGMENT_RULES,
} from '../../../shared/charts/chart-labels';
import {
  type Chart,
  type Direction,
  pointType,
  type RuleName,
  type Side,
} from '../../../shared/charts/index';

export interface ModelSignal {
  readonly rule: RuleName;
  readonly from: number;
  readonly to: number;
  readonly segment: number;
  readonly cls: PointClass;
  /** e.g. "Shift: 6 or more points…, 2025-09 to 2026-06 (special cause improvement)". */
  readonly text: string;
}

/** The side of the centre line a run-chart signal is on, or the way a trend goes. */
function runSignalSide(chart: Chart, rule: RuleName, from: number, to: number): Side | null {
  const stretch = chart.points.slice(from, to + 1).filter((p) => !p.excluded);
  if (rule === 'trend') {
    const first = stretch[0]?.value ?? 0;
    const last = stretch[stretch.length - 1]?.value ?? 0;
    return last > first ? 'high' : last < first ? 'low' : null;
  }
  const off = stretch.find((p) => p.centre !== null && p.value !== p.centre);
  if (!off || off.centre === null) return null;
  return off.value > off.centre ? 'high' : 'low';
}

function signalClass(
  chart: Chart,
  rule: RuleName,
  from: number,
  to: number,
  dir: Direction | null,
) {
  if (chart.rules === 'mdc') return chart.points[to]?.type ?? 'special_cause_neutral';
  const side = runSignalSide(chart, rule, from, to);
  return side === null ? 'special_cause_neutral' : pointType(side, dir);
}

export function describedSignals(chart: Chart, direction: Direction | null): ModelSignal[] {
  return chart.signals.map((s) => {
    const cls: PointClass = signalClass(chart, s.rule, s.from, s.to, direction);
    const from = chart.points[s.from]?.period ?? '';
    const to = chart.points[s.to]?.period ?? '';
    const span = s.from === s.to ? from : `${from} to ${to}`;
    const kind = SEGMENT_RULES.has(s.rule) ? '' : ` (${CLASS_STYLES[cls].label.toLowerCase()})`;
    const text = `${RULE_LABELS[s.rule]}, ${span}${kind}`;
    return { rule: s.rule, from: s.from, to: s.to, segment: s.segment, cls, text };
  });
}

/** A run-chart point takes its covering signals' class; mixed classes read as neutral. */
export function pointClass(
  chart: Chart,
  index: number,
  signals: readonly ModelSignal[],
): PointClass {
  const point = chart.points[index];
  if (!point || point.excluded) return 'excluded';
  if (chart.rules === 'mdc') return chart.points[index]?.type ?? 'common_cause';
  const covering = signals.filter(
    (s) => !SEGMENT_RULES.has(s.rule) && index >= s.from && index <= s.to,
  );
  const classes = new Set(covering.map((s) => s.cls));
  if (classes.size === 0) return 'common_cause';
  const [only] = classes;
  return classes.size === 1 && only ? only : 'special_cause_neutral';
}
