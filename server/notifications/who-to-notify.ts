/**
 * Who is notified of what. Comments: the people earlier in a thread hear of a reply
 * to it, the commenter of the response to what they said ("We did"), and the people
 * a staff member @mentions (lab members who may see the item) that they were; a
 * reviewer's @mentions are ignored. An item whose sharing changed notifies each
 * reviewer who can see it now and could not before. Nobody is notified of what they
 * did themselves, or of an item they may not see; one comment notifies a person once.
 */
import type { Comment } from '../../shared/comments';
import { findMentions } from '../../shared/mentions';
import type { NotificationKind, NotificationRecord } from '../../shared/schemas/notification';
import type { ItemRecord } from '../../shared/schemas/records';
import { actorOf } from '../auth/authenticate';
import { isReviewerIn, itemRights } from '../auth/item-access';
import { newId } from '../auth/secrets';
import type { MetaStore } from '../store/meta-store';

/** What happened to a comment, with the comments of its item as they are now. */
export type CommentEvent =
  | { readonly kind: 'created'; readonly comment: Comment; readonly all: readonly Comment[] }
  | { readonly kind: 'edited'; readonly comment: Comment; readonly before: Comment }
  | { readonly kind: 'resolved'; readonly comment: Comment };

function maySee(meta: MetaStore, userId: string, item: ItemRecord): boolean {
  const user = meta.getUser(userId);
  if (!user || user.deactivatedAt) return false;
  return itemRights(meta, actorOf(user), item) !== null;
}

/** The lab's members (but the author) who may see the item, as a staff member may mention them. */
export function mentionableMembers(
  meta: MetaStore,
  item: ItemRecord,
  authorId: string,
): Array<{ id: string; name: string }> {
  if (isReviewerIn(meta, item.labId, authorId)) return [];
  return meta.listMembers(item.labId).flatMap((membership) => {
    if (membership.userId === authorId || !maySee(meta, membership.userId, item)) return [];
    const user = meta.getUser(membership.userId);
    return user ? [{ id: user.id, name: user.name }] : [];
  });
}

function mentioned(meta: MetaStore, item: ItemRecord, authorId: string, body: string): string[] {
  return findMentions(body, mentionableMembers(meta, item, authorId));
}

export function commentNotifications(
  meta: MetaStore,
  item: ItemRecord,
  actorId: string,
  event: CommentEvent,
  at: string,
): NotificationRecord[] {
  // Later entries do not replace earlier ones: a mention is said first, as it says most.
  const wanted = new Map<string, NotificationKind>();
  const add = (userId: string, kind: NotificationKind) => {
    if (!wanted.has(userId)) wanted.set(userId, kind);
  };
  const { comment } = event;
  if (event.kind === 'created') {
    for (const userId of mentioned(meta, item, actorId, comment.body)) add(userId, 'mention');
    if (comment.replyTo !== null) {
      const thread = event.all.filter(
        (x) =>
          (x.id === comment.replyTo || x.replyTo === comment.replyTo) &&
          x.id !== comment.id &&
          !x.deleted &&
          x.hidden === null,
      );
      for (const x of thread) add(x.author.id, 'reply');
    }
  } else if (event.kind === 'edited') {
    const before = new Set(mentioned(meta, item, actorId, event.before.body));
    for (const userId of mentioned(meta, item, actorId, comment.body))
      if (!before.has(userId)) add(userId, 'mention');
  } else {
    add(comment.author.id, 'response');
  }
  return [...wanted].flatMap(([userId, kind]) =>
    userId === actorId || !maySee(meta, userId, item)
      ? []
      : [
          {
            id: newId(),
            userId,
            kind,
            labId: item.labId,
            itemId: item.id,
            commentId: comment.id,
            actorId,
            createdAt: at,
            readAt: null,
            emailedAt: null,
          },
        ],
  );
}

/**
 * The reviewers of the item's lab who can see it as `after` and could not as `before`
 * (its sharing changed), each to be told it was shared with them.
 */
export function sharedNotifications(
  meta: MetaStore,
  before: ItemRecord,
  after: ItemRecord,
  actorId: string,
  at: string,
): NotificationRecord[] {
  return meta.listMembers(after.labId).flatMap((membership) => {
    const { userId } = membership;
    if (membership.role !== 'reviewer' || userId === actorId) return [];
    const user = meta.getUser(userId);
    if (!user || user.deactivatedAt) return [];
    const actor = actorOf(user);
    if (itemRights(meta, actor, before) !== null || itemRights(meta, actor, after) === null)
      return [];
    return [
      {
        id: newId(),
        userId,
        kind: 'shared' as const,
        labId: after.labId,
        itemId: after.id,
        commentId: null,
        actorId,
        createdAt: at,
        readAt: null,
        emailedAt: null,
      },
    ];
  });
}
