/** Words for the measure definition's stored choices. */

import { RULE_SET_LABELS } from '../../../shared/charts/chart-labels';
import { CONTROL_CHART_LABELS } from '../../../shared/charts/control-chart-labels';
import { CONTROL_CHARTS, type Direction, type RuleSet } from '../../../shared/charts/index';
import type { RecordedAs } from './measure-data';

export const TYPE_OPTIONS = [
  { value: 'outcome', label: 'Outcome measure' },
  { value: 'process', label: 'Process measure' },
  { value: 'balancing', label: 'Balancing measure' },
] as const;

export const DIRECTION_LABELS: Readonly<Record<Direction, string>> = {
  up: 'Up: higher is better',
  down: 'Down: lower is better',
};

export const RECORDED_AS_LABELS: Readonly<Record<RecordedAs, string>> = {
  values: 'One value per period',
  proportions: 'Numerator and denominator (a proportion)',
};

/** The `chart` field that goes with each rule set, written together with it. */
export const CHART_OF_RULES: Readonly<Record<RuleSet, 'run' | 'xmr'>> = {
  ihi: 'run',
  anhoej: 'run',
  mdc: 'xmr',
};

export const RULE_SET_OPTIONS = (Object.keys(CHART_OF_RULES) as RuleSet[]).map((value) => ({
  value,
  label: RULE_SET_LABELS[value],
}));

export const CONTROL_CHART_OPTIONS = CONTROL_CHARTS.map((value) => ({
  value,
  label: CONTROL_CHART_LABELS[value],
}));

export function typeLabel(type: string | null): string {
  return TYPE_OPTIONS.find((option) => option.value === type)?.label ?? 'Not set';
}
