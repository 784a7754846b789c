/**
 * The shape each kind of item document must keep, as rules about what may be
 * written where. The server checks every update from a client against them
 * (`server/sync/schema-guard.ts`) and readers use the same rules to skip what
 * breaks them (`item-shape.ts`), so both agree on what "malformed" means.
 *
 * A value in the document sits in a slot: an entry of `meta` or `fields`, an
 * element of a list or a section, an entry of one list row, a child or attribute of
 * a rich-text element. Inside a Y.Text (or the text of a rich-text paragraph) or a
 * root no reader uses, anything goes (`free`).
 */
import type { ItemKind } from '../schemas/records';
import { type FieldSpec, KINDS } from './item-kinds';
import { FIELDS_MAP, LEGACY_NOTE_BODY, META_MAP, MetaKey } from './names';

export type Slot =
  | { readonly at: 'meta' }
  | { readonly at: 'fields' }
  | { readonly at: 'list'; readonly list: string }
  | { readonly at: 'row'; readonly list: string }
  | { readonly at: 'section' }
  /** Inside a rich-text element: children are rich text, attributes plain values. */
  | { readonly at: 'element' }
  /** Inside the text of a column only the server writes: nothing, from a client. */
  | { readonly at: 'sealed'; readonly what: string }
  | { readonly at: 'free' };

/** What was written, reduced to what the rules look at. */
export type Written =
  | { readonly is: 'text' }
  | { readonly is: 'map' }
  | { readonly is: 'xml'; readonly element: boolean }
  | { readonly is: 'value'; readonly value: unknown }
  | { readonly is: 'other' };

export const FREE: Slot = { at: 'free' };

/** The longest row id a reader accepts (ids are generated; this only bounds damage). */
export const MAX_ROW_ID_LENGTH = 64;

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const REF = /^[A-Za-z0-9_-]{1,64}$/;

/** Whether a plain value is allowed for a non-text field or column; null always is (unset). */
export function isAllowedValue(spec: FieldSpec, value: unknown): boolean {
  if (value === null) return true;
  switch (spec.type) {
    case 'text':
      return false; // text fields are Y.Text, edited in place
    case 'choice':
      return typeof value === 'string' && spec.options.includes(value);
    case 'number':
      return typeof value === 'number' && Number.isFinite(value);
    case 'date':
      return typeof value === 'string' && DATE.test(value);
    case 'ref':
      return typeof value === 'string' && REF.test(value);
    default: {
      const unreachable: never = spec;
      throw new Error(`unknown field type ${JSON.stringify(unreachable)}`);
    }
  }
}

export function isRowId(value: unknown): value is string {
  return typeof value === 'string' && value.length > 0 && value.length <= MAX_ROW_ID_LENGTH;
}

/** The slot of a top-level shared type of an item of `kind`. */
export function rootSlot(kind: ItemKind, name: string): Slot {
  if (name === META_MAP) return { at: 'meta' };
  if (name === FIELDS_MAP) return { at: 'fields' };
  const spec = KINDS[kind];
  if (name.startsWith('list.') && Object.hasOwn(spec.lists, name.slice(5)))
    return { at: 'list', list: name.slice(5) };
  if (name.startsWith('text.') && Object.hasOwn(spec.sections, name.slice(5)))
    return { at: 'section' };
  if (kind === 'note' && name === LEGACY_NOTE_BODY) return { at: 'section' };
  return FREE;
}

function describe(written: Written): string {
  switch (written.is) {
    case 'text':
      return 'a text';
    case 'map':
      return 'a map';
    case 'xml':
      return 'rich text';
    case 'value':
      return JSON.stringify(written.value)?.slice(0, 40) ?? String(written.value);
    case 'other':
      return 'an unsupported value';
    default: {
      const unreachable: never = written;
      throw new Error(`unknown value ${JSON.stringify(unreachable)}`);
    }
  }
}

function specProblem(label: string, spec: FieldSpec, written: Written): string | null {
  if (spec.type === 'text')
    return written.is === 'text' ? null : `${label} must be text, not ${describe(written)}`;
  if (written.is === 'value' && isAllowedValue(spec, written.value)) return null;
  return `${describe(written)} is not a valid ${label}`;
}

function metaProblem(kind: ItemKind, key: string, written: Written): string | null {
  const value = written.is === 'value' ? written.value : undefined;
  switch (key) {
    case MetaKey.Kind:
      return value === kind ? null : `the item's kind cannot change from ${kind}`;
    case MetaKey.SchemaVersion:
      return Number.isInteger(value) ? null : 'the schema version must be a whole number';
    case MetaKey.Title:
      return typeof value === 'string' ? null : 'the title must be a string';
    case MetaKey.Board:
      // The server writes it (settings, lock, revealed counts) through its own changes,
      // which this guard does not check; a client may not.
      return `a ${kind}'s board state is written by the server only`;
    default:
      return `meta has no entry "${key.slice(0, 40)}"`;
  }
}

function isServerColumn(kind: ItemKind, list: string, key: string): boolean {
  return KINDS[kind].lists[list]?.serverColumns?.includes(key) ?? false;
}

function rowProblem(kind: ItemKind, list: string, key: string, written: Written): string | null {
  if (key === 'id')
    return written.is === 'value' && isRowId(written.value)
      ? null
      : `a row id must be a short string, not ${describe(written)}`;
  const column = KINDS[kind].lists[list]?.columns[key];
  if (!column) return `rows of ${list} have no column "${key.slice(0, 40)}"`;
  return specProblem(column.label, column, written);
}

/**
 * Why writing `written` in `slot` (under map key `key`, or as a list element when
 * null) breaks the schema of an item of `kind`; null when it does not.
 */
export function entryProblem(
  kind: ItemKind,
  slot: Slot,
  key: string | null,
  written: Written,
): string | null {
  // A sealed text's contents are any text's: who may write them is `serverOnlyProblem`'s.
  if (slot.at === 'free' || slot.at === 'sealed') return null;
  if (slot.at === 'list')
    return key === null && written.is === 'map'
      ? null
      : `rows of ${slot.list} must be maps, not ${describe(written)}`;
  if (slot.at === 'section')
    return key === null && written.is === 'xml'
      ? null
      : `a rich-text section holds rich text, not ${describe(written)}`;
  if (slot.at === 'element') {
    // The editor's binding throws on a child that is not rich text, for everyone.
    if (key === null)
      return written.is === 'xml' ? null : `rich text holds rich text, not ${describe(written)}`;
    return written.is === 'value' ? null : `a rich-text attribute cannot be ${describe(written)}`;
  }
  if (key === null) return `${slot.at === 'row' ? 'a row' : slot.at} is a map, not a list`;
  switch (slot.at) {
    case 'meta':
      return metaProblem(kind, key, written);
    case 'fields': {
      const spec = KINDS[kind].fields[key];
      if (!spec) return `a ${kind} has no field "${key.slice(0, 40)}"`;
      return specProblem(spec.label, spec, written);
    }
    case 'row':
      return rowProblem(kind, slot.list, key, written);
    default: {
      const unreachable: never = slot;
      throw new Error(`unknown slot ${JSON.stringify(unreachable)}`);
    }
  }
}

/**
 * Why a client may not write in `slot` under `key` (null in a list) though the shape
 * allows it: a row of a list only the server adds, a column only the server writes, or
 * anything inside such a column's text. Readers never ask: the server's rows are sound.
 */
export function serverOnlyProblem(kind: ItemKind, slot: Slot, key: string | null): string | null {
  if (slot.at === 'sealed') return `the ${slot.what} is written by the server only`;
  if (slot.at === 'list' && key === null && KINDS[kind].lists[slot.list]?.addedByServer)
    return `rows of ${slot.list} are added by the server only`;
  if (slot.at === 'row' && key !== null && isServerColumn(kind, slot.list, key))
    return `the ${key} of ${slot.list} is written by the server only`;
  return null;
}

/**
 * The slot of the contents of a shared type written in `slot` under `key` (a list's map
 * is a row; the text of a column only the server writes is sealed).
 */
export function childSlot(kind: ItemKind, slot: Slot, written: Written, key: string | null): Slot {
  if (slot.at === 'list' && written.is === 'map') return { at: 'row', list: slot.list };
  if (slot.at === 'row' && key !== null && isServerColumn(kind, slot.list, key)) {
    const label = KINDS[kind].lists[slot.list]?.columns[key]?.label ?? key;
    return { at: 'sealed', what: `${label.toLowerCase()} of ${slot.list}` };
  }
  const inRichText = slot.at === 'section' || slot.at === 'element';
  if (inRichText && written.is === 'xml' && written.element) return { at: 'element' };
  return FREE;
}

/**
 * Whether removing the entry `key` (without writing a new one) breaks the schema:
 * readers and editors need the kind, every text field's Y.Text, and a row's id; and
 * what only the server writes, only the server removes.
 */
export function isRequiredEntry(kind: ItemKind, slot: Slot, key: string): boolean {
  switch (slot.at) {
    case 'meta':
      return key === MetaKey.Kind || key === MetaKey.Board;
    case 'fields':
      return KINDS[kind].fields[key]?.type === 'text';
    case 'row':
      return key === 'id' || isServerColumn(kind, slot.list, key);
    default:
      return false;
  }
}
