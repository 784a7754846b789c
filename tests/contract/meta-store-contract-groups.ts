/**
 * MetaStore contract, special interest groups: a group starts with its organiser,
 * people join or ask to, requests are admitted or removed, a deleted account leaves
 * its groups, labs keep a topic, and all of it survives a reopen. Run through
 * `describeMetaStoreContract`.
 */
import { describe, expect, it, type TestContext } from 'vitest';
import type { MetaStore } from '../../server/store/meta-store';
import type { GroupMemberRecord, GroupRecord } from '../../shared/schemas/group';
import { createUsers } from './meta-store-contract-accounts';
import { createLab } from './meta-store-contract-labs';
import { hoursFromNow } from './meta-store-fixtures';

function aGroup(id: string, createdBy: string): GroupRecord {
  return {
    id,
    name: 'Falls prevention network',
    topic: 'falls',
    description: 'Sharing what works on wards.',
    joinPolicy: 'ask',
    createdAt: hoursFromNow(-2),
    createdBy,
  };
}

function aPlace(
  groupId: string,
  userId: string,
  overrides: Partial<GroupMemberRecord> = {},
): GroupMemberRecord {
  return {
    groupId,
    userId,
    role: 'member',
    state: 'member',
    since: hoursFromNow(-1),
    ...overrides,
  };
}

export function describeGroupContract(
  current: () => MetaStore,
  reopened: (context: TestContext) => Promise<MetaStore>,
): void {
  describe('special interest groups', () => {
    it('starts a group with its organiser, and refuses a second with the same id', async () => {
      const store = current();
      const [starter = ''] = await createUsers(store, 1);
      const group = aGroup('group-1', starter);
      await store.createGroup(group, aPlace(group.id, starter, { role: 'organiser' }));
      expect(store.getGroup(group.id)).toEqual(group);
      expect(store.listGroupMembers(group.id)).toEqual([
        aPlace(group.id, starter, { role: 'organiser' }),
      ]);
      await expect(
        store.createGroup(group, aPlace(group.id, starter, { role: 'organiser' })),
      ).rejects.toThrow(/already exists/);
      // The starter must be its organiser, of this group.
      await expect(
        store.createGroup(aGroup('group-2', starter), aPlace('group-2', starter)),
      ).rejects.toThrow(/organiser/);
      expect(store.getGroup('group-2')).toBeNull();
      expect(store.getGroup('nope')).toBeNull();
    });

    it('adds members and requests once, admits and removes them', async () => {
      const store = current();
      const [starter = '', joiner = '', asker = ''] = await createUsers(store, 3);
      const group = aGroup('group-1', starter);
      await store.createGroup(group, aPlace(group.id, starter, { role: 'organiser' }));
      await store.addGroupMember(aPlace(group.id, joiner));
      const request = aPlace(group.id, asker, { state: 'requested' });
      await store.addGroupMember(request);
      // A second add keeps the place the person has.
      expect(await store.addGroupMember(aPlace(group.id, asker))).toEqual(request);
      expect(store.getGroupMember(group.id, asker)?.state).toBe('requested');
      // Only a request can be admitted.
      expect(await store.admitGroupMember(group.id, joiner, hoursFromNow(0))).toBeNull();
      const admitted = await store.admitGroupMember(group.id, asker, hoursFromNow(0));
      expect(admitted).toEqual({ ...request, state: 'member', since: hoursFromNow(0) });
      expect(store.listGroupsOfUser(asker)).toEqual([{ group, member: admitted }]);
      expect(await store.removeGroupMember(group.id, joiner)).toBe(true);
      expect(await store.removeGroupMember(group.id, joiner)).toBe(false);
      expect(store.listGroupMembers(group.id).map((m) => m.userId)).toEqual([starter, asker]);
      await expect(store.addGroupMember(aPlace('no-group', joiner))).rejects.toThrow(/group/);
    });

    it('takes a deleted account out of its groups', async () => {
      const store = current();
      const [starter = '', joiner = ''] = await createUsers(store, 2);
      const group = aGroup('group-1', starter);
      await store.createGroup(group, aPlace(group.id, starter, { role: 'organiser' }));
      await store.addGroupMember(aPlace(group.id, joiner));
      await store.deleteUser(joiner);
      expect(store.listGroupsOfUser(joiner)).toEqual([]);
      expect(store.listGroupMembers(group.id).map((m) => m.userId)).toEqual([starter]);
    });

    it('keeps groups, places and a lab’s topic across close and reopen', async (context) => {
      const store = current();
      const [starter = '', asker = ''] = await createUsers(store, 2);
      const group = aGroup('group-1', starter);
      await store.createGroup(group, aPlace(group.id, starter, { role: 'organiser' }));
      await store.addGroupMember(aPlace(group.id, asker, { state: 'requested' }));
      const { lab } = await createLab(store);
      await store.updateLab(lab.id, { topic: 'falls' });
      const again = await reopened(context);
      expect(again.listGroups()).toEqual([group]);
      expect(again.listGroupMembers(group.id)).toEqual(store.listGroupMembers(group.id));
      expect(again.getLab(lab.id)?.topic).toBe('falls');
    });
  });
}
