/**
 * The MetaStore's account records: users, sessions, personal API tokens and the
 * one-time set-up token. Each change is checked and made in one synchronous step
 * (nothing is awaited before it), then awaited until it is written.
 */
import {
  ApiTokenRecordSchema,
  PasswordResetRecordSchema,
  type SessionRecord,
  SessionRecordSchema,
  SetupTokenRecordSchema,
  UserRecordSchema,
} from '../../shared/schemas/records';
import {
  type CoreState,
  checked,
  conflict,
  copy,
  copyOrNull,
  isExpired,
  normaliseEmail,
  patched,
  removeWhere,
} from './meta-core-state';
import type { MetaStore, UserPatch } from './meta-store';

const USER_PATCH_KEYS = [
  'name',
  'profession',
  'passwordHash',
  'isAdmin',
  'canCreateLabs',
  'deactivatedAt',
  'identities',
] as const satisfies ReadonlyArray<keyof UserPatch>;

export type UserMethods = Pick<
  MetaStore,
  | 'createUser'
  | 'getUser'
  | 'findUserByEmail'
  | 'updateUser'
  | 'changeEmail'
  | 'listUsers'
  | 'findUserByIdentity'
  | 'hasAdmin'
  | 'deleteUser'
>;

export function userMethods(state: CoreState): UserMethods {
  const { users, sessions, apiTokens, memberships, passwordResets, profiles } = state.data;
  const { notifications, notificationSettings } = state.data;
  const { groupMembers } = state.data;
  const byEmail = (email: string) => {
    const wanted = normaliseEmail(email);
    return users.find((user) => user.email === wanted);
  };
  return {
    async createUser(input) {
      state.assertOpen();
      const user = checked(UserRecordSchema, input, 'user');
      user.email = normaliseEmail(user.email);
      if (byEmail(user.email)) throw conflict(`a user with email ${user.email} already exists`);
      if (users.some((each) => each.id === user.id)) {
        throw conflict(`a user with id ${user.id} already exists`);
      }
      const identity = user.identities?.find((each) =>
        users.some((other) =>
          other.identities?.some(
            (held) => held.issuer === each.issuer && held.subject === each.subject,
          ),
        ),
      );
      if (identity) throw conflict('this organisation account is linked to another person');
      users.push(user);
      const result = copy(user);
      await state.saved();
      return result;
    },
    getUser: (id) => copyOrNull(users.find((user) => user.id === id)),
    findUserByEmail: (email) => copyOrNull(byEmail(email)),
    async updateUser(id, patch) {
      state.assertOpen();
      const user = users.find((each) => each.id === id);
      if (user === undefined) return null;
      Object.assign(user, checked(UserRecordSchema, patched(user, patch, USER_PATCH_KEYS), 'user'));
      const result = copy(user);
      await state.saved();
      return result;
    },
    async changeEmail(id, email) {
      state.assertOpen();
      const user = users.find((each) => each.id === id);
      if (user === undefined) return null;
      const wanted = normaliseEmail(email);
      const holder = byEmail(wanted);
      if (holder && holder.id !== id) throw conflict(`a user with email ${wanted} already exists`);
      Object.assign(user, checked(UserRecordSchema, { ...user, email: wanted }, 'user'));
      const result = copy(user);
      await state.saved();
      return result;
    },
    listUsers: () => users.map(copy),
    findUserByIdentity: (issuer, subject) =>
      copyOrNull(
        users.find((user) =>
          user.identities?.some((each) => each.issuer === issuer && each.subject === subject),
        ),
      ),
    hasAdmin: () => users.some((user) => user.isAdmin),
    async deleteUser(id) {
      state.assertOpen();
      const removed = removeWhere(users, (user) => user.id === id);
      if (removed === 0) return false;
      removeWhere(sessions, (each) => each.userId === id);
      removeWhere(apiTokens, (each) => each.userId === id);
      removeWhere(memberships, (each) => each.userId === id);
      removeWhere(passwordResets, (each) => each.userId === id);
      removeWhere(profiles, (each) => each.userId === id);
      // Notifications addressed to them go; those they caused stay (naming them by id only).
      removeWhere(notifications, (each) => each.userId === id);
      removeWhere(notificationSettings, (each) => each.userId === id);
      removeWhere(groupMembers, (each) => each.userId === id);
      await state.saved();
      return true;
    },
  };
}

export type SessionMethods = Pick<
  MetaStore,
  | 'createSession'
  | 'findSession'
  | 'listUserSessions'
  | 'deleteSession'
  | 'deleteUserSessions'
  | 'purgeExpiredSessions'
>;

export function sessionMethods(state: CoreState): SessionMethods {
  const { sessions } = state.data;
  /** Removes the sessions `remove` accepts; returns how many went, once that is written. */
  const removeSessions = async (remove: (session: SessionRecord) => boolean) => {
    state.assertOpen();
    const removed = removeWhere(sessions, remove);
    if (removed > 0) await state.saved();
    return removed;
  };
  return {
    async createSession(input) {
      state.assertOpen();
      const session = checked(SessionRecordSchema, input, 'session');
      if (sessions.some((each) => each.tokenHash === session.tokenHash)) {
        throw conflict('a session with this token already exists');
      }
      sessions.push(session);
      await state.saved();
    },
    findSession: (tokenHash) => copyOrNull(sessions.find((each) => each.tokenHash === tokenHash)),
    listUserSessions: (userId) => sessions.filter((each) => each.userId === userId).map(copy),
    async deleteSession(tokenHash) {
      await removeSessions((each) => each.tokenHash === tokenHash);
    },
    deleteUserSessions: (userId, keepTokenHash) =>
      removeSessions((each) => each.userId === userId && each.tokenHash !== keepTokenHash),
    purgeExpiredSessions: (now) => removeSessions((each) => isExpired(each.expiresAt, now)),
  };
}

export type ApiTokenMethods = Pick<
  MetaStore,
  | 'createApiToken'
  | 'findApiTokenByHash'
  | 'listApiTokens'
  | 'revokeApiToken'
  | 'revokeUserApiTokens'
  | 'touchApiToken'
>;

export function apiTokenMethods(state: CoreState): ApiTokenMethods {
  const { apiTokens } = state.data;
  return {
    async createApiToken(input) {
      state.assertOpen();
      const token = checked(ApiTokenRecordSchema, input, 'API token');
      if (apiTokens.some((each) => each.id === token.id || each.tokenHash === token.tokenHash)) {
        throw conflict(`an API token with id ${token.id} or the same secret already exists`);
      }
      apiTokens.push(token);
      await state.saved();
    },
    findApiTokenByHash: (tokenHash) =>
      copyOrNull(apiTokens.find((token) => token.tokenHash === tokenHash)),
    listApiTokens: (userId) => apiTokens.filter((token) => token.userId === userId).map(copy),
    async revokeApiToken(id, userId, at) {
      state.assertOpen();
      const token = apiTokens.find((each) => each.id === id);
      if (token === undefined || token.userId !== userId || token.revokedAt !== null) return false;
      Object.assign(token, checked(ApiTokenRecordSchema, { ...token, revokedAt: at }, 'API token'));
      await state.saved();
      return true;
    },
    async revokeUserApiTokens(userId, at) {
      state.assertOpen();
      const live = apiTokens.filter((each) => each.userId === userId && each.revokedAt === null);
      if (live.length === 0) return [];
      for (const token of live) {
        Object.assign(
          token,
          checked(ApiTokenRecordSchema, { ...token, revokedAt: at }, 'API token'),
        );
      }
      await state.saved();
      return live.map((token) => token.id);
    },
    async touchApiToken(id, at) {
      state.assertOpen();
      const token = apiTokens.find((each) => each.id === id);
      if (token === undefined) return;
      Object.assign(
        token,
        checked(ApiTokenRecordSchema, { ...token, lastUsedAt: at }, 'API token'),
      );
      await state.saved();
    },
  };
}

export type PasswordResetMethods = Pick<
  MetaStore,
  'createPasswordReset' | 'consumePasswordReset' | 'findPasswordReset'
>;

export function passwordResetMethods(state: CoreState): PasswordResetMethods {
  const { passwordResets, users } = state.data;
  const live = (tokenHash: string, now: Date) =>
    passwordResets.find((each) => each.tokenHash === tokenHash && !isExpired(each.expiresAt, now));
  return {
    async createPasswordReset(input) {
      state.assertOpen();
      const reset = checked(PasswordResetRecordSchema, input, 'password reset');
      if (!users.some((user) => user.id === reset.userId)) {
        throw conflict(`no user ${reset.userId} to reset the password of`);
      }
      // Only the newest link of a person works: an older one, perhaps in an old email, stops.
      removeWhere(passwordResets, (each) => each.userId === reset.userId);
      passwordResets.push(reset);
      await state.saved();
    },
    findPasswordReset: (tokenHash, now) => copyOrNull(live(tokenHash, now)),
    async consumePasswordReset(tokenHash, now) {
      state.assertOpen();
      const reset = live(tokenHash, now);
      if (reset === undefined) return null;
      removeWhere(passwordResets, (each) => each.userId === reset.userId);
      await state.saved();
      return copy(reset);
    },
  };
}

export type SetupTokenMethods = Pick<MetaStore, 'setSetupToken' | 'consumeSetupToken'>;

export function setupTokenMethods(state: CoreState): SetupTokenMethods {
  const { data } = state;
  return {
    async setSetupToken(token) {
      state.assertOpen();
      data.setupToken =
        token === null ? null : checked(SetupTokenRecordSchema, token, 'set-up token');
      await state.saved();
    },
    async consumeSetupToken(tokenHash, now) {
      state.assertOpen();
      const token = data.setupToken;
      if (token === null || token.tokenHash !== tokenHash || isExpired(token.expiresAt, now)) {
        return false;
      }
      data.setupToken = null;
      await state.saved();
      return true;
    },
  };
}
