/**
 * Reading a measure's CSV file for import. `parseMeasureCsv` (the same reader as
 * `npm run chart`) checks every row and names the line of each problem; for proportions the
 * numerator and denominator themselves are kept (the table stores both), read from the same
 * records by line.
 */
import { parseCsv } from '../../../shared/charts/csv';
import type { CsvIssue } from '../../../shared/charts/index';
import { parseMeasureCsv } from '../../../shared/charts/measure-csv';
import type { RecordedAs } from './measure-data';
import type { PastedPoint } from './paste';

export type CsvImport =
  | { ok: true; recordedAs: RecordedAs; points: PastedPoint[] }
  | { ok: false; issues: CsvIssue[] };

export function readMeasureCsvFile(text: string): CsvImport {
  const parsed = parseMeasureCsv(text);
  if (!parsed.ok) return { ok: false, issues: parsed.issues };
  const { kind, points, lines } = parsed.data;
  if (kind === 'values') {
    return {
      ok: true,
      recordedAs: 'values',
      points: points.map((p) => ({
        period: p.period,
        value: p.value,
        numerator: null,
        denominator: null,
      })),
    };
  }
  const records = parseCsv(text);
  const byLine = new Map(records.ok ? records.records.map((r) => [r.line, r.fields]) : []);
  return {
    ok: true,
    recordedAs: 'proportions',
    points: points.map((p, i) => {
      const fields = byLine.get(lines[i] ?? -1) ?? [];
      return {
        period: p.period,
        value: null,
        numerator: Number((fields[1] ?? '').trim()),
        denominator: Number((fields[2] ?? '').trim()),
      };
    }),
  };
}

/** Larger files would make one sync message near the server's limit; measure data is far smaller. */
export const MAX_CSV_BYTES = 1_000_000;
