/**
 * The data table's key and paste handling, on the table for all its cells: keyboard moves from
 * `grid-keys.ts` (adding a row from the last one), and spreadsheet pastes planned by `paste.ts`
 * and written in one change. After the render that shows an added or removed row, the focus goes
 * where the move asked.
 */
import { type ClipboardEvent, type KeyboardEvent, type RefObject, useState } from 'react';
import type * as Y from 'yjs';
import type { CsvIssue } from '../../../shared/charts/csv';
import { useAfterCommit } from '../../lib/use-after-commit';
import { pasteColumns, TEXT_COLUMNS } from './grid-columns';
import { type ControlKind, gridMove } from './grid-keys';
import type { RecordedAs } from './measure-data';
import { planGridPaste } from './paste';
import { addPoint, applyCellWrites, removePoint } from './point-writes';

type Cell = { row: number; col: number };

function cellOf(
  target: EventTarget,
): (Cell & { control: ControlKind; element: HTMLElement }) | null {
  if (!(target instanceof HTMLElement)) return null;
  const { gridRow, gridCol, gridControl } = target.dataset;
  if (gridRow === undefined || gridCol === undefined || gridControl === undefined) return null;
  const control = gridControl as ControlKind;
  return { row: Number(gridRow), col: Number(gridCol), control, element: target };
}

function caret(element: HTMLElement): { atStart: boolean; atEnd: boolean } {
  if (!(element instanceof HTMLInputElement) || element.type !== 'text') {
    return { atStart: true, atEnd: true };
  }
  const { selectionStart: start, selectionEnd: end, value } = element;
  return {
    atStart: start === 0 && end === 0,
    atEnd: start === value.length && end === value.length,
  };
}

export interface GridKeysOptions {
  readonly doc: Y.Doc;
  readonly rowCount: number;
  readonly recordedAs: RecordedAs;
  /** Keyboard column number of each column key. */
  readonly navigation: ReadonlyMap<string, number>;
  onStatus(message: string): void;
}

export function useGridKeys(table: RefObject<HTMLTableElement | null>, options: GridKeysOptions) {
  const { doc, rowCount, recordedAs, navigation } = options;
  const after = useAfterCommit();
  const [issues, setIssues] = useState<CsvIssue[]>([]);

  const focusCell = ({ row, col }: Cell) => {
    const selector = `[data-grid-row="${row}"][data-grid-col="${col}"]`;
    const element = table.current?.querySelector<HTMLElement>(selector);
    element?.focus();
    if (element instanceof HTMLInputElement && element.type === 'text') element.select();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTableElement>) => {
    const cell = cellOf(event.target);
    if (!cell) return;
    const { atStart, atEnd } = caret(cell.element);
    const modified = event.ctrlKey || event.altKey || event.metaKey;
    const key = { key: event.key, shiftKey: event.shiftKey, modified, control: cell.control };
    const size = { rows: rowCount, cols: navigation.size };
    const move = gridMove(
      { ...key, caretAtStart: atStart, caretAtEnd: atEnd },
      cell.row,
      cell.col,
      size,
      true,
    );
    if (!move) return;
    event.preventDefault();
    if (move.kind === 'focus') return focusCell(move);
    addPoint(doc);
    after(() => focusCell({ row: rowCount, col: move.col }));
  };

  const onPaste = (event: ClipboardEvent<HTMLTableElement>) => {
    const cell = cellOf(event.target);
    if (!cell) return;
    const key = [...navigation].find(([, col]) => col === cell.col)?.[0];
    const fillable = pasteColumns(recordedAs);
    const start = fillable.findIndex((c) => c.key === key);
    const text = event.clipboardData.getData('text/plain');
    const plan = start < 0 ? null : planGridPaste(text, cell.row, start, fillable, rowCount);
    if (!plan) return;
    event.preventDefault();
    setIssues(plan.ok ? [] : plan.issues);
    if (!plan.ok) return;
    applyCellWrites(doc, plan.writes, plan.rowsToAdd, TEXT_COLUMNS);
    const last = Math.max(...plan.writes.map((w) => w.row));
    options.onStatus(`Pasted into rows ${cell.row + 1} to ${last + 1}.`);
  };

  const remove = (index: number, col: number) => {
    removePoint(doc, index);
    if (rowCount > 1) after(() => focusCell({ row: Math.min(index, rowCount - 2), col }));
  };

  return { onKeyDown, onPaste, remove, issues };
}
