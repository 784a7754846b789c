/**
 * A choice stored as a plain value in the cycle's `fields` map, as NHS.UK radios.
 * The "not yet" option clears the field, so a choice can always be taken back.
 */
import { useId } from 'react';
import type { Awareness } from 'y-protocols/awareness';
import { type FieldValue, fieldsMap } from '../../../shared/documents/item-doc';
import { presenceHandlers, useVisitorNote, VisitorNote } from './FieldVisitors';
import type { ChoiceOption } from './pdsa-words';
import { fieldKey, type StageProps, valueField } from './stage-props';

export interface RadioFieldProps {
  readonly stage: StageProps;
  readonly name: string;
  readonly legend: string;
  readonly options: readonly ChoiceOption[];
  readonly inline?: boolean;
}

export function RadioField({ stage, name, legend, options, inline = false }: RadioFieldProps) {
  const id = useId();
  const awareness: Awareness = stage.provider.awareness;
  const key = fieldKey(name);
  const current: FieldValue = valueField(stage.doc, name);
  const note = useVisitorNote(awareness, key);
  const set = (value: string | null) => fieldsMap(stage.doc).set(name, value);
  return (
    <div className="nhsuk-form-group">
      <fieldset className="nhsuk-fieldset" aria-describedby={note ? `${id}-visitors` : undefined}>
        <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">{legend}</legend>
        <VisitorNote note={note} id={`${id}-visitors`} />
        <div className={`nhsuk-radios${inline ? ' nhsuk-radios--inline' : ''}`}>
          {options.map((option, index) => {
            const optionId = `${id}-${index}`;
            const checked = option.value === null ? !current : current === option.value;
            return (
              <div className="nhsuk-radios__item" key={option.value ?? 'none'}>
                <input
                  className="nhsuk-radios__input"
                  id={optionId}
                  name={id}
                  type="radio"
                  value={option.value ?? ''}
                  checked={checked}
                  aria-describedby={option.hint ? `${optionId}-hint` : undefined}
                  onChange={() => set(option.value)}
                  {...presenceHandlers(awareness, key)}
                />
                <label className="nhsuk-label nhsuk-radios__label" htmlFor={optionId}>
                  {option.label}
                </label>
                {option.hint && (
                  <div className="nhsuk-hint nhsuk-radios__hint" id={`${optionId}-hint`}>
                    {option.hint}
                  </div>
                )}
              </div>
            );
          })}
        </div>
      </fieldset>
    </div>
  );
}
