/**
 * The MetaStore's notifications (per recipient, newest last, at most
 * `MAX_NOTIFICATIONS_PER_PERSON` each: the oldest go first) and each person's choice
 * of how they are emailed.
 */
import {
  MAX_NOTIFICATIONS_PER_PERSON,
  NotificationRecordSchema,
  NotificationSettingsRecordSchema,
} from '../../shared/schemas/notification';
import { type CoreState, checked, copy, copyOrNull, removeWhere } from './meta-core-state';
import type { MetaStore } from './meta-store';

export type NotificationMethods = Pick<
  MetaStore,
  | 'addNotifications'
  | 'listNotifications'
  | 'listNotificationsToEmail'
  | 'markNotificationsRead'
  | 'markNotificationsEmailed'
  | 'getNotificationSettings'
  | 'saveNotificationSettings'
  | 'listNotificationSettings'
>;

export function notificationMethods(state: CoreState): NotificationMethods {
  const { notifications, notificationSettings } = state.data;
  return {
    async addNotifications(input) {
      state.assertOpen();
      const records = input.map((each) => checked(NotificationRecordSchema, each, 'notification'));
      const known = new Set(notifications.map((each) => each.id));
      const fresh = records.filter((each) => !known.has(each.id));
      if (fresh.length === 0) return;
      notifications.push(...fresh);
      for (const userId of new Set(fresh.map((each) => each.userId))) {
        const theirs = notifications.filter((each) => each.userId === userId);
        const over = theirs.length - MAX_NOTIFICATIONS_PER_PERSON;
        if (over > 0) {
          const dropped = new Set(theirs.slice(0, over).map((each) => each.id));
          removeWhere(notifications, (each) => dropped.has(each.id));
        }
      }
      await state.saved();
    },
    listNotifications: (userId) => notifications.filter((each) => each.userId === userId).map(copy),
    listNotificationsToEmail: () =>
      notifications.filter((each) => each.readAt === null && each.emailedAt === null).map(copy),
    async markNotificationsRead(userId, ids, at) {
      state.assertOpen();
      const wanted = ids === 'all' ? null : new Set(ids);
      let marked = 0;
      for (const each of notifications) {
        if (each.userId !== userId || each.readAt !== null) continue;
        if (wanted !== null && !wanted.has(each.id)) continue;
        each.readAt = at;
        marked += 1;
      }
      if (marked > 0) await state.saved();
      return marked;
    },
    async markNotificationsEmailed(ids, at) {
      state.assertOpen();
      const wanted = new Set(ids);
      let marked = 0;
      for (const each of notifications) {
        if (!wanted.has(each.id) || each.emailedAt !== null) continue;
        each.emailedAt = at;
        marked += 1;
      }
      if (marked > 0) await state.saved();
    },
    getNotificationSettings: (userId) =>
      copyOrNull(notificationSettings.find((each) => each.userId === userId)),
    async saveNotificationSettings(input) {
      state.assertOpen();
      const record = checked(NotificationSettingsRecordSchema, input, 'notification settings');
      const index = notificationSettings.findIndex((each) => each.userId === record.userId);
      if (index === -1) notificationSettings.push(record);
      else notificationSettings[index] = record;
      const result = copy(record);
      await state.saved();
      return result;
    },
    listNotificationSettings: () => notificationSettings.map(copy),
  };
}
