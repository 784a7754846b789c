/** A choice, number or date field stored as a plain value in the item's `fields` map. */
import { useId } from 'react';
import type { Awareness } from 'y-protocols/awareness';
import type * as Y from 'yjs';
import type { FieldSpec } from '../../../shared/documents/item-kinds';
import { setActiveField, useFieldVisitors } from '../field-presence';
import { useYChanges } from '../y-hooks';

export interface ValueFieldProps {
  readonly map: Y.Map<unknown>;
  readonly name: string;
  readonly spec: Exclude<FieldSpec, { type: 'text' }>;
  readonly awareness: Awareness | null;
  readonly editable: boolean;
  readonly fieldKey: string;
  /** Labels for choice options; the option itself when missing. */
  readonly optionLabels?: Readonly<Record<string, string>>;
}

export function ValueField({
  map,
  name,
  spec,
  awareness,
  editable,
  fieldKey,
  optionLabels = {},
}: ValueFieldProps) {
  useYChanges(map);
  const id = useId();
  const visitors = useFieldVisitors(awareness, fieldKey);
  const raw = map.get(name);
  const value = raw === null || raw === undefined ? '' : String(raw);
  const set = (next: string) => {
    if (spec.type === 'number') map.set(name, next === '' ? null : Number(next));
    else map.set(name, next === '' ? null : next);
  };
  const presence = {
    onFocus: () => awareness && setActiveField(awareness, fieldKey),
    onBlur: () => awareness && setActiveField(awareness, null),
  };
  return (
    <div className="nhsuk-form-group y-field">
      <label className="nhsuk-label" htmlFor={id}>
        {spec.label}
      </label>
      {visitors.length > 0 && (
        <div className="nhsuk-hint y-field__visitors">
          {visitors.map((v) => v.name).join(', ')} editing this
        </div>
      )}
      {spec.type === 'choice' ? (
        <select
          className="nhsuk-select"
          id={id}
          value={value}
          disabled={!editable}
          onChange={(e) => set(e.target.value)}
          {...presence}
        >
          <option value="">Not set</option>
          {spec.options.map((option) => (
            <option key={option} value={option}>
              {optionLabels[option] ?? option}
            </option>
          ))}
        </select>
      ) : (
        <input
          className={`nhsuk-input${spec.type === 'number' ? ' nhsuk-input--width-10' : ' nhsuk-input--width-10'}`}
          id={id}
          type={spec.type === 'number' ? 'number' : spec.type === 'date' ? 'date' : 'text'}
          step={spec.type === 'number' ? 'any' : undefined}
          value={value}
          readOnly={!editable}
          onChange={(e) => {
            if (
              spec.type !== 'number' ||
              e.target.value === '' ||
              Number.isFinite(Number(e.target.value))
            )
              set(e.target.value);
          }}
          {...presence}
        />
      )}
    </div>
  );
}
