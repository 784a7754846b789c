/**
 * "Comment on a particular passage" without selecting with a mouse: choose the
 * paragraph, optionally type the words within it, and continue to the comment.
 */
import { type FormEvent, useEffect, useId, useReducer, useState } from 'react';
import type * as Y from 'yjs';
import { paragraphsOf, passageAnchor } from './passages';
import type { ItemComments } from './use-item-comments';

const SHOWN = 70;

function shorten(text: string): string {
  return text.length > SHOWN ? `${text.slice(0, SHOWN - 1)}…` : text;
}

/** Re-renders when the document changes: paragraphs arrive with sync and change as people edit. */
function useDocChanges(doc: Y.Doc): void {
  const [, bump] = useReducer((n: number) => n + 1, 0);
  useEffect(() => {
    doc.on('update', bump);
    return () => doc.off('update', bump);
  }, [doc]);
}

export function PassagePicker({
  comments,
  onCancel,
}: {
  comments: ItemComments;
  onCancel(): void;
}) {
  useDocChanges(comments.doc);
  const paragraphs = paragraphsOf(comments.doc, comments.kind);
  // Paragraphs have no ids of their own: an option's value is its place in the list.
  const options = paragraphs.map((paragraph, position) => ({ paragraph, value: String(position) }));
  const [index, setIndex] = useState('0');
  const [words, setWords] = useState('');
  const [error, setError] = useState<string | null>(null);
  const id = useId();
  if (paragraphs.length === 0) {
    return <p className="nhsuk-body-s">There is no text to comment on yet.</p>;
  }
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const paragraph = paragraphs[Number(index)];
    const anchor = paragraph ? passageAnchor(paragraph, words) : null;
    if (!anchor) {
      setError('These words are not in that paragraph. Copy them exactly, or leave the box empty.');
      return;
    }
    comments.startComment(anchor);
  };
  return (
    <form className="passage-picker" onSubmit={submit} noValidate aria-labelledby={`${id}-heading`}>
      <h3 className="nhsuk-heading-xs" id={`${id}-heading`}>
        Comment on a particular passage
      </h3>
      <div className="nhsuk-form-group">
        <label className="nhsuk-label" htmlFor={`${id}-paragraph`}>
          Paragraph
        </label>
        <select
          className="nhsuk-select"
          id={`${id}-paragraph`}
          value={index}
          onChange={(e) => setIndex(e.target.value)}
        >
          {options.map(({ paragraph, value }) => (
            <option key={value} value={value}>
              {paragraph.sectionLabel}: {shorten(paragraph.plain)}
            </option>
          ))}
        </select>
      </div>
      <div className={`nhsuk-form-group${error ? ' nhsuk-form-group--error' : ''}`}>
        <label className="nhsuk-label" htmlFor={`${id}-words`}>
          The words you want to comment on (optional)
        </label>
        <div className="nhsuk-hint" id={`${id}-hint`}>
          Leave empty to comment on the whole paragraph.
        </div>
        {error && (
          <span className="nhsuk-error-message" id={`${id}-error`}>
            <span className="nhsuk-u-visually-hidden">Error:</span> {error}
          </span>
        )}
        <input
          className={`nhsuk-input${error ? ' nhsuk-input--error' : ''}`}
          id={`${id}-words`}
          type="text"
          value={words}
          aria-describedby={error ? `${id}-hint ${id}-error` : `${id}-hint`}
          onChange={(e) => setWords(e.target.value)}
        />
      </div>
      <div className="nhsuk-button-group">
        <button type="submit" className="comment-button">
          Continue
        </button>
        <button type="button" className="comment-button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
