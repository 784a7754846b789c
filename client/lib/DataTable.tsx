/**
 * An NHS.UK responsive table: a normal table on wide screens, and on narrow ones
 * each row becomes a block whose cells repeat their column heading.
 */
import type { ReactNode } from 'react';

export interface DataTableProps {
  readonly caption: ReactNode;
  readonly headings: readonly string[];
  readonly rows: ReadonlyArray<{ readonly key: string; readonly cells: readonly ReactNode[] }>;
  readonly testId?: string;
  /** When a heading just above already says what the table is, its caption is only for screen readers. */
  readonly captionHidden?: boolean;
}

// The explicit roles keep table semantics when narrow screens lay the table out as
// blocks (`display: block` drops them in some browsers); NHS.UK's markup does the same.
// biome-ignore-start lint/a11y/noRedundantRoles: see above
export function DataTable({ caption, headings, rows, testId, captionHidden }: DataTableProps) {
  return (
    <table className="nhsuk-table nhsuk-table--responsive" role="table" data-testid={testId}>
      <caption
        className={
          captionHidden ? 'nhsuk-u-visually-hidden' : 'nhsuk-table__caption nhsuk-table__caption--m'
        }
      >
        {caption}
      </caption>
      <thead className="nhsuk-table__head" role="rowgroup">
        <tr className="nhsuk-table__row" role="row">
          {headings.map((heading) => (
            <th className="nhsuk-table__header" scope="col" role="columnheader" key={heading}>
              {heading}
            </th>
          ))}
        </tr>
      </thead>
      <tbody className="nhsuk-table__body">
        {rows.map((row) => (
          <tr className="nhsuk-table__row" role="row" key={row.key}>
            {row.cells.map((cell, index) => (
              <td className="nhsuk-table__cell" role="cell" key={headings[index] ?? index}>
                <span className="nhsuk-table__heading" aria-hidden="true">
                  {headings[index]}{' '}
                </span>
                {cell}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
// biome-ignore-end lint/a11y/noRedundantRoles: see above
