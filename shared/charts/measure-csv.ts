/**
 * Measure data as CSV: `period,value` or `period,numerator,denominator`, with a header row. This
 * is a boundary (a file someone exported, a paste), so every row is checked here and each
 * problem names its line; what comes out is ready for the chart engine. Rows stay in file order,
 * which is taken to be time order. Blank lines at the end are ignored; a blank line between rows
 * is reported, since it usually means a missing period.
 */

import { type CsvIssue, type CsvRecord, isBlank, parseCsv } from './csv';
import { proportionProblem } from './proportions';
import type { ChartInputPoint } from './types';

export const VALUE_HEADER = ['period', 'value'] as const;
export const PROPORTION_HEADER = ['period', 'numerator', 'denominator'] as const;

export type MeasureKind = 'values' | 'proportions';

export interface MeasureCsv {
  kind: MeasureKind;
  points: ChartInputPoint[];
  /** The file line of each point, for messages about a point found later. */
  lines: number[];
}

export type MeasureCsvResult = { ok: true; data: MeasureCsv } | { ok: false; issues: CsvIssue[] };

/** Reporting stops after this many problems: enough to fix a file without flooding a terminal. */
export const MAX_REPORTED_ISSUES = 20;

const NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

/** A number as written in the file, or the sentence saying why it is not one. */
export function parseNumber(name: string, raw: string): number | string {
  const text = raw.trim();
  if (text === '') {
    return `${name} is empty`;
  }
  if (!NUMBER.test(text)) {
    return `${name} "${raw}" is not a number`;
  }
  const value = Number(text);
  return Number.isFinite(value) ? value : `${name} "${raw}" is too large`;
}

function headerKind(record: CsvRecord): MeasureKind | null {
  const names = record.fields.map((field) => field.trim().toLowerCase()).join(',');
  if (names === VALUE_HEADER.join(',')) {
    return 'values';
  }
  return names === PROPORTION_HEADER.join(',') ? 'proportions' : null;
}

type RowNumbers = { value: number; numerator?: number; denominator?: number };

/** The row's value (and, for proportions and rates, the counts behind it), or why it has none. */
function readValue(kind: MeasureKind, fields: readonly string[]): RowNumbers | string {
  if (kind === 'values') {
    const value = parseNumber('value', fields[1] ?? '');
    return typeof value === 'string' ? value : { value };
  }
  const numerator = parseNumber('numerator', fields[1] ?? '');
  if (typeof numerator === 'string') {
    return numerator;
  }
  const denominator = parseNumber('denominator', fields[2] ?? '');
  if (typeof denominator === 'string') {
    return denominator;
  }
  const problem = proportionProblem(numerator, denominator);
  return problem ? problem.message : { value: numerator / denominator, numerator, denominator };
}

function readRow(kind: MeasureKind, record: CsvRecord): ChartInputPoint | string {
  const header = kind === 'values' ? VALUE_HEADER : PROPORTION_HEADER;
  if (record.fields.length !== header.length) {
    return `expected ${header.length} fields (${header.join(',')}), found ${record.fields.length}`;
  }
  const period = (record.fields[0] ?? '').trim();
  if (period === '') {
    return 'period is empty';
  }
  const value = readValue(kind, record.fields);
  return typeof value === 'string' ? value : { period, ...value };
}

/** Drops blank records at the end of the file (a trailing newline or two). */
function withoutTrailingBlanks(records: readonly CsvRecord[]): CsvRecord[] {
  let end = records.length;
  while (end > 0 && isBlank(records[end - 1] ?? { line: 0, fields: [''] })) {
    end--;
  }
  return records.slice(0, end);
}

function readRows(kind: MeasureKind, rows: readonly CsvRecord[]): MeasureCsvResult {
  const issues: CsvIssue[] = [];
  const points: ChartInputPoint[] = [];
  const lines: number[] = [];
  for (const record of rows) {
    const row = isBlank(record) ? 'empty line between data rows' : readRow(kind, record);
    if (typeof row === 'string') {
      issues.push({ line: record.line, message: row });
    } else {
      points.push(row);
      lines.push(record.line);
    }
    if (issues.length >= MAX_REPORTED_ISSUES) {
      break;
    }
  }
  return issues.length > 0 ? { ok: false, issues } : { ok: true, data: { kind, points, lines } };
}

const failure = (line: number, message: string): MeasureCsvResult => ({
  ok: false,
  issues: [{ line, message }],
});

export function parseMeasureCsv(text: string): MeasureCsvResult {
  const parsed = parseCsv(text);
  if (!parsed.ok) {
    return { ok: false, issues: [parsed.issue] };
  }
  const [header, ...rows] = withoutTrailingBlanks(parsed.records);
  if (!header) {
    return failure(1, 'the file is empty; expected a header row');
  }
  const kind = headerKind(header);
  if (!kind) {
    const expected = `"${VALUE_HEADER.join(',')}" or "${PROPORTION_HEADER.join(',')}"`;
    return failure(header.line, `header must be ${expected}, found "${header.fields.join(',')}"`);
  }
  if (rows.length === 0) {
    return failure(header.line + 1, 'no data rows after the header');
  }
  return readRows(kind, rows);
}
