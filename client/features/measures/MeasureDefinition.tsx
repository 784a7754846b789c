/**
 * What the measure is (IHI's family of measures): its type, operational definition, unit,
 * frequency, direction of improvement, target, how its data are recorded, the chart and rules,
 * and the baseline, as controls for people who may edit (`MeasureDefinitionSummary` for others).
 */
import type { Awareness } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { type ChartSuggestion, RULE_SETS } from '../../../shared/charts/index';
import { fieldsMap, setFieldValue } from '../../../shared/documents/item-doc';
import { YTextField } from '../../lib/YTextField';
import { ChoiceControl, NumberControl } from './DefinitionControls';
import { ControlChartChoice } from './ControlChartChoice';
import {
  CHART_OF_RULES,
  DIRECTION_LABELS,
  RECORDED_AS_LABELS,
  RULE_SET_OPTIONS,
  TYPE_OPTIONS,
} from './definition-labels';
import type { MeasureDefinition as Definition } from './measure-data';

export interface MeasureDefinitionProps {
  readonly doc: Y.Doc;
  readonly definition: Definition;
  readonly awareness: Awareness | null;
  /** The control chart the data suggest, offered beside the choice. */
  readonly suggestion: ChartSuggestion;
}

const DIRECTION_OPTIONS = (['up', 'down'] as const).map((value) => ({
  value,
  label: DIRECTION_LABELS[value],
}));
const RECORDED_OPTIONS = (['values', 'proportions'] as const).map((value) => ({
  value,
  label: RECORDED_AS_LABELS[value],
}));

const checkBaseline = (value: number) =>
  Number.isInteger(value) && value >= 1 ? null : 'Enter a whole number of points, 1 or more';

function setRules(doc: Y.Doc, value: string | null): void {
  const rules = RULE_SETS.find((r) => r === value);
  doc.transact(() => {
    setFieldValue(doc, 'measure', 'rules', rules ?? null);
    setFieldValue(doc, 'measure', 'chart', rules ? CHART_OF_RULES[rules] : null);
  });
}

function TextPart({
  doc,
  name,
  label,
  hint,
  awareness,
  multiline,
}: {
  doc: Y.Doc;
  name: string;
  label: string;
  hint?: string;
  awareness: Awareness | null;
  multiline?: boolean;
}) {
  const text = fieldsMap(doc).get(name);
  if (!(text instanceof Y.Text)) return null;
  return (
    <YTextField
      text={text}
      fieldKey={`fields.${name}`}
      label={label}
      hint={hint}
      awareness={awareness}
      editable
      multiline={multiline}
    />
  );
}

type PartProps = MeasureDefinitionProps & {
  set(name: string): (value: string | number | null) => void;
  common(name: string): { fieldKey: string; awareness: Awareness | null };
};

/** What is measured: the family-of-measures type and the operational definition. */
function WhatIsMeasured({ doc, definition, awareness, set, common }: PartProps) {
  return (
    <>
      <ChoiceControl
        {...common('type')}
        label="Type of measure"
        value={definition.type}
        options={TYPE_OPTIONS}
        emptyLabel="Not set"
        onChange={set('type')}
      />
      <TextPart
        doc={doc}
        name="definition"
        label="Operational definition"
        hint="Exactly what is counted, from which source, how often: clear enough that two people would get the same number."
        awareness={awareness}
        multiline
      />
      <TextPart
        doc={doc}
        name="unit"
        label="Unit"
        hint="For example: falls per 1,000 occupied bed days"
        awareness={awareness}
      />
      <TextPart
        doc={doc}
        name="frequency"
        label="Frequency"
        hint="For example: weekly, monthly"
        awareness={awareness}
      />
    </>
  );
}

/** How it is judged and charted: direction, target, data shape, rules and baseline. */
function HowItIsCharted({ doc, definition, suggestion, set, common }: PartProps) {
  return (
    <>
      <ChoiceControl
        {...common('direction')}
        label="Direction of improvement"
        value={definition.direction}
        options={DIRECTION_OPTIONS}
        emptyLabel="Not set"
        onChange={set('direction')}
      />
      <NumberControl
        {...common('target')}
        label="Target"
        value={definition.target}
        onChange={set('target')}
      />
      <ChoiceControl
        {...common('recordedAs')}
        label="Data recorded as"
        value={definition.recordedAs}
        options={RECORDED_OPTIONS}
        onChange={set('recordedAs')}
      />
      <ChoiceControl
        {...common('rules')}
        label="Chart and rules"
        value={definition.rules}
        options={RULE_SET_OPTIONS}
        onChange={(value) => setRules(doc, value)}
      />
      {definition.rules === 'mdc' && (
        <ControlChartChoice
          {...common('controlChart')}
          value={definition.controlChart}
          suggestion={suggestion}
          onChange={set('controlChart')}
        />
      )}
      <NumberControl
        {...common('baseline')}
        label="Baseline points"
        hint="How many points at the start set the centre line, which is then frozen and extended. Leave empty to use every point (run charts) or Making Data Count’s 12 (control charts)."
        value={definition.baseline}
        onChange={set('baseline')}
        check={checkBaseline}
      />
    </>
  );
}

export function MeasureDefinitionForm(props: MeasureDefinitionProps) {
  const { doc, awareness } = props;
  const parts: PartProps = {
    ...props,
    set: (name) => (value) => setFieldValue(doc, 'measure', name, value),
    common: (name) => ({ fieldKey: `fields.${name}`, awareness }),
  };
  return (
    <div className="measure-definition">
      <p className="nhsuk-body">The measure’s name is the item’s title.</p>
      <WhatIsMeasured {...parts} />
      <HowItIsCharted {...parts} />
    </div>
  );
}
