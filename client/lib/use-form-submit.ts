/**
 * The submit cycle of a form: check what the page can check, send, and turn a
 * refusal into form errors. A second submit while one is in flight is ignored.
 */
import { type FormEvent, useRef, useState } from 'react';
import { apiFormErrors, checkErrors, type FieldIds, type FormErrors } from './form-errors';

export interface FormSubmit {
  readonly errors: FormErrors | null;
  readonly busy: boolean;
  /** For a form's `onSubmit`: runs `check`, then `send` if it found no problems. */
  handle(
    check: () => Record<string, string>,
    send: () => Promise<void>,
  ): (event: FormEvent) => Promise<void>;
  clear(): void;
}

export function useFormSubmit(fieldIds: FieldIds): FormSubmit {
  const [errors, setErrors] = useState<FormErrors | null>(null);
  const [busy, setBusy] = useState(false);
  const inFlight = useRef(false);
  return {
    errors,
    busy,
    handle: (check, send) => async (event) => {
      event.preventDefault();
      if (inFlight.current) return;
      const problems = check();
      if (Object.keys(problems).length > 0) {
        setErrors(checkErrors(problems, fieldIds));
        return;
      }
      inFlight.current = true;
      setBusy(true);
      try {
        await send();
        setErrors(null);
      } catch (error) {
        setErrors(apiFormErrors(error, fieldIds));
      } finally {
        inFlight.current = false;
        setBusy(false);
      }
    },
    clear: () => setErrors(null),
  };
}

/** Empty-field checks: each `[field, value, message]` whose value is blank is a problem. */
export function required(
  entries: ReadonlyArray<readonly [field: string, value: string, message: string]>,
): Record<string, string> {
  const problems: Record<string, string> = {};
  for (const [field, value, message] of entries) if (!value.trim()) problems[field] = message;
  return problems;
}
