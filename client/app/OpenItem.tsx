/**
 * An item's document open for co-editing: title, save status, who is here and
 * the editor. Without edit rights the editor is read-only, there are no edit
 * controls, and a notice says what the person may do. The session is reopened
 * when write rights change, because a reader neither counts frames nor asks
 * for `Saved` acknowledgements.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { CloseCode } from '../../shared/close-codes';
import { ItemAccessNotice } from '../features/items/ItemAccessNotice';
import { ItemTitleForm } from '../features/items/ItemTitleForm';
import { PresenceList } from '../features/presence/PresenceList';
import { colourFor } from '../features/presence/person-colour';
import {
  type CollabSession,
  localCopyName,
  openCollabSession,
  syncServerUrl,
} from '../features/sync/collab-session';
import { SyncStatus } from '../features/sync/SyncStatus';
import type { ItemWithRights } from '../lib/api-types';
import { ITEM_KIND_LABELS } from '../lib/labels';
import { ItemBody } from './ItemBody';
import type { SignedIn } from './session';

export interface OpenItemProps {
  readonly session: SignedIn;
  readonly item: ItemWithRights;
  /** The item or the person's rights on it changed: fetch it again. */
  onItemChanged(): void;
  onSessionEnded(): void;
}

export function OpenItem({ session, item, onItemChanged, onSessionEnded }: OpenItemProps) {
  const { api, me } = session;
  const canWrite = item.rights === 'edit';
  const { id: userId, name } = me.user;
  // Exactly what the server's awareness guard accepts: this account's id and name.
  const user = useMemo(() => ({ id: userId, name, color: colourFor(userId) }), [userId, name]);
  const handlers = useRef({ onItemChanged, onSessionEnded });
  handlers.current = { onItemChanged, onSessionEnded };
  const [collab, setCollab] = useState<CollabSession | null>(null);
  useEffect(() => {
    const opened = openCollabSession(item.id, syncServerUrl(window.location), {
      localName: localCopyName(user.id, item.id),
      readOnly: !canWrite,
    });
    opened.provider.awareness.setLocalStateField('user', user);
    const offClose = opened.onClose((code) => {
      if (code === CloseCode.RightsChanged) handlers.current.onItemChanged();
      if (code === CloseCode.Unauthenticated) handlers.current.onSessionEnded();
    });
    setCollab(opened);
    return () => {
      offClose();
      opened.destroy();
    };
  }, [item.id, canWrite, user]);
  if (!collab) return null;
  const title = item.title || 'Untitled';
  return (
    <div className="document-page">
      <div className="document-page__header">
        <h1 className="nhsuk-heading-l document-page__title">
          <span className="nhsuk-caption-l">{ITEM_KIND_LABELS[item.kind]}</span> {title}
        </h1>
        <SyncStatus session={collab} readOnly={!canWrite} />
      </div>
      <ItemAccessNotice rights={item.rights} />
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-two-thirds">
          {canWrite && (
            <ItemTitleForm key={item.title} api={api} item={item} onRenamed={onItemChanged} />
          )}
          <ItemBody
            item={item}
            doc={collab.doc}
            provider={collab.provider}
            user={user}
            editable={canWrite}
            api={api}
          />
        </div>
        <div className="nhsuk-grid-column-one-third">
          <PresenceList awareness={collab.provider.awareness} />
        </div>
      </div>
    </div>
  );
}
