/**
 * For facilitators: delete the lab's versions older than a date (for data-protection
 * requests). The confirmation says how many versions go before anything is deleted;
 * the result is announced, and the server records it in the audit trail.
 */
import { Api } from '../../../shared/api-routes';
import { useId, useRef, useState } from 'react';
import type { ApiClient } from '../../lib/api';
import { formatDate } from '../../lib/dates';
import { asApiError } from '../../lib/use-api-data';

export function RetentionForm(props: {
  api: ApiClient;
  labId: string;
  /** How many listed versions were taken before the day (YYYY-MM-DD). */
  countBefore: (day: string) => number;
  onDeleted: (deleted: number, day: string) => void;
}) {
  const { api, labId, countBefore, onDeleted } = props;
  const ids = useId();
  const [day, setDay] = useState('');
  const [asking, setAsking] = useState<number | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const confirmHeading = useRef<HTMLHeadingElement>(null);
  const ask = () => {
    setMessage(null);
    setError(null);
    if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) {
      setError('Enter the date as day, month and year');
      return;
    }
    const count = countBefore(day);
    if (count === 0) {
      setMessage(`No versions were taken before ${formatDate(day)}.`);
      return;
    }
    setAsking(count);
    requestAnimationFrame(() => confirmHeading.current?.focus());
  };
  const remove = async () => {
    setBusy(true);
    try {
      const { deleted } = await api.call(Api.labs.deleteVersionsBefore, {
        params: { labId },
        body: { before: day },
      });
      setAsking(null);
      setMessage(
        `Deleted ${deleted} ${deleted === 1 ? 'version' : 'versions'} taken before ${formatDate(day)}.`,
      );
      onDeleted(deleted, day);
    } catch (failure) {
      setError(asApiError(failure).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <section aria-labelledby={`${ids}-heading`} className="app-history__retention">
      <h2 className="nhsuk-heading-m" id={`${ids}-heading`}>
        Delete old versions
      </h2>
      <p className="nhsuk-body">
        For a data-protection request: versions taken before the date are deleted for every item of
        this lab, with text that only they held. The items themselves do not change.
      </p>
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          ask();
        }}
      >
        <div className={`nhsuk-form-group${error ? ' nhsuk-form-group--error' : ''}`}>
          <label className="nhsuk-label" htmlFor={`${ids}-before`}>
            Delete versions older than
          </label>
          {error && (
            <span className="nhsuk-error-message" id={`${ids}-error`}>
              <span className="nhsuk-u-visually-hidden">Error:</span> {error}
            </span>
          )}
          <input
            className={`nhsuk-input nhsuk-input--width-10${error ? ' nhsuk-input--error' : ''}`}
            id={`${ids}-before`}
            type="date"
            value={day}
            aria-describedby={error ? `${ids}-error` : undefined}
            onChange={(event) => {
              setDay(event.target.value);
              setAsking(null);
            }}
          />
        </div>
        <button className="nhsuk-button nhsuk-button--secondary" type="submit">
          Delete versions…
        </button>
      </form>
      {asking !== null && (
        <div className="nhsuk-warning-callout" data-testid="retention-confirm">
          <h3 className="nhsuk-warning-callout__label" ref={confirmHeading} tabIndex={-1}>
            <span className="nhsuk-u-visually-hidden">Important: </span>
            Delete {asking} {asking === 1 ? 'version' : 'versions'}?
          </h3>
          <p>
            {asking} {asking === 1 ? 'version' : 'versions'} taken before {formatDate(day)} will be
            deleted, with text that only they held. This cannot be undone.
          </p>
          <div className="app-history__confirm">
            <button
              className="nhsuk-button nhsuk-button--warning app-history__action"
              type="button"
              disabled={busy}
              onClick={() => void remove()}
            >
              Yes, delete {asking} {asking === 1 ? 'version' : 'versions'}
            </button>
            <button
              className="nhsuk-button nhsuk-button--secondary app-history__action"
              type="button"
              onClick={() => setAsking(null)}
            >
              Cancel
            </button>
          </div>
        </div>
      )}
      <div role="status" data-testid="retention-result">
        {message && <p className="nhsuk-body">{message}</p>}
      </div>
    </section>
  );
}
