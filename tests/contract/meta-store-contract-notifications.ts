/**
 * MetaStore contract, notifications: stored per recipient, marked read only by their
 * recipient, marked emailed, kept to the most recent per person, gone with the
 * person's account; and each person's email setting. Run through `describeMetaStoreContract`.
 */
import { randomUUID } from 'node:crypto';
import { describe, expect, it, type TestContext } from 'vitest';
import type { MetaStore } from '../../server/store/meta-store';
import {
  MAX_NOTIFICATIONS_PER_PERSON,
  type NotificationRecord,
} from '../../shared/schemas/notification';
import { createUsers } from './meta-store-contract-accounts';
import { hoursFromNow } from './meta-store-fixtures';

function aNotification(
  userId: string,
  overrides: Partial<NotificationRecord> = {},
): NotificationRecord {
  return {
    id: `notification-${randomUUID()}`,
    userId,
    kind: 'reply',
    labId: 'lab-1',
    itemId: 'item-1',
    commentId: 'comment-1',
    actorId: 'someone-else',
    createdAt: hoursFromNow(-1),
    readAt: null,
    emailedAt: null,
    ...overrides,
  };
}

export function describeNotificationContract(
  current: () => MetaStore,
  reopened: (context: TestContext) => Promise<MetaStore>,
): void {
  describe('notifications', () => {
    it('lists each person only their own, oldest first, and skips an id already stored', async () => {
      const store = current();
      const [ada = '', bob = ''] = await createUsers(store, 2);
      const first = aNotification(ada);
      const second = aNotification(ada, { kind: 'mention', createdAt: hoursFromNow(0) });
      const bobs = aNotification(bob, { kind: 'shared', commentId: null });
      await store.addNotifications([first, bobs]);
      await store.addNotifications([second, { ...first, kind: 'response' }]);
      expect(store.listNotifications(ada)).toEqual([first, second]);
      expect(store.listNotifications(bob)).toEqual([bobs]);
    });

    it('marks read only the recipient’s own, one or all', async () => {
      const store = current();
      const [ada = '', bob = ''] = await createUsers(store, 2);
      const one = aNotification(ada);
      const bobs = aNotification(bob);
      await store.addNotifications([one, aNotification(ada), aNotification(ada), bobs]);
      const at = hoursFromNow(0);
      // Bob's id given by Ada marks nothing of Bob's.
      expect(await store.markNotificationsRead(ada, [one.id, bobs.id], at)).toBe(1);
      expect(store.listNotifications(bob)[0]?.readAt).toBeNull();
      expect(store.listNotifications(ada).map((x) => x.readAt)).toEqual([at, null, null]);
      expect(await store.markNotificationsRead(ada, 'all', at)).toBe(2);
      expect(await store.markNotificationsRead(ada, 'all', at)).toBe(0);
      expect(store.listNotifications(bob)[0]?.readAt).toBeNull();
    });

    it('notes when notifications were emailed, once', async () => {
      const store = current();
      const [ada = ''] = await createUsers(store, 1);
      const one = aNotification(ada);
      await store.addNotifications([one]);
      await store.markNotificationsEmailed([one.id], hoursFromNow(0));
      await store.markNotificationsEmailed([one.id], hoursFromNow(1));
      expect(store.listNotifications(ada)[0]?.emailedAt).toBe(hoursFromNow(0));
    });

    it('lists everyone’s notifications neither read nor emailed', async () => {
      const store = current();
      const [ada = '', bob = ''] = await createUsers(store, 2);
      const read = aNotification(ada);
      const emailed = aNotification(ada);
      const waiting = aNotification(ada);
      const bobs = aNotification(bob);
      await store.addNotifications([read, emailed, waiting, bobs]);
      await store.markNotificationsRead(ada, [read.id], hoursFromNow(0));
      await store.markNotificationsEmailed([emailed.id], hoursFromNow(0));
      expect(store.listNotificationsToEmail().map((x) => x.id)).toEqual([waiting.id, bobs.id]);
    });

    it('keeps the most recent per person', async () => {
      const store = current();
      const [ada = ''] = await createUsers(store, 1);
      const many = Array.from({ length: MAX_NOTIFICATIONS_PER_PERSON + 3 }, (_, i) =>
        aNotification(ada, { createdAt: hoursFromNow(i) }),
      );
      await store.addNotifications(many);
      const kept = store.listNotifications(ada);
      expect(kept).toHaveLength(MAX_NOTIFICATIONS_PER_PERSON);
      expect(kept[0]?.id).toBe(many[3]?.id);
    });

    it('refuses a notification that breaks the schema, changing nothing', async () => {
      const store = current();
      const [ada = ''] = await createUsers(store, 1);
      // @ts-expect-error: a kind the schema does not know, as a broken caller might send
      const bad: NotificationRecord = aNotification(ada, { kind: 'gossip' });
      await expect(store.addNotifications([aNotification(ada), bad])).rejects.toThrow(
        /notification/,
      );
      expect(store.listNotifications(ada)).toEqual([]);
    });

    it('keeps each person’s email setting, replaced whole', async () => {
      const store = current();
      const [ada = '', bob = ''] = await createUsers(store, 2);
      expect(store.getNotificationSettings(ada)).toBeNull();
      await store.saveNotificationSettings({ userId: ada, email: 'daily', lastDigestDay: null });
      await store.saveNotificationSettings({ userId: bob, email: 'never', lastDigestDay: null });
      const changed = { userId: ada, email: 'daily' as const, lastDigestDay: '2030-06-01' };
      await store.saveNotificationSettings(changed);
      expect(store.getNotificationSettings(ada)).toEqual(changed);
      expect(store.listNotificationSettings().map((x) => x.userId)).toEqual([ada, bob]);
    });

    it('erases a person’s notifications and setting with their account', async () => {
      const store = current();
      const [ada = '', bob = ''] = await createUsers(store, 2);
      await store.addNotifications([aNotification(ada), aNotification(bob, { actorId: ada })]);
      await store.saveNotificationSettings({ userId: ada, email: 'never', lastDigestDay: null });
      await store.deleteUser(ada);
      expect(store.listNotifications(ada)).toEqual([]);
      expect(store.getNotificationSettings(ada)).toBeNull();
      expect(store.listNotifications(bob)).toHaveLength(1);
    });

    it('keeps notifications and settings across close and reopen', async (context) => {
      const store = current();
      const [ada = ''] = await createUsers(store, 1);
      const one = aNotification(ada);
      await store.addNotifications([one]);
      await store.markNotificationsRead(ada, [one.id], hoursFromNow(0));
      await store.saveNotificationSettings({ userId: ada, email: 'daily', lastDigestDay: null });
      const again = await reopened(context);
      expect(again.listNotifications(ada)).toEqual([{ ...one, readAt: hoursFromNow(0) }]);
      expect(again.getNotificationSettings(ada)?.email).toBe('daily');
    });
  });
}
