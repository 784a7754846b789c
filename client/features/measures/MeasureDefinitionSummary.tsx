/** The measure's definition as text, for people who may read it but not change it. */

import { formatNumber } from '../../../shared/charts/chart-number';
import { CONTROL_CHART_LABELS } from '../../../shared/charts/control-chart-labels';
import type { RuleSet } from '../../../shared/charts/index';
import {
  DIRECTION_LABELS,
  RECORDED_AS_LABELS,
  RULE_SET_OPTIONS,
  typeLabel,
} from './definition-labels';
import type { MeasureDefinition } from './measure-data';

function row(key: string, value: string) {
  return (
    <div className="nhsuk-summary-list__row" key={key}>
      <dt className="nhsuk-summary-list__key">{key}</dt>
      <dd className="nhsuk-summary-list__value">{value || 'Not set'}</dd>
    </div>
  );
}

export function MeasureDefinitionSummary(props: { definition: MeasureDefinition; title: string }) {
  const { definition } = props;
  const rules: RuleSet = definition.rules;
  return (
    <dl className="nhsuk-summary-list" data-testid="measure-definition">
      {row('Name', props.title)}
      {row('Type of measure', typeLabel(definition.type))}
      {row('Operational definition', definition.definition)}
      {row('Unit', definition.unit)}
      {row('Frequency', definition.frequency)}
      {row(
        'Direction of improvement',
        definition.direction ? DIRECTION_LABELS[definition.direction] : '',
      )}
      {row('Target', definition.target === null ? '' : formatNumber(definition.target))}
      {row('Data recorded as', RECORDED_AS_LABELS[definition.recordedAs])}
      {row('Chart and rules', RULE_SET_OPTIONS.find((o) => o.value === rules)?.label ?? '')}
      {rules === 'mdc' && row('Control chart', CONTROL_CHART_LABELS[definition.controlChart])}
      {row(
        'Baseline points',
        definition.baseline === null ? 'Default' : formatNumber(definition.baseline),
      )}
    </dl>
  );
}
