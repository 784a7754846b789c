/**
 * Reading an item document that may be damaged. The server refuses updates that
 * break an item's schema, but documents stored before that check, or written
 * straight into storage, can still hold a string where a row should be or a map
 * where a text should be. Readers take only the rows that keep the schema
 * (`readableRows`) and show `shapeProblems` as a notice, so one bad row never
 * blanks a page, an export or an import.
 */
import * as Y from 'yjs';
import type { ItemKind } from '../schemas/records';
import { KINDS } from './item-kinds';
import { entryProblem, type Slot, type Written } from './item-schema';
import { FIELDS_MAP, listName, META_MAP, MetaKey, sectionName } from './names';

/** A value read from a live document, reduced to what the schema rules look at. */
export function writtenOf(value: unknown): Written {
  // Y.XmlText is a Y.Text and Y.XmlHook a Y.Map: test the XML types first.
  if (value instanceof Y.XmlText) return { is: 'xml', element: false };
  if (value instanceof Y.XmlElement) return { is: 'xml', element: true };
  if (value instanceof Y.XmlHook) return { is: 'other' };
  if (value instanceof Y.Text) return { is: 'text' };
  if (value instanceof Y.Map) return { is: 'map' };
  if (value instanceof Y.AbstractType || value instanceof Y.Doc || value instanceof Uint8Array)
    return { is: 'other' };
  return { is: 'value', value };
}

/**
 * Each list's kind (list names are unique across kinds), worked out once: it is
 * asked for every row read, hundreds of times per change of a large diagram.
 */
const KIND_OF_LIST: ReadonlyMap<string, ItemKind> = (() => {
  const kinds = new Map<string, ItemKind>();
  for (const [kind, spec] of Object.entries(KINDS)) {
    for (const listKey of Object.keys(spec.lists))
      if (!kinds.has(listKey)) kinds.set(listKey, kind as ItemKind);
  }
  return kinds;
})();

/** The kind whose item has the list `listKey`. */
function kindOfList(listKey: string): ItemKind | null {
  return KIND_OF_LIST.get(listKey) ?? null;
}

/** Why a list element is not a readable row of `listKey`; null when it is. */
export function rowProblem(listKey: string, row: unknown): string | null {
  const kind = kindOfList(listKey);
  if (kind === null) return `there is no list "${listKey}"`;
  const slot: Slot = { at: 'row', list: listKey };
  const asRow = entryProblem(kind, { at: 'list', list: listKey }, null, writtenOf(row));
  if (asRow !== null || !(row instanceof Y.Map)) return asRow ?? 'not a row';
  if (!row.has('id')) return 'a row has no id';
  const columns = KINDS[kind].lists[listKey]?.columns ?? {};
  let problem: string | null = null;
  // `forEach` walks the row's entries directly; `entries()` builds an iterator of
  // iterators, which costs several times as much on the hundreds of rows of a large
  // diagram or board, read again after every change.
  row.forEach((value, key) => {
    // Columns a later version added are absent from older rows, and columns no reader
    // knows are ignored: only what a reader would read can make a row unreadable.
    if (problem !== null || (key !== 'id' && !Object.hasOwn(columns, key))) return;
    problem = entryProblem(kind, slot, key, writtenOf(value));
  });
  return problem;
}

/** The rows of a list that keep the schema, in order; malformed ones are left out. */
export function readableRows(doc: Y.Doc, listKey: string): Array<Y.Map<unknown>> {
  const rows: Array<Y.Map<unknown>> = [];
  for (const row of doc.getArray<unknown>(listName(listKey)).toArray())
    if (row instanceof Y.Map && rowProblem(listKey, row) === null) rows.push(row);
  return rows;
}

/** How many elements of a list are not readable rows. */
export function unreadableRowCount(doc: Y.Doc, listKey: string): number {
  let count = 0;
  for (const row of doc.getArray<unknown>(listName(listKey)).toArray())
    if (rowProblem(listKey, row) !== null) count += 1;
  return count;
}

/**
 * Whether a rich-text fragment holds anything but rich text, at any depth (the editor's
 * binding throws on it).
 */
export function isFragmentDamaged(fragment: Y.XmlFragment): boolean {
  return fragment.toArray().some((node) => {
    if (node instanceof Y.XmlText) return false;
    return !(node instanceof Y.XmlElement) || isFragmentDamaged(node);
  });
}

/** Whether a rich-text section holds anything but rich text. */
export function isSectionDamaged(doc: Y.Doc, section: string): boolean {
  return isFragmentDamaged(doc.getXmlFragment(sectionName(section)));
}

/** Whether a text field is something other than its Y.Text (its editor then stays empty). */
export function isFieldDamaged(doc: Y.Doc, kind: ItemKind, name: string): boolean {
  const value = doc.getMap(FIELDS_MAP).get(name);
  if (value === undefined || value === null) return false;
  return entryProblem(kind, { at: 'fields' }, name, writtenOf(value)) !== null;
}

const plural = (n: number, one: string) => (n === 1 ? `1 ${one}` : `${n} ${one}s`);

/**
 * What in this document breaks its kind's schema and is therefore not shown, as
 * sentences for a notice; empty for a sound document.
 */
export function shapeProblems(doc: Y.Doc, kind: ItemKind): string[] {
  const spec = KINDS[kind];
  const problems: string[] = [];
  const stored = doc.getMap(META_MAP).get(MetaKey.Kind);
  if (stored !== undefined && stored !== kind)
    problems.push(`Its document calls it a ${String(stored).slice(0, 40)}, not a ${kind}.`);
  for (const [name, field] of Object.entries(spec.fields))
    if (isFieldDamaged(doc, kind, name))
      problems.push(`The field "${field.label}" holds a value it cannot have.`);
  for (const [name, label] of Object.entries(spec.sections))
    if (isSectionDamaged(doc, name))
      problems.push(`The section "${label}" holds something that is not rich text.`);
  for (const [listKey, list] of Object.entries(spec.lists)) {
    const count = unreadableRowCount(doc, listKey);
    if (count > 0) problems.push(`${plural(count, 'row')} of "${list.label}" could not be read.`);
  }
  return problems;
}
