/** One data point as a row of the editable data table. */
import type { Awareness } from 'y-protocols/awareness';
import type * as Y from 'yjs';
import { formatNumber } from '../../../shared/charts/chart-number';
import { ExcludedCell, NumberCell, PdsaCell, TextCell } from './GridCells';
import type { ColumnDef } from './grid-columns';
import { type PointRow, type RecordedAs, rowValue } from './measure-data';
import type { PdsaCycle } from './use-pdsa-cycles';

export interface GridRowProps {
  readonly map: Y.Map<unknown>;
  readonly point: PointRow;
  readonly index: number;
  readonly columns: readonly ColumnDef[];
  readonly navigation: ReadonlyMap<string, number>;
  readonly recordedAs: RecordedAs;
  readonly awareness: Awareness | null;
  readonly cycles: readonly PdsaCycle[];
  onRemove(): void;
}

function proportionText(point: PointRow, recordedAs: RecordedAs): string {
  const result = rowValue(point, recordedAs);
  if ('value' in result) return formatNumber(result.value);
  return 'missing' in result ? '' : 'none';
}

function Cell(props: GridRowProps & { readonly column: ColumnDef }) {
  const { column, map, index, point } = props;
  const n = index + 1;
  const base = {
    map,
    column: column.key,
    label: `${column.label}, row ${n}`,
    fieldKey: `list.points.${point.id}.${column.key}`,
    awareness: props.awareness,
    row: index,
    col: props.navigation.get(column.key) ?? -1,
  };
  switch (column.kind) {
    case 'period':
      return <TextCell {...base} className="measure-grid__period" />;
    case 'text':
      return <TextCell {...base} className="measure-grid__wide" />;
    case 'number':
      return <NumberCell {...base} />;
    case 'excluded':
      return <ExcludedCell {...base} />;
    case 'pdsa':
      return <PdsaCell {...base} cycles={props.cycles} />;
    case 'proportion':
      return (
        <output aria-label={`Proportion, row ${n}`}>
          {proportionText(point, props.recordedAs)}
        </output>
      );
    case 'remove':
      return (
        <button
          type="button"
          className="nhsuk-button nhsuk-button--secondary nhsuk-button--small measure-grid__remove"
          aria-label={`Remove row ${n}`}
          data-grid-row={index}
          data-grid-col={base.col}
          data-grid-control="button"
          onClick={props.onRemove}
        >
          Remove
        </button>
      );
    default: {
      const unreachable: never = column.kind;
      throw new Error(`unknown cell ${String(unreachable)}`);
    }
  }
}

export function GridRow(props: GridRowProps) {
  return (
    <tr>
      <th scope="row">{props.index + 1}</th>
      {props.columns.map((column) => (
        <td key={column.key}>
          <Cell {...props} column={column} />
        </td>
      ))}
    </tr>
  );
}
