/**
 * React bindings for Yjs types: a component re-renders when the shared type (or
 * anything inside it) changes, from this person or from anyone else.
 */
import { useEffect, useReducer } from 'react';
import type * as Y from 'yjs';

/** Re-renders on any change inside `type` (deep). Returns a counter that changes with it. */
// biome-ignore lint/suspicious/noExplicitAny: Yjs types are invariant in their event type; any shared type will do here.
export function useYChanges(type: Y.AbstractType<any> | null): number {
  const [version, bump] = useReducer((n: number) => n + 1, 0);
  useEffect(() => {
    if (!type) return;
    const listener = () => bump();
    type.observeDeep(listener);
    return () => type.unobserveDeep(listener);
  }, [type]);
  return version;
}

/**
 * Re-renders when `type`'s own entries change (keys added, removed or replaced),
 * not on edits inside them: for forms whose fields arrive when the document loads.
 */
// biome-ignore lint/suspicious/noExplicitAny: Yjs types are invariant in their event type; any shared type will do here.
export function useYShallowChanges(type: Y.AbstractType<any> | null): number {
  const [version, bump] = useReducer((n: number) => n + 1, 0);
  useEffect(() => {
    if (!type) return;
    const listener = () => bump();
    type.observe(listener);
    return () => type.unobserve(listener);
  }, [type]);
  return version;
}
