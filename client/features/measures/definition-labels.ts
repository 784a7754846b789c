/** Words for the measure definition's stored choices. */

import { RULE_SET_LABELS } from '../../../shared/charts/chart-labels';
import {
  MEASURE_DIRECTION_LABELS,
  MEASURE_TYPE_LABELS,
  RECORDED_AS_LABELS as SHARED_RECORDED_AS,
} from '../../../shared/documents/choice-labels';
import { CONTROL_CHART_LABELS } from '../../../shared/charts/control-chart-labels';
import { CONTROL_CHARTS, type Direction, type RuleSet } from '../../../shared/charts/index';
import type { RecordedAs } from './measure-data';

export const TYPE_OPTIONS = (['outcome', 'process', 'balancing'] as const).map((value) => ({
  value,
  label: MEASURE_TYPE_LABELS[value] ?? value,
}));

export const DIRECTION_LABELS = MEASURE_DIRECTION_LABELS as Readonly<Record<Direction, string>>;

export const RECORDED_AS_LABELS = SHARED_RECORDED_AS as Readonly<Record<RecordedAs, string>>;

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
