/**
 * NHS.UK form fields with their label, hint and error message wired together
 * (`aria-describedby`), so that each component is accessible by construction.
 */
import type { ReactNode } from 'react';

interface FieldFrame {
  readonly id: string;
  readonly label: ReactNode;
  readonly hint?: ReactNode;
  readonly error?: string | undefined;
  /** Larger label for a one-question page. */
  readonly labelClass?: string;
}

function describedBy(id: string, hint: unknown, error: unknown): string | undefined {
  const ids = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean);
  return ids.length > 0 ? ids.join(' ') : undefined;
}

function Frame(props: FieldFrame & { children: ReactNode }) {
  const { id, label, hint, error, labelClass, children } = props;
  return (
    <div className={`nhsuk-form-group${error ? ' nhsuk-form-group--error' : ''}`}>
      <label className={`nhsuk-label${labelClass ? ` ${labelClass}` : ''}`} htmlFor={id}>
        {label}
      </label>
      {hint && (
        <div className="nhsuk-hint" id={`${id}-hint`}>
          {hint}
        </div>
      )}
      {error && (
        <span className="nhsuk-error-message" id={`${id}-error`}>
          <span className="nhsuk-u-visually-hidden">Error:</span> {error}
        </span>
      )}
      {children}
    </div>
  );
}

export interface TextFieldProps extends FieldFrame {
  readonly value: string;
  onChange(value: string): void;
  readonly type?: 'text' | 'email' | 'password' | 'date';
  readonly autoComplete?: string;
  readonly inputMode?: 'numeric' | 'text' | 'email';
  /** An `nhsuk-input--width-*` suffix. */
  readonly width?: 2 | 3 | 4 | 5 | 10 | 20 | 30;
  readonly maxLength?: number;
  readonly spellCheck?: boolean;
  /** The id of a `<datalist>` of suggestions. */
  readonly list?: string;
}

export function TextField(props: TextFieldProps) {
  const { id, value, onChange, type = 'text', width, error, hint } = props;
  const classes = [
    'nhsuk-input',
    width ? `nhsuk-input--width-${width}` : '',
    error ? 'nhsuk-input--error' : '',
  ];
  return (
    <Frame {...props}>
      <input
        className={classes.filter(Boolean).join(' ')}
        id={id}
        name={id}
        type={type}
        value={value}
        autoComplete={props.autoComplete}
        inputMode={props.inputMode}
        maxLength={props.maxLength}
        spellCheck={props.spellCheck}
        list={props.list}
        aria-describedby={describedBy(id, hint, error)}
        onChange={(event) => onChange(event.target.value)}
      />
    </Frame>
  );
}

export function TextareaField(
  props: FieldFrame & { value: string; onChange(value: string): void; maxLength?: number },
) {
  const { id, value, onChange, error, hint } = props;
  return (
    <Frame {...props}>
      <textarea
        className={`nhsuk-textarea${error ? ' nhsuk-textarea--error' : ''}`}
        id={id}
        name={id}
        rows={4}
        value={value}
        maxLength={props.maxLength}
        aria-describedby={describedBy(id, hint, error)}
        onChange={(event) => onChange(event.target.value)}
      />
    </Frame>
  );
}

export interface Choice<T extends string> {
  readonly value: T;
  readonly label: string;
  readonly hint?: string;
}

export function SelectField<T extends string>(
  props: FieldFrame & {
    value: T | '';
    choices: ReadonlyArray<Choice<T>>;
    onChange(value: NoInfer<T>): void;
    /** Text of an empty first option that asks the person to choose. */
    placeholder?: string;
  },
) {
  const { id, value, choices, onChange, error, hint, placeholder } = props;
  return (
    <Frame {...props}>
      <select
        className={`nhsuk-select${error ? ' nhsuk-select--error' : ''}`}
        id={id}
        name={id}
        value={value}
        aria-describedby={describedBy(id, hint, error)}
        onChange={(event) => {
          const chosen = choices.find((choice) => choice.value === event.target.value);
          if (chosen) onChange(chosen.value);
        }}
      >
        {placeholder !== undefined && <option value="">{placeholder}</option>}
        {choices.map((choice) => (
          <option key={choice.value} value={choice.value}>
            {choice.label}
          </option>
        ))}
      </select>
    </Frame>
  );
}

export function RadiosField<T extends string>(props: {
  id: string;
  legend: ReactNode;
  hint?: ReactNode;
  error?: string | undefined;
  value: T | '';
  choices: ReadonlyArray<Choice<T>>;
  onChange(value: NoInfer<T>): void;
}) {
  const { id, legend, hint, error, value, choices, onChange } = props;
  return (
    <div className={`nhsuk-form-group${error ? ' nhsuk-form-group--error' : ''}`}>
      <fieldset className="nhsuk-fieldset" aria-describedby={describedBy(id, hint, error)}>
        <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">{legend}</legend>
        {hint && (
          <div className="nhsuk-hint" id={`${id}-hint`}>
            {hint}
          </div>
        )}
        {error && (
          <span className="nhsuk-error-message" id={`${id}-error`}>
            <span className="nhsuk-u-visually-hidden">Error:</span> {error}
          </span>
        )}
        <div className="nhsuk-radios">
          {choices.map((choice, index) => {
            // The first radio carries the group's id, so the error summary can link to it.
            const inputId = index === 0 ? id : `${id}-${choice.value}`;
            return (
              <div className="nhsuk-radios__item" key={choice.value}>
                <input
                  className="nhsuk-radios__input"
                  id={inputId}
                  name={id}
                  type="radio"
                  value={choice.value}
                  checked={value === choice.value}
                  aria-describedby={choice.hint ? `${inputId}-item-hint` : undefined}
                  onChange={() => onChange(choice.value)}
                />
                <label className="nhsuk-label nhsuk-radios__label" htmlFor={inputId}>
                  {choice.label}
                </label>
                {choice.hint && (
                  <div className="nhsuk-hint nhsuk-radios__hint" id={`${inputId}-item-hint`}>
                    {choice.hint}
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
