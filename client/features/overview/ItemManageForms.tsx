/**
 * The forms that change one item from the overview: rename, sharing (for
 * facilitators) and archive with a confirmation. Each control's accessible name
 * says which item it is for, since a list holds many of them.
 */
import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { Limits } from '../../../shared/limits';
import { SHARING_STATES, type SharingState } from '../../../shared/roles';
import { SHARING_LABELS } from '../../lib/labels';
import type { ItemChange } from './item-changes';

const SMALL = 'nhsuk-button nhsuk-button--secondary nhsuk-button--small app-table-button';

export interface ManageProps {
  readonly title: string;
  onChange(change: ItemChange): Promise<boolean>;
}

export function RenameForm({ title, onChange }: ManageProps) {
  const id = useId();
  const [value, setValue] = useState(title);
  const [problem, setProblem] = useState<string | null>(null);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const next = value.trim();
    if (next === '') {
      setProblem('Enter a title');
      return;
    }
    setProblem(null);
    if (next !== title) await onChange({ type: 'rename', title: next });
  };
  return (
    <form className="app-manage-form" onSubmit={submit} noValidate>
      <div className={`nhsuk-form-group${problem ? ' nhsuk-form-group--error' : ''}`}>
        <label className="nhsuk-label" htmlFor={id}>
          Title<span className="nhsuk-u-visually-hidden"> of {title}</span>
        </label>
        {problem && (
          <span className="nhsuk-error-message" id={`${id}-error`}>
            <span className="nhsuk-u-visually-hidden">Error:</span> {problem}
          </span>
        )}
        <input
          id={id}
          className={`nhsuk-input nhsuk-input--width-20${problem ? ' nhsuk-input--error' : ''}`}
          type="text"
          maxLength={Limits.maxTitleLength}
          value={value}
          aria-describedby={problem ? `${id}-error` : undefined}
          onChange={(event) => setValue(event.target.value)}
        />
      </div>
      <button className={SMALL} type="submit">
        Rename<span className="nhsuk-u-visually-hidden"> {title}</span>
      </button>
    </form>
  );
}

export function SharingForm({ title, sharing, onChange }: ManageProps & { sharing: SharingState }) {
  const id = useId();
  const [value, setValue] = useState<SharingState>(sharing);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (value !== sharing) await onChange({ type: 'sharing', sharing: value });
  };
  return (
    <form className="app-manage-form" onSubmit={submit}>
      <div className="nhsuk-form-group">
        <label className="nhsuk-label" htmlFor={id}>
          Sharing<span className="nhsuk-u-visually-hidden"> of {title}</span>
        </label>
        <select
          id={id}
          className="nhsuk-select"
          value={value}
          onChange={(event) => {
            const chosen = SHARING_STATES.find((state) => state === event.target.value);
            if (chosen) setValue(chosen);
          }}
        >
          {SHARING_STATES.map((state) => (
            <option key={state} value={state}>
              {SHARING_LABELS[state]}
            </option>
          ))}
        </select>
      </div>
      <button className={SMALL} type="submit">
        Save sharing<span className="nhsuk-u-visually-hidden"> of {title}</span>
      </button>
    </form>
  );
}

export function ArchiveControl({ title, onChange }: ManageProps) {
  const [asking, setAsking] = useState(false);
  const answered = useRef(false);
  const archive = useRef<HTMLButtonElement>(null);
  const confirm = useRef<HTMLDivElement>(null);
  // Focus follows the question and the answer, so both are read out and usable from the keyboard.
  useEffect(() => {
    if (answered.current) (asking ? confirm : archive).current?.focus();
  }, [asking]);
  const ask = (next: boolean) => {
    answered.current = true;
    setAsking(next);
  };
  if (!asking) {
    return (
      <button ref={archive} className={SMALL} type="button" onClick={() => ask(true)}>
        Archive<span className="nhsuk-u-visually-hidden"> {title}</span>
      </button>
    );
  }
  return (
    <div
      className="app-confirm"
      ref={confirm}
      tabIndex={-1}
      data-testid="archive-item-confirmation"
    >
      <p className="nhsuk-body-s">
        Archive “{title}”? It will be listed under Archived items, where it can be restored.
      </p>
      <button
        className="nhsuk-button nhsuk-button--warning nhsuk-button--small app-table-button"
        type="button"
        onClick={() => void onChange({ type: 'archive', archived: true })}
      >
        Yes, archive “{title}”
      </button>{' '}
      <button className={SMALL} type="button" onClick={() => ask(false)}>
        Cancel
      </button>
    </div>
  );
}
