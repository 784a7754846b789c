/**
 * Stored records of the MetaStore, one zod schema each. The store validates the
 * whole file against `MetaDataSchema` when it loads it; types are inferred.
 */
import * as z from 'zod';
import { Limits } from '../limits';
import { LAB_PHASES, LAB_ROLES, PROFESSIONS, SHARING_STATES } from '../roles';
import { ContributionRecordSchema } from './contribution';
import { GroupMemberRecordSchema, GroupRecordSchema } from './group';
import { NotificationRecordSchema, NotificationSettingsRecordSchema } from './notification';
import { CommentRetentionSchema, PersonalDataFlagRecordSchema } from './personal-data';
import { ProfileRecordSchema, TopicSchema } from './profile';
import { SsoRequestRecordSchema } from './sso-request';
import { SurveyRecordSchema, SurveyResponseRecordSchema } from './survey';
import { WorkshopRecordSchema } from './workshop';

const id = z.string().min(1).max(64);
const isoTime = z.string().min(1);

const IdentitySchema = z.object({
  issuer: z.string().min(1).max(500),
  subject: z.string().min(1).max(255),
});

export const UserRecordSchema = z.object({
  id,
  /** Lower-cased. */
  email: z.string().email(),
  name: z.string().min(1).max(100),
  profession: z.enum(PROFESSIONS),
  /** `scrypt$N$r$p$salt$hash` (base64url parts). */
  passwordHash: z.string().min(1),
  isAdmin: z.boolean(),
  canCreateLabs: z.boolean(),
  createdAt: isoTime,
  /** Set while an administrator has deactivated the account: no sign-in, no session, no token. */
  deactivatedAt: isoTime.nullable().optional(),
  /** Organisation accounts (OpenID Connect issuer and subject) that sign in as this person. */
  identities: z.array(IdentitySchema).max(10).optional(),
});
export type UserRecord = z.infer<typeof UserRecordSchema>;

export const SessionRecordSchema = z.object({
  /** SHA-256 of the session token (the token itself is only in the cookie). */
  tokenHash: z.string().min(1),
  userId: id,
  /** Sent in the `x-csrf-token` header with every cookie-authenticated write. */
  csrfToken: z.string().min(1),
  createdAt: isoTime,
  expiresAt: isoTime,
  /** The browser that signed in, shortened, so a person can tell their sessions apart. */
  userAgent: z.string().max(200).optional(),
});
export type SessionRecord = z.infer<typeof SessionRecordSchema>;

export const ApiTokenRecordSchema = z.object({
  id,
  userId: id,
  name: z.string().min(1).max(100),
  tokenHash: z.string().min(1),
  createdAt: isoTime,
  /** When the token was last used, to the minute (`Limits.apiTokenLastUsedGranularityMs`). */
  lastUsedAt: isoTime.nullable(),
  revokedAt: isoTime.nullable(),
  /** After this the token is refused and its open sockets close; null = until revoked. */
  expiresAt: isoTime.nullable().default(null),
});
export type ApiTokenRecord = z.infer<typeof ApiTokenRecordSchema>;

export const LabRecordSchema = z.object({
  id,
  title: z.string().min(1).max(Limits.maxTitleLength),
  challenge: z.string().max(2000),
  phase: z.enum(LAB_PHASES),
  startDate: z.string().nullable(),
  endDate: z.string().nullable(),
  createdAt: isoTime,
  createdBy: id,
  archivedAt: isoTime.nullable(),
  /** The lab's hospital number formats as masks (`shared/personal-data/hospital-number.ts`). */
  hospitalNumberMasks: z.array(z.string().min(1).max(30)).max(10).optional(),
  /** Days reviewers' comments are kept after the lab closes; null or absent: never erased. */
  commentRetentionDays: CommentRetentionSchema.optional(),
  /** What the lab works on, from the directory's topics: groups on it list the lab. */
  topic: TopicSchema.nullable().optional(),
  /** The special interest group it was started from, if it was. */
  fromGroupId: id.nullable().optional(),
});
export type LabRecord = z.infer<typeof LabRecordSchema>;

export const MembershipRecordSchema = z.object({
  labId: id,
  userId: id,
  role: z.enum(LAB_ROLES),
  joinedAt: isoTime,
  /**
   * For a reviewer invited to particular items: the items they may see (when open
   * for comment). Null or absent: every item the lab opens for comment.
   */
  itemIds: z.array(id).max(500).nullable().optional(),
});
export type MembershipRecord = z.infer<typeof MembershipRecordSchema>;

export const InviteRecordSchema = z.object({
  id,
  labId: id,
  role: z.enum(LAB_ROLES),
  tokenHash: z.string().min(1),
  createdBy: id,
  createdAt: isoTime,
  expiresAt: isoTime,
  maxUses: z.number().int().min(1),
  uses: z.number().int().min(0),
  revokedAt: isoTime.nullable(),
  /** A reviewer invitation to particular items only (see `MembershipRecord.itemIds`). */
  itemIds: z.array(id).max(500).nullable().optional(),
  /** Who it is for, as the facilitator wrote it, so the pending list says who is awaited. */
  name: z.string().max(100).optional(),
  /** Where it was emailed, if it was. */
  email: z.string().email().max(254).nullable().optional(),
  /** A note from the facilitator, shown to the invitee and in the email. */
  note: z.string().max(1000).optional(),
  /** When it was last emailed (null: never; the link was copied). */
  sentAt: isoTime.nullable().optional(),
});
export type InviteRecord = z.infer<typeof InviteRecordSchema>;

export const ITEM_KINDS = [
  'problem',
  'drivers',
  'idea',
  'pdsa',
  'measure',
  'note',
  'fishbone',
  'process',
  'workshop',
] as const;
export type ItemKind = (typeof ITEM_KINDS)[number];

/**
 * What lists show of an item's fields (`shared/documents/item-facts.ts` says which
 * fields of each kind), kept by the server from the item's document: field name to
 * value, free text shortened to `Limits.maxFactLength`.
 */
export const ItemFactsSchema = z
  .record(
    z.string().min(1).max(40),
    z.union([z.string().max(Limits.maxFactLength), z.number(), z.null()]),
  )
  .refine((facts) => Object.keys(facts).length <= 20, 'an item has at most 20 facts');
export type ItemFacts = z.infer<typeof ItemFactsSchema>;

export const ItemRecordSchema = z.object({
  /** Also the document id of the item's Y.Doc. */
  id,
  labId: id,
  kind: z.enum(ITEM_KINDS),
  title: z.string().max(Limits.maxTitleLength),
  status: z.string().max(40),
  sharing: z.enum(SHARING_STATES),
  order: z.number(),
  createdAt: isoTime,
  updatedAt: isoTime,
  updatedBy: id.nullable(),
  archivedAt: isoTime.nullable(),
  /** Unresolved comments, kept current by the server. */
  openComments: z.number().int().min(0).optional(),
  /** The fields lists show, kept current by the server; absent until first read. */
  facts: ItemFactsSchema.optional(),
});
export type ItemRecord = z.infer<typeof ItemRecordSchema>;

export const AUDIT_EVENT_TYPES = [
  'auth.sign_in',
  'auth.sign_in_failed',
  'auth.sign_out',
  'auth.password_changed',
  'auth.setup_completed',
  'auth.password_reset',
  'auth.password_reset_requested',
  'auth.sso_sign_in',
  'auth.sso_linked',
  'account.updated',
  'account.deleted',
  'account.sessions_ended',
  'admin.account_deactivated',
  'admin.account_reactivated',
  'admin.account_unlocked',
  'admin.password_reset_link',
  'admin.rights_changed',
  'token.created',
  'token.revoked',
  'lab.created',
  'lab.updated',
  'lab.archived',
  'invite.created',
  'invite.revoked',
  'invite.resent',
  'invite.accepted',
  'member.role_changed',
  'member.removed',
  'item.sharing_changed',
  'export.created',
  'backup.created',
  'survey.updated',
  'survey.round_opened',
  'survey.round_closed',
  'version.restored',
  'history.versions_deleted',
  'personal_data.flagged',
  'comment.erased',
  'group.created',
  'group.joined',
  'group.join_requested',
  'group.request_approved',
  'group.request_declined',
  'group.left',
  'group.lab_started',
  /** Who added each note of a workshop board, anonymous or not (the board never says). */
  'workshop.note_added',
  'workshop.settings_changed',
  'workshop.idea_made',
  'workshop.driver_added',
  'workshop.cause_added',
] as const;
export type AuditEventType = (typeof AUDIT_EVENT_TYPES)[number];

export const AuditEventRecordSchema = z.object({
  id,
  at: isoTime,
  type: z.enum(AUDIT_EVENT_TYPES),
  actorId: id.nullable(),
  labId: id.nullable(),
  /** Plain facts (ids, roles); never secrets. */
  details: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])),
});
export type AuditEventRecord = z.infer<typeof AuditEventRecordSchema>;

/** A one-time link to choose a new password, given by an administrator or asked for by email. */
export const PasswordResetRecordSchema = z.object({
  /** SHA-256 of the token in the link (the token itself is never stored). */
  tokenHash: z.string().min(1),
  userId: id,
  /** The administrator who made it, or null when the person asked for it. */
  createdBy: id.nullable(),
  createdAt: isoTime,
  expiresAt: isoTime,
});
export type PasswordResetRecord = z.infer<typeof PasswordResetRecordSchema>;

export const SetupTokenRecordSchema = z.object({
  tokenHash: z.string().min(1),
  expiresAt: isoTime,
});

export const META_FORMAT_VERSION = 1;

/** The whole MetaStore file. */
export const MetaDataSchema = z.object({
  formatVersion: z.literal(META_FORMAT_VERSION),
  users: z.array(UserRecordSchema),
  sessions: z.array(SessionRecordSchema),
  apiTokens: z.array(ApiTokenRecordSchema),
  labs: z.array(LabRecordSchema),
  memberships: z.array(MembershipRecordSchema),
  invites: z.array(InviteRecordSchema),
  items: z.array(ItemRecordSchema),
  audit: z.array(AuditEventRecordSchema),
  setupToken: SetupTokenRecordSchema.nullable(),
  // Added after format 1 shipped: a file written before them has none.
  surveys: z.array(SurveyRecordSchema).default([]),
  surveyResponses: z.array(SurveyResponseRecordSchema).default([]),
  profiles: z.array(ProfileRecordSchema).default([]),
  /** Absent in files written before password resets existed. */
  passwordResets: z.array(PasswordResetRecordSchema).default([]),
  contributions: z.array(ContributionRecordSchema).default([]),
  notifications: z.array(NotificationRecordSchema).default([]),
  notificationSettings: z.array(NotificationSettingsRecordSchema).default([]),
  personalDataFlags: z.array(PersonalDataFlagRecordSchema).default([]),
  /** Sign-ins with an organisation account under way (absent in files written before them). */
  ssoRequests: z.array(SsoRequestRecordSchema).default([]),
  groups: z.array(GroupRecordSchema).default([]),
  groupMembers: z.array(GroupMemberRecordSchema).default([]),
  /** Workshop boards' settings and votes (absent in files written before boards). */
  workshops: z.array(WorkshopRecordSchema).default([]),
});
export type MetaData = z.infer<typeof MetaDataSchema>;

export function emptyMetaData(): MetaData {
  return {
    formatVersion: META_FORMAT_VERSION,
    users: [],
    sessions: [],
    apiTokens: [],
    labs: [],
    memberships: [],
    invites: [],
    items: [],
    audit: [],
    setupToken: null,
    surveys: [],
    surveyResponses: [],
    profiles: [],
    passwordResets: [],
    contributions: [],
    notifications: [],
    notificationSettings: [],
    personalDataFlags: [],
    ssoRequests: [],
    groups: [],
    groupMembers: [],
    workshops: [],
  };
}
