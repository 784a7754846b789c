/**
 * The words selected in a structured text field, as an anchor. The field is the
 * one whose input has focus; its name comes from the field presence that
 * `YTextField` publishes on focus (`fields.<name>`), which is the same key the
 * anchor's target uses. Only top-level fields have such keys (list cells do not).
 */
import { useEffect, useState } from 'react';
import type { Awareness } from 'y-protocols/awareness';
import * as Y from 'yjs';
import type { Anchor } from '../../../shared/comments';
import { fieldsMap } from '../../../shared/documents/item-doc';
import { fieldAnchor } from './anchor-codec';

const FIELD_PREFIX = 'fields.';

/** `undefined`: the focus is not in a text field, so the last selection stands. */
function currentFieldSelection(doc: Y.Doc, awareness: Awareness): Anchor | null | undefined {
  const element = document.activeElement;
  if (!(element instanceof HTMLTextAreaElement || element instanceof HTMLInputElement))
    return undefined;
  const key: unknown = awareness.getLocalState()?.field;
  if (typeof key !== 'string' || !key.startsWith(FIELD_PREFIX)) return undefined;
  const name = key.slice(FIELD_PREFIX.length);
  const text = fieldsMap(doc).get(name);
  if (!(text instanceof Y.Text) || element.value !== text.toString()) return undefined;
  const { selectionStart: from, selectionEnd: to } = element;
  if (from === null || to === null || to <= from) return null;
  return fieldAnchor(text, name, from, to);
}

function sameAnchor(a: Anchor | null, b: Anchor | null): boolean {
  return a === b || (!!a && !!b && a.target === b.target && a.start === b.start && a.end === b.end);
}

export function useFieldSelection(doc: Y.Doc, awareness: Awareness): [Anchor | null, () => void] {
  const [selection, setSelection] = useState<Anchor | null>(null);
  useEffect(() => {
    const update = () => {
      const found = currentFieldSelection(doc, awareness);
      if (found === undefined) return;
      setSelection((previous) => (sameAnchor(previous, found) ? previous : found));
    };
    // `select` reaches the document only while capturing; `selectionchange` also reports collapses.
    document.addEventListener('select', update, true);
    document.addEventListener('selectionchange', update);
    return () => {
      document.removeEventListener('select', update, true);
      document.removeEventListener('selectionchange', update);
    };
  }, [doc, awareness]);
  return [selection, () => setSelection(null)];
}

/** Ctrl+Alt+M comments on the selected words of a field (the rich-text editor has its own). */
export function useCommentShortcut(
  selection: Anchor | null,
  onComment: (anchor: Anchor) => void,
): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || !event.altKey || !(event.ctrlKey || event.metaKey)) return;
      if (event.code !== 'KeyM' || !selection) return;
      event.preventDefault();
      onComment(selection);
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [selection, onComment]);
}
