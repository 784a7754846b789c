/**
 * An item page opened straight from its address connects to the item's document
 * while the session and the item's summary are still being asked for: otherwise the
 * socket would open only once both had answered and the page had rendered, and
 * everything drawn from the document would wait for its handshake after that.
 *
 * The socket authenticates with the session cookie as any other, so the server
 * decides what it may do; until the page takes it, it publishes no presence and
 * keeps no copy on the device (whose copy is not known yet). The page takes it
 * once (`takeEarlyItemDoc`) and names the copy and the rights then. One the page
 * does not take (the session or the item was refused, the person went elsewhere)
 * is closed (`closeEarlyItemDoc`). One the server already refused is closed and
 * not handed over, so the page opens its own and shows the refusal as before.
 *
 * The sync code is imported here, not at the top: the first page does not carry it.
 */
import type { CollabSession } from '../features/sync/collab-session';

interface EarlyDoc {
  readonly itemId: string;
  /** Null until the sync code has loaded. */
  collab: CollabSession | null;
  /** False once taken or closed: a connection made after that is closed at once. */
  wanted: boolean;
}

let early: EarlyDoc | null = null;

export function openItemDocEarly(itemId: string): void {
  if (early?.itemId === itemId) return;
  closeEarlyItemDoc();
  const entry: EarlyDoc = { itemId, collab: null, wanted: true };
  early = entry;
  import('../features/sync/collab-session').then(
    ({ openCollabSession, syncServerUrl }) => {
      if (!entry.wanted) return;
      // Opened as a writer's would be (most who open an item may edit it); the page
      // says otherwise when it takes it (`onlyReads`).
      const collab = openCollabSession(itemId, syncServerUrl(window.location), {
        localName: null,
        readOnly: false,
      });
      // Nobody is named until the page knows who is signed in.
      collab.provider.awareness.setLocalState(null);
      entry.collab = collab;
    },
    () => {
      // The page loads the same code itself, and reports it if that fails too.
      if (early === entry) early = null;
    },
  );
}

/** The early connection to `itemId`'s document, handed over once; null if there is none to take. */
export function takeEarlyItemDoc(itemId: string): CollabSession | null {
  if (early?.itemId !== itemId) return null;
  const { collab } = early;
  early.wanted = false;
  early = null;
  if (collab?.connectionState() === 'refused') {
    collab.destroy();
    return null;
  }
  return collab;
}

/** Closes the early connection unless it is to `keep`'s document (a page that may still take it). */
export function closeEarlyItemDoc(keep: string | null = null): void {
  if (!early || early.itemId === keep) return;
  early.wanted = false;
  early.collab?.destroy();
  early = null;
}
