/**
 * The measure's data as an editable table, co-edited live: one row per point. Keyboard moves
 * follow `grid-keys.ts`; a paste of several lines (or tab-separated cells) into the period, the
 * numbers or the note fills downward and rightward, adding rows, all checked before anything
 * changes.
 */
import { useId, useRef } from 'react';
import type { Awareness } from 'y-protocols/awareness';
import type * as Y from 'yjs';
import { GridRow } from './GridRow';
import { gridColumns, navigationIndex } from './grid-columns';
import { IssueList } from './IssueList';
import type { PointRow, RecordedAs } from './measure-data';
import { readablePoints } from './point-writes';
import { useGridKeys } from './use-grid-keys';
import type { PdsaCycle } from './use-pdsa-cycles';

export interface PointsGridProps {
  readonly doc: Y.Doc;
  readonly points: readonly PointRow[];
  readonly recordedAs: RecordedAs;
  readonly awareness: Awareness | null;
  readonly cycles: readonly PdsaCycle[];
  /** Says what a paste did, for the page's status line. */
  onStatus(message: string): void;
}

export function PointsGrid(props: PointsGridProps) {
  const { doc, points, recordedAs } = props;
  const columns = gridColumns(recordedAs);
  const navigation = navigationIndex(columns);
  const table = useRef<HTMLTableElement>(null);
  const hintId = useId();
  const { onKeyDown, onPaste, remove, issues } = useGridKeys(table, {
    doc,
    rowCount: points.length,
    recordedAs,
    navigation,
    onStatus: props.onStatus,
  });

  return (
    <>
      <p className="nhsuk-hint" id={hintId}>
        Enter moves down a column and adds a row after the last one; Shift and Enter moves up. The
        arrow keys move between cells. Paste a column copied from a spreadsheet into a cell to fill
        the column downward.
      </p>
      {issues.length > 0 && (
        <IssueList title="Nothing was pasted. Fix these lines and paste again:" issues={issues} />
      )}
      <div className="measure-grid__scroll">
        <table
          ref={table}
          className="measure-grid"
          aria-describedby={hintId}
          data-testid="points-grid"
          onKeyDown={onKeyDown}
          onPaste={onPaste}
        >
          <caption className="nhsuk-u-visually-hidden">Data points, one row per period</caption>
          <thead>
            <tr>
              <th scope="col">Row</th>
              {columns.map((column) => (
                <th scope="col" key={column.key}>
                  {column.header}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {readablePoints(doc).map((map, index) => {
              const point = points[index];
              if (!point) return null;
              return (
                <GridRow
                  key={point.id || index}
                  map={map}
                  point={point}
                  index={index}
                  columns={columns}
                  navigation={navigation}
                  recordedAs={recordedAs}
                  awareness={props.awareness}
                  cycles={props.cycles}
                  onRemove={() => remove(index, navigation.get('remove') ?? 0)}
                />
              );
            })}
          </tbody>
        </table>
      </div>
    </>
  );
}
