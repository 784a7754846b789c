/**
 * One form for writing a comment, a reply, an edit or a response: a labelled
 * text box, a send button and a cancel button. A refusal from the server shows
 * under the box in the server's own words, and the box keeps what was written.
 *
 * Before sending, the personal-data rules run on the words (the server runs them
 * again): anything that looks like it could identify a patient is explained under
 * the box, with "Remove it" and "Post anyway" with a reason, which is sent along.
 */
import { useEffect, useId, useRef, useState } from 'react';
import { MAX_COMMENT_LENGTH } from '../../../shared/comments';
import { findPersonalData, type PersonalDataFinding } from '../../../shared/personal-data/rules';
import type { Mentionable } from '../../../shared/mentions';
import { TextareaField } from '../../lib/form-fields';
import { PersonalDataNotice } from '../../lib/PersonalDataNotice';
import { findingsOf, usePersonalDataGuard, withoutFindings } from '../../lib/personal-data';
import { required, useFormSubmit } from '../../lib/use-form-submit';
import { MentionTextarea } from './MentionTextarea';

/** "Post anyway": why words that look like personal data are sent as they are. */
export interface PersonalDataAcknowledgement {
  readonly reason: string;
}

export interface CommentFormProps {
  readonly label: string;
  readonly hint?: string;
  readonly submitLabel: string;
  /** Said when the box is sent empty. */
  readonly emptyMessage: string;
  readonly initial?: string;
  /** Move focus into the box when the form appears (it was opened on purpose). */
  readonly focusOnOpen?: boolean;
  /** Who will read it, for the personal-data explanation: a comment by default. */
  readonly place?: 'comment' | 'response';
  /** Staff: who may be @mentioned (loaded when the form opens); absent for reviewers. */
  readonly mentionable?: (() => Promise<readonly Mentionable[]>) | null;
  onSubmit(text: string, acknowledgement?: PersonalDataAcknowledgement): Promise<void>;
  onCancel(): void;
}

export function CommentForm(props: CommentFormProps) {
  const { label, hint, submitLabel, emptyMessage, initial = '', focusOnOpen = true } = props;
  const place = props.place ?? 'comment';
  const id = useId();
  const [text, setText] = useState(initial);
  const { rules } = usePersonalDataGuard();
  // What looked like personal data when sending was tried; null when nothing did.
  const [findings, setFindings] = useState<PersonalDataFinding[] | null>(null);
  const [removed, setRemoved] = useState(false);
  const form = useFormSubmit({ body: id, response: id });
  const wrapper = useRef<HTMLFormElement>(null);
  const onText = (value: string) => {
    setText(value);
    setFindings(null);
  };
  const [people, setPeople] = useState<readonly Mentionable[] | null>(null);
  const { mentionable } = props;
  useEffect(() => {
    if (!mentionable) return;
    let current = true;
    mentionable().then(
      (found) => current && setPeople(found),
      // Without the list the box still takes text; mentions typed in full still count.
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [mentionable]);
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
  const send = async (acknowledgement?: PersonalDataAcknowledgement) => {
    const words = text.trim();
    try {
      await props.onSubmit(words, acknowledgement);
    } catch (error) {
      // The server's rules found what these did not (or changed since the page loaded).
      const found = findingsOf(error, words);
      if (!found) throw error;
      setFindings(found);
    }
  };
  const submit = form.handle(
    () => required([['body', text, emptyMessage]]),
    async () => {
      const found = findPersonalData(text.trim(), rules);
      setRemoved(false);
      if (found.length > 0) {
        setFindings(found);
        return;
      }
      await send();
    },
  );
  return (
    <form className="comment-form" ref={wrapper} onSubmit={submit} noValidate>
      {people && people.length > 0 ? (
        <MentionTextarea
          id={id}
          label={label}
          hint={hint}
          value={text}
          maxLength={MAX_COMMENT_LENGTH}
          error={error}
          people={people}
          onChange={onText}
        />
      ) : (
        <TextareaField
          id={id}
          label={label}
          hint={hint}
          value={text}
          maxLength={MAX_COMMENT_LENGTH}
          error={error}
          onChange={onText}
        />
      )}
      <p className="nhsuk-u-visually-hidden" role="status">
        {removed ? 'Removed. Check your words, then send them.' : ''}
      </p>
      {findings && (
        <PersonalDataNotice
          findings={findings}
          place={place}
          keepLabel="Post anyway"
          confirmLabel="Post with this reason"
          onRemove={() => {
            setText(withoutFindings(text.trim(), findings));
            setFindings(null);
            setRemoved(true);
            wrapper.current?.querySelector('textarea')?.focus();
          }}
          onKeep={async (reason) => {
            await send({ reason });
            setFindings(null);
          }}
        />
      )}
      <div className="comment-actions">
        <button
          className="nhsuk-button nhsuk-u-margin-bottom-0"
          type="submit"
          disabled={form.busy || findings !== null}
        >
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
