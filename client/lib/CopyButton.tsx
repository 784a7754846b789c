/**
 * Copies a secret or link to the clipboard and says so in a polite live region
 * (present from the start, so that the announcement is not missed).
 */
import { useState } from 'react';

export function CopyButton({
  text,
  label,
  copied,
}: {
  text: string;
  label: string;
  copied: string;
}) {
  const [status, setStatus] = useState<'idle' | 'copied' | 'failed'>('idle');
  const copy = () => {
    navigator.clipboard.writeText(text).then(
      () => setStatus('copied'),
      () => setStatus('failed'),
    );
  };
  return (
    <>
      <button className="nhsuk-button nhsuk-button--secondary" type="button" onClick={copy}>
        {label}
      </button>
      <p className="nhsuk-body-s" role="status" aria-live="polite">
        {status === 'copied' && copied}
        {status === 'failed' && 'Could not copy. Select the text in the box and copy it yourself.'}
      </p>
    </>
  );
}

/** A read-only box showing a value to copy; focusing it selects the whole value. */
export function CopyableValue({ id, label, value }: { id: string; label: string; value: string }) {
  return (
    <div className="nhsuk-form-group">
      <label className="nhsuk-label nhsuk-label--s" htmlFor={id}>
        {label}
      </label>
      <input
        className="nhsuk-input app-copyable"
        id={id}
        type="text"
        readOnly
        value={value}
        spellCheck={false}
        onFocus={(event) => event.target.select()}
      />
    </div>
  );
}
