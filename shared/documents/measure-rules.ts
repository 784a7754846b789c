/**
 * Which chart a measure's document asks for, read the same way by the measure page and the
 * exports: the rule set from its `rules` choice (or the older `chart` choice), and the control
 * chart from its `controlChart` choice.
 */
import { CONTROL_CHARTS, type ControlChart, type RuleSet } from '../charts/types';
import type { FieldValue } from './item-doc';

/**
 * The rule set: `rules` decides (mdc means a control chart); a `chart` choice without rules picks
 * that chart's usual rules; nothing set means an IHI run chart, where IHI suggests starting.
 */
export function ruleSetOf(chart: FieldValue | undefined, rules: FieldValue | undefined): RuleSet {
  if (rules === 'ihi' || rules === 'anhoej' || rules === 'mdc') return rules;
  return chart === 'xmr' ? 'mdc' : 'ihi';
}

/** The control chart chosen, or null when none is stored (older measures, drawn as XmR). */
export function controlChartOf(value: FieldValue | undefined): ControlChart | null {
  return CONTROL_CHARTS.find((chart) => chart === value) ?? null;
}
