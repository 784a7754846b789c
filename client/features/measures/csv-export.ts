/**
 * A measure's data as CSV, in the shape the import (and `npm run chart`) reads back:
 * `period,value` or `period,numerator,denominator`. A spreadsheet runs a cell that starts with
 * `=`, `+`, `-`, `@`, a tab or a carriage return (or a look-alike: `shared/csv-formula.ts`) as a
 * formula (CSV injection, OWASP), so such a
 * cell gets a leading `'`, unless it is a plain number such as -3, which a spreadsheet reads as
 * a number and must stay one.
 */

import { PROPORTION_HEADER, VALUE_HEADER } from '../../../shared/charts/measure-csv';
import { neutraliseFormula } from '../../../shared/csv-formula';
import type { PointRow, RecordedAs } from './measure-data';

/** The cell with formula triggers (and their look-alikes) neutralised. */
export function neutralise(cell: string): string {
  return neutraliseFormula(cell, { keepPlainNumbers: true });
}

/** RFC 4180 quoting, after neutralising. */
export function csvCell(raw: string): string {
  const cell = neutralise(raw);
  return /[",\r\n]/.test(cell) || cell !== cell.trim() ? `"${cell.replaceAll('"', '""')}"` : cell;
}

const numberCell = (value: number | null) => (value === null ? '' : String(value));

export function measureCsv(rows: readonly PointRow[], recordedAs: RecordedAs): string {
  const header = recordedAs === 'values' ? VALUE_HEADER : PROPORTION_HEADER;
  const lines = rows.map((row) => {
    const numbers = recordedAs === 'values' ? [row.value] : [row.numerator, row.denominator];
    return [csvCell(row.period), ...numbers.map(numberCell)].join(',');
  });
  return `${[header.join(','), ...lines].join('\r\n')}\r\n`;
}

/** A file name from the measure's title: letters, digits and dashes only. */
export function csvFileName(title: string): string {
  const slug = title
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return `${slug || 'measure'}-data.csv`;
}
