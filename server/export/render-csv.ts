/**
 * Measure data as CSV (RFC 4180: comma-separated, CRLF line ends, fields quoted
 * when they hold a comma, quote or line break, quotes doubled), one row per
 * data point: measure, period, value, note. A spreadsheet would run a text cell
 * starting with =, +, -, @, tab or carriage return (or a look-alike: see
 * `shared/csv-formula.ts`) as a formula, so such cells
 * get a leading apostrophe (OWASP's advice). Values are numbers we format
 * ourselves and are left as numbers, negative ones included.
 */
import { neutraliseFormula } from '../../shared/csv-formula';
import type { MeasureReport } from './report-model';

/** A text cell a spreadsheet will show as text, never evaluate (look-alikes included). */
export function neutralise(text: string): string {
  return neutraliseFormula(text);
}

export function csvField(field: string): string {
  return /[",\r\n]/.test(field) ? `"${field.replace(/"/g, '""')}"` : field;
}

function csvRow(fields: readonly string[]): string {
  return fields.map(csvField).join(',');
}

export const CSV_HEADER = ['measure', 'period', 'value', 'note'] as const;

/**
 * The points of every measure given, in order. Starts with a UTF-8 byte order
 * mark so Excel reads names with accents correctly.
 */
export function renderMeasuresCsv(measures: readonly MeasureReport[]): string {
  const rows = measures.flatMap((measure) =>
    measure.points.map((point) =>
      csvRow([
        neutralise(measure.title),
        neutralise(point.period),
        point.value === null ? '' : String(point.value),
        neutralise(point.note),
      ]),
    ),
  );
  return `\uFEFF${[csvRow(CSV_HEADER), ...rows].join('\r\n')}\r\n`;
}
