/**
 * Each control chart named in words, for the chart's heading, its summary, the exports and the
 * chart picker; and what its centre line is (a g chart draws the median, p and u charts the
 * overall proportion or rate weighted by the denominators).
 */
import { RULE_SET_LABELS } from './chart-labels';
import type { ControlChart, RuleSet } from './types';

export const CONTROL_CHART_LABELS: Readonly<Record<ControlChart, string>> = {
  xmr: 'XmR chart (SPC)',
  p: 'p chart (proportion)',
  pp: 'p′ chart (proportion, Laney’s adjustment)',
  u: 'u chart (rate per unit)',
  up: 'u′ chart (rate per unit, Laney’s adjustment)',
  c: 'c chart (count)',
  g: 'g chart (cases between rare events)',
  t: 't chart (time between events)',
};

/** The chart type in words: a run chart with its rules, or the control chart drawn. */
export function chartTypeName(rules: RuleSet, chart: ControlChart | null): string {
  if (rules !== 'mdc') return RULE_SET_LABELS[rules];
  return `${CONTROL_CHART_LABELS[chart ?? 'xmr']}, Making Data Count rules`;
}

/** What the centre line of a chart is, for legends and summaries. */
export function controlCentreLabel(rules: RuleSet, chart: ControlChart | null): string {
  if (rules !== 'mdc') return 'Median';
  switch (chart ?? 'xmr') {
    case 'g':
      return 'Median';
    case 'p':
    case 'pp':
      return 'Overall proportion';
    case 'u':
    case 'up':
      return 'Overall rate';
    case 't':
      return 'Centre line';
    default:
      return 'Mean';
  }
}
