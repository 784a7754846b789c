/**
 * The lab's problem statement opened beside a driver diagram, so that its aim
 * can be edited from the aim node: the same document as the problem page's,
 * never a copy. Opened only for people the lab feed says may edit that item;
 * the server checks the right again on this connection and applies nothing
 * from anyone without it.
 */
import { useEffect, useState } from 'react';
import type * as Y from 'yjs';
import { openBackgroundDoc, syncServerUrl } from '../../lib/background-doc';

export type AimDoc =
  | { readonly status: 'closed' }
  | { readonly status: 'opening' }
  | { readonly status: 'ready'; readonly doc: Y.Doc }
  | { readonly status: 'refused' };

const CLOSED: AimDoc = { status: 'closed' };

/** The problem statement `problemId`'s document once loaded; closed for null. */
export function useAimDoc(problemId: string | null): AimDoc {
  const [state, setState] = useState<{ id: string; doc: AimDoc } | null>(null);
  useEffect(() => {
    if (problemId === null) return;
    setState({ id: problemId, doc: { status: 'opening' } });
    const opened = openBackgroundDoc(syncServerUrl(window.location), problemId, {
      onSynced: () => setState({ id: problemId, doc: { status: 'ready', doc: opened.doc } }),
      onRefused: () => setState({ id: problemId, doc: { status: 'refused' } }),
    });
    return () => opened.destroy();
  }, [problemId]);
  // A state left from a document since closed is never shown for another.
  if (problemId === null || state?.id !== problemId) {
    return problemId === null ? CLOSED : { status: 'opening' };
  }
  return state.doc;
}
