/**
 * A list of rows (PDSA questions, tasks, data points…) as a table: text cells
 * bound to their Y.Text, value cells to the row's map; rows added and removed by
 * buttons that work from the keyboard.
 */
import type { Awareness } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { addRow, list } from '../../../shared/documents/item-doc';
import type { ListSpec } from '../../../shared/documents/item-kinds';
import { readableRows } from '../../../shared/documents/item-shape';
import type { ItemKind } from '../../../shared/schemas/records';
import { YTextField } from '../YTextField';
import { useYChanges } from '../y-hooks';
import { ValueField } from './ChoiceField';

export interface RowsTableProps {
  readonly doc: Y.Doc;
  readonly kind: ItemKind;
  readonly listKey: string;
  readonly spec: ListSpec;
  readonly awareness: Awareness | null;
  readonly editable: boolean;
}

function rowId(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(8)), (b) =>
    b.toString(16).padStart(2, '0'),
  ).join('');
}

export function RowsTable({ doc, kind, listKey, spec, awareness, editable }: RowsTableProps) {
  const rows = list(doc, listKey);
  useYChanges(rows);
  // Rows that break the schema are left out (the item page says so); each keeps its place
  // in the list so that removing one removes the right element.
  const readable = new Set(readableRows(doc, listKey));
  const entries = rows
    .toArray()
    .map((row, position) => ({ row, position }))
    .filter(({ row }) => readable.has(row));
  return (
    <section className="item-editor__list" aria-label={spec.label}>
      <h2 className="nhsuk-heading-s">{spec.label}</h2>
      {entries.length === 0 && <p className="nhsuk-body-s">None yet.</p>}
      <ol className="item-rows">
        {entries.map(({ row, position }, index) => {
          const id = String(row.get('id'));
          return (
            <li key={id} className="item-rows__row">
              <fieldset className="nhsuk-fieldset">
                <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">
                  {spec.label} {index + 1}
                </legend>
                {Object.entries(spec.columns).map(([column, columnSpec]) => {
                  const key = `list.${listKey}.${id}.${column}`;
                  if (columnSpec.type === 'text') {
                    const text = row.get(column);
                    if (!(text instanceof Y.Text)) return null;
                    return (
                      <YTextField
                        key={column}
                        text={text}
                        fieldKey={key}
                        label={columnSpec.label}
                        awareness={awareness}
                        editable={editable}
                      />
                    );
                  }
                  return (
                    <ValueField
                      key={column}
                      map={row}
                      name={column}
                      spec={columnSpec}
                      awareness={awareness}
                      editable={editable}
                      fieldKey={key}
                    />
                  );
                })}
                {editable && (
                  <button
                    type="button"
                    className="nhsuk-button nhsuk-button--secondary nhsuk-button--small"
                    onClick={() => rows.delete(position, 1)}
                  >
                    Remove {spec.label.toLowerCase()} {index + 1}
                  </button>
                )}
              </fieldset>
            </li>
          );
        })}
      </ol>
      {editable && (
        <button
          type="button"
          className="nhsuk-button nhsuk-button--secondary"
          onClick={() => addRow(doc, kind, listKey, rowId())}
        >
          Add to {spec.label.toLowerCase()}
        </button>
      )}
    </section>
  );
}
