/**
 * Rich-text sections out of Yjs: a `Y.XmlFragment` becomes ProseMirror JSON in
 * the editor's own schema (`shared/editor-extensions.ts`), the same conversion
 * the Collaboration extension makes in the browser, with no DOM.
 *
 * The conversion repairs what the schema cannot hold by deleting it from the
 * Y.Doc, so it must only ever run on a copy (the DocReader's), never on a live
 * room's document.
 */
import { getSchema } from '@tiptap/core';
import type { Schema } from '@tiptap/pm/model';
import { yXmlFragmentToProseMirrorRootNode } from '@tiptap/y-tiptap';
import type * as Y from 'yjs';
import { editorExtensions } from '../../shared/editor-extensions';
import type { RichDoc } from './report-model';
import { cleanText } from './safe-text';

/** Built once per process: the schema is immutable and costly to build per section. */
const SCHEMA: Schema = getSchema(editorExtensions());

export function richSchema(): Schema {
  return SCHEMA;
}

/** ProseMirror JSON of a fragment, with every text node cleaned for output. */
export function fragmentToRichDoc(fragment: Y.XmlFragment): RichDoc {
  return cleanRich(yXmlFragmentToProseMirrorRootNode(fragment, SCHEMA).toJSON() as RichDoc);
}

function cleanRich(node: RichDoc): RichDoc {
  return {
    ...node,
    ...(typeof node.text === 'string' ? { text: cleanText(node.text) } : {}),
    ...(node.content ? { content: node.content.map(cleanRich) } : {}),
  };
}

/** Whether a section has any text worth a heading in a report. */
export function isEmptyRich(doc: RichDoc): boolean {
  return richPlainText(doc).trim() === '';
}

const BLOCK_CONTAINERS = new Set(['doc', 'blockquote', 'bulletList', 'orderedList', 'listItem']);

/** The text of a section, blocks separated by blank lines (for summaries and tests). */
export function richPlainText(doc: RichDoc): string {
  if (typeof doc.text === 'string') return doc.text;
  if (doc.type === 'hardBreak') return '\n';
  const parts = (doc.content ?? []).map(richPlainText);
  return parts.join(BLOCK_CONTAINERS.has(doc.type ?? '') ? '\n\n' : '');
}
