/** The document's title, kept in its `meta` map so that every copy shows the same one. */
import { useCallback, useEffect, useState } from 'react';
import type * as Y from 'yjs';
import { META_MAP, MetaKey } from '../../../shared/document-schema';

export const UNTITLED = 'Untitled document';

function readTitle(doc: Y.Doc): string {
  const value = doc.getMap(META_MAP).get(MetaKey.Title);
  return typeof value === 'string' ? value : '';
}

export function useTitle(doc: Y.Doc): [string, (title: string) => void] {
  const [title, setTitleState] = useState(() => readTitle(doc));
  useEffect(() => {
    const meta = doc.getMap(META_MAP);
    const update = () => setTitleState(readTitle(doc));
    update();
    meta.observe(update);
    return () => meta.unobserve(update);
  }, [doc]);
  const setTitle = useCallback(
    (next: string) => doc.getMap(META_MAP).set(MetaKey.Title, next.slice(0, 200)),
    [doc],
  );
  return [title, setTitle];
}
