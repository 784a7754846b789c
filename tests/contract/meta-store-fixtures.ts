/**
 * Valid MetaStore records for tests, each with fresh ids and secrets; pass overrides
 * for what a test is about. Times are relative to the fixed `NOW`.
 */
import { randomUUID } from 'node:crypto';
import type {
  ApiTokenRecord,
  AuditEventRecord,
  InviteRecord,
  ItemRecord,
  LabRecord,
  MembershipRecord,
  SessionRecord,
  UserRecord,
} from '../../shared/schemas/records';

export const NOW = new Date('2030-06-01T12:00:00.000Z');
const HOUR = 3_600_000;

/** An ISO time `hours` after (or, negative, before) `NOW`. */
export function hoursFromNow(hours: number): string {
  return new Date(NOW.getTime() + hours * HOUR).toISOString();
}

function newId(prefix: string): string {
  return `${prefix}-${randomUUID()}`;
}

export function aUser(overrides: Partial<UserRecord> = {}): UserRecord {
  const id = newId('user');
  return {
    id,
    email: `${id}@example.org`,
    name: 'Ada Lovelace',
    profession: 'nurse',
    passwordHash: 'scrypt$16384$8$1$c2FsdA$aGFzaA',
    isAdmin: false,
    canCreateLabs: false,
    createdAt: hoursFromNow(-48),
    ...overrides,
  };
}

export function aSession(userId: string, overrides: Partial<SessionRecord> = {}): SessionRecord {
  return {
    tokenHash: newId('session-hash'),
    userId,
    csrfToken: newId('csrf'),
    createdAt: hoursFromNow(-1),
    expiresAt: hoursFromNow(24),
    ...overrides,
  };
}

export function anApiToken(
  userId: string,
  overrides: Partial<ApiTokenRecord> = {},
): ApiTokenRecord {
  return {
    id: newId('token'),
    userId,
    name: 'export script',
    tokenHash: newId('token-hash'),
    createdAt: hoursFromNow(-1),
    lastUsedAt: null,
    revokedAt: null,
    expiresAt: null,
    ...overrides,
  };
}

export function aLab(createdBy: string, overrides: Partial<LabRecord> = {}): LabRecord {
  return {
    id: newId('lab'),
    title: 'Reducing falls on ward 7',
    challenge: 'Falls at night have doubled since the spring.',
    phase: 'understand',
    startDate: null,
    endDate: null,
    createdAt: hoursFromNow(-24),
    createdBy,
    archivedAt: null,
    ...overrides,
  };
}

export function aMembership(
  labId: string,
  userId: string,
  overrides: Partial<MembershipRecord> = {},
): MembershipRecord {
  return { labId, userId, role: 'facilitator', joinedAt: hoursFromNow(-24), ...overrides };
}

export function anInvite(
  labId: string,
  createdBy: string,
  overrides: Partial<InviteRecord> = {},
): InviteRecord {
  return {
    id: newId('invite'),
    labId,
    role: 'participant',
    tokenHash: newId('invite-hash'),
    createdBy,
    createdAt: hoursFromNow(-1),
    expiresAt: hoursFromNow(72),
    maxUses: 5,
    uses: 0,
    revokedAt: null,
    ...overrides,
  };
}

export function anItem(labId: string, overrides: Partial<ItemRecord> = {}): ItemRecord {
  return {
    id: newId('item'),
    labId,
    kind: 'idea',
    title: 'Night-time rounding',
    status: 'proposed',
    sharing: 'draft',
    order: 0,
    createdAt: hoursFromNow(-2),
    updatedAt: hoursFromNow(-2),
    updatedBy: null,
    archivedAt: null,
    ...overrides,
  };
}

export function anAuditEvent(overrides: Partial<AuditEventRecord> = {}): AuditEventRecord {
  return {
    id: newId('audit'),
    at: hoursFromNow(0),
    type: 'lab.updated',
    actorId: null,
    labId: null,
    details: {},
    ...overrides,
  };
}
