/**
 * Undo and redo of one person's own structured edits to an item: its fields
 * (forms), its lists (table rows, diagram nodes and links) and every text inside
 * them. A Yjs `UndoManager` tracks only transactions whose origin is in its
 * tracked set; our own edits carry no origin (null), while what arrives from the
 * server (the provider) or the local copy (IndexedDB) carries theirs, so
 * someone else's change is never undone. Rich-text sections are left to the
 * text editor, whose own undo is per person in the same way.
 */
import * as Y from 'yjs';
import { fieldsMap, list } from '../../../shared/documents/item-doc';
import { KINDS } from '../../../shared/documents/item-kinds';
import type { ItemKind } from '../../../shared/schemas/records';

/** Edits closer together than this are undone as one step (typing a word, dragging). */
const CAPTURE_MS = 500;

/**
 * Whether undoing would delete `item` from a row the server has written into (a workshop
 * cluster that became a change idea, a driver or a cause), or the row itself. Such a row
 * is left standing: deleting it would lose the link, and redoing it would make this client
 * write the server's columns, which the schema guard refuses (closing the socket).
 */
function inServerWrittenRow(item: Y.Item, serverColumns: readonly string[]): boolean {
  // The row itself, or the row an entry (or a character of its text) is in.
  const own = item.content instanceof Y.ContentType ? item.content.type : null;
  let row: unknown = own instanceof Y.Map ? own : item.parent;
  while (row instanceof Y.AbstractType && !(row instanceof Y.Map) && row._item !== null)
    row = row._item.parent;
  if (!(row instanceof Y.Map) || row._item === null) return false;
  return serverColumns.some((column) => {
    const value: unknown = row.get(column);
    return value !== undefined && value !== null;
  });
}

export function structuredUndo(doc: Y.Doc, kind: ItemKind): Y.UndoManager {
  // biome-ignore lint/suspicious/noExplicitAny: Yjs types are invariant in their event type; any shared type will do here.
  const scope: Y.AbstractType<any>[] = [fieldsMap(doc)];
  for (const name of Object.keys(KINDS[kind].lists)) scope.push(list(doc, name));
  const serverColumns = Object.values(KINDS[kind].lists).flatMap(
    (spec) => spec.serverColumns ?? [],
  );
  return new Y.UndoManager(scope, {
    captureTimeout: CAPTURE_MS,
    trackedOrigins: new Set([null]),
    ...(serverColumns.length > 0
      ? { deleteFilter: (item: Y.Item) => !inServerWrittenRow(item, serverColumns) }
      : {}),
  });
}

export type UndoKey = 'undo' | 'redo' | null;

/** What a key press asks for: Ctrl/⌘+Z undoes, Ctrl/⌘+Shift+Z and Ctrl+Y redo. */
export function undoKey(event: {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
}): UndoKey {
  if (!(event.ctrlKey || event.metaKey) || event.altKey) return null;
  const key = event.key.toLowerCase();
  if (key === 'z') return event.shiftKey ? 'redo' : 'undo';
  if (key === 'y' && event.ctrlKey && !event.shiftKey) return 'redo';
  return null;
}
