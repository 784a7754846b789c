/**
 * What a notification says and where it leads, in the same words on the
 * notifications page, in the header and in emails.
 */
import type { EmailDigestMode, NotificationKind, NotificationView } from './schemas/notification';

type Described = Pick<NotificationView, 'kind' | 'actorName' | 'itemTitle'>;

const SENTENCES: Readonly<Record<NotificationKind, (actor: string, item: string) => string>> = {
  reply: (actor, item) => `${actor} replied to your comment on “${item}”`,
  response: (actor, item) => `${actor} responded to what you said on “${item}” (“We did”)`,
  mention: (actor, item) => `${actor} mentioned you in a comment on “${item}”`,
  shared: (actor, item) => `${actor} shared “${item}” with you`,
};

export function notificationSentence(notification: Described): string {
  return SENTENCES[notification.kind](notification.actorName, notification.itemTitle);
}

/** The thread (or, for an item shared, the item) a notification is about, as a path. */
export function notificationPath(
  notification: Pick<NotificationView, 'itemId' | 'commentId'>,
): string {
  const item = `/items/${encodeURIComponent(notification.itemId)}`;
  return notification.commentId === null
    ? item
    : `${item}#comment-${encodeURIComponent(notification.commentId)}`;
}

export const EMAIL_DIGEST_LABELS: Readonly<Record<EmailDigestMode, string>> = {
  immediately: 'As they happen',
  daily: 'Once a day, in one email',
  never: 'Never: I will look in Improvement Lab',
};
