/**
 * MetaStore contract, account records: users, sessions, personal API tokens and the
 * one-time set-up token. Run through `describeMetaStoreContract`.
 */
import { describe, expect, it } from 'vitest';
import type { MetaStore, UserPatch } from '../../server/store/meta-store';
import { MetaStoreConflictError } from '../../server/store/meta-store';
import { anApiToken, aSession, aUser, hoursFromNow, NOW } from './meta-store-fixtures';

/** Creates `count` users; returns their ids. Real users, so stores that check owners pass. */
export async function createUsers(store: MetaStore, count: number): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < count; i++) ids.push((await store.createUser(aUser())).id);
  return ids;
}

export function describeAccountContract(current: () => MetaStore): void {
  describe('users', () => {
    it('creates a user and finds it by id and by email in any letter case', async () => {
      const store = current();
      const user = aUser({ email: 'Ada.Lovelace@Example.ORG' });
      const created = await store.createUser(user);
      expect(created).toEqual({ ...user, email: 'ada.lovelace@example.org' });
      expect(store.getUser(user.id)).toEqual(created);
      expect(store.findUserByEmail('ada.lovelace@example.org')).toEqual(created);
      expect(store.findUserByEmail('ADA.LOVELACE@EXAMPLE.ORG')).toEqual(created);
      expect(store.findUserByEmail('someone.else@example.org')).toBeNull();
      expect(store.getUser('no-such-user')).toBeNull();
    });

    it('refuses a second user with the same email, whatever its case', async () => {
      const store = current();
      const first = await store.createUser(aUser({ email: 'grace@example.org' }));
      const second = aUser({ email: 'GRACE@example.org' });
      await expect(store.createUser(second)).rejects.toBeInstanceOf(MetaStoreConflictError);
      expect(store.getUser(second.id)).toBeNull();
      expect(store.findUserByEmail('grace@example.org')).toEqual(first);
    });

    it('refuses a user that does not match the record schema, storing nothing', async () => {
      const store = current();
      const bad = aUser({ email: 'not an email' });
      await expect(store.createUser(bad)).rejects.toThrow();
      expect(store.getUser(bad.id)).toBeNull();
    });

    it('updates a user, and only the fields a patch may change', async () => {
      const store = current();
      const user = await store.createUser(aUser());
      const smuggled = { name: 'Ada K.', canCreateLabs: true, email: 'x@example.org', id: 'other' };
      const updated = await store.updateUser(user.id, smuggled as UserPatch);
      expect(updated).toEqual({ ...user, name: 'Ada K.', canCreateLabs: true });
      expect(store.getUser(user.id)).toEqual(updated);
      expect(await store.updateUser('no-such-user', { name: 'Nobody' })).toBeNull();
    });

    it('knows whether an admin exists', async () => {
      const store = current();
      expect(store.hasAdmin()).toBe(false);
      const user = await store.createUser(aUser());
      expect(store.hasAdmin()).toBe(false);
      await store.updateUser(user.id, { isAdmin: true });
      expect(store.hasAdmin()).toBe(true);
    });
  });

  describe('sessions', () => {
    it('creates, finds and deletes a session by its token hash', async () => {
      const store = current();
      const [userId = ''] = await createUsers(store, 1);
      const session = aSession(userId);
      await store.createSession(session);
      expect(store.findSession(session.tokenHash)).toEqual(session);
      await store.deleteSession(session.tokenHash);
      expect(store.findSession(session.tokenHash)).toBeNull();
      await expect(store.deleteSession(session.tokenHash)).resolves.toBeUndefined();
    });

    it("deletes a user's other sessions, keeping the given one and other users'", async () => {
      const store = current();
      const [userId = '', otherId = ''] = await createUsers(store, 2);
      const [keep, drop1, drop2] = [aSession(userId), aSession(userId), aSession(userId)];
      const other = aSession(otherId);
      for (const session of [keep, drop1, drop2, other]) await store.createSession(session);
      expect(await store.deleteUserSessions(userId, keep.tokenHash)).toBe(2);
      expect(store.findSession(keep.tokenHash)).toEqual(keep);
      expect(store.findSession(drop1.tokenHash)).toBeNull();
      expect(store.findSession(drop2.tokenHash)).toBeNull();
      expect(store.findSession(other.tokenHash)).toEqual(other);
      expect(await store.deleteUserSessions(userId)).toBe(1);
      expect(store.findSession(keep.tokenHash)).toBeNull();
    });

    it('purges only sessions that expired before now', async () => {
      const store = current();
      const [userId = ''] = await createUsers(store, 1);
      const expired = aSession(userId, { expiresAt: hoursFromNow(-1) });
      const live = aSession(userId, { expiresAt: hoursFromNow(1) });
      await store.createSession(expired);
      await store.createSession(live);
      expect(await store.purgeExpiredSessions(NOW)).toBe(1);
      expect(store.findSession(expired.tokenHash)).toBeNull();
      expect(store.findSession(live.tokenHash)).toEqual(live);
      expect(await store.purgeExpiredSessions(NOW)).toBe(0);
    });
  });

  describe('API tokens', () => {
    it("creates tokens, finds one by hash and lists only the user's own", async () => {
      const store = current();
      const [me = '', them = '', nobody = ''] = await createUsers(store, 3);
      const mine = [anApiToken(me), anApiToken(me, { name: 'dashboard' })];
      const theirs = anApiToken(them);
      for (const token of [...mine, theirs]) await store.createApiToken(token);
      expect(store.findApiTokenByHash(theirs.tokenHash)).toEqual(theirs);
      expect(store.findApiTokenByHash('no-such-hash')).toBeNull();
      expect(store.listApiTokens(me)).toEqual(mine);
      expect(store.listApiTokens(nobody)).toEqual([]);
    });

    it('revokes a token only for its owner, once', async () => {
      const store = current();
      const [owner = '', other = ''] = await createUsers(store, 2);
      const token = anApiToken(owner);
      await store.createApiToken(token);
      const at = hoursFromNow(0);
      expect(await store.revokeApiToken(token.id, other, at)).toBe(false);
      expect(store.findApiTokenByHash(token.tokenHash)?.revokedAt).toBeNull();
      expect(await store.revokeApiToken(token.id, owner, at)).toBe(true);
      expect(store.findApiTokenByHash(token.tokenHash)?.revokedAt).toBe(at);
      expect(await store.revokeApiToken(token.id, owner, hoursFromNow(1))).toBe(false);
      expect(store.findApiTokenByHash(token.tokenHash)?.revokedAt).toBe(at);
      expect(await store.revokeApiToken('no-such-token', owner, at)).toBe(false);
    });

    it('revokes every live token of one user at once, and only theirs', async () => {
      const store = current();
      const [me = '', them = ''] = await createUsers(store, 2);
      const earlier = hoursFromNow(-1);
      const gone = anApiToken(me, { revokedAt: earlier });
      const live = [anApiToken(me), anApiToken(me)];
      const theirs = anApiToken(them);
      for (const token of [gone, ...live, theirs]) await store.createApiToken(token);
      const at = hoursFromNow(0);
      expect((await store.revokeUserApiTokens(me, at)).sort()).toEqual(
        live.map((token) => token.id).sort(),
      );
      expect(store.findApiTokenByHash(gone.tokenHash)?.revokedAt).toBe(earlier);
      for (const token of live)
        expect(store.findApiTokenByHash(token.tokenHash)?.revokedAt).toBe(at);
      expect(store.findApiTokenByHash(theirs.tokenHash)?.revokedAt).toBeNull();
      expect(await store.revokeUserApiTokens(me, at)).toEqual([]);
    });

    it('records when a token was last used, and keeps its expiry', async () => {
      const store = current();
      const [me = ''] = await createUsers(store, 1);
      const token = anApiToken(me, { expiresAt: hoursFromNow(24) });
      await store.createApiToken(token);
      const at = hoursFromNow(0);
      await store.touchApiToken(token.id, at);
      expect(store.findApiTokenByHash(token.tokenHash)).toEqual({ ...token, lastUsedAt: at });
      await store.touchApiToken('no-such-token', at);
    });
  });

  describe('set-up token', () => {
    it('is consumed once, and only with the matching hash', async () => {
      const store = current();
      await store.setSetupToken({ tokenHash: 'setup-hash', expiresAt: hoursFromNow(1) });
      expect(await store.consumeSetupToken('wrong-hash', NOW)).toBe(false);
      expect(await store.consumeSetupToken('setup-hash', NOW)).toBe(true);
      expect(await store.consumeSetupToken('setup-hash', NOW)).toBe(false);
    });

    it('is refused once expired', async () => {
      const store = current();
      await store.setSetupToken({ tokenHash: 'setup-hash', expiresAt: hoursFromNow(-1) });
      expect(await store.consumeSetupToken('setup-hash', NOW)).toBe(false);
    });

    it('can be cleared', async () => {
      const store = current();
      await store.setSetupToken({ tokenHash: 'setup-hash', expiresAt: hoursFromNow(1) });
      await store.setSetupToken(null);
      expect(await store.consumeSetupToken('setup-hash', NOW)).toBe(false);
    });
  });
}
