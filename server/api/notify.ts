/**
 * Where the API tells people of what concerns them (`server/notifications/`): after a
 * comment is written and after an item's sharing changed. A failure to notify is
 * logged and never undoes or fails the change that was made.
 */
import type { NotificationRecord } from '../../shared/schemas/notification';
import type { ItemRecord } from '../../shared/schemas/records';
import {
  type CommentEvent,
  commentNotifications,
  sharedNotifications,
} from '../notifications/who-to-notify';
import { type ApiContext, requireAuth } from './context';

async function deliver(c: ApiContext, make: () => NotificationRecord[]): Promise<void> {
  const { notifier, logger } = c.get('deps');
  try {
    await notifier.notify(make());
  } catch (error) {
    logger.error('notifications could not be stored; the change itself was made', { error });
  }
}

export function notifyOfComment(c: ApiContext, item: ItemRecord, event: CommentEvent) {
  const { meta, now } = c.get('deps');
  const actorId = requireAuth(c).user.id;
  return deliver(c, () => commentNotifications(meta, item, actorId, event, now().toISOString()));
}

export function notifyOfSharing(c: ApiContext, before: ItemRecord, after: ItemRecord) {
  const { meta, now } = c.get('deps');
  const actorId = requireAuth(c).user.id;
  return deliver(c, () => sharedNotifications(meta, before, after, actorId, now().toISOString()));
}
