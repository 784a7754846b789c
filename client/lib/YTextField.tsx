/**
 * A text input or textarea bound to a Y.Text, so two people typing in the same
 * field merge character by character instead of overwriting each other. Local
 * edits become the smallest insert/delete; remote edits keep the caret in place.
 * Shows who else is in the field, and warns beside it about text that looks like
 * personal data (`field-guard.tsx`).
 */
import { type ChangeEvent, useEffect, useId, useRef, useState } from 'react';
import type { Awareness } from 'y-protocols/awareness';
import type * as Y from 'yjs';
import { useFieldGuard } from './field-guard';
import { setActiveField, useFieldVisitors } from './field-presence';

export interface YTextFieldProps {
  readonly text: Y.Text;
  /** Stable key for presence, e.g. `fields.objective`. */
  readonly fieldKey: string;
  readonly label: string;
  readonly hint?: string;
  readonly awareness: Awareness | null;
  readonly editable: boolean;
  readonly multiline?: boolean;
  readonly rows?: number;
}

/** The edit that turns `before` into `after`: one delete and one insert at the first difference. */
export function diffText(
  before: string,
  after: string,
): { at: number; remove: number; insert: string } {
  let start = 0;
  while (start < before.length && start < after.length && before[start] === after[start])
    start += 1;
  let endBefore = before.length;
  let endAfter = after.length;
  while (endBefore > start && endAfter > start && before[endBefore - 1] === after[endAfter - 1]) {
    endBefore -= 1;
    endAfter -= 1;
  }
  return { at: start, remove: endBefore - start, insert: after.slice(start, endAfter) };
}

export function YTextField(props: YTextFieldProps) {
  const { text, fieldKey, label, hint, awareness, editable, multiline = false, rows = 3 } = props;
  const [value, setValue] = useState(() => text.toString());
  const ref = useRef<HTMLInputElement & HTMLTextAreaElement>(null);
  const id = useId();
  const visitors = useFieldVisitors(awareness, fieldKey);
  const guard = useFieldGuard(text, fieldKey, editable);

  useEffect(() => {
    const observer = (event: Y.YTextEvent) => {
      const element = ref.current;
      let start = element?.selectionStart ?? null;
      let end = element?.selectionEnd ?? null;
      if (!event.transaction.local && start !== null && end !== null) {
        // Shift the caret by what others inserted or deleted before it.
        let index = 0;
        for (const op of event.delta) {
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
      }
      setValue(text.toString());
      if (element && start !== null && end !== null && document.activeElement === element) {
        queueMicrotask(() => element.setSelectionRange(start, end));
      }
    };
    setValue(text.toString());
    text.observe(observer);
    return () => text.unobserve(observer);
  }, [text]);

  const onChange = (event: ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => {
    const { at, remove, insert } = diffText(text.toString(), event.target.value);
    text.doc?.transact(() => {
      if (remove > 0) text.delete(at, remove);
      if (insert) text.insert(at, insert);
    });
  };
  const common = {
    id,
    className: multiline ? 'nhsuk-textarea' : 'nhsuk-input',
    value,
    readOnly: !editable,
    'aria-describedby': hint || visitors.length > 0 ? `${id}-hint` : undefined,
    onChange,
    onFocus: () => awareness && setActiveField(awareness, fieldKey),
    onBlur: () => {
      if (awareness) setActiveField(awareness, null);
      guard.check();
    },
  };
  return (
    <div className="nhsuk-form-group y-field">
      <label className="nhsuk-label" htmlFor={id}>
        {label}
      </label>
      {(hint || visitors.length > 0) && (
        <div className="nhsuk-hint" id={`${id}-hint`}>
          {hint}
          {visitors.length > 0 && (
            <span className="y-field__visitors">
              {' '}
              {visitors.map((v) => v.name).join(', ')} {visitors.length === 1 ? 'is' : 'are'}{' '}
              editing this
            </span>
          )}
        </div>
      )}
      {multiline ? (
        <textarea ref={ref} rows={rows} {...common} />
      ) : (
        <input ref={ref} type="text" {...common} />
      )}
      {guard.notice}
    </div>
  );
}
