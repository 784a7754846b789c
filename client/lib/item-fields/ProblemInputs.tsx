/**
 * A problem statement's inputs bound to its document's fields map: text fields
 * (Y.Text, so two people typing merge), value fields (choices, numbers, dates)
 * and the aim's parts together. The problem page uses them, and so does the
 * driver diagram's aim panel, on the problem's own document: the aim has one
 * source wherever it is edited.
 */
import { useEffect, useReducer } from 'react';
import type { Awareness } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { fieldsMap } from '../../../shared/documents/item-doc';
import { KINDS } from '../../../shared/documents/item-kinds';
import { YTextField } from '../YTextField';
import {
  AIM_TEXT_FIELDS,
  AIM_UNIT_FIELD,
  AIM_VALUE_FIELDS,
  AIM_WHEN_FIELDS,
  DIRECTION_LABELS,
  type FieldHint,
} from './aim-fields';
import { ValueField } from './ChoiceField';

const SPEC = KINDS.problem.fields;
export const problemFieldLabel = (name: string) => SPEC[name]?.label ?? name;

/**
 * Re-renders when keys of `map` are set, not at each keystroke inside them: a
 * field's Y.Text arrives with the first sync, after the page has drawn.
 */
function useMapKeys(map: Y.Map<unknown>): void {
  const [, bump] = useReducer((n: number) => n + 1, 0);
  useEffect(() => {
    map.observe(bump);
    return () => map.unobserve(bump);
  }, [map]);
}

export function TextFields(props: {
  doc: Y.Doc;
  fields: readonly FieldHint[];
  awareness: Awareness | null;
  multiline?: boolean;
}) {
  const map = fieldsMap(props.doc);
  useMapKeys(map);
  return props.fields.map(({ name, hint }) => {
    const text = map.get(name);
    if (!(text instanceof Y.Text)) return null;
    return (
      <YTextField
        key={name}
        text={text}
        fieldKey={`fields.${name}`}
        label={problemFieldLabel(name)}
        {...(hint ? { hint } : {})}
        awareness={props.awareness}
        editable
        multiline={props.multiline ?? false}
      />
    );
  });
}

function ValueFields(props: { doc: Y.Doc; names: readonly string[]; awareness: Awareness | null }) {
  const map = fieldsMap(props.doc);
  return props.names.map((name) => {
    const spec = SPEC[name];
    if (!spec || spec.type === 'text') return null;
    return (
      <ValueField
        key={name}
        map={map}
        name={name}
        spec={spec}
        awareness={props.awareness}
        editable
        fieldKey={`fields.${name}`}
        optionLabels={DIRECTION_LABELS}
      />
    );
  });
}

/** Every part of the aim, in the order the sentence reads them. */
export function AimFields({ doc, awareness }: { doc: Y.Doc; awareness: Awareness | null }) {
  return (
    <fieldset className="nhsuk-fieldset">
      <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">Parts of the aim</legend>
      <TextFields doc={doc} fields={AIM_TEXT_FIELDS} awareness={awareness} />
      <ValueFields doc={doc} names={AIM_VALUE_FIELDS} awareness={awareness} />
      <TextFields doc={doc} fields={[AIM_UNIT_FIELD]} awareness={awareness} />
      <ValueFields doc={doc} names={AIM_WHEN_FIELDS} awareness={awareness} />
    </fieldset>
  );
}
