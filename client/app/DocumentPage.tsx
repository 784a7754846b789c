/** A document open for co-editing: title, status, who is here and the editor. */
import { useEffect, useId, useState } from 'react';
import { NOTE_BODY_FIELD } from '../../shared/document-schema';
import { rememberDocument } from '../features/documents/recent-documents';
import { UNTITLED, useTitle } from '../features/documents/use-title';
import { CollaborativeEditor } from '../features/editor/CollaborativeEditor';
import type { Identity } from '../features/identity/identity';
import { PresenceList } from '../features/presence/PresenceList';
import {
  type CollabSession,
  openCollabSession,
  syncServerUrl,
} from '../features/sync/collab-session';
import { SyncStatus } from '../features/sync/SyncStatus';

export function DocumentPage({ docId, identity }: { docId: string; identity: Identity }) {
  const [session, setSession] = useState<CollabSession | null>(null);
  useEffect(() => {
    const opened = openCollabSession(docId, syncServerUrl(window.location));
    opened.provider.awareness.setLocalStateField('user', identity);
    setSession(opened);
    return () => opened.destroy();
  }, [docId, identity]);
  if (!session) return null;
  return <OpenDocument docId={docId} session={session} identity={identity} />;
}

function OpenDocument(props: { docId: string; session: CollabSession; identity: Identity }) {
  const { docId, session, identity } = props;
  const [title, setTitle] = useTitle(session.doc);
  const titleInputId = useId();
  useEffect(() => {
    rememberDocument(window.localStorage, docId, title || UNTITLED);
    document.title = `${title || UNTITLED} – Improvement Lab`;
  }, [docId, title]);
  return (
    <div className="document-page">
      <div className="document-page__header">
        <h1 className="nhsuk-heading-l document-page__title">{title || UNTITLED}</h1>
        <SyncStatus session={session} />
      </div>
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-two-thirds">
          <div className="nhsuk-form-group">
            <label className="nhsuk-label" htmlFor={titleInputId}>
              Document title
            </label>
            <input
              className="nhsuk-input"
              id={titleInputId}
              type="text"
              value={title}
              maxLength={200}
              onChange={(event) => setTitle(event.target.value)}
            />
          </div>
          <h2 className="nhsuk-heading-s" id="editor-heading">
            Content
          </h2>
          <CollaborativeEditor
            doc={session.doc}
            provider={session.provider}
            field={NOTE_BODY_FIELD}
            user={identity}
            label={`Content of ${title || UNTITLED}`}
          />
        </div>
        <div className="nhsuk-grid-column-one-third">
          <PresenceList awareness={session.provider.awareness} />
        </div>
      </div>
    </div>
  );
}
