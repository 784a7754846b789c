import { type FormEvent, useId, useState } from 'react';
import { MAX_NAME_LENGTH, normaliseName } from './identity';

/** Asks for the display name shown to others beside this person's caret. */
export function NameForm({ onSubmit }: { onSubmit: (name: string) => void }) {
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const inputId = useId();
  const errorId = useId();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const cleaned = normaliseName(name);
    if (!cleaned) {
      setError('Enter your name');
      return;
    }
    onSubmit(cleaned);
  };
  return (
    <form onSubmit={submit} noValidate>
      <div className={`nhsuk-form-group${error ? ' nhsuk-form-group--error' : ''}`}>
        <h1 className="nhsuk-label-wrapper">
          <label className="nhsuk-label nhsuk-label--l" htmlFor={inputId}>
            What name should others see?
          </label>
        </h1>
        <div className="nhsuk-hint">
          Shown beside your cursor and in the list of who is here. Kept on this device only.
        </div>
        {error && (
          <span className="nhsuk-error-message" id={errorId}>
            <span className="nhsuk-u-visually-hidden">Error:</span> {error}
          </span>
        )}
        <input
          className={`nhsuk-input nhsuk-input--width-20${error ? ' nhsuk-input--error' : ''}`}
          id={inputId}
          name="displayName"
          type="text"
          autoComplete="name"
          maxLength={MAX_NAME_LENGTH}
          value={name}
          aria-describedby={error ? errorId : undefined}
          onChange={(event) => setName(event.target.value)}
        />
      </div>
      <button className="nhsuk-button" type="submit">
        Continue
      </button>
    </form>
  );
}
