/**
 * MetaStore contract, what administration and self-service need: listing people,
 * changing an email, organisation identities, deactivation, a person's sessions,
 * one-time password-reset links, erasing an account, and reissuing an invitation.
 * Run through `describeMetaStoreContract`.
 */
import { describe, expect, it } from 'vitest';
import type { MetaStore } from '../../server/store/meta-store';
import { MetaStoreConflictError } from '../../server/store/meta-store';
import { defaultProfile } from '../../shared/schemas/profile';
import {
  aLab,
  aMembership,
  anApiToken,
  anInvite,
  aSession,
  aUser,
  hoursFromNow,
  NOW,
} from './meta-store-fixtures';

function aReset(userId: string, tokenHash: string, expiresInHours = 1) {
  return {
    tokenHash,
    userId,
    createdBy: null,
    createdAt: hoursFromNow(0),
    expiresAt: hoursFromNow(expiresInHours),
  };
}

export function describePeopleContract(current: () => MetaStore): void {
  describe('people', () => {
    it('lists every user in creation order', async () => {
      const store = current();
      const a = await store.createUser(aUser({ name: 'First' }));
      const b = await store.createUser(aUser({ name: 'Second' }));
      expect(store.listUsers().map((user) => user.id)).toEqual([a.id, b.id]);
    });

    it('changes an email, lower-cased, refusing one another user has', async () => {
      const store = current();
      const a = await store.createUser(aUser({ email: 'a@example.org' }));
      await store.createUser(aUser({ email: 'b@example.org' }));
      const changed = await store.changeEmail(a.id, 'New.Address@Example.org');
      expect(changed?.email).toBe('new.address@example.org');
      expect(store.findUserByEmail('new.address@example.org')?.id).toBe(a.id);
      expect(store.findUserByEmail('a@example.org')).toBeNull();
      await expect(store.changeEmail(a.id, 'B@example.org')).rejects.toBeInstanceOf(
        MetaStoreConflictError,
      );
      expect(store.getUser(a.id)?.email).toBe('new.address@example.org');
      expect(await store.changeEmail('no-such-user', 'x@example.org')).toBeNull();
    });

    it('keeps deactivation and organisation identities, and finds a user by identity', async () => {
      const store = current();
      const user = await store.createUser(aUser());
      const identity = { issuer: 'https://login.example.org', subject: 'abc-123' };
      await store.updateUser(user.id, { deactivatedAt: hoursFromNow(0), identities: [identity] });
      expect(store.getUser(user.id)?.deactivatedAt).toBe(hoursFromNow(0));
      expect(store.findUserByIdentity(identity.issuer, identity.subject)?.id).toBe(user.id);
      expect(store.findUserByIdentity(identity.issuer, 'other')).toBeNull();
      expect(store.findUserByIdentity('https://elsewhere.example.org', 'abc-123')).toBeNull();
      await store.updateUser(user.id, { deactivatedAt: null });
      expect(store.getUser(user.id)?.deactivatedAt).toBeNull();
    });

    it("lists a user's sessions and no one else's", async () => {
      const store = current();
      const a = await store.createUser(aUser());
      const b = await store.createUser(aUser());
      const first = aSession(a.id, { userAgent: 'Firefox on Windows' });
      await store.createSession(first);
      await store.createSession(aSession(b.id));
      expect(store.listUserSessions(a.id)).toEqual([first]);
    });

    it('erases a user with their sessions, tokens, memberships and reset links, keeping labs', async () => {
      const store = current();
      const owner = await store.createUser(aUser());
      const leaving = await store.createUser(aUser());
      const lab = aLab(owner.id);
      await store.createLab(lab, aMembership(lab.id, owner.id));
      await store.addMember(aMembership(lab.id, leaving.id, { role: 'participant' }));
      await store.createSession(aSession(leaving.id));
      await store.createApiToken(anApiToken(leaving.id));
      await store.createPasswordReset(aReset(leaving.id, 'reset-of-leaver'));
      await store.saveProfile(defaultProfile(leaving.id, NOW.toISOString()));
      expect(await store.deleteUser(leaving.id)).toBe(true);
      expect(store.getProfile(leaving.id)).toBeNull();
      expect(store.getUser(leaving.id)).toBeNull();
      expect(store.listUserSessions(leaving.id)).toEqual([]);
      expect(store.listApiTokens(leaving.id)).toEqual([]);
      expect(store.getMembership(lab.id, leaving.id)).toBeNull();
      expect(store.findPasswordReset('reset-of-leaver', NOW)).toBeNull();
      expect(store.getLab(lab.id)).not.toBeNull();
      expect(store.listMembers(lab.id).map((m) => m.userId)).toEqual([owner.id]);
      expect(await store.deleteUser(leaving.id)).toBe(false);
    });
  });

  describe('password-reset links', () => {
    it('is used once, and a newer link replaces an older one', async () => {
      const store = current();
      const user = await store.createUser(aUser());
      await store.createPasswordReset(aReset(user.id, 'older'));
      await store.createPasswordReset(aReset(user.id, 'newer'));
      expect(store.findPasswordReset('older', NOW)).toBeNull();
      expect(store.findPasswordReset('newer', NOW)?.userId).toBe(user.id);
      expect((await store.consumePasswordReset('newer', NOW))?.userId).toBe(user.id);
      expect(await store.consumePasswordReset('newer', NOW)).toBeNull();
    });

    it('refuses an expired link, and one for nobody', async () => {
      const store = current();
      const user = await store.createUser(aUser());
      await store.createPasswordReset(aReset(user.id, 'short', -1));
      expect(store.findPasswordReset('short', NOW)).toBeNull();
      expect(await store.consumePasswordReset('short', NOW)).toBeNull();
      await expect(store.createPasswordReset(aReset('no-such-user', 'x'))).rejects.toThrow();
    });
  });

  describe('invitations with a name, email and note', () => {
    it('keeps them, and reissues a pending one with a new secret', async () => {
      const store = current();
      const owner = await store.createUser(aUser());
      const lab = aLab(owner.id);
      await store.createLab(lab, aMembership(lab.id, owner.id));
      const invite = anInvite(lab.id, owner.id, {
        name: 'Priya Patel',
        email: 'priya@example.org',
        note: 'Welcome to the falls lab',
        sentAt: null,
      });
      await store.createInvite(invite);
      expect(store.listPendingInvites(lab.id, NOW)).toEqual([invite]);
      const reissued = await store.reissueInvite(invite.id, 'new-hash', hoursFromNow(0), NOW);
      expect(reissued).toEqual({ ...invite, tokenHash: 'new-hash', sentAt: hoursFromNow(0) });
      expect(store.findInviteByHash(invite.tokenHash)).toBeNull();
      expect(store.findInviteByHash('new-hash')?.id).toBe(invite.id);
      await store.revokeInvite(invite.id, hoursFromNow(0));
      expect(await store.reissueInvite(invite.id, 'third-hash', null, NOW)).toBeNull();
    });
  });
}
