/**
 * The comment box with @mentions for staff: typing "@" and the start of a name
 * lists the lab's members who may be mentioned, as a listbox popup the box controls
 * (`aria-autocomplete="list"`, the option under the arrow keys as the box's active
 * descendant, so focus stays in the text). Up and down choose, Enter or Tab picks,
 * Escape closes; a click picks too. A status line says how many people match.
 */
import { type KeyboardEvent, useId, useRef, useState } from 'react';
import { type Mentionable, mentionQueryAt } from '../../../shared/mentions';

const MAX_SHOWN = 8;

export interface MentionTextareaProps {
  readonly id: string;
  readonly label: string;
  readonly hint?: string;
  readonly error?: string | undefined;
  readonly value: string;
  readonly maxLength: number;
  readonly people: readonly Mentionable[];
  onChange(value: string): void;
}

function matching(people: readonly Mentionable[], query: string): Mentionable[] {
  const wanted = query.toLowerCase();
  const starts = people.filter((each) => each.name.toLowerCase().startsWith(wanted));
  const within = people.filter(
    (each) => !starts.includes(each) && each.name.toLowerCase().includes(wanted),
  );
  return [...starts, ...within].slice(0, MAX_SHOWN);
}

export function MentionTextarea(props: MentionTextareaProps) {
  const { id, label, hint, error, value, people } = props;
  const listId = useId();
  const box = useRef<HTMLTextAreaElement>(null);
  const [caret, setCaret] = useState<number | null>(null);
  const [active, setActive] = useState(0);
  const [dismissedAt, setDismissedAt] = useState<number | null>(null);
  const query = caret === null ? null : mentionQueryAt(value, caret);
  const matches = query ? matching(people, query.query) : [];
  const open = query !== null && matches.length > 0 && dismissedAt !== query.start;
  const current = Math.min(active, Math.max(0, matches.length - 1));
  const optionId = (index: number) => `${listId}-option-${index}`;

  const follow = (element: HTMLTextAreaElement) => {
    setCaret(element.selectionStart === element.selectionEnd ? element.selectionStart : null);
  };
  const pick = (person: Mentionable) => {
    if (!query || caret === null) return;
    const inserted = `@${person.name} `;
    const next = value.slice(0, query.start) + inserted + value.slice(caret);
    const at = query.start + inserted.length;
    props.onChange(next);
    setCaret(at);
    setActive(0);
    requestAnimationFrame(() => {
      box.current?.focus();
      box.current?.setSelectionRange(at, at);
    });
  };
  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (!open) return;
    const chosen = matches[current];
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((current + step + matches.length) % matches.length);
    } else if ((event.key === 'Enter' || event.key === 'Tab') && chosen) {
      event.preventDefault();
      pick(chosen);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      setDismissedAt(query?.start ?? null);
    }
  };
  const describedBy = [`${id}-hint`, error ? `${id}-error` : null].filter(Boolean).join(' ');
  return (
    <div className={`nhsuk-form-group${error ? ' nhsuk-form-group--error' : ''}`}>
      <label className="nhsuk-label" htmlFor={id}>
        {label}
      </label>
      <div className="nhsuk-hint" id={`${id}-hint`}>
        {hint ? `${hint} ` : ''}Type @ and a name to mention someone in the lab: they are told.
      </div>
      {error && (
        <span className="nhsuk-error-message" id={`${id}-error`}>
          <span className="nhsuk-u-visually-hidden">Error:</span> {error}
        </span>
      )}
      <div className="mention-box">
        <textarea
          ref={box}
          className={`nhsuk-textarea${error ? ' nhsuk-textarea--error' : ''}`}
          id={id}
          name={id}
          rows={4}
          value={value}
          maxLength={props.maxLength}
          aria-describedby={describedBy}
          aria-autocomplete="list"
          aria-controls={open ? listId : undefined}
          aria-activedescendant={open ? optionId(current) : undefined}
          onChange={(event) => {
            props.onChange(event.target.value);
            follow(event.target);
            setActive(0);
          }}
          onSelect={(event) => follow(event.currentTarget)}
          onKeyDown={onKeyDown}
          onBlur={() => setCaret(null)}
        />
        {open && (
          <div className="mention-list" id={listId} role="listbox" aria-label="People to mention">
            {matches.map((person, index) => (
              // biome-ignore lint/a11y/useKeyWithClickEvents: the keys act in the text box, which keeps focus (aria-activedescendant); a click is the pointer's way to pick
              <div
                key={person.id}
                id={optionId(index)}
                role="option"
                tabIndex={-1}
                aria-selected={index === current}
                className={`mention-option${index === current ? ' mention-option--active' : ''}`}
                // Keeps focus (and the caret) in the box while the pointer picks.
                onMouseDown={(event) => event.preventDefault()}
                onClick={() => pick(person)}
              >
                {person.name}
              </div>
            ))}
          </div>
        )}
      </div>
      <p className="nhsuk-u-visually-hidden" role="status">
        {open
          ? `${matches.length} ${matches.length === 1 ? 'person matches' : 'people match'}. Up and down arrows to choose, Enter to pick.`
          : ''}
      </p>
    </div>
  );
}
