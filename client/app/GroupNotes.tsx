/**
 * A group's shared notes, co-edited live like an item's text: the same collaborative
 * editor over a Yjs document synced at `/sync/<docId>`, which only members may open.
 */
import { useEffect, useMemo, useState } from 'react';
import { CloseCode } from '../../shared/close-codes';
import { GROUP_NOTES_FIELD } from '../../shared/network/groups';
import { PresenceList } from '../features/presence/PresenceList';
import { colourFor } from '../features/presence/person-colour';
import {
  type CollabSession,
  localCopyName,
  openCollabSession,
  syncServerUrl,
} from '../features/sync/collab-session';
import { SyncStatus } from '../features/sync/SyncStatus';
import { CollaborativeEditor } from '../lib/editor/CollaborativeEditor';
import type { SignedIn } from './session';

export function GroupNotes(props: {
  session: SignedIn;
  docId: string;
  /** The socket was refused or closed for good (the person left, or was never a member). */
  onClosed(): void;
}) {
  const { session, docId, onClosed } = props;
  const { id: userId, name } = session.me.user;
  const user = useMemo(() => ({ id: userId, name, color: colourFor(userId) }), [userId, name]);
  const [collab, setCollab] = useState<CollabSession | null>(null);
  useEffect(() => {
    const opened = openCollabSession(docId, syncServerUrl(window.location), {
      localName: localCopyName(user.id, docId),
      readOnly: false,
    });
    opened.provider.awareness.setLocalStateField('user', user);
    const offClose = opened.onClose((code) => {
      if (code === CloseCode.Forbidden) onClosed();
    });
    setCollab(opened);
    return () => {
      offClose();
      opened.destroy();
    };
  }, [docId, user, onClosed]);
  if (!collab) return null;
  return (
    <section aria-labelledby="group-notes-heading" className="app-group-notes">
      <div className="document-page__header">
        <h2 className="nhsuk-heading-m" id="group-notes-heading">
          Shared notes
        </h2>
        <SyncStatus session={collab} readOnly={false} />
      </div>
      <CollaborativeEditor
        doc={collab.doc}
        provider={collab.provider}
        field={GROUP_NOTES_FIELD}
        user={user}
        label="The group’s shared notes"
      />
      <PresenceList awareness={collab.provider.awareness} />
    </section>
  );
}
