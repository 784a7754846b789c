/**
 * Changes to a measure's points, each in one Yjs transaction so that a paste or an import
 * reaches everyone as a single change. New rows come from `addRow`, which creates their text
 * columns.
 */
import * as Y from 'yjs';
import { addRow, type FieldValue, list } from '../../../shared/documents/item-doc';
import type { CellWrite, PastedPoint } from './paste';
import { readableRows } from '../../../shared/documents/item-shape';

export const POINTS_LIST = 'points';

export function newRowId(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(8)), (b) =>
    b.toString(16).padStart(2, '0'),
  ).join('');
}

export function pointRows(doc: Y.Doc): Y.Array<Y.Map<unknown>> {
  return list(doc, POINTS_LIST);
}

/**
 * The rows that keep the schema, in order: what the grid shows and what its row numbers
 * count (rows that break it are left out, and the item page says so).
 */
export function readablePoints(doc: Y.Doc): Array<Y.Map<unknown>> {
  return readableRows(doc, POINTS_LIST);
}

/** Removes the point shown at `index` in the grid. */
export function removePoint(doc: Y.Doc, index: number): void {
  const row = readablePoints(doc)[index];
  const position = row ? pointRows(doc).toArray().indexOf(row) : -1;
  if (position >= 0) pointRows(doc).delete(position, 1);
}

export function addPoint(doc: Y.Doc, values: Record<string, FieldValue> = {}): Y.Map<unknown> {
  return addRow(doc, 'measure', POINTS_LIST, newRowId(), values);
}

function pointValues(point: PastedPoint): Record<string, FieldValue> {
  return {
    period: point.period,
    value: point.value,
    numerator: point.numerator,
    denominator: point.denominator,
  };
}

/** Adds the points after the existing ones, or in their place when `replace`. */
export function importPoints(doc: Y.Doc, points: readonly PastedPoint[], replace: boolean): void {
  doc.transact(() => {
    const rows = pointRows(doc);
    if (replace && rows.length > 0) rows.delete(0, rows.length);
    for (const point of points) addPoint(doc, pointValues(point));
  });
}

/**
 * A row's text column. Rows written before a column existed lack its Y.Text; it is created on
 * the first edit. Two people making the first edit of the same old cell at the same moment
 * would keep only one of their Y.Texts, which is why new rows get theirs from `addRow`.
 */
export function rowText(row: Y.Map<unknown>, column: string): Y.Text {
  const existing = row.get(column);
  if (existing instanceof Y.Text) return existing;
  const created = new Y.Text();
  row.set(column, created);
  return created;
}

export function replaceText(text: Y.Text, value: string): void {
  if (text.toString() === value) return;
  text.delete(0, text.length);
  text.insert(0, value);
}

/** A paste planned by `planGridPaste`: rows added first, then every cell written. */
export function applyCellWrites(
  doc: Y.Doc,
  writes: readonly CellWrite[],
  rowsToAdd: number,
  textColumns: ReadonlySet<string>,
): void {
  doc.transact(() => {
    for (let i = 0; i < rowsToAdd; i++) addPoint(doc);
    const rows = readablePoints(doc);
    for (const write of writes) {
      const row = rows[write.row];
      if (!row) continue;
      if (textColumns.has(write.column))
        replaceText(rowText(row, write.column), String(write.value ?? ''));
      else row.set(write.column, write.value);
    }
  });
}
