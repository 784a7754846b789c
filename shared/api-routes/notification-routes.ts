/**
 * Contracts of notifications: the list, marking read, email settings, and whom a
 * comment on an item may mention. (The live unread count, `GET
 * /notifications/stream`, is a stream of server-sent events, not a JSON answer.)
 */
import * as z from 'zod';
import { route, shape } from '../api-contract';
import type { Mentionable } from '../mentions';
import {
  NotificationSettingsBodySchema,
  type NotificationSettingsResponse,
  type NotificationsResponse,
} from '../schemas/notification';

const Unread = z.object({ unread: z.number() });

export const notificationRoutes = {
  list: route.get('/notifications', { answer: shape<NotificationsResponse>() }),
  readAll: route.post('/notifications/read-all', { answer: Unread }),
  read: route.post('/notifications/:id/read', { answer: Unread }),
  settings: route.get('/notifications/settings', {
    answer: shape<NotificationSettingsResponse>(),
  }),
  saveSettings: route.put('/notifications/settings', {
    body: NotificationSettingsBodySchema,
    answer: shape<NotificationSettingsResponse>(),
  }),
  /** The lab members a comment on the item may @mention (none for a reviewer). */
  mentionable: route.get('/items/:itemId/mentionable', {
    answer: shape<{ people: Mentionable[] }>(),
  }),
};
