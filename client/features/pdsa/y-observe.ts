/**
 * Narrow Yjs subscriptions for the worksheet: a whole-form re-render on every
 * keystroke would be wasteful, so the form follows its maps and lists shallowly
 * (a field set, a row added) and each piece of text follows only itself.
 */
import { useEffect, useReducer, useState } from 'react';
import type * as Y from 'yjs';

interface Observable {
  observe(listener: () => void): void;
  unobserve(listener: () => void): void;
}

/** Re-renders when `type` itself changes (keys set, items added or removed), not its contents. */
export function useShallowYChanges(type: Observable | null): void {
  const [, bump] = useReducer((n: number) => n + 1, 0);
  useEffect(() => {
    if (!type) return;
    const listener = () => bump();
    type.observe(listener);
    return () => type.unobserve(listener);
  }, [type]);
}

/** The current string of a Y.Text ('' when there is none), following every change. */
export function useYTextValue(text: Y.Text | null): string {
  const [value, setValue] = useState(() => text?.toString() ?? '');
  useEffect(() => {
    if (!text) {
      setValue('');
      return;
    }
    const listener = () => setValue(text.toString());
    listener();
    text.observe(listener);
    return () => text.unobserve(listener);
  }, [text]);
  return value;
}
