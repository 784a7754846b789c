/**
 * The Tiptap extensions that define the rich-text schema, used by the client's
 * editor and by the server's exports, so a section is read with exactly the
 * schema it was written with. DOM-free: it imports and builds a schema in Node.
 *
 * Undo/redo is off because the client's Collaboration extension brings its own
 * (per user, Yjs-aware); the client adds Collaboration and CollaborationCaret on
 * top of this list.
 */
import type { Extensions } from '@tiptap/core';
import StarterKit from '@tiptap/starter-kit';

export function editorExtensions(): Extensions {
  return [StarterKit.configure({ undoRedo: false })];
}
