/** The editable side of a measure's data: the table, a button to add a row, the paste box and import. */
import { useEffect, useRef } from 'react';
import type { Awareness } from 'y-protocols/awareness';
import type * as Y from 'yjs';
import { CsvImport } from './CsvTransfer';
import type { PointRow, RecordedAs } from './measure-data';
import { PasteRows } from './PasteRows';
import { PointsGrid } from './PointsGrid';
import { addPoint } from './point-writes';
import type { PdsaCycle } from './use-pdsa-cycles';

export interface DataEditorProps {
  readonly doc: Y.Doc;
  readonly rows: readonly PointRow[];
  readonly recordedAs: RecordedAs;
  readonly awareness: Awareness | null;
  readonly cycles: readonly PdsaCycle[];
  onStatus(message: string): void;
}

export function DataEditor(props: DataEditorProps) {
  const { doc, rows, recordedAs, onStatus } = props;
  const wrapper = useRef<HTMLDivElement>(null);
  const focusRow = useRef<number | null>(null);
  // After the render that shows the added row, move the focus to its period.
  useEffect(() => {
    if (focusRow.current === null) return;
    const selector = `[data-grid-row="${focusRow.current}"][data-grid-col="0"]`;
    wrapper.current?.querySelector<HTMLElement>(selector)?.focus();
    focusRow.current = null;
  });
  const addRow = () => {
    focusRow.current = rows.length;
    addPoint(doc);
  };
  return (
    <div ref={wrapper}>
      {rows.length === 0 && <p className="nhsuk-body">No data yet.</p>}
      <PointsGrid
        doc={doc}
        points={rows}
        recordedAs={recordedAs}
        awareness={props.awareness}
        cycles={props.cycles}
        onStatus={onStatus}
      />
      <button type="button" className="nhsuk-button nhsuk-button--secondary" onClick={addRow}>
        Add a row
      </button>
      <PasteRows doc={doc} recordedAs={recordedAs} onStatus={onStatus} />
      <CsvImport doc={doc} rowCount={rows.length} recordedAs={recordedAs} onStatus={onStatus} />
    </div>
  );
}
