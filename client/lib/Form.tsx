/**
 * The one building block of the client's forms: the values with their field
 * ids, the submit cycle (`use-form-submit.ts`: check, send, the server's refusal
 * as form errors), and the markup every form repeats: the error summary above
 * the form (focused, linking to the fields), `noValidate` so the page's own
 * checks speak in its words, and the submit button, disabled while the form is
 * being sent. Fields take `form.field(name)`: their id, value, change handler
 * and error at once.
 */
import { type FormEvent, type ReactNode, useState } from 'react';
import { ErrorSummary } from './ErrorSummary';
import { type FormSubmit, useFormSubmit } from './use-form-submit';

export interface BoundField<T> {
  readonly id: string;
  readonly value: T;
  onChange(value: T): void;
  readonly error: string | undefined;
}

export interface FormState<V extends object> extends FormSubmit {
  readonly values: V;
  set<K extends keyof V>(name: K, value: V[K]): void;
  /** Puts values back (all of them, or the ones given) after a form has done its work. */
  reset(values?: Partial<V>): void;
  /** One field's id, value, change handler and error, for a field component's props. */
  field<K extends keyof V & string>(name: K): BoundField<V[K]>;
}

/**
 * A form's state. `ids` names each value's input (what the error summary links
 * to; ids of other inputs the server may name can be added to it).
 */
export function useForm<V extends object>(
  ids: { readonly [K in keyof V]: string } & Readonly<Record<string, string>>,
  initial: V,
): FormState<V> {
  const [values, setValues] = useState<V>(initial);
  const submit = useFormSubmit(ids);
  const set = <K extends keyof V>(name: K, value: V[K]) =>
    setValues((current) => ({ ...current, [name]: value }));
  return {
    ...submit,
    values,
    set,
    reset: (next) => setValues((current) => ({ ...current, ...initial, ...next })),
    field: (name) => ({
      id: ids[name],
      value: values[name],
      onChange: (value) => set(name, value),
      error: submit.errors?.fields[name],
    }),
  };
}

export interface FormProps {
  readonly form: FormSubmit;
  /** `form.handle(check, send)`. */
  onSubmit(event: FormEvent): void;
  /** The submit button's words. */
  readonly submit: string;
  /** A secondary button, for a form that is not the page's main action. */
  readonly secondary?: boolean;
  /** A warning button, for a form that deletes something for good. */
  readonly warning?: boolean;
  /** A form laid out on one line (beside the thing it changes). */
  readonly inline?: boolean;
  readonly smallButton?: boolean;
  readonly children: ReactNode;
  /** After the submit button, inside the form (a cancel link, say). */
  readonly after?: ReactNode;
  readonly 'aria-labelledby'?: string;
  readonly 'aria-label'?: string;
}

export function Form(props: FormProps) {
  const { form, onSubmit, submit, secondary, warning, inline, smallButton, children, after } =
    props;
  const button = [
    'nhsuk-button',
    secondary ? 'nhsuk-button--secondary' : '',
    warning ? 'nhsuk-button--warning' : '',
    smallButton ? 'nhsuk-button--small' : '',
  ];
  return (
    <>
      <ErrorSummary errors={form.errors} />
      <form
        className={inline ? 'app-inline-form' : undefined}
        onSubmit={onSubmit}
        noValidate
        aria-labelledby={props['aria-labelledby']}
        aria-label={props['aria-label']}
      >
        {children}
        <button
          className={button.filter(Boolean).join(' ')}
          type="submit"
          disabled={form.busy}
          aria-disabled={form.busy}
        >
          {submit}
        </button>
        {after}
      </form>
    </>
  );
}
