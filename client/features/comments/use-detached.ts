/**
 * Which threads' passages are gone from the item, kept current as the item is
 * edited. Components re-render only when that set changes, not on every keystroke.
 */
import { useEffect, useMemo, useState } from 'react';
import type * as Y from 'yjs';
import { isDetached } from './passage-state';
import type { Thread } from './threads';

function detachedKey(doc: Y.Doc, threads: readonly Thread[]): string {
  return threads
    .filter(({ root }) => root.anchor !== null && isDetached(doc, root.anchor))
    .map(({ root }) => root.id)
    .join('\n');
}

export function useDetached(doc: Y.Doc, threads: readonly Thread[]): ReadonlySet<string> {
  const [key, setKey] = useState(() => detachedKey(doc, threads));
  useEffect(() => {
    const update = () => setKey(detachedKey(doc, threads));
    update();
    doc.on('update', update);
    return () => doc.off('update', update);
  }, [doc, threads]);
  return useMemo(() => new Set(key === '' ? [] : key.split('\n')), [key]);
}
