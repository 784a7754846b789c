/**
 * MetaStore contract, single sign-on: an organisation account links to one person
 * only, and a sign-in under way is used once, not after it expires, and survives a
 * restart (the person may come back from their provider to a restarted server).
 * Run through `describeMetaStoreContract`.
 */
import { describe, expect, it, type TestContext } from 'vitest';
import type { MetaStore } from '../../server/store/meta-store';
import { MetaStoreConflictError } from '../../server/store/meta-store';
import { MAX_PENDING_SSO_REQUESTS } from '../../server/store/meta-core-sso';
import type { SsoRequestRecord } from '../../shared/schemas/sso-request';
import { aUser, hoursFromNow, NOW } from './meta-store-fixtures';

const ISSUER = 'https://login.example.org';

function aRequest(keyHash: string, overrides: Partial<SsoRequestRecord> = {}): SsoRequestRecord {
  return {
    keyHash,
    state: `state-${keyHash}`,
    nonce: `nonce-${keyHash}`,
    codeVerifier: `verifier-${keyHash}`,
    intent: 'sign_in',
    returnTo: '/labs',
    inviteTokenHash: null,
    profession: null,
    userId: null,
    createdAt: hoursFromNow(0),
    expiresAt: hoursFromNow(0.2),
    ...overrides,
  };
}

export function describeSsoContract(
  current: () => MetaStore,
  reopened: (context: TestContext) => Promise<MetaStore>,
): void {
  describe('organisation sign-in', () => {
    it('links an organisation account to one person only, and finds them by it', async () => {
      const store = current();
      const a = await store.createUser(aUser());
      const b = await store.createUser(aUser());
      const linked = await store.linkIdentity(a.id, { issuer: ISSUER, subject: 'sub-1' });
      expect(linked?.identities).toEqual([{ issuer: ISSUER, subject: 'sub-1' }]);
      expect(store.findUserByIdentity(ISSUER, 'sub-1')?.id).toBe(a.id);
      await expect(
        store.linkIdentity(b.id, { issuer: ISSUER, subject: 'sub-1' }),
      ).rejects.toBeInstanceOf(MetaStoreConflictError);
      expect(store.getUser(b.id)?.identities ?? []).toEqual([]);
      // Linking the same account again changes nothing; another from the same issuer replaces it.
      await store.linkIdentity(a.id, { issuer: ISSUER, subject: 'sub-1' });
      await store.linkIdentity(a.id, { issuer: 'https://other.example.org', subject: 'x' });
      await store.linkIdentity(a.id, { issuer: ISSUER, subject: 'sub-2' });
      expect(store.getUser(a.id)?.identities).toEqual([
        { issuer: 'https://other.example.org', subject: 'x' },
        { issuer: ISSUER, subject: 'sub-2' },
      ]);
      expect(store.findUserByIdentity(ISSUER, 'sub-1')).toBeNull();
      expect(await store.linkIdentity('no-such-user', { issuer: ISSUER, subject: 's' })).toBeNull();
    });

    it('refuses to create a person with an organisation account someone else has', async () => {
      const store = current();
      const a = await store.createUser(aUser());
      await store.linkIdentity(a.id, { issuer: ISSUER, subject: 'taken' });
      const copy = aUser({ identities: [{ issuer: ISSUER, subject: 'taken' }] });
      await expect(store.createUser(copy)).rejects.toBeInstanceOf(MetaStoreConflictError);
      expect(store.getUser(copy.id)).toBeNull();
      const fresh = aUser({ identities: [{ issuer: ISSUER, subject: 'new' }] });
      await store.createUser(fresh);
      expect(store.findUserByIdentity(ISSUER, 'new')?.id).toBe(fresh.id);
    });

    it('gives a sign-in request back once, and not after it expired', async () => {
      const store = current();
      await store.createSsoRequest(aRequest('k1', { intent: 'link', userId: 'u1' }), NOW);
      await store.createSsoRequest(aRequest('k2', { expiresAt: hoursFromNow(-0.1) }), NOW);
      const taken = await store.consumeSsoRequest('k1', NOW);
      expect(taken).toEqual(aRequest('k1', { intent: 'link', userId: 'u1' }));
      expect(await store.consumeSsoRequest('k1', NOW)).toBeNull();
      expect(await store.consumeSsoRequest('k2', NOW)).toBeNull();
      expect(await store.consumeSsoRequest('unknown', NOW)).toBeNull();
      await expect(store.createSsoRequest(aRequest('k3'), NOW)).resolves.toBeUndefined();
      await expect(store.createSsoRequest(aRequest('k3'), NOW)).rejects.toBeInstanceOf(
        MetaStoreConflictError,
      );
    });

    it('keeps at most the newest requests, so a flood cannot grow them without end', async () => {
      const store = current();
      // Started together, so the store writes them in a few coalesced writes.
      await Promise.all(
        Array.from({ length: MAX_PENDING_SSO_REQUESTS + 1 }, (_, i) =>
          store.createSsoRequest(aRequest(`flood-${i}`), NOW),
        ),
      );
      expect(await store.consumeSsoRequest('flood-0', NOW)).toBeNull();
      expect(
        await store.consumeSsoRequest(`flood-${MAX_PENDING_SSO_REQUESTS}`, NOW),
      ).not.toBeNull();
    });

    it('keeps a sign-in request and a linked account across a restart', async (context) => {
      const store = current();
      const user = await store.createUser(aUser());
      await store.linkIdentity(user.id, { issuer: ISSUER, subject: 'kept' });
      const request = aRequest('kept', {
        intent: 'invite',
        inviteTokenHash: 'invite-hash',
        profession: 'pharmacist',
        returnTo: '/invite/x?y=1',
      });
      await store.createSsoRequest(request, NOW);
      const again = await reopened(context);
      expect(again.findUserByIdentity(ISSUER, 'kept')?.id).toBe(user.id);
      expect(await again.consumeSsoRequest('kept', NOW)).toEqual(request);
    });
  });
}
