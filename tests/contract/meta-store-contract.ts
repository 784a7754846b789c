/**
 * The one behaviour every MetaStore implementation must have, as a Vitest suite:
 * `describeMetaStoreContract(name, make)` runs it against a fresh store per test.
 * The record families are in `meta-store-contract-accounts.ts` and
 * `meta-store-contract-labs.ts` and `meta-store-contract-surveys.ts`; this module adds what cuts across them: returned
 * records are copies, changes survive close and reopen, and none is lost under load.
 */
import { afterEach, beforeEach, describe, expect, it, type TestContext } from 'vitest';
import type { MetaStore } from '../../server/store/meta-store';
import { createUsers, describeAccountContract } from './meta-store-contract-accounts';
import { describeGroupContract } from './meta-store-contract-groups';
import { createLab, describeLabContract } from './meta-store-contract-labs';
import { describeNotificationContract } from './meta-store-contract-notifications';
import { describeFlagContract } from './meta-store-contract-flags';
import { describeProfileContract } from './meta-store-contract-profiles';
import { describeSurveyContract } from './meta-store-contract-surveys';
import { describePeopleContract } from './meta-store-contract-people';
import { describeSsoContract } from './meta-store-contract-sso';
import {
  aMembership,
  anApiToken,
  anAuditEvent,
  anInvite,
  anItem,
  aSession,
  aUser,
  hoursFromNow,
  NOW,
} from './meta-store-fixtures';

export interface MetaStoreHarness {
  readonly store: MetaStore;
  /** Opens the same storage again, after `store.close()`; omitted when nothing persists. */
  readonly reopen?: () => Promise<MetaStore>;
  readonly cleanup: () => Promise<void>;
}

/** Everything a store holds that its interface can list, for comparing two stores. */
function contentsOf(store: MetaStore, userIds: string[], labIds: string[]) {
  return {
    users: userIds.map((id) => store.getUser(id)),
    tokens: userIds.map((id) => store.listApiTokens(id)),
    labs: store.listLabs(),
    labsByUser: userIds.map((id) => store.listLabsForUser(id)),
    members: labIds.map((id) => store.listMembers(id)),
    invites: labIds.map((id) => store.listPendingInvites(id, NOW)),
    items: labIds.map((id) => store.listItems(id)),
    audit: store.listAudit(null, Number.MAX_SAFE_INTEGER),
    hasAdmin: store.hasAdmin(),
  };
}

export function describeMetaStoreContract(
  name: string,
  make: () => Promise<MetaStoreHarness>,
): void {
  describe(`MetaStore contract: ${name}`, () => {
    let harness: MetaStoreHarness;
    let store: MetaStore;
    const opened: MetaStore[] = [];

    beforeEach(async () => {
      harness = await make();
      store = harness.store;
      opened.push(store);
    });

    afterEach(async () => {
      for (const each of opened.splice(0)) await each.close().catch(() => undefined);
      await harness.cleanup();
    });

    /** Closes the store and opens its storage again; null when nothing persists. */
    async function reopenIfPersistent(): Promise<MetaStore | null> {
      const { reopen } = harness;
      if (reopen === undefined) return null;
      await store.close();
      store = await reopen();
      opened.push(store);
      return store;
    }

    /** Like `reopenIfPersistent`, but skips the test when nothing persists. */
    async function reopened(context: TestContext): Promise<MetaStore> {
      if (harness.reopen === undefined) {
        context.skip('this store keeps nothing across close and reopen');
      }
      const again = await reopenIfPersistent();
      if (again === null) throw new Error('the store could not be reopened');
      return again;
    }

    describeAccountContract(() => store);
    describeLabContract(() => store);
    describeSurveyContract(() => store, reopened);
    describeProfileContract(() => store, reopened);
    describeGroupContract(() => store, reopened);
    describePeopleContract(() => store);
    describeNotificationContract(() => store, reopened);
    describeFlagContract(() => store, reopened);
    describeSsoContract(() => store, reopened);

    describe('copies', () => {
      it('returns copies: changing a returned record changes nothing stored', async () => {
        const { lab, ownerId } = await createLab(store);
        const item = await store.createItem(anItem(lab.id));
        const user = store.getUser(ownerId);
        if (user === null) throw new Error('the user just created is missing');
        user.name = 'Changed by accident';
        item.title = 'Changed by accident';
        const listed = store.listItems(lab.id);
        listed.splice(0);
        const membership = store.listLabsForUser(ownerId)[0];
        if (membership !== undefined) membership.lab.title = 'Changed by accident';
        expect(store.getUser(ownerId)?.name).not.toBe('Changed by accident');
        expect(store.getItem(item.id)?.title).not.toBe('Changed by accident');
        expect(store.listItems(lab.id)).toHaveLength(1);
        expect(store.getLab(lab.id)).toEqual(lab);
      });

      it('keeps its own copy of what it is given', async () => {
        const user = aUser();
        await store.createUser(user);
        user.isAdmin = true;
        const event = anAuditEvent({ details: { note: 'original' } });
        await store.appendAudit(event);
        event.details.note = 'changed afterwards';
        expect(store.hasAdmin()).toBe(false);
        expect(store.listAudit(null, 1)[0]?.details).toEqual({ note: 'original' });
      });
    });

    describe('lifetime', () => {
      it('resolves flush() once everything so far is saved', async () => {
        const changes = [store.createUser(aUser()), store.appendAudit(anAuditEvent())];
        await store.flush();
        await expect(Promise.all(changes)).resolves.toHaveLength(2);
      });

      it('refuses changes once closed', async () => {
        await store.close();
        await expect(store.createUser(aUser())).rejects.toThrow();
      });

      it('keeps everything across close and reopen', async (context) => {
        const userIds = await createUsers(store, 2);
        const [ownerId = '', otherId = ''] = userIds;
        await store.updateUser(ownerId, { isAdmin: true });
        const session = aSession(otherId);
        await store.createSession(session);
        await store.createApiToken(anApiToken(otherId));
        const lab = (await createLab(store)).lab;
        await store.createLab({ ...lab, id: `${lab.id}-2` }, aMembership(`${lab.id}-2`, ownerId));
        const invite = anInvite(lab.id, ownerId, { maxUses: 3 });
        await store.createInvite(invite);
        await store.acceptInvite(invite.tokenHash, otherId, NOW);
        await store.createItem(anItem(lab.id, { order: 2 }));
        await store.appendAudit(anAuditEvent({ labId: lab.id, actorId: ownerId }));
        await store.setSetupToken({ tokenHash: 'setup-hash', expiresAt: hoursFromNow(1) });
        const labIds = [lab.id, `${lab.id}-2`];
        const before = contentsOf(store, userIds, labIds);

        const again = await reopened(context);
        expect(contentsOf(again, userIds, labIds)).toEqual(before);
        expect(again.findSession(session.tokenHash)).toEqual(session);
        expect(again.findInviteByHash(invite.tokenHash)?.uses).toBe(1);
        expect(await again.consumeSetupToken('setup-hash', NOW)).toBe(true);
      });

      it('keeps the order of records across reopen when one is removed and added again', async (context) => {
        const { lab, ownerId } = await createLab(store);
        const others = await createUsers(store, 3);
        for (const userId of others)
          await store.addMember(aMembership(lab.id, userId, { role: 'participant' }));
        const [first = '', second = ''] = others;
        // Removed and added again in one go: in memory it is now last.
        await Promise.all([
          store.removeMember(lab.id, first),
          store.addMember(aMembership(lab.id, first, { role: 'participant' })),
          store.setRole(lab.id, second, 'reviewer'),
        ]);
        const members = store.listMembers(lab.id);
        expect(members.map((m) => m.userId)).toEqual([ownerId, ...others.slice(1), first]);
        const again = await reopened(context);
        expect(again.listMembers(lab.id)).toEqual(members);
      });

      it('loses none of 500 changes made at once', async () => {
        const { lab } = await createLab(store);
        const items = Array.from({ length: 500 }, (_, order) => anItem(lab.id, { order }));
        // Not awaited in between: each change must land while earlier writes are in flight.
        const created = await Promise.all(items.map((item) => store.createItem(item)));
        expect(created).toEqual(items);
        expect(store.listItems(lab.id)).toEqual(items);
        const again = await reopenIfPersistent();
        if (again !== null) expect(again.listItems(lab.id)).toEqual(items);
      });
    });
  });
}
