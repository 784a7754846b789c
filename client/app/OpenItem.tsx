/**
 * An item's document open for co-editing: title, save status, who is here, the
 * editor and the comments. Without edit rights the editor is read-only, there
 * are no edit controls, and a notice says what the person may do. The session is
 * reopened when write rights change, because a reader neither counts frames nor
 * asks for `Saved` acknowledgements.
 *
 * People who may only comment (reviewers: patients, carers, the public) get a
 * simpler page: how to comment in plain words, the text with the commented
 * passages marked, and their own comments with what the team did about them.
 */
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { CloseCode } from '../../shared/close-codes';
import { KIND_TERMS } from '../../shared/glossary';
import type { ItemWithRights } from '../../shared/schemas/api-responses';
import { anchorFromPositions } from '../features/comments/anchor-codec';
import { CommentsPanel, NewComment } from '../features/comments/CommentsPanel';
import { HowToComment } from '../features/comments/HowToComment';
import { SelectionBar } from '../features/comments/SelectionBar';
import {
  type CommentRights,
  type ItemComments,
  useItemComments,
} from '../features/comments/use-item-comments';
import { YourComments } from '../features/comments/YourComments';
import { ExportForm } from '../features/exports/ExportForm';
import { ChangesSinceSeen } from '../features/history/ChangesSinceSeen';
import { ItemAccessNotice } from '../features/items/ItemAccessNotice';
import { ItemDamageNotice } from '../features/items/ItemDamageNotice';
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
import type { EditorUser } from '../lib/editor/CollaborativeEditor';
import { type EditorCommenting, EditorCommentingContext } from '../lib/editor/editor-commenting';
import { GlossaryTip } from '../lib/GlossaryTip';
import { ITEM_KIND_LABELS } from '../lib/labels';
import { Link } from '../lib/navigation';
import { PersonalDataContext } from '../lib/personal-data';
import { UndoScope } from '../lib/undo/UndoScope';
import { takeEarlyItemDoc } from './early-item-doc';
import { ItemBody } from './ItemBody';
import { useItemPersonalDataGuard } from './item-personal-data';
import { may, useLab } from './lab-context';
import { paths } from './router';
import type { SignedIn } from './session';

/** Kinds drawn on a canvas: their page takes the whole window, and the side panel folds away. */
const CANVAS_KINDS: ReadonlySet<ItemWithRights['kind']> = new Set([
  'drivers',
  'fishbone',
  'process',
]);

// Reviewers cannot export; everyone else who can read an item can.
const ITEM_FORMATS = ['docx', 'pdf', 'md', 'html'] as const;
const ITEM_FORMATS_WITH_CSV = [...ITEM_FORMATS, 'csv'] as const;

export interface OpenItemProps {
  readonly session: SignedIn;
  readonly item: ItemWithRights;
  /** The item or the person's rights on it changed: fetch it again. */
  onItemChanged(): void;
  onSessionEnded(): void;
  /**
   * The session ended while the page was open: the document stops syncing, its
   * fields keep taking typing into this device's copy, and forms that would ask
   * the server (the title) are put away.
   */
  readonly signedOut: boolean;
}

interface ItemViewProps extends Omit<OpenItemProps, 'onSessionEnded'> {
  readonly collab: CollabSession;
  readonly user: EditorUser;
}

/** What this person may do with comments here; hiding is for the lab's facilitators. */
function useCommentRights(session: SignedIn, item: ItemWithRights): CommentRights {
  const [lab] = useLab(session.api, item.labId);
  const facilitator = lab.status === 'ready' && may(session, lab.data, 'lab.update');
  return useMemo(
    () => ({ comment: item.rights !== 'read', resolve: item.rights === 'edit', hide: facilitator }),
    [item.rights, facilitator],
  );
}

/** The editor's side of comments: passages to mark, and "Add a comment" for a selection. */
function useEditorCommenting(comments: ItemComments): EditorCommenting {
  const { passages, rights, startComment, chooseThread } = comments;
  return useMemo(
    () => ({
      passages,
      onAddComment: rights.comment ? (passage) => startComment(anchorFromPositions(passage)) : null,
      onPassageChosen: chooseThread,
    }),
    [passages, rights.comment, startComment, chooseThread],
  );
}

function Header({ item, collab }: { item: ItemWithRights; collab: CollabSession }) {
  return (
    <div className="document-page__header">
      <h1 className="nhsuk-heading-l document-page__title">
        <span className="nhsuk-caption-l">{ITEM_KIND_LABELS[item.kind]}</span>{' '}
        {item.title || 'Untitled'}
      </h1>
      <SyncStatus session={collab} readOnly={item.rights !== 'edit'} />
      <KindNote kind={item.kind} />
    </div>
  );
}

/** What kind of work this is, with the word explained (a note needs no explaining). */
function KindNote({ kind }: { kind: ItemWithRights['kind'] }) {
  const term = KIND_TERMS[kind];
  if (term === null) return null;
  return (
    <p className="nhsuk-body-s document-page__kind" data-testid="item-kind-note">
      This is a {ITEM_KIND_LABELS[kind].toLowerCase().replace('pdsa', 'PDSA')}.
      <GlossaryTip id={term} />
    </p>
  );
}

function SidePanelToggle(props: {
  open: boolean;
  controls: string;
  /** Reviewers cannot export: the button does not promise it. */
  canExport: boolean;
  onToggle(): void;
}) {
  return (
    <button
      type="button"
      className="nhsuk-button nhsuk-button--secondary nhsuk-button--small document-page__side-toggle"
      aria-expanded={props.open}
      aria-controls={props.controls}
      onClick={props.onToggle}
    >
      {props.open ? 'Hide side panel' : 'Show side panel'}
      <span className="nhsuk-u-visually-hidden">
        {props.canExport ? ': people here, comments and export' : ': people here and comments'}
      </span>
    </button>
  );
}

function ItemView({ session, item, onItemChanged, collab, user, signedOut }: ItemViewProps) {
  const canWrite = item.rights === 'edit';
  const wide = CANVAS_KINDS.has(item.kind);
  const reviewer = item.rights === 'comment';
  // Reviewers come to comment, and their comment button is in the panel: it starts open for
  // them, so a patient on a phone is not left to find it behind "Show side panel".
  const [sideOpen, setSideOpen] = useState(!wide || reviewer);
  const sideId = useId();
  const rights = useCommentRights(session, item);
  const comments = useItemComments({
    api: session.api,
    itemId: item.id,
    kind: item.kind,
    doc: collab.doc,
    awareness: collab.provider.awareness,
    serverUrl: syncServerUrl(window.location),
    userId: session.me.user.id,
    rights,
    labId: item.labId,
    userName: session.me.user.name,
    // Reviewers only comment; everyone else in the lab is staff and may list members.
    staff: item.rights !== 'comment',
  });
  const commenting = useEditorCommenting(comments);
  const guard = useItemPersonalDataGuard(session, item);
  const itemBody = (
    <ItemBody
      item={item}
      doc={collab.doc}
      provider={collab.provider}
      user={user}
      editable={canWrite}
      api={session.api}
    />
  );
  const body = canWrite ? (
    <UndoScope doc={collab.doc} kind={item.kind}>
      {itemBody}
    </UndoScope>
  ) : (
    itemBody
  );
  const showSide = !wide || sideOpen;
  return (
    <PersonalDataContext.Provider value={guard}>
      <EditorCommentingContext.Provider value={commenting}>
        <div className={`document-page${wide ? ' document-page--wide' : ''}`}>
          <Header item={item} collab={collab} />
          {wide && (
            <SidePanelToggle
              open={sideOpen}
              controls={sideId}
              canExport={item.rights !== 'comment'}
              onToggle={() => setSideOpen((open) => !open)}
            />
          )}
          <ItemAccessNotice rights={item.rights} />
          <ItemDamageNotice doc={collab.doc} kind={item.kind} />
          {reviewer && <HowToComment wholeDraftOnly={wide || item.kind === 'workshop'} />}
          {!reviewer && (
            <ChangesSinceSeen api={session.api} itemId={item.id} userId={session.me.user.id} />
          )}
          <div className="nhsuk-grid-row">
            <div className={showSide ? 'nhsuk-grid-column-two-thirds' : 'nhsuk-grid-column-full'}>
              {canWrite && !signedOut && (
                <ItemTitleForm
                  key={item.title}
                  api={session.api}
                  item={item}
                  onRenamed={onItemChanged}
                />
              )}
              {body}
            </div>
            <div className="nhsuk-grid-column-one-third" id={sideId} hidden={!showSide}>
              {reviewer && <NewComment comments={comments} wholeItem="the whole draft" />}
              {reviewer && <YourComments comments={comments} />}
              <PresenceList awareness={collab.provider.awareness} />
              {!reviewer && (
                <p className="nhsuk-body">
                  <Link href={paths.itemHistory(item.id)}>Versions and history</Link>
                </p>
              )}
              {!reviewer && <CommentsPanel comments={comments} />}
              {item.rights !== 'comment' && (
                <ExportForm
                  endpoint={`/api/items/${item.id}/export`}
                  formats={item.kind === 'measure' ? ITEM_FORMATS_WITH_CSV : ITEM_FORMATS}
                  heading="Export this item"
                  fallbackName={item.title || 'item'}
                />
              )}
            </div>
          </div>
          {reviewer && (
            <CommentsPanel comments={comments} heading="All comments" withNewComment={false} />
          )}
          <SelectionBar comments={comments} />
        </div>
      </EditorCommentingContext.Provider>
    </PersonalDataContext.Provider>
  );
}

export function OpenItem(props: OpenItemProps) {
  const { session, item, onItemChanged, onSessionEnded, signedOut } = props;
  const canWrite = item.rights === 'edit';
  const { id: userId, name } = session.me.user;
  // Exactly what the server's awareness guard accepts: this account's id and name.
  const user = useMemo(() => ({ id: userId, name, color: colourFor(userId) }), [userId, name]);
  const handlers = useRef({ onItemChanged, onSessionEnded });
  handlers.current = { onItemChanged, onSessionEnded };
  const [collab, setCollab] = useState<CollabSession | null>(null);
  useEffect(() => {
    const localName = localCopyName(user.id, item.id);
    const early = takeEarlyItemDoc(item.id);
    // The connection opened while the session was asked for, told now whose it is and
    // what they may do; else one opened now.
    if (early) {
      early.keepLocalCopy(localName);
      if (!canWrite) early.onlyReads();
    }
    const opened =
      early ??
      openCollabSession(item.id, syncServerUrl(window.location), {
        localName,
        readOnly: !canWrite,
      });
    // The whole state, not one field: an early connection publishes none until now.
    opened.provider.awareness.setLocalState({ ...opened.provider.awareness.getLocalState(), user });
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
  useEffect(() => {
    if (signedOut) collab?.signedOut();
  }, [collab, signedOut]);
  if (!collab) return null;
  return (
    <ItemView
      session={session}
      item={item}
      onItemChanged={onItemChanged}
      collab={collab}
      user={user}
      signedOut={signedOut}
    />
  );
}
