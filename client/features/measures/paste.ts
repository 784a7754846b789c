/**
 * Reading what people paste from a spreadsheet: a column of cells into the data table (filled
 * downward from the cell pasted into, across columns too when the paste has tabs) and rows of
 * "period, value" into the paste box. Every line is checked first, so a paste either goes in
 * whole or changes nothing and names the lines to fix.
 */
import type { CsvIssue } from '../../../shared/charts/csv';
import { parseNumber } from '../../../shared/charts/measure-csv';
import { proportionProblem } from '../../../shared/charts/proportions';
import type { RecordedAs } from './measure-data';

export interface GridColumn {
  readonly key: string;
  readonly label: string;
  readonly kind: 'text' | 'number';
}

export interface CellWrite {
  /** Row index; rows from the current count on are new rows to add. */
  readonly row: number;
  readonly column: string;
  readonly value: string | number | null;
}

export type PastePlan =
  | { ok: true; writes: CellWrite[]; rowsToAdd: number }
  | { ok: false; issues: CsvIssue[] };

/** Lines of pasted text, without the line end a spreadsheet copy leaves after the last one. */
export function pastedLines(text: string): string[] {
  const lines = text.split(/\r\n|\n|\r/);
  while (lines.length > 0 && (lines[lines.length - 1] ?? '').trim() === '') lines.pop();
  return lines;
}

/** One cell's pasted text as the column stores it, or the sentence saying why it cannot be. */
function cellValue(column: GridColumn, raw: string): string | number | null | { problem: string } {
  if (column.kind === 'text') return raw.trim();
  if (raw.trim() === '') return null;
  const value = parseNumber(column.label.toLowerCase(), raw);
  return typeof value === 'string' ? { problem: value } : value;
}

/**
 * What a paste into cell (`row`, column `col` of `columns`) writes: null when the paste is a
 * single cell (the browser's own paste does that). Lines fill downward and tab-separated
 * cells fill rightward; cells past the last column are an error, not silently dropped.
 */
export function planGridPaste(
  text: string,
  row: number,
  col: number,
  columns: readonly GridColumn[],
  rowCount: number,
): PastePlan | null {
  const lines = pastedLines(text);
  if (lines.length <= 1 && !(lines[0] ?? '').includes('\t')) return null;
  const writes: CellWrite[] = [];
  const issues: CsvIssue[] = [];
  lines.forEach((line, i) => {
    const cells = line.split('\t');
    if (col + cells.length > columns.length) {
      issues.push({ line: i + 1, message: `${cells.length} cells do not fit from this column` });
      return;
    }
    cells.forEach((raw, j) => {
      const column = columns[col + j];
      if (!column) return;
      const value = cellValue(column, raw);
      if (value !== null && typeof value === 'object')
        issues.push({ line: i + 1, message: value.problem });
      else writes.push({ row: row + i, column: column.key, value });
    });
  });
  if (issues.length > 0) return { ok: false, issues };
  return { ok: true, writes, rowsToAdd: Math.max(0, row + lines.length - rowCount) };
}

export interface PastedPoint {
  readonly period: string;
  readonly value: number | null;
  readonly numerator: number | null;
  readonly denominator: number | null;
}

function splitRow(line: string): string[] {
  return (line.includes('\t') ? line.split('\t') : line.split(',')).map((cell) => cell.trim());
}

const HEADERS: Readonly<Record<RecordedAs, string>> = {
  values: 'period,value',
  proportions: 'period,numerator,denominator',
};

function readPastedRow(cells: readonly string[], recordedAs: RecordedAs): PastedPoint | string {
  const expected = recordedAs === 'values' ? 2 : 3;
  if (cells.length !== expected) {
    return `expected ${expected} cells (${HEADERS[recordedAs].replaceAll(',', ', ')}), found ${cells.length}`;
  }
  const [period = '', first = '', second = ''] = cells;
  if (period === '') return 'period is empty';
  if (recordedAs === 'values') {
    const value = parseNumber('value', first);
    return typeof value === 'string'
      ? value
      : { period, value, numerator: null, denominator: null };
  }
  const numerator = parseNumber('numerator', first);
  if (typeof numerator === 'string') return numerator;
  const denominator = parseNumber('denominator', second);
  if (typeof denominator === 'string') return denominator;
  const problem = proportionProblem(numerator, denominator);
  return problem ? problem.message : { period, value: null, numerator, denominator };
}

/**
 * Rows typed or pasted as "period, value" (or "period, numerator, denominator"), comma or tab
 * separated, one per line; blank lines and a header line are skipped.
 */
export function parsePastedRows(
  text: string,
  recordedAs: RecordedAs,
): { ok: true; points: PastedPoint[] } | { ok: false; issues: CsvIssue[] } {
  const points: PastedPoint[] = [];
  const issues: CsvIssue[] = [];
  pastedLines(text).forEach((line, i) => {
    const cells = splitRow(line);
    if (line.trim() === '') return;
    if (i === 0 && cells.join(',').toLowerCase() === HEADERS[recordedAs]) return;
    const row = readPastedRow(cells, recordedAs);
    if (typeof row === 'string') issues.push({ line: i + 1, message: row });
    else points.push(row);
  });
  if (issues.length > 0) return { ok: false, issues };
  if (points.length === 0)
    return { ok: false, issues: [{ line: 1, message: 'there are no rows' }] };
  return { ok: true, points };
}
