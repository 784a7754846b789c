/**
 * Signal bookkeeping shared by every chart: a stable order for the signal list and, per point,
 * which rules' signals cover it.
 */

import type { ChartInputPoint, RuleName, Signal } from './types';

/** Sorted by first point, then last point, then the rule set's own rule order. */
export function sortSignals<R extends RuleName>(
  signals: readonly Signal<R>[],
  ruleOrder: readonly R[],
): Signal<R>[] {
  return [...signals].sort(
    (a, b) =>
      a.from - b.from || a.to - b.to || ruleOrder.indexOf(a.rule) - ruleOrder.indexOf(b.rule),
  );
}

/**
 * For each point, the rules (in rule-set order, no repeats) whose signal spans it. Excluded points
 * take part in no rule, so they carry no signal even inside a signal's span.
 */
export function coverage<R extends RuleName>(
  points: readonly ChartInputPoint[],
  signals: readonly Signal<R>[],
  ruleOrder: readonly R[],
): R[][] {
  return points.map((point, index) => {
    if (point.excluded) {
      return [];
    }
    const rules = new Set<R>();
    for (const signal of signals) {
      if (index >= signal.from && index <= signal.to) {
        rules.add(signal.rule);
      }
    }
    return ruleOrder.filter((rule) => rules.has(rule));
  });
}
