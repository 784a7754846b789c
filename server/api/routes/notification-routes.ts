/**
 * `/api/notifications`: my notifications (newest first, only about items I may still
 * see), the unread count as a stream of server-sent events for the header, marking
 * one or all read, and how I want them emailed. Someone else's notification, or an id
 * that is no notification, answers 404 alike. And `/api/items/:itemId/mentionable`:
 * whom a staff member may @mention in a comment on the item (reviewers: nobody).
 */
import { Hono } from 'hono';
import { Api } from '../../../shared/api-routes';
import { streamSSE } from 'hono/streaming';
import { COMMENTS_MAP, commentsDocId, readComments } from '../../../shared/comments';
import {
  DEFAULT_EMAIL_DIGEST,
  NotificationIdParamSchema,
  NotificationSettingsBodySchema,
  type NotificationSettingsResponse,
} from '../../../shared/schemas/notification';
import { itemRights } from '../../auth/item-access';
import {
  presentNotifications,
  unreadCount,
  visibleNotifications,
} from '../../notifications/present-notifications';
import { mentionableMembers } from '../../notifications/who-to-notify';
import { type ApiContext, type AppEnv, requireAuth } from '../context';
import { Errors } from '../errors';
import { reply } from '../reply';
import { readJson } from '../validate';

/** How often an idle stream is sent a comment (keeps proxies from closing it) and rechecked. */
const KEEPALIVE_MS = 25_000;

function settingsOf(c: ApiContext): NotificationSettingsResponse {
  const { meta, mailer } = c.get('deps');
  const userId = requireAuth(c).user.id;
  return {
    email: meta.getNotificationSettings(userId)?.email ?? DEFAULT_EMAIL_DIGEST,
    emailAvailable: mailer !== null,
  };
}

/** Whether the stream's session (or token) still lets its person in. */
function stillSignedIn(c: ApiContext): boolean {
  const { meta, now } = c.get('deps');
  const auth = requireAuth(c);
  const user = meta.getUser(auth.user.id);
  if (!user || user.deactivatedAt) return false;
  if (auth.session === null) return true;
  const session = meta.findSession(auth.session.tokenHash);
  return session !== null && Date.parse(session.expiresAt) > now().getTime();
}

export function notificationRoutes(): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();

  routes.get('/', async (c) => {
    const { user } = requireAuth(c);
    const { meta, docs } = c.get('deps');
    const records = visibleNotifications(meta, user);
    const notifications = await presentNotifications(
      meta,
      (itemId) => docs.read(commentsDocId(itemId), (doc) => readComments(doc.getMap(COMMENTS_MAP))),
      user,
      records,
    );
    const unread = records.filter((each) => each.readAt === null).length;
    return reply(c, Api.notifications.list, { notifications, unread });
  });

  routes.get('/stream', (c) => {
    const { user } = requireAuth(c);
    const { meta, notifier } = c.get('deps');
    return streamSSE(c, async (stream) => {
      let wake: (() => void) | null = null;
      let changed = true;
      const unsubscribe = notifier.subscribe(user.id, () => {
        changed = true;
        wake?.();
      });
      stream.onAbort(() => wake?.());
      try {
        while (!stream.aborted && !notifier.isClosed() && stillSignedIn(c)) {
          if (changed) {
            changed = false;
            const current = meta.getUser(user.id) ?? user;
            await stream.writeSSE({
              event: 'count',
              data: JSON.stringify({ unread: unreadCount(meta, current) }),
            });
          } else {
            await stream.write(': still here\n\n');
          }
          await new Promise<void>((resolve) => {
            const timer = setTimeout(resolve, KEEPALIVE_MS);
            wake = () => {
              clearTimeout(timer);
              resolve();
            };
          });
          wake = null;
        }
      } finally {
        unsubscribe();
      }
    });
  });

  routes.post('/read-all', async (c) => {
    const { user } = requireAuth(c);
    const { meta, now, notifier } = c.get('deps');
    await meta.markNotificationsRead(user.id, 'all', now().toISOString());
    notifier.changed(user.id);
    return reply(c, Api.notifications.readAll, { unread: 0 });
  });

  routes.post('/:id/read', async (c) => {
    const { user } = requireAuth(c);
    const { meta, now, notifier } = c.get('deps');
    const params = NotificationIdParamSchema.safeParse(c.req.param());
    const id = params.success ? params.data.id : null;
    if (id === null || !visibleNotifications(meta, user).some((each) => each.id === id))
      throw Errors.notFound('That notification');
    await meta.markNotificationsRead(user.id, [id], now().toISOString());
    notifier.changed(user.id);
    return reply(c, Api.notifications.read, { unread: unreadCount(meta, user) });
  });

  routes.get('/settings', (c) => reply(c, Api.notifications.settings, settingsOf(c)));

  routes.put('/settings', async (c) => {
    const { user } = requireAuth(c);
    const body = await readJson(c, NotificationSettingsBodySchema);
    const { meta } = c.get('deps');
    const before = meta.getNotificationSettings(user.id);
    await meta.saveNotificationSettings({
      userId: user.id,
      email: body.email,
      lastDigestDay: before?.lastDigestDay ?? null,
    });
    return reply(c, Api.notifications.saveSettings, settingsOf(c));
  });

  return routes;
}

export function mentionRoutes(): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();
  routes.get('/:itemId/mentionable', (c) => {
    const auth = requireAuth(c);
    const { meta } = c.get('deps');
    const item = meta.getItem(c.req.param('itemId'));
    const rights = item ? itemRights(meta, auth.actor, item) : null;
    if (!item || rights === null) throw Errors.notFound('That item');
    const people = rights === 'read' ? [] : mentionableMembers(meta, item, auth.user.id);
    return reply(c, Api.notifications.mentionable, { people });
  });
  return routes;
}
