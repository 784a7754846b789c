/**
 * Read-only presentation for people who may not edit: a summary list of the
 * worksheet's fields, with free text following the document live.
 */
import type { ReactNode } from 'react';
import type * as Y from 'yjs';
import { useYTextValue } from './y-observe';

/** A Y.Text's current text, or a quiet "Not written yet". */
export function TextValue({
  text,
  empty = 'Not written yet',
}: {
  text: Y.Text | null;
  empty?: string;
}) {
  const value = useYTextValue(text);
  if (value.trim() === '') return <span className="pdsa-empty">{empty}</span>;
  return <span className="pdsa-text">{value}</span>;
}

export interface SummaryRow {
  readonly key: string;
  readonly label: ReactNode;
  readonly value: ReactNode;
}

export function SummaryList({ rows, testId }: { rows: readonly SummaryRow[]; testId?: string }) {
  return (
    <dl className="nhsuk-summary-list" data-testid={testId}>
      {rows.map((row) => (
        <div className="nhsuk-summary-list__row" key={row.key}>
          <dt className="nhsuk-summary-list__key">{row.label}</dt>
          <dd className="nhsuk-summary-list__value">{row.value}</dd>
        </div>
      ))}
    </dl>
  );
}
