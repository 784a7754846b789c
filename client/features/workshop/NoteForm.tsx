/**
 * Adding a note, through the personal-data guardrail as a comment is: the lab's rules
 * run on the words before they are sent (the server runs them again, and its refusal
 * is shown the same way); what looks like personal data is explained, with "Remove it"
 * and "Post anyway" with a reason, which is sent along and flagged.
 */
import { type FormEvent, useRef, useState } from 'react';
import { findPersonalData, type PersonalDataFinding } from '../../../shared/personal-data/rules';
import { MAX_NOTE_LENGTH } from '../../../shared/schemas/workshop';
import { PersonalDataNotice } from '../../lib/PersonalDataNotice';
import { findingsOf, usePersonalDataGuard, withoutFindings } from '../../lib/personal-data';

export function NoteForm({
  anonymous,
  send,
  fail,
}: {
  anonymous: boolean;
  /** Sends the note; resolves once it is added. */
  send(text: string, reason?: string): Promise<void>;
  fail(error: unknown): void;
}) {
  const { rules } = usePersonalDataGuard();
  const [note, setNote] = useState('');
  const [findings, setFindings] = useState<PersonalDataFinding[] | null>(null);
  const box = useRef<HTMLTextAreaElement>(null);
  const post = async (text: string, reason?: string) => {
    try {
      await send(text, reason);
      setNote('');
      setFindings(null);
    } catch (error) {
      const found = findingsOf(error, text);
      if (found) setFindings(found);
      else if (reason !== undefined) throw error;
      else fail(error);
    }
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const text = note.trim();
    if (!text) return;
    const found = findPersonalData(text, rules);
    if (found.length > 0) setFindings(found);
    else void post(text);
  };
  return (
    <form className="workshop__note-form" onSubmit={submit}>
      <div className="workshop__row">
        <div className="nhsuk-form-group">
          <label className="nhsuk-label" htmlFor="workshop-note">
            Your note{anonymous ? ' (anonymous to the others)' : ''}
          </label>
          <textarea
            ref={box}
            className="nhsuk-textarea"
            id="workshop-note"
            rows={2}
            maxLength={MAX_NOTE_LENGTH}
            value={note}
            onChange={(event) => {
              setNote(event.target.value);
              setFindings(null);
            }}
          />
        </div>
        <button
          type="submit"
          className="nhsuk-button nhsuk-button--small"
          disabled={findings !== null}
        >
          Add note
        </button>
      </div>
      {findings && (
        <PersonalDataNotice
          findings={findings}
          place="note"
          keepLabel="Post anyway"
          confirmLabel="Post with this reason"
          onRemove={() => {
            setNote(withoutFindings(note.trim(), findings));
            setFindings(null);
            box.current?.focus();
          }}
          onKeep={(reason) => post(note.trim(), reason)}
        />
      )}
    </form>
  );
}
