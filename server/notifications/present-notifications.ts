/**
 * Notifications as their recipient sees them: only those about items they may still
 * see, who did it named as they may know them (a reviewer sees another reviewer as
 * "Another reviewer", never by name, as in comments), with the lab's and item's
 * titles and the start of the comment when it still has words to show.
 */
import { ANOTHER_REVIEWER } from '../../shared/comment-authors';
import type { Comment } from '../../shared/comments';
import type { NotificationRecord, NotificationView } from '../../shared/schemas/notification';
import type { UserRecord } from '../../shared/schemas/records';
import { actorOf } from '../auth/authenticate';
import { isReviewerIn, itemRights } from '../auth/item-access';
import type { MetaStore } from '../store/meta-store';

/** What an erased account's actions are shown as (as their comments are). */
const FORMER_MEMBER = 'Former member';
const EXCERPT_LENGTH = 140;

/** The person's notifications about items they may see now, oldest first. */
export function visibleNotifications(meta: MetaStore, user: UserRecord): NotificationRecord[] {
  const actor = actorOf(user);
  const rights = new Map<string, boolean>();
  return meta.listNotifications(user.id).filter((each) => {
    let may = rights.get(each.itemId);
    if (may === undefined) {
      const item = meta.getItem(each.itemId);
      may = item !== null && item.archivedAt === null && itemRights(meta, actor, item) !== null;
      rights.set(each.itemId, may);
    }
    return may;
  });
}

export function unreadCount(meta: MetaStore, user: UserRecord): number {
  return visibleNotifications(meta, user).filter((each) => each.readAt === null).length;
}

function excerpt(comment: Comment | undefined): string | null {
  if (!comment || comment.deleted || comment.hidden !== null) return null;
  const text = comment.body.replace(/\s+/g, ' ').trim();
  return text.length > EXCERPT_LENGTH ? `${text.slice(0, EXCERPT_LENGTH - 1)}…` : text;
}

/** `records` (the recipient's, visible to them) as they see them, newest first. */
export async function presentNotifications(
  meta: MetaStore,
  readComments: (itemId: string) => Promise<readonly Comment[]>,
  user: UserRecord,
  records: readonly NotificationRecord[],
): Promise<NotificationView[]> {
  const comments = new Map<string, Map<string, Comment>>();
  for (const itemId of new Set(records.flatMap((x) => (x.commentId ? [x.itemId] : [])))) {
    comments.set(itemId, new Map((await readComments(itemId)).map((x) => [x.id, x])));
  }
  return [...records].reverse().map((record) => {
    const actor = meta.getUser(record.actorId);
    const hidden =
      isReviewerIn(meta, record.labId, record.actorId) && isReviewerIn(meta, record.labId, user.id);
    const actorName = hidden ? ANOTHER_REVIEWER : (actor?.name ?? FORMER_MEMBER);
    const comment =
      record.commentId === null ? undefined : comments.get(record.itemId)?.get(record.commentId);
    return {
      id: record.id,
      kind: record.kind,
      actorName,
      labId: record.labId,
      labTitle: meta.getLab(record.labId)?.title ?? '',
      itemId: record.itemId,
      itemTitle: meta.getItem(record.itemId)?.title ?? '',
      commentId: record.commentId,
      excerpt: excerpt(comment),
      createdAt: record.createdAt,
      read: record.readAt !== null,
    };
  });
}
