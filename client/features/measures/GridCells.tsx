/**
 * The controls in the data table's cells, each bound to its row's Y.Map: text cells to a Y.Text
 * (merged character by character), numbers, the excluded tick box and the PDSA cycle. Each is
 * labelled with its column and row, shows who else is in it, and carries its grid position for
 * the table's keyboard moves (`data-grid-row`, `data-grid-col`, `data-grid-control`).
 */
import { useId, useRef } from 'react';
import type { Awareness } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { setActiveField, useFieldVisitors } from '../../lib/field-presence';
import type { ControlKind } from './grid-keys';
import { rowText } from './point-writes';
import { useNumberDraft } from './use-number-draft';
import type { PdsaCycle } from './use-pdsa-cycles';
import { useYText } from './use-y-text';

export interface CellProps {
  readonly map: Y.Map<unknown>;
  readonly column: string;
  /** Accessible name, e.g. "Value, row 3". */
  readonly label: string;
  readonly fieldKey: string;
  readonly awareness: Awareness | null;
  readonly row: number;
  readonly col: number;
}

function gridAttributes(props: CellProps, control: ControlKind) {
  const { awareness, fieldKey } = props;
  return {
    'aria-label': props.label,
    'data-grid-row': props.row,
    'data-grid-col': props.col,
    'data-grid-control': control,
    onFocus: () => awareness && setActiveField(awareness, fieldKey),
    onBlur: () => awareness && setActiveField(awareness, null),
  };
}

function Visitors({ awareness, fieldKey }: { awareness: Awareness | null; fieldKey: string }) {
  const visitors = useFieldVisitors(awareness, fieldKey);
  if (visitors.length === 0) return null;
  return (
    <span className="measure-grid__visitor">
      {visitors.map((v) => v.name).join(', ')} {visitors.length === 1 ? 'is' : 'are'} here
    </span>
  );
}

export function TextCell(props: CellProps & { readonly className: string }) {
  const { map, column } = props;
  const ref = useRef<HTMLInputElement>(null);
  const current = map.get(column);
  const [value, onChange] = useYText(
    current instanceof Y.Text ? current : null,
    () => rowText(map, column),
    ref,
  );
  return (
    <>
      <input
        ref={ref}
        type="text"
        className={`nhsuk-input ${props.className}`}
        value={value}
        onChange={onChange}
        {...gridAttributes(props, 'text')}
      />
      <Visitors awareness={props.awareness} fieldKey={props.fieldKey} />
    </>
  );
}

export function NumberCell(props: CellProps) {
  const { map, column } = props;
  const raw = map.get(column);
  const stored = typeof raw === 'number' && Number.isFinite(raw) ? raw : null;
  const number = useNumberDraft(stored, (value) => map.set(column, value));
  const errorId = useId();
  const { onBlur, ...attributes } = gridAttributes(props, 'text');
  return (
    <>
      <input
        type="text"
        inputMode="decimal"
        autoComplete="off"
        className="nhsuk-input measure-grid__number"
        value={number.draft}
        aria-invalid={number.invalid || undefined}
        aria-describedby={number.invalid ? errorId : undefined}
        onChange={(event) => number.onChange(event.target.value)}
        onBlur={() => {
          number.onBlur();
          onBlur();
        }}
        {...attributes}
      />
      {number.invalid && (
        <span className="nhsuk-error-message" id={errorId}>
          Not a number
        </span>
      )}
      <Visitors awareness={props.awareness} fieldKey={props.fieldKey} />
    </>
  );
}

export function ExcludedCell(props: CellProps) {
  const { map, column } = props;
  return (
    <input
      type="checkbox"
      className="measure-grid__checkbox"
      checked={map.get(column) === 'yes'}
      onChange={(event) => map.set(column, event.target.checked ? 'yes' : 'no')}
      {...gridAttributes(props, 'checkbox')}
    />
  );
}

export function PdsaCell(props: CellProps & { readonly cycles: readonly PdsaCycle[] }) {
  const { map, column, cycles } = props;
  const raw = map.get(column);
  const value = typeof raw === 'string' ? raw : '';
  const known = value === '' || cycles.some((c) => c.id === value);
  return (
    <>
      <select
        className="nhsuk-select measure-grid__wide"
        value={value}
        onChange={(event) => map.set(column, event.target.value === '' ? null : event.target.value)}
        {...gridAttributes(props, 'select')}
      >
        <option value="">None</option>
        {!known && <option value={value}>A PDSA cycle you cannot see</option>}
        {cycles.map((cycle) => (
          <option key={cycle.id} value={cycle.id}>
            {cycle.title}
          </option>
        ))}
      </select>
      <Visitors awareness={props.awareness} fieldKey={props.fieldKey} />
    </>
  );
}
