/**
 * Everything the item page needs for comments: the live threads, what this
 * person may do with them, the form being written (a new comment, on a passage
 * or on the whole item), the thread being looked at, and the passages to mark
 * in the text. Pages compose the panel, the editor marks and the selection bar
 * from this one state.
 */
import { Api } from '../../../shared/api-routes';
import { useCallback, useMemo, useState } from 'react';
import type { Awareness } from 'y-protocols/awareness';
import type * as Y from 'yjs';
import { resolveAnchor } from '../../../shared/comment-anchors';
import type { Anchor } from '../../../shared/comments';
import { KINDS } from '../../../shared/documents/item-kinds';
import type { ItemKind } from '../../../shared/schemas/records';
import type { Mentionable } from '../../../shared/mentions';
import type { ApiClient } from '../../lib/api';
import { useCommentLink } from './use-comment-link';
import { anchorPositions } from './anchor-codec';
import { type NameOf, useAuthorNames } from './author-names';
import { type CommentActions, commentActions } from './comment-actions';
import { useCommentsFeed } from './comments-feed';
import { useCommentShortcut, useFieldSelection } from './field-selection';
import { ALL_THREADS, buildThreads, type Thread, type ThreadFilter } from './threads';

export interface CommentRights {
  /** Write comments and replies. */
  readonly comment: boolean;
  /** Resolve with a response, and reopen (edit rights). */
  readonly resolve: boolean;
  /** Hide anyone's comment (facilitators). */
  readonly hide: boolean;
}

export interface PassageMark {
  readonly id: string;
  readonly start: Y.RelativePosition;
  readonly end: Y.RelativePosition;
  readonly active: boolean;
}

export interface ItemCommentsOptions {
  readonly api: ApiClient;
  readonly itemId: string;
  readonly kind: ItemKind;
  readonly doc: Y.Doc;
  readonly awareness: Awareness;
  readonly serverUrl: string;
  readonly userId: string;
  readonly rights: CommentRights;
  readonly labId: string;
  /** The viewer's own name, and whether they are staff (not a reviewer), to name authors. */
  readonly userName: string;
  readonly staff: boolean;
}

export interface ItemComments {
  readonly synced: boolean;
  readonly threads: readonly Thread[];
  readonly doc: Y.Doc;
  readonly kind: ItemKind;
  readonly userId: string;
  /** What to call a comment's author, for this viewer. */
  readonly nameOf: NameOf;
  readonly rights: CommentRights;
  readonly actions: CommentActions;
  /** Staff: who may be @mentioned in a comment on this item; null for reviewers. */
  readonly mentionable: (() => Promise<readonly Mentionable[]>) | null;
  readonly filter: ThreadFilter;
  setFilter(filter: ThreadFilter): void;
  /** The new comment being written: on a passage, or on the whole item (`anchor` null). */
  readonly draft: { readonly anchor: Anchor | null } | null;
  startComment(anchor: Anchor | null): void;
  closeDraft(): void;
  /** The words selected in a text field, offered for a comment. */
  readonly fieldSelection: Anchor | null;
  readonly active: string | null;
  /** Shows a thread in the panel (from its passage in the text). */
  chooseThread(id: string): void;
  /** Shows a thread's passage in the text. */
  showPassage(thread: Thread): void;
  /** Passages to mark, by section fragment name. */
  readonly passages: ReadonlyMap<string, readonly PassageMark[]>;
}

export const threadHeadingId = (id: string): string => `comment-thread-${id}`;

function passageMarks(
  threads: readonly Thread[],
  active: string | null,
): Map<string, PassageMark[]> {
  const marks = new Map<string, PassageMark[]>();
  for (const { root } of threads) {
    const positions = root.anchor && !root.deleted ? anchorPositions(root.anchor) : null;
    if (!root.anchor || !positions) continue;
    const mark = { id: root.id, ...positions, active: root.id === active };
    marks.set(root.anchor.target, [...(marks.get(root.anchor.target) ?? []), mark]);
  }
  return marks;
}

/** Focuses a structured field and selects the passage in it (its input found by label). */
function showFieldPassage(doc: Y.Doc, kind: ItemKind, anchor: Anchor): void {
  const spec = KINDS[kind].fields[anchor.target.slice('fields.'.length)];
  const resolved = resolveAnchor(doc, anchor);
  if (!spec || resolved.detached) return;
  const label = [...document.querySelectorAll('label')].find(
    (candidate) => candidate.textContent === spec.label,
  );
  const control = label?.control;
  if (!(control instanceof HTMLTextAreaElement || control instanceof HTMLInputElement)) return;
  control.focus();
  control.setSelectionRange(resolved.from, resolved.to);
  control.scrollIntoView({ block: 'center' });
}

function scrollToPassage(id: string): void {
  requestAnimationFrame(() =>
    document
      .querySelector(`[data-passage-id="${CSS.escape(id)}"]`)
      ?.scrollIntoView({ block: 'center' }),
  );
}

/** Which thread is being looked at and which are shown; moving between a thread and its passage. */
function useThreadNavigation(doc: Y.Doc, kind: ItemKind) {
  const [filter, setFilter] = useState<ThreadFilter>(ALL_THREADS);
  const [active, setActive] = useState<string | null>(null);
  const chooseThread = useCallback((id: string) => {
    setActive(id);
    // A thread hidden by the filters would not be there to show.
    setFilter(ALL_THREADS);
    requestAnimationFrame(() => document.getElementById(threadHeadingId(id))?.focus());
  }, []);
  const showPassage = useCallback(
    ({ root }: Thread) => {
      setActive(root.id);
      if (root.anchor?.target.startsWith('fields.')) showFieldPassage(doc, kind, root.anchor);
      else if (root.anchor) scrollToPassage(root.id);
    },
    [doc, kind],
  );
  return { filter, setFilter, active, chooseThread, showPassage };
}

export function useItemComments(options: ItemCommentsOptions): ItemComments {
  const { api, itemId, kind, doc, awareness, serverUrl, userId, rights } = options;
  const feed = useCommentsFeed(itemId, serverUrl);
  const nameOf = useAuthorNames(api, options.labId, {
    userId,
    name: options.userName,
    staff: options.staff,
  });
  const threads = useMemo(() => buildThreads(feed.comments), [feed.comments]);
  const actions = useMemo(() => commentActions(api, itemId), [api, itemId]);
  const mentionable = useMemo(() => {
    if (!options.staff) return null;
    let people: Promise<readonly Mentionable[]> | null = null;
    return () => {
      people ??= api
        .call(Api.notifications.mentionable, { params: { itemId } })
        .then((answer) => answer.people);
      return people;
    };
  }, [api, itemId, options.staff]);
  const navigation = useThreadNavigation(doc, kind);
  const [draft, setDraft] = useState<{ anchor: Anchor | null } | null>(null);
  const [fieldSelection, clearFieldSelection] = useFieldSelection(doc, awareness);
  const { active } = navigation;
  const passages = useMemo(() => passageMarks(threads, active), [threads, active]);
  useCommentLink(feed.synced, threads, navigation.chooseThread);
  const startComment = useCallback(
    (anchor: Anchor | null) => {
      if (rights.comment) setDraft({ anchor });
    },
    [rights.comment],
  );
  const closeDraft = useCallback(() => {
    setDraft(null);
    clearFieldSelection();
  }, [clearFieldSelection]);
  useCommentShortcut(fieldSelection, startComment);
  return {
    ...navigation,
    synced: feed.synced,
    threads,
    doc,
    kind,
    userId,
    nameOf,
    rights,
    actions,
    mentionable,
    draft,
    startComment,
    closeDraft,
    fieldSelection,
    passages,
  };
}
