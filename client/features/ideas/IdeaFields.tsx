/**
 * A change idea's structured fields: source, impact, effort, status and owner,
 * and where impact and effort place it on the PICK chart. Editors get the
 * fields (shared live, with who else is in each); readers get the values as a
 * summary list, with no form controls at all.
 */
import type { Awareness } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { fieldsMap, readFields } from '../../../shared/documents/item-doc';
import { KINDS } from '../../../shared/documents/item-kinds';
import { ValueField } from '../../lib/item-fields/ChoiceField';
import { YTextField } from '../../lib/YTextField';
import { useYChanges } from '../../lib/y-hooks';
import {
  EFFORT_LABELS,
  IMPACT_LABELS,
  isIdeaStatus,
  labelOf,
  NOT_SET,
  SOURCE_LABELS,
  STATUS_LABELS,
} from './idea-model';
import {
  PICK_DESCRIPTIONS,
  PICK_LABELS,
  pickQuadrant,
} from '../../../shared/documents/pick-quadrant';

const CHOICES = [
  ['source', SOURCE_LABELS],
  ['impact', IMPACT_LABELS],
  ['effort', EFFORT_LABELS],
  ['status', STATUS_LABELS],
] as const;

function PickPlace({ impact, effort }: { impact: unknown; effort: unknown }) {
  const quadrant = pickQuadrant(impact, effort);
  return (
    <p className="nhsuk-body" data-testid="idea-pick">
      {quadrant ? (
        <>
          On the PICK chart: <strong>{PICK_LABELS[quadrant]}</strong>
          {` (${PICK_DESCRIPTIONS[quadrant]}).`}
        </>
      ) : (
        'Set its impact and effort to place this idea on the PICK chart.'
      )}
    </p>
  );
}

function ReadOnlyFields({ doc }: { doc: Y.Doc }) {
  const fields = readFields(doc, 'idea');
  const value = (name: string) => (typeof fields[name] === 'string' ? String(fields[name]) : null);
  const status = value('status');
  const rows: Array<[string, string]> = [
    ['Source', labelOf(SOURCE_LABELS, value('source'))],
    ['Impact', labelOf(IMPACT_LABELS, value('impact'))],
    ['Effort', labelOf(EFFORT_LABELS, value('effort'))],
    ['Status', isIdeaStatus(status) ? STATUS_LABELS[status] : NOT_SET],
    ['Owner', value('owner')?.trim() || NOT_SET],
  ];
  return (
    <dl className="nhsuk-summary-list" data-testid="idea-fields">
      {rows.map(([label, text]) => (
        <div className="nhsuk-summary-list__row" key={label}>
          <dt className="nhsuk-summary-list__key">{label}</dt>
          <dd className="nhsuk-summary-list__value">{text}</dd>
        </div>
      ))}
    </dl>
  );
}

export function IdeaFields(props: { doc: Y.Doc; awareness: Awareness; editable: boolean }) {
  const { doc, awareness, editable } = props;
  const fields = fieldsMap(doc);
  useYChanges(fields);
  const spec = KINDS.idea.fields;
  const owner = fields.get('owner');
  const place = <PickPlace impact={fields.get('impact')} effort={fields.get('effort')} />;
  if (!editable) {
    return (
      <>
        <ReadOnlyFields doc={doc} />
        {place}
      </>
    );
  }
  return (
    <div className="app-idea-fields">
      {CHOICES.map(([name, labels]) => {
        const field = spec[name];
        if (!field || field.type === 'text') return null;
        return (
          <ValueField
            key={name}
            map={fields}
            name={name}
            spec={field}
            awareness={awareness}
            editable
            fieldKey={`fields.${name}`}
            optionLabels={labels}
          />
        );
      })}
      {place}
      {owner instanceof Y.Text && (
        <YTextField
          text={owner}
          fieldKey="fields.owner"
          label="Owner"
          hint="Who looks after this idea and its tests"
          awareness={awareness}
          editable
        />
      )}
    </div>
  );
}
