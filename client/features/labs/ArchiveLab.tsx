/**
 * Archiving a lab, with a confirmation step. Archiving keeps everything and
 * moves the lab to "Archived labs"; there is no way back in the API yet.
 */
import { Api } from '../../../shared/api-routes';
import { useEffect, useRef, useState } from 'react';
import type { Lab } from '../../../shared/schemas/api-responses';
import type { ApiClient } from '../../lib/api';
import { ErrorSummary } from '../../lib/ErrorSummary';
import { apiFormErrors, type FormErrors } from '../../lib/form-errors';

export function ArchiveLab(props: { api: ApiClient; lab: Lab; onArchived(lab: Lab): void }) {
  const { api, lab, onArchived } = props;
  const [confirming, setConfirming] = useState(false);
  const [errors, setErrors] = useState<FormErrors | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const start = useRef<HTMLButtonElement>(null);
  const asked = useRef(false);
  // Focus follows the step: to the question when asked, back to the button on cancel.
  useEffect(() => {
    if (confirming) {
      asked.current = true;
      heading.current?.focus();
    } else if (asked.current) {
      start.current?.focus();
    }
  }, [confirming]);
  if (lab.archived) {
    return (
      <div className="nhsuk-inset-text">
        <p>This lab is archived.</p>
      </div>
    );
  }
  const archive = async () => {
    try {
      onArchived((await api.call(Api.labs.archive, { params: { labId: lab.id } })).lab);
    } catch (error) {
      setErrors(apiFormErrors(error, {}));
    }
  };
  return (
    <section aria-labelledby="archive-heading">
      <h2 className="nhsuk-heading-m" id="archive-heading">
        Archive this lab
      </h2>
      {confirming ? (
        <div className="nhsuk-warning-callout" data-testid="archive-confirmation">
          <h3 className="nhsuk-warning-callout__label" ref={heading} tabIndex={-1}>
            <span className="nhsuk-u-visually-hidden">Important: </span>
            Are you sure you want to archive {lab.title}?
          </h3>
          <p>Its work is kept and members can still open it, but it moves to “Archived labs”.</p>
          <ErrorSummary errors={errors} />
          <div className="nhsuk-button-group">
            <button className="nhsuk-button nhsuk-button--warning" type="button" onClick={archive}>
              Yes, archive this lab
            </button>
            <button
              className="nhsuk-button nhsuk-button--secondary"
              type="button"
              onClick={() => setConfirming(false)}
            >
              Cancel
            </button>
          </div>
        </div>
      ) : (
        <>
          <p>When the lab’s work is finished and shared, archive it.</p>
          <button
            className="nhsuk-button nhsuk-button--secondary"
            type="button"
            ref={start}
            onClick={() => setConfirming(true)}
          >
            Archive lab
          </button>
        </>
      )}
    </section>
  );
}
