/**
 * The MetaStore's special interest groups and their members (with requests to join,
 * which wait as members in the `requested` state until an organiser answers).
 */
import { GroupMemberRecordSchema, GroupRecordSchema } from '../../shared/schemas/group';
import {
  type CoreState,
  checked,
  conflict,
  copy,
  copyOrNull,
  MetaStoreInvalidRecordError,
  removeWhere,
} from './meta-core-state';
import type { MetaStore } from './meta-store';

export type GroupMethods = Pick<
  MetaStore,
  | 'createGroup'
  | 'getGroup'
  | 'listGroups'
  | 'getGroupMember'
  | 'listGroupMembers'
  | 'listGroupsOfUser'
  | 'addGroupMember'
  | 'admitGroupMember'
  | 'removeGroupMember'
>;

export function groupMethods(state: CoreState): GroupMethods {
  const { groups, groupMembers } = state.data;
  const find = (groupId: string, userId: string) =>
    groupMembers.find((each) => each.groupId === groupId && each.userId === userId);
  return {
    async createGroup(input, organiserInput) {
      state.assertOpen();
      const group = checked(GroupRecordSchema, input, 'group');
      const organiser = checked(GroupMemberRecordSchema, organiserInput, 'group member');
      if (
        organiser.groupId !== group.id ||
        organiser.role !== 'organiser' ||
        organiser.state !== 'member'
      ) {
        throw new MetaStoreInvalidRecordError(
          "invalid group member: a group's starter joins it as its organiser",
        );
      }
      if (groups.some((each) => each.id === group.id)) {
        throw conflict(`a group with id ${group.id} already exists`);
      }
      groups.push(group);
      groupMembers.push(organiser);
      const result = copy(group);
      await state.saved();
      return result;
    },
    getGroup: (id) => copyOrNull(groups.find((group) => group.id === id)),
    listGroups: () => groups.map(copy),
    getGroupMember: (groupId, userId) => copyOrNull(find(groupId, userId)),
    listGroupMembers: (groupId) =>
      groupMembers.filter((each) => each.groupId === groupId).map(copy),
    listGroupsOfUser(userId) {
      const places = new Map(
        groupMembers.filter((each) => each.userId === userId).map((each) => [each.groupId, each]),
      );
      const result: Array<{
        group: (typeof groups)[number];
        member: (typeof groupMembers)[number];
      }> = [];
      for (const group of groups) {
        const member = places.get(group.id);
        if (member !== undefined) result.push({ group: copy(group), member: copy(member) });
      }
      return result;
    },
    async addGroupMember(input) {
      state.assertOpen();
      const member = checked(GroupMemberRecordSchema, input, 'group member');
      if (!groups.some((each) => each.id === member.groupId)) {
        throw new MetaStoreInvalidRecordError(`invalid group member: no group ${member.groupId}`);
      }
      const existing = find(member.groupId, member.userId);
      if (existing !== undefined) return copy(existing);
      groupMembers.push(member);
      const result = copy(member);
      await state.saved();
      return result;
    },
    async admitGroupMember(groupId, userId, since) {
      state.assertOpen();
      const member = find(groupId, userId);
      if (member === undefined || member.state !== 'requested') return null;
      member.state = 'member';
      member.since = since;
      const result = copy(member);
      await state.saved();
      return result;
    },
    async removeGroupMember(groupId, userId) {
      state.assertOpen();
      const removed = removeWhere(
        groupMembers,
        (each) => each.groupId === groupId && each.userId === userId,
      );
      if (removed === 0) return false;
      await state.saved();
      return true;
    },
  };
}
