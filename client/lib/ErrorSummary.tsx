/**
 * The NHS.UK error summary. It takes focus each time a new set of errors arrives
 * (so a screen reader reads it at once) and marks the page title with "Error:".
 * Its links move focus to the field they name.
 */
import { useEffect, useRef } from 'react';
import type { FormErrors } from './form-errors';

const PREFIX = 'Error: ';

export function ErrorSummary({ errors }: { errors: FormErrors | null }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!errors) return;
    ref.current?.focus();
    if (!document.title.startsWith(PREFIX)) document.title = `${PREFIX}${document.title}`;
    return () => {
      if (document.title.startsWith(PREFIX)) document.title = document.title.slice(PREFIX.length);
    };
  }, [errors]);
  if (!errors || errors.summary.length === 0) return null;
  return (
    <div className="nhsuk-error-summary" ref={ref} tabIndex={-1}>
      <div role="alert">
        <h2 className="nhsuk-error-summary__heading">There is a problem</h2>
        <div className="nhsuk-error-summary__body">
          <ul className="nhsuk-list nhsuk-error-summary__list">
            {errors.summary.map((problem) => (
              <li key={`${problem.fieldId ?? ''}:${problem.text}`}>
                {problem.fieldId ? (
                  <a
                    href={`#${problem.fieldId}`}
                    onClick={(event) => {
                      const field = problem.fieldId && document.getElementById(problem.fieldId);
                      if (!field) return;
                      event.preventDefault();
                      field.focus();
                      field.scrollIntoView({ block: 'center' });
                    }}
                  >
                    {problem.text}
                  </a>
                ) : (
                  problem.text
                )}
              </li>
            ))}
          </ul>
        </div>
      </div>
    </div>
  );
}
