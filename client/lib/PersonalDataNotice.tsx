/**
 * What the guardrail says when text looks like personal data: the plain
 * explanation, what it found, "Remove it", and "keep it" with a reason. Used by the
 * comment form (where keeping it means posting anyway) and beside an item's text
 * fields (where it never blocks typing). Buttons only, no form of its own: it sits
 * inside the comment form.
 */
import { useId, useState } from 'react';
import {
  explainFindings,
  kindLabel,
  type PersonalDataPlace,
} from '../../shared/personal-data/explain';
import type { PersonalDataFinding } from '../../shared/personal-data/rules';
import { MAX_FLAG_REASON_LENGTH } from '../../shared/schemas/personal-data';

export interface PersonalDataNoticeProps {
  readonly findings: readonly PersonalDataFinding[];
  readonly place: PersonalDataPlace;
  /** "Post anyway" or "Keep it, with a reason". */
  readonly keepLabel: string;
  /** The button that sends the reason: "Post with this reason", "Keep it". */
  readonly confirmLabel: string;
  onRemove(): void;
  /** Rejects with a sentence to show when keeping failed. */
  onKeep(reason: string): Promise<void>;
}

export function PersonalDataNotice(props: PersonalDataNoticeProps) {
  const { findings, place, keepLabel, confirmLabel, onRemove, onKeep } = props;
  const id = useId();
  const [keeping, setKeeping] = useState(false);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const keep = async () => {
    if (!reason.trim()) {
      setError('Say why it needs to stay');
      return;
    }
    setBusy(true);
    try {
      await onKeep(reason.trim());
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : 'That did not work. Try again.');
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="nhsuk-warning-callout personal-data-notice" data-testid="personal-data-notice">
      <h3 className="nhsuk-warning-callout__label">
        <span>
          <span className="nhsuk-u-visually-hidden">Important: </span>
          Check for personal information
        </span>
      </h3>
      <p className="nhsuk-body-s" id={`${id}-explanation`}>
        {explainFindings(
          findings.map((finding) => finding.kind),
          place,
        )}
      </p>
      <ul className="nhsuk-list nhsuk-body-s">
        {findings.map((finding, index) => (
          // Findings can repeat (the same number twice): their order is their identity here.
          // biome-ignore lint/suspicious/noArrayIndexKey: the list is replaced whole, never reordered
          <li key={index}>
            {kindLabel(finding.kind)}:{' '}
            <span className="personal-data-notice__text">“{finding.text}”</span>
          </li>
        ))}
      </ul>
      {keeping ? (
        <div className={`nhsuk-form-group${error ? ' nhsuk-form-group--error' : ''}`}>
          <label className="nhsuk-label nhsuk-label--s" htmlFor={`${id}-reason`}>
            Why does it need to stay?
          </label>
          <div className="nhsuk-hint" id={`${id}-reason-hint`}>
            The lab’s facilitators will see your reason.
          </div>
          {error && (
            <span className="nhsuk-error-message" id={`${id}-reason-error`}>
              <span className="nhsuk-u-visually-hidden">Error:</span> {error}
            </span>
          )}
          <textarea
            className={`nhsuk-textarea${error ? ' nhsuk-textarea--error' : ''}`}
            id={`${id}-reason`}
            rows={2}
            value={reason}
            maxLength={MAX_FLAG_REASON_LENGTH}
            aria-describedby={`${id}-reason-hint${error ? ` ${id}-reason-error` : ''}`}
            onChange={(event) => {
              setReason(event.target.value);
              setError(null);
            }}
          />
          <div className="personal-data-notice__actions">
            <button
              type="button"
              className="nhsuk-button nhsuk-button--secondary nhsuk-u-margin-bottom-0"
              disabled={busy}
              onClick={() => void keep()}
            >
              {confirmLabel}
            </button>
            <button
              type="button"
              className="nhsuk-button nhsuk-button--secondary nhsuk-u-margin-bottom-0"
              onClick={() => setKeeping(false)}
            >
              Back
            </button>
          </div>
        </div>
      ) : (
        <div className="personal-data-notice__actions">
          <button
            type="button"
            className="nhsuk-button nhsuk-u-margin-bottom-0"
            aria-describedby={`${id}-explanation`}
            onClick={onRemove}
          >
            Remove it
          </button>
          <button
            type="button"
            className="nhsuk-button nhsuk-button--secondary nhsuk-u-margin-bottom-0"
            onClick={() => setKeeping(true)}
          >
            {keepLabel}
          </button>
        </div>
      )}
    </div>
  );
}
