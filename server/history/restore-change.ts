/**
 * A restore as a change on top of the present: each part of the item that differs
 * from the version is made like the version's, and nothing else is touched, so
 * comments anchored in unchanged passages stay where they are. Free text is edited
 * between the common beginning and end; rich-text sections keep their unchanged
 * leading and trailing blocks and replace the rest with copies of the version's;
 * a list is replaced row for row only from the first row that differs.
 */
import * as Y from 'yjs';
import { KINDS } from '../../shared/documents/item-kinds';
import { FIELDS_MAP, listName, META_MAP, MetaKey, sectionName } from '../../shared/documents/names';
import type { ItemKind } from '../../shared/schemas/records';

function editText(text: Y.Text, target: string): void {
  const now = text.toString();
  if (now === target) return;
  let start = 0;
  while (start < now.length && start < target.length && now[start] === target[start]) start += 1;
  let end = 0;
  while (
    end < now.length - start &&
    end < target.length - start &&
    now[now.length - 1 - end] === target[target.length - 1 - end]
  )
    end += 1;
  text.delete(start, now.length - start - end);
  text.insert(start, target.slice(start, target.length - end));
}

type Node = Y.XmlElement | Y.XmlText;

function sameNode(a: unknown, b: unknown): boolean {
  return String(a) === String(b);
}

function cloneNode(node: unknown): Node[] {
  if (node instanceof Y.XmlElement || node instanceof Y.XmlText) return [node.clone()];
  return [];
}

function restoreSequence(
  now: Y.XmlFragment | Y.Array<Y.Map<unknown>>,
  version: readonly unknown[],
  same: (a: unknown, b: unknown) => boolean,
  clone: (node: unknown) => unknown[],
): void {
  const current = now.toArray() as unknown[];
  let start = 0;
  while (start < current.length && start < version.length && same(current[start], version[start]))
    start += 1;
  let end = 0;
  while (
    end < current.length - start &&
    end < version.length - start &&
    same(current[current.length - 1 - end], version[version.length - 1 - end])
  )
    end += 1;
  const removed = current.length - start - end;
  const added = version.slice(start, version.length - end).flatMap(clone);
  if (removed === 0 && added.length === 0) return;
  if (removed > 0) now.delete(start, removed);
  // Both kinds of sequence take their own node kinds; the version's nodes are of the same kind.
  if (added.length > 0) (now as Y.Array<unknown>).insert(start, added);
}

function rowJson(row: unknown): string {
  return row instanceof Y.Map ? JSON.stringify(row.toJSON()) : String(row);
}

/** Makes `doc` (the present) read like `version` (the same item at a version). */
export function restoreInto(doc: Y.Doc, version: Y.Doc, kind: ItemKind): void {
  const spec = KINDS[kind];
  const title = version.getMap(META_MAP).get(MetaKey.Title);
  if (typeof title === 'string' && doc.getMap(META_MAP).get(MetaKey.Title) !== title)
    doc.getMap(META_MAP).set(MetaKey.Title, title);
  const fields = doc.getMap(FIELDS_MAP);
  const oldFields = version.getMap(FIELDS_MAP);
  for (const [key, field] of Object.entries(spec.fields)) {
    const then = oldFields.get(key);
    const now = fields.get(key);
    if (field.type === 'text') {
      if (now instanceof Y.Text) editText(now, then instanceof Y.Text ? then.toString() : '');
      continue;
    }
    if (then === undefined || then === null) {
      if (now !== undefined && now !== null) fields.delete(key);
    } else if (now !== then) fields.set(key, then);
  }
  for (const key of Object.keys(spec.sections)) {
    const name = sectionName(key);
    restoreSequence(
      doc.getXmlFragment(name),
      version.getXmlFragment(name).toArray(),
      sameNode,
      cloneNode,
    );
  }
  for (const key of Object.keys(spec.lists)) {
    const name = listName(key);
    restoreSequence(
      doc.getArray<Y.Map<unknown>>(name),
      version.getArray(name).toArray(),
      (a, b) => rowJson(a) === rowJson(b),
      (row) => (row instanceof Y.Map ? [row.clone()] : []),
    );
  }
}
