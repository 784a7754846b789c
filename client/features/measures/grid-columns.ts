/**
 * The data table's columns for a measure recorded as values or as numerator and denominator:
 * what each holds, its heading, whether the keyboard can land in it, and which columns a paste
 * from a spreadsheet fills (left to right, in this order).
 */
import type { RecordedAs } from './measure-data';
import type { GridColumn } from './paste';

export type CellKind = 'period' | 'number' | 'text' | 'excluded' | 'pdsa' | 'proportion' | 'remove';

export interface ColumnDef {
  /** The row's column in the document (`remove` and `proportion` are not stored). */
  readonly key: string;
  readonly header: string;
  /** The cell's name before ", row N". */
  readonly label: string;
  readonly kind: CellKind;
}

/** Text columns of a point row (the rest are plain values). */
export const TEXT_COLUMNS: ReadonlySet<string> = new Set([
  'period',
  'note',
  'excludedReason',
  'rebaseReason',
]);

export function gridColumns(recordedAs: RecordedAs): ColumnDef[] {
  const numbers: ColumnDef[] =
    recordedAs === 'values'
      ? [{ key: 'value', header: 'Value', label: 'Value', kind: 'number' }]
      : [
          { key: 'numerator', header: 'Numerator', label: 'Numerator', kind: 'number' },
          { key: 'denominator', header: 'Denominator', label: 'Denominator', kind: 'number' },
          { key: 'proportion', header: 'Proportion', label: 'Proportion', kind: 'proportion' },
        ];
  return [
    { key: 'period', header: 'Period', label: 'Period', kind: 'period' },
    ...numbers,
    { key: 'note', header: 'Note (shown on the chart)', label: 'Note', kind: 'text' },
    { key: 'excluded', header: 'Excluded', label: 'Excluded', kind: 'excluded' },
    {
      key: 'excludedReason',
      header: 'Reason for excluding',
      label: 'Reason for excluding',
      kind: 'text',
    },
    { key: 'pdsaId', header: 'After PDSA cycle', label: 'PDSA cycle', kind: 'pdsa' },
    {
      key: 'rebaseReason',
      header: 'Re-base from here: reason',
      label: 'Re-base reason',
      kind: 'text',
    },
    { key: 'remove', header: 'Actions', label: 'Remove', kind: 'remove' },
  ];
}

/** The keyboard's column number of each column; null for a column with no control. */
export function navigationIndex(columns: readonly ColumnDef[]): Map<string, number> {
  const index = new Map<string, number>();
  for (const column of columns) {
    if (column.kind !== 'proportion') index.set(column.key, index.size);
  }
  return index;
}

/** The columns a spreadsheet paste fills, in order: period, the numbers, then the note. */
export function pasteColumns(recordedAs: RecordedAs): GridColumn[] {
  return gridColumns(recordedAs)
    .filter((c) => c.kind === 'period' || c.kind === 'number' || c.key === 'note')
    .map((c) => ({ key: c.key, label: c.label, kind: c.kind === 'number' ? 'number' : 'text' }));
}
