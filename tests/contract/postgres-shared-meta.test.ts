/**
 * The PostgreSQL MetaStore shared by several processes (scale-out with Redis): the
 * same contract as every MetaStore when journalled, and two stores on one schema,
 * each with its own copy, that catch up with each other's writes record by record,
 * keep a change not yet written, and tell what changed.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createMemoryLogger } from '../../server/logger';
import type { MetaStore, RemoteMetaChange } from '../../server/store/meta-store';
import { createPostgresMetaStore } from '../../server/store/postgres/postgres-meta-store';
import { createTestSchema, type TestSchema, testDatabase } from '../helpers/postgres';
import { describeMetaStoreContract } from './meta-store-contract';
import { aLab, aMembership, anAuditEvent, anItem, aSession, aUser } from './meta-store-fixtures';

/** A lab and its creator's membership, as `createLab` takes them. */
function labOf(userId: string): [ReturnType<typeof aLab>, ReturnType<typeof aMembership>] {
  const lab = aLab(userId);
  return [lab, aMembership(lab.id, userId)];
}

describe.skipIf(testDatabase === null)('PostgreSQL, shared by several processes', () => {
  describeMetaStoreContract('PostgreSQL (journalled)', async () => {
    const schema = createTestSchema();
    const open = async () =>
      createPostgresMetaStore({
        db: await schema.open(),
        logger: createMemoryLogger(),
        writer: 'contract',
      });
    return { store: await open(), reopen: open, cleanup: () => schema.drop() };
  });

  describe('two processes on one schema', () => {
    let schema: TestSchema | null = null;
    const stores: MetaStore[] = [];

    afterEach(async () => {
      for (const store of stores.splice(0)) await store.close();
      await schema?.drop();
      schema = null;
    });

    async function twoStores(): Promise<{
      a: MetaStore;
      b: MetaStore;
      changesOnB: RemoteMetaChange[];
      changesOnA: RemoteMetaChange[];
    }> {
      schema = createTestSchema();
      const a = await createPostgresMetaStore({
        db: await schema.open(),
        logger: createMemoryLogger(),
        writer: 'process-a',
      });
      stores.push(a);
      const b = await createPostgresMetaStore({
        db: await schema.open(),
        logger: createMemoryLogger(),
        writer: 'process-b',
      });
      stores.push(b);
      const changesOnA: RemoteMetaChange[] = [];
      const changesOnB: RemoteMetaChange[] = [];
      a.shared?.onRemoteChange((change) => changesOnA.push(change));
      b.shared?.onRemoteChange((change) => changesOnB.push(change));
      return { a, b, changesOnA, changesOnB };
    }

    it("sees the other process's records once caught up, and is told what changed", async () => {
      const { a, b, changesOnA, changesOnB } = await twoStores();
      const user = aUser();
      await a.createUser(user);
      const lab = await a.createLab(...labOf(user.id));
      const other = aUser();
      await b.createUser(other);
      expect(b.getLab(lab.id)).toBeNull();

      await b.shared?.catchUp();
      expect(b.getLab(lab.id)?.title).toBe(lab.title);
      expect(b.getMembership(lab.id, user.id)?.role).toBe('facilitator');
      expect(b.findUserByEmail(user.email)?.id).toBe(user.id);
      expect(changesOnB.map((c) => c.family).sort()).toEqual(['labs', 'memberships', 'users']);

      await b.addMember(aMembership(lab.id, other.id, { role: 'participant' }));
      await b.setRole(lab.id, other.id, 'observer');
      await a.shared?.catchUp();
      expect(a.getUser(other.id)?.name).toBe(other.name);
      expect(a.getMembership(lab.id, other.id)?.role).toBe('observer');

      changesOnB.length = 0;
      await a.removeMember(lab.id, other.id);
      await b.shared?.catchUp();
      expect(b.getMembership(lab.id, other.id)).toBeNull();
      expect(changesOnB).toEqual([
        {
          family: 'memberships',
          before: expect.objectContaining({ userId: other.id, role: 'observer' }),
          after: null,
        },
      ]);
      expect(changesOnA.some((c) => c.family === 'memberships')).toBe(true);
    });

    it('follows the families added after the first format (notifications, profiles) across processes', async () => {
      const { a, b, changesOnB } = await twoStores();
      const user = aUser();
      await a.createUser(user);
      const notification = {
        id: 'notification-1',
        userId: user.id,
        kind: 'mention' as const,
        labId: 'lab-1',
        itemId: 'item-1',
        commentId: 'comment-1',
        actorId: 'someone',
        createdAt: new Date().toISOString(),
        readAt: null,
        emailedAt: null,
      };
      await a.addNotifications([notification]);
      await a.saveNotificationSettings({ userId: user.id, email: 'daily', lastDigestDay: null });
      await b.shared?.catchUp();
      expect(b.listNotifications(user.id)).toEqual([notification]);
      expect(b.getNotificationSettings(user.id)?.email).toBe('daily');
      expect(changesOnB.filter((c) => c.family === 'notifications')).toEqual([
        { family: 'notifications', before: null, after: notification },
      ]);
      await b.markNotificationsRead(user.id, 'all', notification.createdAt);
      await a.shared?.catchUp();
      expect(a.listNotifications(user.id)[0]?.readAt).toBe(notification.createdAt);
    });

    it('keeps a change not yet written through a catch-up, and both end with the last write', async () => {
      const { a, b } = await twoStores();
      const user = aUser();
      await a.createUser(user);
      const lab = await a.createLab(...labOf(user.id));
      await b.shared?.catchUp();

      await a.updateLab(lab.id, { title: 'Written by A' });
      // B changes the same lab and catches up before its write has gone out.
      const writing = b.updateLab(lab.id, { title: 'Written by B' });
      await b.shared?.catchUp();
      expect(b.getLab(lab.id)?.title).toBe('Written by B');
      await writing;
      await a.shared?.catchUp();
      await b.shared?.catchUp();
      expect(a.getLab(lab.id)?.title).toBe('Written by B');
      expect(b.getLab(lab.id)?.title).toBe('Written by B');
    });

    it('ends sessions, keeps the audit trail whole and follows items across processes', async () => {
      const { a, b, changesOnB } = await twoStores();
      const user = aUser();
      await a.createUser(user);
      const session = aSession(user.id);
      await a.createSession(session);
      const lab = await a.createLab(...labOf(user.id));
      const item = await a.createItem(anItem(lab.id));
      await a.appendAudit(anAuditEvent({ labId: lab.id }));
      await b.shared?.catchUp();
      expect(b.findSession(session.tokenHash)?.userId).toBe(user.id);
      expect(b.getItem(item.id)?.title).toBe(item.title);

      await b.appendAudit(anAuditEvent({ labId: lab.id }));
      await a.deleteSession(session.tokenHash);
      await a.updateItem(item.id, { sharing: 'open_for_comment' });
      await a.appendAudit(anAuditEvent({ labId: lab.id }));
      changesOnB.length = 0;
      await b.shared?.catchUp();
      expect(b.findSession(session.tokenHash)).toBeNull();
      expect(b.getItem(item.id)?.sharing).toBe('open_for_comment');
      expect(changesOnB.map((c) => c.family).sort()).toEqual(['items', 'sessions']);
      await a.shared?.catchUp();
      expect(a.listAudit(lab.id, 10)).toHaveLength(3);
      expect(b.listAudit(lab.id, 10)).toHaveLength(3);
    });

    it('refuses a process without the journal while processes share the schema, and the reverse', async () => {
      const { a } = await twoStores();
      expect(a).toBeDefined();
      const alone = createPostgresMetaStore({
        db: await (schema as TestSchema).open(),
        logger: createMemoryLogger(),
      });
      await expect(alone).rejects.toThrow(/without REDIS_URL|another Improvement Lab server/);
    });
  });
});
