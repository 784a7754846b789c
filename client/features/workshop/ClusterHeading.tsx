/**
 * A cluster's name, and renaming it by keyboard: "Rename" opens a field holding the
 * name (Enter saves, Escape leaves it as it was); focus then returns to the button, and
 * what happened is said by the board's live region.
 */
import { type KeyboardEvent, useEffect, useRef, useState } from 'react';

const SMALL = 'nhsuk-button nhsuk-button--secondary nhsuk-button--small';

export function ClusterHeading({
  id,
  label,
  editable,
  rename,
}: {
  id: string;
  label: string;
  editable: boolean;
  /** Saves the new name (already trimmed, not empty). */
  rename(label: string): void;
}) {
  const [editing, setEditing] = useState(false);
  const [value, setValue] = useState(label);
  const field = useRef<HTMLInputElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const returnFocus = useRef(false);
  const shown = label || '(unnamed cluster)';
  useEffect(() => {
    if (editing) field.current?.select();
    else if (returnFocus.current) {
      returnFocus.current = false;
      button.current?.focus();
    }
  }, [editing]);
  const close = () => {
    returnFocus.current = true;
    setEditing(false);
  };
  const save = () => {
    const next = value.trim();
    if (next && next !== label) rename(next);
    close();
  };
  const onKey = (event: KeyboardEvent) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      save();
    } else if (event.key === 'Escape') {
      event.preventDefault();
      close();
    }
  };
  return (
    <div className="workshop__cluster-head">
      <h2 id={`cluster-${id}`} className="nhsuk-heading-s">
        {shown}
      </h2>
      {editable && !editing && (
        <button
          ref={button}
          type="button"
          className={SMALL}
          onClick={() => {
            setValue(label);
            setEditing(true);
          }}
        >
          Rename<span className="nhsuk-u-visually-hidden"> cluster “{shown}”</span>
        </button>
      )}
      {editing && (
        <div className="workshop__rename">
          <label className="nhsuk-label" htmlFor={`rename-${id}`}>
            New name for “{shown}”
          </label>
          <div className="nhsuk-hint" id={`rename-${id}-hint`}>
            Enter saves, Escape leaves it as it was.
          </div>
          <input
            ref={field}
            className="nhsuk-input"
            id={`rename-${id}`}
            aria-describedby={`rename-${id}-hint`}
            value={value}
            onChange={(event) => setValue(event.target.value)}
            onKeyDown={onKey}
          />
          <button type="button" className={SMALL} onClick={save}>
            Save name
          </button>
          <button type="button" className={SMALL} onClick={close}>
            Cancel
          </button>
        </div>
      )}
    </div>
  );
}
