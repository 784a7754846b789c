/**
 * Signals as a chart shows them: each engine signal with its class (improvement, concern or
 * neutral, from `signal-class.ts`) and its sentence, and each point's class. Making Data Count's
 * control-chart classes come from the engine; a run-chart point takes the class of the signals
 * covering it.
 */

import { CLASS_STYLES, type PointClass, RULE_LABELS, SEGMENT_RULES } from './chart-labels';
import { signalClass } from './signal-class';
import type { Chart, Direction, RuleName } from './types';

export interface ViewSignal {
  readonly rule: RuleName;
  readonly from: number;
  readonly to: number;
  readonly segment: number;
  readonly cls: PointClass;
  /** e.g. "Shift: 6 or more points…, 2025-09 to 2026-06 (special cause improvement)". */
  readonly text: string;
}

export function describedSignals(chart: Chart, direction: Direction | null): ViewSignal[] {
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
  signals: readonly ViewSignal[],
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
