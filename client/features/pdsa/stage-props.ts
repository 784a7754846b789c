/** What every part of the PDSA worksheet works on, and typed reads of the cycle's document. */
import type { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { type FieldValue, fieldsMap } from '../../../shared/documents/item-doc';

export interface StageProps {
  readonly doc: Y.Doc;
  readonly provider: WebsocketProvider;
  /** The awareness user (account id and name, caret colour). */
  readonly user: { readonly id: string; readonly name: string; readonly color: string };
  /** False: plain read-only presentation, no edit controls at all. */
  readonly editable: boolean;
}

/** A free-text field's Y.Text, or null before the document has synced. */
export function textField(doc: Y.Doc, name: string): Y.Text | null {
  const value = fieldsMap(doc).get(name);
  return value instanceof Y.Text ? value : null;
}

/** A choice, date or reference field's stored value. */
export function valueField(doc: Y.Doc, name: string): FieldValue {
  const value = fieldsMap(doc).get(name);
  return typeof value === 'string' || typeof value === 'number' ? value : null;
}

/** A row's text column. */
export function rowText(row: Y.Map<unknown>, column: string): Y.Text | null {
  const value = row.get(column);
  return value instanceof Y.Text ? value : null;
}

/** A row's id ('' when missing, which `addRow` never leaves). */
export function rowId(row: Y.Map<unknown>): string {
  const id = row.get('id');
  return typeof id === 'string' ? id : '';
}

/** A new row id: random, so that two people adding rows at once never collide. */
export function newRowId(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(8)), (b) =>
    b.toString(16).padStart(2, '0'),
  ).join('');
}

/** The presence key of a worksheet field, as `GenericItemEditor` names them. */
export const fieldKey = (name: string) => `fields.${name}`;
export const rowKey = (list: string, id: string, column: string) => `list.${list}.${id}.${column}`;
