/**
 * The MetaStore's lab records: labs, memberships and invitations. Each change is
 * checked and made in one synchronous step (nothing is awaited before it), then
 * awaited until it is written; that is what lets many people accept one invitation
 * at once without exceeding its uses.
 */
import type { LabRole } from '../../shared/roles';
import {
  InviteRecordSchema,
  LabRecordSchema,
  type MembershipRecord,
  MembershipRecordSchema,
} from '../../shared/schemas/records';
import {
  type CoreState,
  checked,
  conflict,
  copy,
  copyOrNull,
  isExpired,
  MetaStoreInvalidRecordError,
  patched,
  removeWhere,
} from './meta-core-state';
import type { AcceptInviteResult, LabPatch, MetaStore } from './meta-store';

const LAB_PATCH_KEYS = [
  'title',
  'challenge',
  'phase',
  'startDate',
  'endDate',
  'archivedAt',
  'hospitalNumberMasks',
  'commentRetentionDays',
  'topic',
] as const satisfies ReadonlyArray<keyof LabPatch>;

export type LabMethods = Pick<
  MetaStore,
  'createLab' | 'getLab' | 'listLabs' | 'listLabsForUser' | 'updateLab'
>;

export function labMethods(state: CoreState): LabMethods {
  const { labs, memberships } = state.data;
  return {
    async createLab(input, creatorInput) {
      state.assertOpen();
      const lab = checked(LabRecordSchema, input, 'lab');
      const creator = checked(MembershipRecordSchema, creatorInput, 'membership');
      if (creator.labId !== lab.id || creator.role !== 'facilitator') {
        throw new MetaStoreInvalidRecordError(
          "invalid membership: a lab's creator joins that lab as its facilitator",
        );
      }
      if (labs.some((each) => each.id === lab.id)) {
        throw conflict(`a lab with id ${lab.id} already exists`);
      }
      labs.push(lab);
      memberships.push(creator);
      const result = copy(lab);
      await state.saved();
      return result;
    },
    getLab: (id) => copyOrNull(labs.find((lab) => lab.id === id)),
    listLabs: () => labs.map(copy),
    listLabsForUser(userId) {
      const roles = new Map<string, LabRole>();
      for (const each of memberships) if (each.userId === userId) roles.set(each.labId, each.role);
      const result: Array<{ lab: (typeof labs)[number]; role: LabRole }> = [];
      for (const lab of labs) {
        const role = roles.get(lab.id);
        if (role !== undefined) result.push({ lab: copy(lab), role });
      }
      return result;
    },
    async updateLab(id, patch) {
      state.assertOpen();
      const lab = labs.find((each) => each.id === id);
      if (lab === undefined) return null;
      Object.assign(lab, checked(LabRecordSchema, patched(lab, patch, LAB_PATCH_KEYS), 'lab'));
      const result = copy(lab);
      await state.saved();
      return result;
    },
  };
}

export type MembershipMethods = Pick<
  MetaStore,
  'getMembership' | 'listMembers' | 'addMember' | 'setRole' | 'removeMember'
>;

export function membershipMethods(state: CoreState): MembershipMethods {
  const { memberships } = state.data;
  const find = (labId: string, userId: string) =>
    memberships.find((each) => each.labId === labId && each.userId === userId);
  return {
    getMembership: (labId, userId) => copyOrNull(find(labId, userId)),
    listMembers: (labId) => memberships.filter((each) => each.labId === labId).map(copy),
    async addMember(input) {
      state.assertOpen();
      const membership = checked(MembershipRecordSchema, input, 'membership');
      const existing = find(membership.labId, membership.userId);
      if (existing !== undefined) {
        // It may have been added a moment ago: answer once it is on disk.
        const result = copy(existing);
        await state.durable();
        return result;
      }
      memberships.push(membership);
      const result = copy(membership);
      await state.saved();
      return result;
    },
    async setRole(labId, userId, role) {
      state.assertOpen();
      const membership = find(labId, userId);
      if (membership === undefined) return null;
      // A new role is for the whole lab: any item scope of a reviewer invitation ends.
      const changed = membership.itemIds
        ? { ...membership, role, itemIds: null }
        : { ...membership, role };
      const next = checked(MembershipRecordSchema, changed, 'membership');
      Object.assign(membership, next);
      const result = copy(membership);
      await state.saved();
      return result;
    },
    async removeMember(labId, userId) {
      state.assertOpen();
      const removed = removeWhere(
        memberships,
        (each) => each.labId === labId && each.userId === userId,
      );
      if (removed === 0) return false;
      await state.saved();
      return true;
    },
  };
}

export type InviteMethods = Pick<
  MetaStore,
  | 'createInvite'
  | 'getInvite'
  | 'findInviteByHash'
  | 'listPendingInvites'
  | 'revokeInvite'
  | 'reissueInvite'
  | 'acceptInvite'
>;

type InviteFailure = Extract<AcceptInviteResult, { ok: false }>['reason'];

export function inviteMethods(state: CoreState): InviteMethods {
  const { invites, memberships } = state.data;

  /** Why an invitation cannot be used at `now`, or null when it can. */
  const unusable = (invite: (typeof invites)[number], now: Date): InviteFailure | null => {
    if (invite.revokedAt !== null) return 'revoked';
    if (isExpired(invite.expiresAt, now)) return 'expired';
    if (invite.uses >= invite.maxUses) return 'used_up';
    return null;
  };

  /**
   * The user's membership of the lab: the existing one, kept (a reviewer limited to
   * some items gains the new invitation's items, or the whole lab), or a new one.
   */
  const joinLab = (
    labId: string,
    userId: string,
    role: LabRole,
    now: Date,
    itemIds: readonly string[] | null,
  ): MembershipRecord => {
    const existing = memberships.find((each) => each.labId === labId && each.userId === userId);
    if (existing !== undefined) {
      if (existing.role === 'reviewer' && existing.itemIds) {
        existing.itemIds =
          itemIds && role === 'reviewer' ? [...new Set([...existing.itemIds, ...itemIds])] : null;
      }
      return existing;
    }
    const joinedAt = now.toISOString();
    const scope = role === 'reviewer' && itemIds ? { itemIds: [...itemIds] } : {};
    const membership = checked(
      MembershipRecordSchema,
      { labId, userId, role, joinedAt, ...scope },
      'membership',
    );
    memberships.push(membership);
    return membership;
  };

  return {
    async createInvite(input) {
      state.assertOpen();
      const invite = checked(InviteRecordSchema, input, 'invitation');
      if (invites.some((each) => each.id === invite.id || each.tokenHash === invite.tokenHash)) {
        throw conflict(`an invitation with id ${invite.id} or the same secret already exists`);
      }
      invites.push(invite);
      await state.saved();
    },
    getInvite: (id) => copyOrNull(invites.find((invite) => invite.id === id)),
    findInviteByHash: (tokenHash) =>
      copyOrNull(invites.find((invite) => invite.tokenHash === tokenHash)),
    listPendingInvites: (labId, now) =>
      invites.filter((each) => each.labId === labId && unusable(each, now) === null).map(copy),
    async revokeInvite(id, at) {
      state.assertOpen();
      const invite = invites.find((each) => each.id === id);
      if (invite === undefined || invite.revokedAt !== null) return false;
      Object.assign(
        invite,
        checked(InviteRecordSchema, { ...invite, revokedAt: at }, 'invitation'),
      );
      await state.saved();
      return true;
    },
    async reissueInvite(id, tokenHash, sentAt, now) {
      state.assertOpen();
      const invite = invites.find((each) => each.id === id);
      if (invite === undefined || unusable(invite, now) !== null) return null;
      if (invites.some((each) => each.id !== id && each.tokenHash === tokenHash)) {
        throw conflict('an invitation with the same secret already exists');
      }
      Object.assign(
        invite,
        checked(
          InviteRecordSchema,
          { ...invite, tokenHash, sentAt: sentAt ?? invite.sentAt ?? null },
          'invitation',
        ),
      );
      const result = copy(invite);
      await state.saved();
      return result;
    },
    async acceptInvite(tokenHash, userId, now) {
      state.assertOpen();
      // Check, count the use and join in one synchronous step: concurrent accepts of
      // the same invitation see each other's uses, so maxUses can never be exceeded.
      const invite = invites.find((each) => each.tokenHash === tokenHash);
      if (invite === undefined) return { ok: false, reason: 'not_found' };
      const reason = unusable(invite, now);
      if (reason !== null) return { ok: false, reason };
      const membership = joinLab(invite.labId, userId, invite.role, now, invite.itemIds ?? null);
      invite.uses += 1;
      const result = { ok: true as const, membership: copy(membership), invite: copy(invite) };
      await state.saved();
      return result;
    },
  };
}
