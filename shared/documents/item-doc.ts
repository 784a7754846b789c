/**
 * Typed access to an item's Y.Doc. Shared types that two people could create at
 * the same moment (each field's Y.Text) are created once, when the item is
 * created or migrated, by the server: a Y.Map key created concurrently keeps only
 * one writer's value, which would lose the other's typing.
 */
import * as Y from 'yjs';
import { Limits } from '../limits';
import type { ItemKind } from '../schemas/records';
import { defaultWorkshopSettings } from '../schemas/workshop';
import { KINDS } from './item-kinds';
import { isAllowedValue } from './item-schema';
import { readableRows } from './item-shape';
import {
  DOCUMENT_SCHEMA_VERSION,
  FIELDS_MAP,
  listName,
  META_MAP,
  MetaKey,
  sectionName,
} from './names';

export type FieldValue = string | number | null;

export function metaMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap(META_MAP);
}

export function fieldsMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap(FIELDS_MAP);
}

export function readTitle(doc: Y.Doc): string {
  const title = metaMap(doc).get(MetaKey.Title);
  return typeof title === 'string' ? title : '';
}

export function setTitle(doc: Y.Doc, title: string): void {
  metaMap(doc).set(MetaKey.Title, title.slice(0, Limits.maxTitleLength));
}

export function readSchemaVersion(doc: Y.Doc): number {
  const version = metaMap(doc).get(MetaKey.SchemaVersion);
  return typeof version === 'number' ? version : 1;
}

/** Creates everything an item of `kind` needs; safe to run again (creates only what is missing). */
export function initItemDoc(doc: Y.Doc, kind: ItemKind, title?: string): void {
  doc.transact(() => {
    const meta = metaMap(doc);
    // Only write what differs: every Y.Map set is an operation, even with the same value.
    if (meta.get(MetaKey.SchemaVersion) !== DOCUMENT_SCHEMA_VERSION) {
      meta.set(MetaKey.SchemaVersion, DOCUMENT_SCHEMA_VERSION);
    }
    if (meta.get(MetaKey.Kind) !== kind) meta.set(MetaKey.Kind, kind);
    if (title !== undefined && readTitle(doc) !== title) setTitle(doc, title);
    // A board's state is the server's (`workshop-board.ts`): made here, as the server makes the item.
    if (kind === 'workshop' && !meta.has(MetaKey.Board))
      meta.set(MetaKey.Board, { ...defaultWorkshopSettings(), results: null });
    const fields = fieldsMap(doc);
    for (const [name, spec] of Object.entries(KINDS[kind].fields)) {
      if (spec.type === 'text' && !(fields.get(name) instanceof Y.Text))
        fields.set(name, new Y.Text());
    }
  });
}

/** A free-text field's Y.Text (created by `initItemDoc`). */
export function fieldText(doc: Y.Doc, name: string): Y.Text {
  const value = fieldsMap(doc).get(name);
  if (!(value instanceof Y.Text))
    throw new Error(`field "${name}" is not a text field of this document`);
  return value;
}

/** Sets a choice, number, date or reference field; refuses values its spec does not allow. */
export function setFieldValue(doc: Y.Doc, kind: ItemKind, name: string, value: FieldValue): void {
  const spec = KINDS[kind].fields[name];
  if (!spec) throw new Error(`${kind} has no field "${name}"`);
  if (!isAllowedValue(spec, value))
    throw new Error(`"${String(value)}" is not a valid ${spec.label}`);
  fieldsMap(doc).set(name, value);
}

/** Every field as plain values: text as strings; stored values that break the spec read as null. */
export function readFields(doc: Y.Doc, kind: ItemKind): Record<string, FieldValue> {
  const out: Record<string, FieldValue> = {};
  for (const name of Object.keys(KINDS[kind].fields)) out[name] = readField(doc, kind, name);
  return out;
}

/** One field as `readFields` gives it; null for a name the kind does not have. */
export function readField(doc: Y.Doc, kind: ItemKind, name: string): FieldValue {
  const spec = KINDS[kind].fields[name];
  if (!spec) return null;
  const value = fieldsMap(doc).get(name);
  if (spec.type === 'text') return value instanceof Y.Text ? value.toString() : '';
  return isAllowedValue(spec, value) ? (value as FieldValue) : null;
}

export function section(doc: Y.Doc, name: string): Y.XmlFragment {
  return doc.getXmlFragment(sectionName(name));
}

export function list(doc: Y.Doc, name: string): Y.Array<Y.Map<unknown>> {
  return doc.getArray<Y.Map<unknown>>(listName(name));
}

/**
 * Appends a row whose text columns are Y.Texts (new, so no one else can have created them);
 * columns only the server writes are left out unless given.
 */
export function addRow(
  doc: Y.Doc,
  kind: ItemKind,
  listKey: string,
  id: string,
  values: Record<string, FieldValue> = {},
): Y.Map<unknown> {
  const spec = KINDS[kind].lists[listKey];
  if (!spec) throw new Error(`${kind} has no list "${listKey}"`);
  const row = new Y.Map<unknown>();
  row.set('id', id);
  for (const [column, columnSpec] of Object.entries(spec.columns)) {
    const value = values[column] ?? null;
    // A client may not write the server's columns at all, not even empty (the schema guard).
    if (value === null && spec.serverColumns?.includes(column)) continue;
    if (columnSpec.type === 'text')
      row.set(column, new Y.Text(typeof value === 'string' ? value : ''));
    else if (isAllowedValue(columnSpec, value)) row.set(column, value);
    else throw new Error(`"${String(value)}" is not a valid ${columnSpec.label}`);
  }
  list(doc, listKey).push([row]);
  return row;
}

/** One readable row as a plain object: texts as strings. */
export function rowValues(row: Y.Map<unknown>): Record<string, FieldValue> {
  const out: Record<string, FieldValue> = {};
  row.forEach((value, key) => {
    out[key] = value instanceof Y.Text ? value.toString() : (value as FieldValue);
  });
  return out;
}

/** Rows of a list as plain objects; rows that break the schema are left out (`item-shape.ts`). */
export function readRows(doc: Y.Doc, listKey: string): Array<Record<string, FieldValue>> {
  return readableRows(doc, listKey).map(rowValues);
}

/** The short status shown in lists, derived from the document. */
export function deriveStatus(doc: Y.Doc, kind: ItemKind): string {
  // Field by field, never `readFields`: this runs after every update, and reading every
  // text field would cost time in proportion to the document.
  const field = (name: string) => readField(doc, kind, name);
  switch (kind) {
    case 'idea': {
      const status = field('status');
      return typeof status === 'string' ? status : 'idea';
    }
    case 'pdsa': {
      const decision = field('decision');
      if (typeof decision === 'string') return decision;
      return field('startDate') ? 'testing' : 'planned';
    }
    case 'problem':
      return field('aimTarget') !== null && field('aimByWhen') !== null ? 'aim set' : 'draft';
    case 'drivers':
      return `${readableRows(doc, 'nodes').length} nodes`;
    case 'measure':
      return `${readableRows(doc, 'points').length} points`;
    case 'note':
      return 'draft';
    case 'fishbone':
      return `${readableRows(doc, 'causes').length} causes`;
    case 'process':
      return `${readableRows(doc, 'steps').length} steps`;
    case 'workshop':
      return `${readableRows(doc, 'notes').length} notes`;
    default: {
      const unreachable: never = kind;
      throw new Error(`unknown kind ${String(unreachable)}`);
    }
  }
}
