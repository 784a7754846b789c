/**
 * One form for writing a comment, a reply, an edit or a response: a labelled
 * text box, a send button and a cancel button. A refusal from the server shows
 * under the box in the server's own words, and the box keeps what was written.
 */
import { useEffect, useId, useRef, useState } from 'react';
import { MAX_COMMENT_LENGTH } from '../../../shared/comments';
import { TextareaField } from '../../lib/form-fields';
import { required, useFormSubmit } from '../../lib/use-form-submit';

export interface CommentFormProps {
  readonly label: string;
  readonly hint?: string;
  readonly submitLabel: string;
  /** Said when the box is sent empty. */
  readonly emptyMessage: string;
  readonly initial?: string;
  /** Move focus into the box when the form appears (it was opened on purpose). */
  readonly focusOnOpen?: boolean;
  onSubmit(text: string): Promise<void>;
  onCancel(): void;
}

export function CommentForm(props: CommentFormProps) {
  const { label, hint, submitLabel, emptyMessage, initial = '', focusOnOpen = true } = props;
  const id = useId();
  const [text, setText] = useState(initial);
  const form = useFormSubmit({ body: id, response: id });
  const wrapper = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (!focusOnOpen) return;
    const box = wrapper.current?.querySelector('textarea');
    box?.focus();
    box?.scrollIntoView({ block: 'center' });
  }, [focusOnOpen]);
  const error = form.errors
    ? (form.errors.fields.body ?? form.errors.fields.response ?? form.errors.summary[0]?.text)
    : undefined;
  useEffect(() => {
    if (error) wrapper.current?.querySelector('textarea')?.focus();
  }, [error]);
  const submit = form.handle(
    () => required([['body', text, emptyMessage]]),
    () => props.onSubmit(text.trim()),
  );
  return (
    <form className="comment-form" ref={wrapper} onSubmit={submit} noValidate>
      <TextareaField
        id={id}
        label={label}
        hint={hint}
        value={text}
        maxLength={MAX_COMMENT_LENGTH}
        error={error}
        onChange={setText}
      />
      <div className="comment-actions">
        <button className="nhsuk-button nhsuk-u-margin-bottom-0" type="submit" disabled={form.busy}>
          {submitLabel}
        </button>
        <button
          className="nhsuk-button nhsuk-button--secondary nhsuk-u-margin-bottom-0"
          type="button"
          onClick={props.onCancel}
        >
          Cancel
        </button>
      </div>
    </form>
  );
}
