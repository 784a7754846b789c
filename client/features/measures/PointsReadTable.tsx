/** The measure's data as recorded, for people who may read it but not change it: text only. */

import { formatNumber } from '../../../shared/charts/chart-number';
import { DataTable } from '../../lib/DataTable';
import type { PointRow, RecordedAs } from './measure-data';
import type { PdsaCycle } from './use-pdsa-cycles';

export interface PointsReadTableProps {
  readonly points: readonly PointRow[];
  readonly recordedAs: RecordedAs;
  readonly cycles: readonly PdsaCycle[];
}

const number = (value: number | null) => (value === null ? 'none' : formatNumber(value));

export function PointsReadTable({ points, recordedAs, cycles }: PointsReadTableProps) {
  const numbers = recordedAs === 'values' ? ['Value'] : ['Numerator', 'Denominator'];
  const headings = ['Row', 'Period', ...numbers, 'Note', 'Excluded', 'PDSA cycle', 'Re-based'];
  const cycleName = (id: string | null) =>
    id === null
      ? ''
      : (cycles.find((c) => c.id === id)?.title ??
        'A PDSA cycle that has not been shared with you');
  return (
    <DataTable
      caption="Data points as recorded"
      captionHidden
      headings={headings}
      testId="points-read-table"
      rows={points.map((point, index) => ({
        key: point.id || String(index),
        cells: [
          String(index + 1),
          point.period,
          ...(recordedAs === 'values'
            ? [number(point.value)]
            : [number(point.numerator), number(point.denominator)]),
          point.note,
          point.excluded ? `Yes: ${point.excludedReason || 'no reason given'}` : 'No',
          cycleName(point.pdsaId),
          point.rebaseReason,
        ],
      }))}
    />
  );
}
