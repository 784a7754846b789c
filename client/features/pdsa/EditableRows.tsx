/**
 * A worksheet list (questions, tasks) for people who may edit: one fieldset per
 * row with its text columns bound to their Y.Texts, buttons to add and remove
 * rows, and focus moved to the new row's first field (or back to "Add" after a
 * removal) so that keyboard users keep their place.
 */
import { useEffect, useRef, useState } from 'react';
import type * as Y from 'yjs';
import { addRow, list } from '../../../shared/documents/item-doc';
import { YTextField } from '../../lib/YTextField';
import { newRowId, rowId, rowKey, rowText, type StageProps } from './stage-props';
import { useShallowYChanges } from './y-observe';
import { readableRows } from '../../../shared/documents/item-shape';

export interface RowColumn {
  readonly name: string;
  readonly label: string;
  readonly hint?: string;
  readonly multiline?: boolean;
}

export interface EditableRowsProps {
  readonly stage: StageProps;
  readonly listKey: 'questions' | 'tasks';
  /** "Question", "Task": names each row ("Question 2") and its buttons. */
  readonly noun: string;
  readonly columns: readonly RowColumn[];
}

function Row(props: EditableRowsProps & { row: Y.Map<unknown>; index: number; onRemove(): void }) {
  const { stage, listKey, noun, columns, row, index, onRemove } = props;
  const id = rowId(row);
  return (
    <li className="pdsa-row" data-row={id}>
      <fieldset className="nhsuk-fieldset">
        <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">
          {noun} {index + 1}
        </legend>
        {columns.map((column) => {
          const text = rowText(row, column.name);
          if (!text) return null;
          return (
            <YTextField
              key={column.name}
              text={text}
              fieldKey={rowKey(listKey, id, column.name)}
              label={column.label}
              hint={column.hint}
              awareness={stage.provider.awareness}
              editable
              multiline={column.multiline}
              rows={2}
            />
          );
        })}
        <button
          type="button"
          className="nhsuk-button nhsuk-button--secondary nhsuk-button--small"
          onClick={onRemove}
        >
          Remove {noun.toLowerCase()} {index + 1}
        </button>
      </fieldset>
    </li>
  );
}

export function EditableRows(props: EditableRowsProps) {
  const { stage, listKey, noun } = props;
  const rows = list(stage.doc, listKey);
  useShallowYChanges(rows);
  const [focusRow, setFocusRow] = useState<string | null>(null);
  const listRef = useRef<HTMLOListElement>(null);
  const addRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (!focusRow) return;
    const field = listRef.current?.querySelector<HTMLElement>(
      `[data-row="${focusRow}"] textarea, [data-row="${focusRow}"] input`,
    );
    field?.focus();
    setFocusRow(null);
  }, [focusRow]);
  const add = () => {
    const id = newRowId();
    addRow(stage.doc, 'pdsa', listKey, id);
    setFocusRow(id);
  };
  const remove = (row: Y.Map<unknown>) => {
    // Look the row up now: others may have added or removed rows since this one was drawn.
    const index = rows.toArray().indexOf(row);
    if (index >= 0) rows.delete(index, 1);
    addRef.current?.focus();
  };
  // Rows that break the schema are left out; the item page says so (`DamageNotice`).
  const entries = readableRows(stage.doc, listKey);
  return (
    <>
      {entries.length === 0 && <p className="nhsuk-body-s pdsa-empty">None yet.</p>}
      <ol className="pdsa-rows" ref={listRef}>
        {entries.map((row, index) => (
          <Row
            key={rowId(row) || index}
            {...props}
            row={row}
            index={index}
            onRemove={() => remove(row)}
          />
        ))}
      </ol>
      <button
        type="button"
        className="nhsuk-button nhsuk-button--secondary"
        ref={addRef}
        onClick={add}
      >
        Add a {noun.toLowerCase()}
      </button>
    </>
  );
}
