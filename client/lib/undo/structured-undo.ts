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

export function structuredUndo(doc: Y.Doc, kind: ItemKind): Y.UndoManager {
  // biome-ignore lint/suspicious/noExplicitAny: Yjs types are invariant in their event type; any shared type will do here.
  const scope: Y.AbstractType<any>[] = [fieldsMap(doc)];
  for (const name of Object.keys(KINDS[kind].lists)) scope.push(list(doc, name));
  return new Y.UndoManager(scope, { captureTimeout: CAPTURE_MS, trackedOrigins: new Set([null]) });
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
