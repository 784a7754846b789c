/**
 * A text input's value bound to a Y.Text: local typing becomes the smallest delete and insert
 * (so two people typing in one cell merge), and another person's edit keeps this person's caret
 * where it was in the text.
 */
import { type ChangeEvent, type RefObject, useEffect, useState } from 'react';
import * as Y from 'yjs';
import { diffText } from '../../lib/YTextField';

type Caret = { start: number; end: number };

/** Moves a caret by the inserts and deletes of a remote change before it. */
export function shiftCaret(caret: Caret, delta: Y.YTextEvent['delta']): Caret {
  let { start, end } = caret;
  let index = 0;
  for (const op of delta) {
    if (op.retain) index += op.retain;
    else if (typeof op.insert === 'string') {
      if (index < start) start += op.insert.length;
      if (index < end) end += op.insert.length;
      index += op.insert.length;
    } else if (op.delete) {
      if (index < start) start -= Math.min(op.delete, start - index);
      if (index < end) end -= Math.min(op.delete, end - index);
    }
  }
  return { start, end };
}

/**
 * `text` may be missing (a row written before its column existed): the value is empty and the
 * first change calls `create` for the Y.Text to write into.
 */
export function useYText(
  text: Y.Text | null,
  create: () => Y.Text,
  ref: RefObject<HTMLInputElement | null>,
): [string, (event: ChangeEvent<HTMLInputElement>) => void] {
  const [value, setValue] = useState(() => text?.toString() ?? '');
  useEffect(() => {
    setValue(text?.toString() ?? '');
    if (!text) return;
    const observer = (event: Y.YTextEvent) => {
      const element = ref.current;
      const focused = element !== null && document.activeElement === element;
      const before = { start: element?.selectionStart ?? 0, end: element?.selectionEnd ?? 0 };
      const caret = event.transaction.local ? before : shiftCaret(before, event.delta);
      setValue(text.toString());
      if (element && focused)
        queueMicrotask(() => element.setSelectionRange(caret.start, caret.end));
    };
    text.observe(observer);
    return () => text.unobserve(observer);
  }, [text, ref]);
  const onChange = (event: ChangeEvent<HTMLInputElement>) => {
    const target = text ?? create();
    const { at, remove, insert } = diffText(target.toString(), event.target.value);
    const apply = () => {
      if (remove > 0) target.delete(at, remove);
      if (insert) target.insert(at, insert);
    };
    if (target.doc) target.doc.transact(apply);
    else apply();
    if (!(text instanceof Y.Text)) setValue(target.toString());
  };
  return [value, onChange];
}
