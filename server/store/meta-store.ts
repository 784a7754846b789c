/**
 * MetaStore: users, sessions, API tokens, labs, memberships, invitations, the
 * item registry and the audit trail. The API and the sync layer only use this
 * interface; the embedded default keeps one JSON file through lowdb
 * (`lowdb-meta-store.ts`), and one contract suite (`tests/contract/meta-store-contract.ts`)
 * runs against every implementation.
 *
 * Every method that changes something is atomic: it checks and changes in one
 * synchronous step on the store's single in-memory copy, then resolves once the
 * change is on disk. Nothing reads, awaits, then writes.
 */

import type { LabRole } from '../../shared/roles';
import type { ContributionRecord } from '../../shared/schemas/contribution';
import type { GroupMemberRecord, GroupRecord } from '../../shared/schemas/group';
import type {
  NotificationRecord,
  NotificationSettingsRecord,
} from '../../shared/schemas/notification';
import type { PersonalDataFlagRecord } from '../../shared/schemas/personal-data';
import type { ProfileRecord } from '../../shared/schemas/profile';
import type {
  ApiTokenRecord,
  AuditEventRecord,
  InviteRecord,
  ItemRecord,
  LabRecord,
  MembershipRecord,
  PasswordResetRecord,
  SessionRecord,
  UserRecord,
} from '../../shared/schemas/records';
import type { SsoRequestRecord } from '../../shared/schemas/sso-request';
import type { SurveyRecord, SurveyResponseRecord } from '../../shared/schemas/survey';
import type { WorkshopRecord } from '../../shared/schemas/workshop';

export type UserPatch = Partial<
  Pick<
    UserRecord,
    | 'name'
    | 'profession'
    | 'passwordHash'
    | 'isAdmin'
    | 'canCreateLabs'
    | 'deactivatedAt'
    | 'identities'
  >
>;
export type LabPatch = Partial<
  Pick<
    LabRecord,
    | 'title'
    | 'challenge'
    | 'phase'
    | 'startDate'
    | 'endDate'
    | 'archivedAt'
    | 'hospitalNumberMasks'
    | 'commentRetentionDays'
    | 'topic'
  >
>;
export type ItemPatch = Partial<
  Pick<
    ItemRecord,
    | 'title'
    | 'status'
    | 'sharing'
    | 'order'
    | 'updatedAt'
    | 'updatedBy'
    | 'archivedAt'
    | 'openComments'
    | 'facts'
  >
>;

export type AcceptInviteResult =
  | { ok: true; membership: MembershipRecord; invite: InviteRecord }
  | { ok: false; reason: 'not_found' | 'revoked' | 'expired' | 'used_up' };

/** The record families another process can change, by their name in `MetaData`. */
export interface MetaRecordFamilies {
  users: UserRecord;
  sessions: SessionRecord;
  apiTokens: ApiTokenRecord;
  labs: LabRecord;
  memberships: MembershipRecord;
  invites: InviteRecord;
  items: ItemRecord;
  notifications: NotificationRecord;
  groupMembers: GroupMemberRecord;
}

/** A record another process changed, as this process had it and as it is now (null: none). */
export type RemoteMetaChange = {
  [F in keyof MetaRecordFamilies]: {
    readonly family: F;
    readonly before: MetaRecordFamilies[F] | null;
    readonly after: MetaRecordFamilies[F] | null;
  };
}[keyof MetaRecordFamilies];

/**
 * A store whose metadata several processes write (PostgreSQL with Redis): each keeps
 * a copy and catches up with the others' writes (`postgres/meta-journal.ts`).
 */
export interface SharedMeta {
  /** Reads what was written since the last catch-up and applies it; resolves once applied. */
  catchUp(): Promise<void>;
  /** Told of each record another process changed, once this copy has it. */
  onRemoteChange(listener: (change: RemoteMetaChange) => void): () => void;
  /** Told after each write of this process commits (so the others can be told to catch up). */
  onWritten(listener: () => void): () => void;
}

export class MetaStoreConflictError extends Error {
  override readonly name = 'MetaStoreConflictError';
}

export interface MetaStore {
  // Users. Emails are compared lower-cased; creating a second user with one throws MetaStoreConflictError.
  createUser(user: UserRecord): Promise<UserRecord>;
  getUser(id: string): UserRecord | null;
  findUserByEmail(email: string): UserRecord | null;
  updateUser(id: string, patch: UserPatch): Promise<UserRecord | null>;
  /** Changes the email; throws MetaStoreConflictError when another user has it. */
  changeEmail(id: string, email: string): Promise<UserRecord | null>;
  /** Every user, in creation order. */
  listUsers(): UserRecord[];
  /** The user an organisation account (OpenID Connect issuer and subject) signs in as. */
  findUserByIdentity(issuer: string, subject: string): UserRecord | null;
  /**
   * Links an organisation account to the user (replacing one they had from the same
   * issuer); throws MetaStoreConflictError when another user has it. Null: no such user.
   */
  linkIdentity(
    userId: string,
    identity: { issuer: string; subject: string },
  ): Promise<UserRecord | null>;
  hasAdmin(): boolean;
  /**
   * Erases a user: the record, their sessions, API tokens, memberships, password
   * resets, directory profile and group places go in one step. What they wrote stays (it names them by id only).
   */
  deleteUser(id: string): Promise<boolean>;

  // Sessions, found by the hash of their token.
  createSession(session: SessionRecord): Promise<void>;
  findSession(tokenHash: string): SessionRecord | null;
  listUserSessions(userId: string): SessionRecord[];
  deleteSession(tokenHash: string): Promise<void>;
  /** Deletes every session of a user but `keepTokenHash`; returns how many went. */
  deleteUserSessions(userId: string, keepTokenHash?: string): Promise<number>;
  /** Deletes sessions that expired before `now`; returns how many went. */
  purgeExpiredSessions(now: Date): Promise<number>;

  // Personal API tokens.
  createApiToken(token: ApiTokenRecord): Promise<void>;
  findApiTokenByHash(tokenHash: string): ApiTokenRecord | null;
  listApiTokens(userId: string): ApiTokenRecord[];
  /** Revokes the token if `userId` owns it; returns whether it did. */
  revokeApiToken(id: string, userId: string, at: string): Promise<boolean>;
  /** Revokes every live token of a user (a password change); returns their ids. */
  revokeUserApiTokens(userId: string, at: string): Promise<string[]>;
  /** Records a use of the token at `at`; callers decide how often (it is a write). */
  touchApiToken(id: string, at: string): Promise<void>;

  // Labs. `createLab` adds the creator's facilitator membership in the same step.
  createLab(lab: LabRecord, creator: MembershipRecord): Promise<LabRecord>;
  getLab(id: string): LabRecord | null;
  listLabs(): LabRecord[];
  /** Labs the user is a member of, with their role, archived ones included. */
  listLabsForUser(userId: string): Array<{ lab: LabRecord; role: LabRole }>;
  updateLab(id: string, patch: LabPatch): Promise<LabRecord | null>;

  // Memberships.
  getMembership(labId: string, userId: string): MembershipRecord | null;
  listMembers(labId: string): MembershipRecord[];
  /** Adds a membership; if the person is already a member, keeps and returns the existing one. */
  addMember(membership: MembershipRecord): Promise<MembershipRecord>;
  setRole(labId: string, userId: string, role: LabRole): Promise<MembershipRecord | null>;
  removeMember(labId: string, userId: string): Promise<boolean>;

  // Invitations, found by the hash of their token.
  createInvite(invite: InviteRecord): Promise<void>;
  getInvite(id: string): InviteRecord | null;
  findInviteByHash(tokenHash: string): InviteRecord | null;
  /** Pending = not revoked, not expired at `now`, uses left. */
  listPendingInvites(labId: string, now: Date): InviteRecord[];
  revokeInvite(id: string, at: string): Promise<boolean>;
  /**
   * Gives a pending invitation a new secret (the old link stops working) and notes
   * when it was sent, if it was; returns it, or null when it is not pending at `now`.
   */
  reissueInvite(
    id: string,
    tokenHash: string,
    sentAt: string | null,
    now: Date,
  ): Promise<InviteRecord | null>;
  /**
   * Uses one invitation for `userId` at `now`, checking it is valid and counting
   * the use and adding (or keeping an existing) membership in one step.
   */
  acceptInvite(tokenHash: string, userId: string, now: Date): Promise<AcceptInviteResult>;

  // Item registry.
  createItem(item: ItemRecord): Promise<ItemRecord>;
  getItem(id: string): ItemRecord | null;
  listItems(labId: string): ItemRecord[];
  updateItem(id: string, patch: ItemPatch): Promise<ItemRecord | null>;

  // Audit trail: append-only, newest last.
  appendAudit(event: AuditEventRecord): Promise<void>;
  listAudit(labId: string | null, limit: number): AuditEventRecord[];

  // Evaluation surveys: one per lab, and each person's answers per round.
  getSurvey(labId: string): SurveyRecord | null;
  /** Creates or replaces the lab's survey. */
  saveSurvey(survey: SurveyRecord): Promise<SurveyRecord>;
  /** Creates or replaces this person's answers for the round. */
  saveSurveyResponse(response: SurveyResponseRecord): Promise<SurveyResponseRecord>;
  listSurveyResponses(labId: string): SurveyResponseRecord[];

  // Member profiles for the directory: one per person who made one.
  getProfile(userId: string): ProfileRecord | null;
  /** Creates or replaces the person's profile. */
  saveProfile(profile: ProfileRecord): Promise<ProfileRecord>;
  listProfiles(): ProfileRecord[];

  // Contributions: the first time each person changed each item.
  /** Records it unless that person's first change to that item is known; returns whether it did. */
  recordContribution(contribution: ContributionRecord): Promise<boolean>;
  listContributions(labId: string): ContributionRecord[];

  // Notifications, per recipient, oldest first (at most MAX_NOTIFICATIONS_PER_PERSON each).
  /** Stores new notifications (an id already stored is skipped). */
  addNotifications(notifications: readonly NotificationRecord[]): Promise<void>;
  listNotifications(userId: string): NotificationRecord[];
  /** Everyone's notifications neither read nor emailed yet, oldest first. */
  listNotificationsToEmail(): NotificationRecord[];
  /** Marks the person's unread notifications among `ids` (or all) read; returns how many. */
  markNotificationsRead(
    userId: string,
    ids: readonly string[] | 'all',
    at: string,
  ): Promise<number>;
  /** Notes that these notifications went out by email. */
  markNotificationsEmailed(ids: readonly string[], at: string): Promise<void>;
  /** How the person wants notifications emailed; null until they chose. */
  getNotificationSettings(userId: string): NotificationSettingsRecord | null;
  /** Creates or replaces the person's settings. */
  saveNotificationSettings(
    settings: NotificationSettingsRecord,
  ): Promise<NotificationSettingsRecord>;
  listNotificationSettings(): NotificationSettingsRecord[];

  // Personal-data flags: text kept, with a reason, that the guardrail took for personal data.
  recordPersonalDataFlag(flag: PersonalDataFlagRecord): Promise<PersonalDataFlagRecord>;
  /** The lab's flags, oldest first. */
  listPersonalDataFlags(labId: string): PersonalDataFlagRecord[];
  // Workshop boards: settings and votes, kept out of the board's document.
  getWorkshop(itemId: string): WorkshopRecord | null;
  /** Creates or replaces the board's record. */
  saveWorkshop(record: WorkshopRecord): Promise<WorkshopRecord>;
  // Special interest groups. `createGroup` adds the starter as organiser in the same step.
  createGroup(group: GroupRecord, organiser: GroupMemberRecord): Promise<GroupRecord>;
  getGroup(id: string): GroupRecord | null;
  /** Every group, in creation order. */
  listGroups(): GroupRecord[];
  getGroupMember(groupId: string, userId: string): GroupMemberRecord | null;
  /** Members and requests to join, in the order they came. */
  listGroupMembers(groupId: string): GroupMemberRecord[];
  /** The groups a person is in or asked to join, with their place. */
  listGroupsOfUser(userId: string): Array<{ group: GroupRecord; member: GroupMemberRecord }>;
  /** Adds a member or a request; if the person has a place already, keeps and returns it. */
  addGroupMember(member: GroupMemberRecord): Promise<GroupMemberRecord>;
  /** Turns a request into membership from `since`; null when there is no request. */
  admitGroupMember(
    groupId: string,
    userId: string,
    since: string,
  ): Promise<GroupMemberRecord | null>;
  /** Removes a member or a request (leaving, declining); returns whether there was one. */
  removeGroupMember(groupId: string, userId: string): Promise<boolean>;

  // One-time set-up link for the first admin.
  setSetupToken(token: { tokenHash: string; expiresAt: string } | null): Promise<void>;
  // One-time password-reset links, found by the hash of their token.
  /** Stores a reset link; any earlier one for the same user stops working. */
  createPasswordReset(reset: PasswordResetRecord): Promise<void>;
  /** Uses the link if it exists and has not expired: it, and any other for the user, go. */
  consumePasswordReset(tokenHash: string, now: Date): Promise<PasswordResetRecord | null>;
  /** Whether the link would be accepted at `now` (without using it). */
  findPasswordReset(tokenHash: string, now: Date): PasswordResetRecord | null;

  // Sign-ins with an organisation account under way, found by the hash of the browser's key.
  /** Stores one, dropping those expired at `now` (and the oldest past a bound). */
  createSsoRequest(request: SsoRequestRecord, now: Date): Promise<void>;
  /** Takes the request out (once: a second call finds nothing); null when absent or expired. */
  consumeSsoRequest(keyHash: string, now: Date): Promise<SsoRequestRecord | null>;

  /** Consumes the set-up token if it matches and has not expired; returns whether it did. */
  consumeSetupToken(tokenHash: string, now: Date): Promise<boolean>;

  /** Resolves when every change so far is on disk. */
  flush(): Promise<void>;
  close(): Promise<void>;
  /**
   * Checks that storage is reachable and takes durable writes now, changing no
   * record; rejects with why not (`/readyz`). A store without it counts as ready.
   */
  probe?(): Promise<void>;
  /** Present when other processes write the same metadata. */
  readonly shared?: SharedMeta;
}
