/**
 * What the API and the lab feeds show of stored records, typed with the shapes the
 * client reads (`shared/schemas/api-responses.ts`): never password hashes or token
 * hashes, and a member's email only to those who manage members.
 */

import type { LabRole } from '../shared/roles';
import type {
  ApiToken,
  AuditEvent,
  Invite,
  Item,
  Lab,
  Member,
} from '../shared/schemas/api-responses';
import type {
  ApiTokenRecord,
  AuditEventRecord,
  InviteRecord,
  ItemRecord,
  LabRecord,
  MembershipRecord,
  UserRecord,
} from '../shared/schemas/records';

export function presentUser(user: UserRecord) {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    profession: user.profession,
    isAdmin: user.isAdmin,
    canCreateLabs: user.canCreateLabs,
  };
}

export function presentLab(lab: LabRecord, role: LabRole | null): Lab {
  return {
    id: lab.id,
    title: lab.title,
    challenge: lab.challenge,
    phase: lab.phase,
    startDate: lab.startDate,
    endDate: lab.endDate,
    createdAt: lab.createdAt,
    archived: lab.archivedAt !== null,
    topic: lab.topic ?? null,
    myRole: role,
    hospitalNumberMasks: lab.hospitalNumberMasks ?? [],
    commentRetentionDays: lab.commentRetentionDays ?? null,
  };
}

export function presentMember(
  membership: MembershipRecord,
  user: UserRecord | null,
  showEmail: boolean,
): Member {
  return {
    userId: membership.userId,
    name: user?.name ?? 'Former user',
    profession: user?.profession ?? 'other',
    email: showEmail ? (user?.email ?? null) : null,
    role: membership.role,
    joinedAt: membership.joinedAt,
    itemIds: membership.itemIds ?? null,
  };
}

export function presentInvite(invite: InviteRecord): Invite {
  return {
    id: invite.id,
    role: invite.role,
    createdAt: invite.createdAt,
    expiresAt: invite.expiresAt,
    maxUses: invite.maxUses,
    uses: invite.uses,
    itemIds: invite.itemIds ?? null,
    name: invite.name ?? '',
    email: invite.email ?? null,
    note: invite.note ?? '',
    sentAt: invite.sentAt ?? null,
  };
}

export function presentApiToken(token: ApiTokenRecord): ApiToken {
  return {
    id: token.id,
    name: token.name,
    createdAt: token.createdAt,
    lastUsedAt: token.lastUsedAt,
    expiresAt: token.expiresAt,
    revoked: token.revokedAt !== null,
  };
}

export function presentItem(item: ItemRecord): Item {
  return {
    id: item.id,
    labId: item.labId,
    kind: item.kind,
    title: item.title,
    status: item.status,
    sharing: item.sharing,
    order: item.order,
    updatedAt: item.updatedAt,
    updatedBy: item.updatedBy,
    archived: item.archivedAt !== null,
    openComments: item.openComments ?? 0,
    facts: item.facts ?? null,
  };
}

export function presentAudit(event: AuditEventRecord, actor: UserRecord | null): AuditEvent {
  return { ...event, actorName: actor?.name ?? null };
}
