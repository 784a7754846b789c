/**
 * The measure definition's choice and number controls, bound to plain values in the item's
 * `fields` map (last writer wins, which suits a choice), each labelled and showing who else is
 * in it. Free-text parts of the definition use the shared `YTextField`.
 */
import { type ReactNode, useId } from 'react';
import type { Awareness } from 'y-protocols/awareness';
import { setActiveField, useFieldVisitors } from '../../lib/field-presence';
import { useNumberDraft } from './use-number-draft';

interface ControlBase {
  readonly label: string;
  readonly hint?: string;
  readonly fieldKey: string;
  readonly awareness: Awareness | null;
}

function FormGroup(
  props: ControlBase & { id: string; error?: string | null; children: ReactNode },
) {
  const visitors = useFieldVisitors(props.awareness, props.fieldKey);
  return (
    <div className={`nhsuk-form-group${props.error ? ' nhsuk-form-group--error' : ''}`}>
      <label className="nhsuk-label" htmlFor={props.id}>
        {props.label}
      </label>
      {(props.hint || visitors.length > 0) && (
        <div className="nhsuk-hint" id={`${props.id}-hint`}>
          {props.hint}
          {visitors.length > 0 && ` ${visitors.map((v) => v.name).join(', ')} editing this.`}
        </div>
      )}
      {props.error && (
        <span className="nhsuk-error-message" id={`${props.id}-error`}>
          <span className="nhsuk-u-visually-hidden">Error:</span> {props.error}
        </span>
      )}
      {props.children}
    </div>
  );
}

function presence(awareness: Awareness | null, fieldKey: string) {
  return {
    onFocus: () => awareness && setActiveField(awareness, fieldKey),
    onBlur: () => awareness && setActiveField(awareness, null),
  };
}

function describedBy(id: string, hint: boolean, error: boolean): string | undefined {
  const ids = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean);
  return ids.length > 0 ? ids.join(' ') : undefined;
}

export function ChoiceControl(
  props: ControlBase & {
    readonly value: string | null;
    readonly options: ReadonlyArray<{ value: string; label: string }>;
    readonly emptyLabel?: string;
    onChange(value: string | null): void;
  },
) {
  const id = useId();
  return (
    <FormGroup {...props} id={id}>
      <select
        className="nhsuk-select"
        id={id}
        value={props.value ?? ''}
        aria-describedby={describedBy(id, Boolean(props.hint), false)}
        onChange={(event) => props.onChange(event.target.value === '' ? null : event.target.value)}
        {...presence(props.awareness, props.fieldKey)}
      >
        {props.emptyLabel !== undefined && <option value="">{props.emptyLabel}</option>}
        {props.options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </FormGroup>
  );
}

export function NumberControl(
  props: ControlBase & {
    readonly value: number | null;
    onChange(value: number | null): void;
    /** Why a number cannot be stored, or null when it can. */
    check?(value: number): string | null;
  },
) {
  const id = useId();
  const { check, onChange } = props;
  const number = useNumberDraft(props.value, (value) => {
    if (value === null || !check?.(value)) onChange(value);
  });
  const parsed = Number(number.draft);
  const error = number.invalid
    ? 'Enter a number'
    : number.draft.trim() !== '' && check
      ? check(parsed)
      : null;
  const { onBlur, onFocus } = presence(props.awareness, props.fieldKey);
  return (
    <FormGroup {...props} id={id} error={error}>
      <input
        className={`nhsuk-input nhsuk-input--width-10${error ? ' nhsuk-input--error' : ''}`}
        id={id}
        type="text"
        inputMode="decimal"
        autoComplete="off"
        value={number.draft}
        aria-describedby={describedBy(id, Boolean(props.hint), Boolean(error))}
        onChange={(event) => number.onChange(event.target.value)}
        onFocus={onFocus}
        onBlur={() => {
          number.onBlur();
          onBlur();
        }}
      />
    </FormGroup>
  );
}
