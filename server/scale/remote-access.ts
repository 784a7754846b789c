/**
 * What another process's metadata change means for this process's open sockets and
 * lab feeds, once the change is in this process's copy (so a client that reconnects
 * here is authorised against it): the same closes `app.ts` makes for a change made
 * here. A role change closes the person's sockets in the lab with 4501 (reconnect for
 * the new rights), a removal with 4403; an ended session or a revoked or deleted API
 * token closes the sockets opened with it (4401); a change of an item's sharing closes
 * the sockets on the item and its comments (4501); every item change reaches the lab
 * feeds, and every change to a person's notifications their open notification streams;
 * someone who left a group (or whose request went) has their sockets on its notes closed (4403).
 */
import { CloseCode } from '../../shared/close-codes';
import { commentsDocId } from '../../shared/comments';
import { groupNotesDocId } from '../../shared/network/groups';
import type { RemoteMetaChange } from '../store/meta-store';
import type { ConnectionOptions } from '../sync/connection';
import type { SocketAccess } from '../sync/lab-feeds';

export interface RemoteAccessTargets {
  /** Closes this process's sync sockets and lab feeds that `match` selects. */
  closeSockets(match: (access: SocketAccess) => boolean, code: CloseCode): void;
  /** Closes this process's document sockets (not lab feeds) that `match` selects. */
  closeDocSockets(match: (access: ConnectionOptions) => boolean, code: CloseCode): void;
  itemChanged(itemId: string): void;
  /** A person's notifications changed (new ones, read ones): their open streams here are told. */
  notificationsChanged(userId: string): void;
}

export function remoteAccessHandler(
  targets: RemoteAccessTargets,
): (change: RemoteMetaChange) => void {
  return (change) => {
    switch (change.family) {
      case 'memberships': {
        const { before, after } = change;
        if (before === null) return; // someone new: nothing open to close
        if (after !== null && after.role === before.role) return;
        const code = after === null ? CloseCode.Forbidden : CloseCode.RightsChanged;
        targets.closeSockets((c) => c.labId === before.labId && c.user.id === before.userId, code);
        return;
      }
      case 'sessions': {
        const { before, after } = change;
        if (before === null || after !== null) return;
        targets.closeSockets(
          (c) => c.sessionTokenHash === before.tokenHash,
          CloseCode.Unauthenticated,
        );
        return;
      }
      case 'apiTokens': {
        const { before, after } = change;
        if (before === null) return;
        if (after !== null && (after.revokedAt === null || before.revokedAt !== null)) return;
        targets.closeSockets((c) => c.apiTokenId === before.id, CloseCode.Unauthenticated);
        return;
      }
      case 'items': {
        const { before, after } = change;
        const item = after ?? before;
        if (item === null) return;
        targets.itemChanged(item.id);
        if (before !== null && after !== null && before.sharing !== after.sharing) {
          const docs = new Set([item.id, commentsDocId(item.id)]);
          targets.closeDocSockets((c) => docs.has(c.docId), CloseCode.RightsChanged);
        }
        return;
      }
      case 'groupMembers': {
        const { before, after } = change;
        if (before === null || after !== null) return;
        const docId = groupNotesDocId(before.groupId);
        targets.closeDocSockets(
          (c) => c.docId === docId && c.user.id === before.userId,
          CloseCode.Forbidden,
        );
        return;
      }
      case 'notifications': {
        const userId = (change.after ?? change.before)?.userId;
        if (userId !== undefined) targets.notificationsChanged(userId);
        return;
      }
      default:
        return;
    }
  };
}
