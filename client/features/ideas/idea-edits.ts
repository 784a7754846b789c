/**
 * Ideas changed in place on the board. The board shows every idea from the
 * registry; only an idea whose status someone changes here has its document
 * opened (that one alone, until the page goes), and the change is written into
 * it once it has loaded. Until then the card shows the new status, so it moves
 * at once; if the server refuses the document, the change is dropped and said so.
 */
import { useCallback, useEffect, useState } from 'react';
import type * as Y from 'yjs';
import { setFieldValue } from '../../../shared/documents/item-doc';
import type { IdeaStatus } from './idea-model';
import { useDocsChanges, useLabDocs } from './lab-docs';

export interface IdeaEdits {
  /** The documents opened for a change, once loaded, by idea id; live. */
  readonly docs: ReadonlyMap<string, Y.Doc>;
  /** Statuses chosen whose document has not loaded yet. */
  readonly pending: ReadonlyMap<string, IdeaStatus>;
  /** Why the last change could not be made, or null. */
  readonly failure: string | null;
  setStatus(id: string, status: IdeaStatus): void;
}

export function useIdeaEdits(): IdeaEdits {
  const [opened, setOpened] = useState<readonly string[]>([]);
  const [pending, setPending] = useState<ReadonlyMap<string, IdeaStatus>>(new Map());
  const [failure, setFailure] = useState<string | null>(null);
  const onRefused = useCallback((id: string) => {
    setOpened((ids) => ids.filter((each) => each !== id));
    setPending((before) => {
      const after = new Map(before);
      after.delete(id);
      return after;
    });
    setFailure('The change could not be saved: you may no longer change this idea.');
  }, []);
  const docs = useLabDocs(opened, onRefused);
  useDocsChanges(docs);
  useEffect(() => {
    const written = [...pending].filter(([id]) => docs.has(id));
    if (written.length === 0) return;
    for (const [id, status] of written) {
      const doc = docs.get(id);
      if (doc) setFieldValue(doc, 'idea', 'status', status);
    }
    setPending((before) => {
      const after = new Map(before);
      for (const [id] of written) after.delete(id);
      return after;
    });
  }, [docs, pending]);
  const setStatus = useCallback(
    (id: string, status: IdeaStatus) => {
      setFailure(null);
      const doc = docs.get(id);
      if (doc) {
        setFieldValue(doc, 'idea', 'status', status);
        return;
      }
      setPending((before) => new Map(before).set(id, status));
      setOpened((ids) => (ids.includes(id) ? ids : [...ids, id]));
    },
    [docs],
  );
  return { docs, pending, failure, setStatus };
}
