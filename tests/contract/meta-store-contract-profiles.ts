/**
 * MetaStore contract, member profiles and contributions: one per person, replaced whole, refused when
 * they break the schema. Run through `describeMetaStoreContract`.
 */
import { describe, expect, it, type TestContext } from 'vitest';
import type { MetaStore } from '../../server/store/meta-store';
import { defaultProfile } from '../../shared/schemas/profile';
import { createUsers } from './meta-store-contract-accounts';
import { NOW } from './meta-store-fixtures';

export function describeProfileContract(
  current: () => MetaStore,
  reopened: (context: TestContext) => Promise<MetaStore>,
): void {
  describe('member profiles', () => {
    it('keeps one profile per person, replaced whole', async () => {
      const store = current();
      const [userId = '', otherId = ''] = await createUsers(store, 2);
      expect(store.getProfile(userId)).toBeNull();
      const profile = {
        ...defaultProfile(userId, NOW.toISOString()),
        audience: 'everyone' as const,
      };
      await store.saveProfile(profile);
      await store.saveProfile(defaultProfile(otherId, NOW.toISOString()));
      const changed = { ...profile, region: 'wales' as const, topics: ['falls'] };
      await store.saveProfile(changed);
      expect(store.getProfile(userId)).toEqual(changed);
      expect(store.listProfiles().map((p) => p.userId)).toEqual([userId, otherId]);
    });

    it('refuses a profile that breaks the schema, changing nothing', async () => {
      const store = current();
      const [userId = ''] = await createUsers(store, 1);
      const bad = { ...defaultProfile(userId, NOW.toISOString()), region: 'atlantis' };
      // @ts-expect-error: a region the schema does not know, as a broken caller might send
      await expect(store.saveProfile(bad)).rejects.toThrow(/profile/);
      expect(store.getProfile(userId)).toBeNull();
    });

    it('keeps only the first contribution of each person to each item', async (context) => {
      const store = current();
      const [userId = ''] = await createUsers(store, 1);
      const first = { labId: 'lab-1', itemId: 'item-1', userId, firstAt: '2026-01-01T00:00:00Z' };
      expect(await store.recordContribution(first)).toBe(true);
      expect(await store.recordContribution({ ...first, firstAt: '2026-02-01T00:00:00Z' })).toBe(
        false,
      );
      await store.recordContribution({ ...first, itemId: 'item-2', labId: 'lab-2' });
      expect(store.listContributions('lab-1')).toEqual([first]);
      const again = await reopened(context);
      expect(again.listContributions('lab-1')).toEqual([first]);
    });

    it('keeps profiles across close and reopen', async (context) => {
      const store = current();
      const [userId = ''] = await createUsers(store, 1);
      const profile = { ...defaultProfile(userId, NOW.toISOString()), organisation: 'Trust A' };
      await store.saveProfile(profile);
      const again = await reopened(context);
      expect(again.getProfile(userId)).toEqual(profile);
    });
  });
}
