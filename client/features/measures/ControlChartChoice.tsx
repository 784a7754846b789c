/**
 * The control chart a measure draws with the Making Data Count rules: the data's suggestion in
 * plain words, a button to take it, and the choice itself, which always wins (a team may know
 * its data are counts with equal opportunity, or times between events, which the data alone do
 * not say).
 */
import type { Awareness } from 'y-protocols/awareness';
import { CONTROL_CHART_LABELS } from '../../../shared/charts/control-chart-labels';
import type { ChartSuggestion, ControlChart } from '../../../shared/charts/index';
import { ChoiceControl } from './DefinitionControls';
import { CONTROL_CHART_OPTIONS } from './definition-labels';

export function ControlChartChoice(props: {
  readonly fieldKey: string;
  readonly awareness: Awareness | null;
  readonly value: ControlChart;
  readonly suggestion: ChartSuggestion;
  onChange(value: string | null): void;
}) {
  const { suggestion } = props;
  return (
    <div className="measure-definition__control-chart" data-testid="control-chart-choice">
      <ChoiceControl
        fieldKey={props.fieldKey}
        awareness={props.awareness}
        label="Control chart"
        hint={`Suggested from the data: ${suggestion.reason}`}
        value={props.value}
        options={CONTROL_CHART_OPTIONS}
        onChange={props.onChange}
      />
      {suggestion.chart !== props.value && (
        <button
          type="button"
          className="nhsuk-button nhsuk-button--secondary nhsuk-button--small"
          onClick={() => props.onChange(suggestion.chart)}
        >
          Use the suggested {CONTROL_CHART_LABELS[suggestion.chart]}
        </button>
      )}
    </div>
  );
}
