/** A box to paste or type several rows at once ("period, value"), added after the last row. */
import { type FormEvent, useId, useState } from 'react';
import type * as Y from 'yjs';
import type { CsvIssue } from '../../../shared/charts/csv';
import { IssueList } from './IssueList';
import type { RecordedAs } from './measure-data';
import { parsePastedRows } from './paste';
import { importPoints } from './point-writes';

export interface PasteRowsProps {
  readonly doc: Y.Doc;
  readonly recordedAs: RecordedAs;
  onStatus(message: string): void;
}

export function PasteRows({ doc, recordedAs, onStatus }: PasteRowsProps) {
  const [text, setText] = useState('');
  const [issues, setIssues] = useState<CsvIssue[]>([]);
  const id = useId();
  const columns = recordedAs === 'values' ? 'period, value' : 'period, numerator, denominator';
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const parsed = parsePastedRows(text, recordedAs);
    if (!parsed.ok) {
      setIssues(parsed.issues);
      return;
    }
    importPoints(doc, parsed.points, false);
    setIssues([]);
    setText('');
    const count = parsed.points.length;
    onStatus(`Added ${count} row${count === 1 ? '' : 's'}.`);
  };
  return (
    <form className="measure-paste" onSubmit={submit} noValidate>
      <div className={`nhsuk-form-group${issues.length > 0 ? ' nhsuk-form-group--error' : ''}`}>
        <label className="nhsuk-label" htmlFor={id}>
          Paste rows ({columns})
        </label>
        <div className="nhsuk-hint" id={`${id}-hint`}>
          One row per line, with a comma or a tab between cells, as copied from a spreadsheet. The
          rows are added after the last row.
        </div>
        {issues.length > 0 && (
          <IssueList title="No rows were added. Fix these lines:" issues={issues} />
        )}
        <textarea
          className={`nhsuk-textarea${issues.length > 0 ? ' nhsuk-textarea--error' : ''}`}
          id={id}
          rows={4}
          value={text}
          aria-describedby={`${id}-hint`}
          onChange={(event) => setText(event.target.value)}
        />
      </div>
      <button type="submit" className="nhsuk-button nhsuk-button--secondary">
        Add these rows
      </button>
    </form>
  );
}
