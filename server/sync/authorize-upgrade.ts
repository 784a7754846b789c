/**
 * Decides, once per WebSocket at upgrade, who is connecting and what they may do
 * with the document: the same authentication as the API (session cookie, or a
 * personal API token in `Authorization: Bearer` or the `access_token` query
 * parameter for clients that cannot set headers) and the same shared policy.
 */

import type { Context } from 'hono';
import { CloseCode } from '../../shared/close-codes';
import { commentsDocId, itemIdOfCommentsDoc } from '../../shared/comments';
import { isDocId } from '../../shared/doc-id';
import { groupIdOfNotesDoc, groupNotesDocId } from '../../shared/network/groups';
import { canWrite, mayInGroup } from '../../shared/policy';
import type { DocRights } from '../../shared/roles';
import {
  type Authenticated,
  accessExpiresAt,
  actorOf,
  authenticateApiToken,
  authenticateSession,
  bearerToken,
} from '../auth/authenticate';
import { originMatches } from '../auth/csrf';
import { isReviewerIn, itemRights } from '../auth/item-access';
import { readSessionCookie } from '../auth/session-cookie';
import type { MetaStore } from '../store/meta-store';

export const ACCESS_TOKEN_PARAM = 'access_token';

export type UpgradeDecision =
  | {
      ok: true;
      docId: string;
      /** The item's lab; for a group's notes, the notes' own id (they belong to no lab). */
      labId: string;
      userId: string;
      userName: string;
      /** A reviewer in the item's lab (shown to other reviewers without a name). */
      isReviewer: boolean;
      rights: DocRights;
      canWrite: boolean;
      sessionTokenHash: string | null;
      apiTokenId: string | null;
      /** When the session or token ends (ms since the epoch), or null. */
      expiresAt: number | null;
    }
  | UpgradeRefusal;

export interface UpgradeRefusal {
  readonly ok: false;
  readonly code: CloseCode;
  readonly reason: string;
}

/** Who is connecting (the Origin checked first), or why the connection is refused. */
export function authenticateUpgrade(
  c: Context,
  meta: MetaStore,
  now: Date,
): { ok: true; found: Authenticated } | UpgradeRefusal {
  if (!originMatches(c.req.header('origin'), c.req.header('host'))) {
    return { ok: false, code: CloseCode.Forbidden, reason: 'cross-origin connection refused' };
  }
  const token = bearerToken(c.req.header('authorization')) ?? c.req.query(ACCESS_TOKEN_PARAM);
  const found = token
    ? authenticateApiToken(meta, token, now)
    : authenticateSession(meta, readSessionCookie(c), now);
  if (!found) return { ok: false, code: CloseCode.Unauthenticated, reason: 'no valid session' };
  return { ok: true, found };
}

export function authorizeUpgrade(c: Context, meta: MetaStore, now: Date): UpgradeDecision {
  const docId = c.req.param('docId') ?? '';
  if (!isDocId(docId))
    return { ok: false, code: CloseCode.InvalidDocumentId, reason: 'invalid document id' };
  const authenticated = authenticateUpgrade(c, meta, now);
  if (!authenticated.ok) return authenticated;
  const { found } = authenticated;
  const groupId = groupIdOfNotesDoc(docId);
  if (groupId !== null) return authorizeGroupNotes(meta, groupId, found);
  // A comments document goes with its item: whoever may see the item may read its
  // comments, and nobody writes to it but the server.
  const commentsOf = itemIdOfCommentsDoc(docId);
  const item = meta.getItem(commentsOf ?? docId);
  const rights = item ? itemRights(meta, actorOf(found.user), item) : null;
  if (!item || rights === null)
    return { ok: false, code: CloseCode.Forbidden, reason: 'not a member' };
  return {
    ok: true,
    // The stored id, not the one read from the request: a connection keeps its decision,
    // and a string cut from the request's URL would keep the whole URL (and any token in it).
    docId: commentsOf ? commentsDocId(item.id) : item.id,
    labId: item.labId,
    userId: found.user.id,
    userName: found.user.name,
    isReviewer: isReviewerIn(meta, item.labId, found.user.id),
    rights: commentsOf ? 'read' : rights,
    canWrite: commentsOf ? false : canWrite(rights),
    sessionTokenHash: found.session?.tokenHash ?? null,
    apiTokenId: found.token?.id ?? null,
    expiresAt: accessExpiresAt(found),
  };
}

/** A group's notes: its members edit them; nobody else may open them, administrators included. */
function authorizeGroupNotes(
  meta: MetaStore,
  groupId: string,
  found: Authenticated,
): UpgradeDecision {
  const group = meta.getGroup(groupId);
  const place = group ? meta.getGroupMember(group.id, found.user.id) : null;
  if (!group || !mayInGroup(actorOf(found.user), place, 'group.notes'))
    return { ok: false, code: CloseCode.Forbidden, reason: 'not a group member' };
  const docId = groupNotesDocId(group.id);
  return {
    ok: true,
    docId,
    labId: docId,
    userId: found.user.id,
    userName: found.user.name,
    isReviewer: false,
    rights: 'edit',
    canWrite: true,
    sessionTokenHash: found.session?.tokenHash ?? null,
    apiTokenId: found.token?.id ?? null,
    expiresAt: accessExpiresAt(found),
  };
}
