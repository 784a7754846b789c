/** A button for a step that cannot be undone: it asks once more, in place, before acting. */
import { useState } from 'react';

export function ConfirmButton(props: {
  label: string;
  question: string;
  confirmLabel: string;
  onConfirm(): Promise<void>;
}) {
  const [asking, setAsking] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  if (!asking)
    return (
      <button
        type="button"
        className="comment-button comment-button--warning"
        onClick={() => setAsking(true)}
      >
        {props.label}
      </button>
    );
  return (
    // biome-ignore lint/a11y/useSemanticElements: a fieldset would need a legend; this is a short question.
    <div role="group" aria-label={props.question} className="comment-actions">
      <p className="nhsuk-u-margin-bottom-0">{props.question}</p>
      <button
        type="button"
        className="comment-button comment-button--warning"
        onClick={() =>
          props.onConfirm().catch((error: unknown) => {
            setProblem(error instanceof Error ? error.message : 'That did not work. Try again.');
          })
        }
      >
        {props.confirmLabel}
      </button>
      <button type="button" className="comment-button" onClick={() => setAsking(false)}>
        No, keep it
      </button>
      {problem && (
        <p className="nhsuk-error-message" role="alert">
          {problem}
        </p>
      )}
    </div>
  );
}
