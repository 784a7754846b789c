/**
 * Other items' documents opened alongside a page, to read what the registry does
 * not keep (a measure's data, a driver diagram's links) or to change an idea in
 * place from the board, without opening each item's page. Lists read the
 * registry (`lib/lab-items.tsx`) and open none of these. Unlike an item page's
 * session they keep no copy on the device and publish no awareness state: a
 * glance from a list is not a visit, so nobody sees the reader "here". The server
 * applies a change through them only for people with edit rights.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import type * as Y from 'yjs';
import { openBackgroundDoc, syncServerUrl } from '../../lib/background-doc';

interface OpenedDoc {
  readonly doc: Y.Doc;
  synced: boolean;
  destroy(): void;
}

function openDoc(id: string, onSynced: () => void, onRefused: () => void): OpenedDoc {
  let opened: OpenedDoc | null = null;
  const background = openBackgroundDoc(syncServerUrl(window.location), id, {
    onSynced: () => {
      if (!opened || opened.synced) return;
      opened.synced = true;
      onSynced();
    },
    onRefused,
  });
  opened = { doc: background.doc, synced: false, destroy: background.destroy };
  return opened;
}

const NONE: ReadonlyMap<string, Y.Doc> = new Map();

/**
 * The documents of `ids` that have loaded from the server, by id; ids added
 * later are opened and removed ones closed, and all close when the page goes.
 * `onRefused` hears of a document the server refused for good.
 */
export function useLabDocs(
  ids: readonly string[],
  onRefused?: (id: string) => void,
): ReadonlyMap<string, Y.Doc> {
  const key = [...new Set(ids)].sort().join(' ');
  const opened = useRef(new Map<string, OpenedDoc>());
  const [version, setVersion] = useState(0);
  const refusedRef = useRef(onRefused);
  refusedRef.current = onRefused;
  useEffect(() => {
    const wanted = new Set(key === '' ? [] : key.split(' '));
    const current = opened.current;
    for (const [id, each] of current) {
      if (wanted.has(id)) continue;
      each.destroy();
      current.delete(id);
    }
    const bump = () => setVersion((v) => v + 1);
    for (const id of wanted) {
      if (!current.has(id))
        current.set(
          id,
          openDoc(id, bump, () => refusedRef.current?.(id)),
        );
    }
    bump();
  }, [key]);
  useEffect(() => {
    const current = opened.current;
    return () => {
      for (const each of current.values()) each.destroy();
      current.clear();
    };
  }, []);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `version` changes whenever a document loads.
  return useMemo(() => {
    const docs = new Map<string, Y.Doc>();
    for (const [id, each] of opened.current) if (each.synced) docs.set(id, each.doc);
    return docs.size === 0 ? NONE : docs;
  }, [version]);
}

/** Re-renders whenever any of `docs` changes, from this person or anyone else. */
export function useDocsChanges(docs: ReadonlyMap<string, Y.Doc>): number {
  const [version, setVersion] = useState(0);
  useEffect(() => {
    const listener = () => setVersion((v) => v + 1);
    for (const doc of docs.values()) doc.on('update', listener);
    return () => {
      for (const doc of docs.values()) doc.off('update', listener);
    };
  }, [docs]);
  return version;
}
