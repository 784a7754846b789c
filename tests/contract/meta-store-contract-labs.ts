/**
 * MetaStore contract, lab records: labs, memberships, invitations (with concurrent
 * accepts), the item registry and the audit trail. Run through
 * `describeMetaStoreContract`.
 */
import { describe, expect, it } from 'vitest';
import type { MetaStore } from '../../server/store/meta-store';
import { Limits } from '../../shared/limits';
import type { LabRecord } from '../../shared/schemas/records';
import { createUsers } from './meta-store-contract-accounts';
import {
  aLab,
  aMembership,
  anAuditEvent,
  anInvite,
  anItem,
  hoursFromNow,
  NOW,
} from './meta-store-fixtures';

/** A user and a lab they created (and so facilitate). */
export async function createLab(store: MetaStore): Promise<{ lab: LabRecord; ownerId: string }> {
  const [ownerId = ''] = await createUsers(store, 1);
  const lab = aLab(ownerId);
  await store.createLab(lab, aMembership(lab.id, ownerId));
  return { lab, ownerId };
}

export function describeLabContract(current: () => MetaStore): void {
  describe('labs and memberships', () => {
    it("creates a lab with its creator's facilitator membership", async () => {
      const store = current();
      const { lab, ownerId } = await createLab(store);
      expect(store.getLab(lab.id)).toEqual(lab);
      expect(store.listLabs()).toEqual([lab]);
      expect(store.getMembership(lab.id, ownerId)).toEqual(aMembership(lab.id, ownerId));
      expect(store.listMembers(lab.id)).toEqual([aMembership(lab.id, ownerId)]);
      expect(store.getLab('no-such-lab')).toBeNull();
    });

    it('lists the labs a user belongs to with their role, archived ones included', async () => {
      const store = current();
      const first = await createLab(store);
      const second = await createLab(store);
      await createLab(store);
      const archived = await store.updateLab(second.lab.id, { archivedAt: hoursFromNow(0) });
      await store.setRole(second.lab.id, second.ownerId, 'participant');
      const joined = { labId: second.lab.id, userId: first.ownerId, role: 'reviewer' as const };
      const invite = anInvite(second.lab.id, second.ownerId, { role: joined.role });
      await store.createInvite(invite);
      await store.acceptInvite(invite.tokenHash, first.ownerId, NOW);
      expect(store.listLabsForUser(first.ownerId)).toEqual([
        { lab: first.lab, role: 'facilitator' },
        { lab: archived, role: 'reviewer' },
      ]);
      expect(store.listLabsForUser('no-such-user')).toEqual([]);
    });

    it('updates and archives a lab', async () => {
      const store = current();
      const { lab } = await createLab(store);
      const updated = await store.updateLab(lab.id, { title: 'Falls at night', phase: 'test' });
      expect(updated).toEqual({ ...lab, title: 'Falls at night', phase: 'test' });
      const at = hoursFromNow(1);
      expect((await store.updateLab(lab.id, { archivedAt: at }))?.archivedAt).toBe(at);
      expect(store.getLab(lab.id)?.archivedAt).toBe(at);
      expect(await store.updateLab('no-such-lab', { title: 'x' })).toBeNull();
    });

    it('adds a member, keeping an existing membership unchanged', async () => {
      const store = current();
      const { lab, ownerId } = await createLab(store);
      const [joinerId = ''] = await createUsers(store, 1);
      const joined = aMembership(lab.id, joinerId, {
        role: 'participant',
        joinedAt: NOW.toISOString(),
      });
      expect(await store.addMember(joined)).toEqual(joined);
      expect(store.getMembership(lab.id, joinerId)).toEqual(joined);
      const again = await store.addMember({ ...joined, role: 'observer' });
      expect(again).toEqual(joined);
      expect(await store.addMember(aMembership(lab.id, ownerId, { role: 'reviewer' }))).toEqual(
        aMembership(lab.id, ownerId),
      );
      expect(store.listMembers(lab.id)).toEqual([aMembership(lab.id, ownerId), joined]);
    });

    it("sets a member's role and removes a member", async () => {
      const store = current();
      const { lab, ownerId } = await createLab(store);
      const changed = await store.setRole(lab.id, ownerId, 'observer');
      expect(changed).toEqual(aMembership(lab.id, ownerId, { role: 'observer' }));
      expect(store.getMembership(lab.id, ownerId)?.role).toBe('observer');
      expect(await store.setRole(lab.id, 'no-such-user', 'observer')).toBeNull();
      expect(await store.removeMember(lab.id, ownerId)).toBe(true);
      expect(store.getMembership(lab.id, ownerId)).toBeNull();
      expect(store.listMembers(lab.id)).toEqual([]);
      expect(await store.removeMember(lab.id, ownerId)).toBe(false);
    });
  });

  describe('invitations', () => {
    it('creates an invitation and finds it by id and by token hash', async () => {
      const store = current();
      const { lab, ownerId } = await createLab(store);
      const invite = anInvite(lab.id, ownerId);
      await store.createInvite(invite);
      expect(store.getInvite(invite.id)).toEqual(invite);
      expect(store.findInviteByHash(invite.tokenHash)).toEqual(invite);
      expect(store.findInviteByHash('no-such-hash')).toBeNull();
    });

    it('lists as pending only invitations not revoked, not expired and with uses left', async () => {
      const store = current();
      const { lab, ownerId } = await createLab(store);
      const other = await createLab(store);
      const pending = anInvite(lab.id, ownerId);
      const revoked = anInvite(lab.id, ownerId);
      const expired = anInvite(lab.id, ownerId, { expiresAt: hoursFromNow(-1) });
      const usedUp = anInvite(lab.id, ownerId, { maxUses: 2, uses: 2 });
      const elsewhere = anInvite(other.lab.id, other.ownerId);
      for (const each of [pending, revoked, expired, usedUp, elsewhere]) {
        await store.createInvite(each);
      }
      expect(await store.revokeInvite(revoked.id, hoursFromNow(0))).toBe(true);
      expect(await store.revokeInvite(revoked.id, hoursFromNow(0))).toBe(false);
      expect(store.listPendingInvites(lab.id, NOW)).toEqual([pending]);
    });

    it('refuses an unknown, revoked, expired or used-up invitation, changing nothing', async () => {
      const store = current();
      const { lab, ownerId } = await createLab(store);
      const [joinerId = ''] = await createUsers(store, 1);
      const revoked = anInvite(lab.id, ownerId, { revokedAt: hoursFromNow(-1) });
      const expired = anInvite(lab.id, ownerId, { expiresAt: hoursFromNow(-1) });
      const usedUp = anInvite(lab.id, ownerId, { maxUses: 1, uses: 1 });
      for (const each of [revoked, expired, usedUp]) await store.createInvite(each);
      const accept = (tokenHash: string) => store.acceptInvite(tokenHash, joinerId, NOW);
      expect(await accept('no-such-hash')).toEqual({ ok: false, reason: 'not_found' });
      expect(await accept(revoked.tokenHash)).toEqual({ ok: false, reason: 'revoked' });
      expect(await accept(expired.tokenHash)).toEqual({ ok: false, reason: 'expired' });
      expect(await accept(usedUp.tokenHash)).toEqual({ ok: false, reason: 'used_up' });
      expect(store.getMembership(lab.id, joinerId)).toBeNull();
      for (const each of [revoked, expired, usedUp]) expect(store.getInvite(each.id)).toEqual(each);
    });

    it('counts a use and adds a membership with the invitation’s role', async () => {
      const store = current();
      const { lab, ownerId } = await createLab(store);
      const [joinerId = ''] = await createUsers(store, 1);
      const invite = anInvite(lab.id, ownerId, { role: 'reviewer', maxUses: 2 });
      await store.createInvite(invite);
      const result = await store.acceptInvite(invite.tokenHash, joinerId, NOW);
      const membership = {
        labId: lab.id,
        userId: joinerId,
        role: 'reviewer',
        joinedAt: NOW.toISOString(),
      };
      expect(result).toEqual({ ok: true, membership, invite: { ...invite, uses: 1 } });
      expect(store.getMembership(lab.id, joinerId)).toEqual(membership);
      expect(store.getInvite(invite.id)?.uses).toBe(1);
    });

    it('keeps an existing membership unchanged, still counting the use', async () => {
      const store = current();
      const { lab, ownerId } = await createLab(store);
      const invite = anInvite(lab.id, ownerId, { role: 'observer' });
      await store.createInvite(invite);
      const result = await store.acceptInvite(invite.tokenHash, ownerId, NOW);
      expect(result).toEqual({
        ok: true,
        membership: aMembership(lab.id, ownerId),
        invite: { ...invite, uses: 1 },
      });
      expect(store.getMembership(lab.id, ownerId)).toEqual(aMembership(lab.id, ownerId));
    });

    it('never exceeds maxUses, however many accept at once', async () => {
      const store = current();
      const { lab, ownerId } = await createLab(store);
      const joiners = await createUsers(store, 10);
      const invite = anInvite(lab.id, ownerId, { maxUses: 3 });
      await store.createInvite(invite);
      // Fired together, not awaited in between: the race a store must not lose.
      const accepts = joiners.map((userId) => store.acceptInvite(invite.tokenHash, userId, NOW));
      const results = await Promise.all(accepts);
      expect(results.filter((result) => result.ok)).toHaveLength(3);
      expect(results.filter((result) => !result.ok && result.reason === 'used_up')).toHaveLength(7);
      expect(store.getInvite(invite.id)?.uses).toBe(3);
      expect(store.listMembers(lab.id)).toHaveLength(4);
      expect(store.listPendingInvites(lab.id, NOW)).toEqual([]);
    });
  });

  describe('items', () => {
    it('creates items and lists those of a lab ordered by `order`', async () => {
      const store = current();
      const { lab } = await createLab(store);
      const other = await createLab(store);
      const third = anItem(lab.id, { order: 3, kind: 'pdsa' });
      const first = anItem(lab.id, { order: 1, kind: 'problem' });
      const second = anItem(lab.id, { order: 2, kind: 'measure' });
      const elsewhere = anItem(other.lab.id, { order: 0 });
      for (const item of [third, first, elsewhere, second]) {
        expect(await store.createItem(item)).toEqual(item);
      }
      expect(store.getItem(second.id)).toEqual(second);
      expect(store.getItem('no-such-item')).toBeNull();
      expect(store.listItems(lab.id)).toEqual([first, second, third]);
      expect(store.listItems(other.lab.id)).toEqual([elsewhere]);
      await expect(store.createItem(first)).rejects.toThrow();
    });

    it('updates an item, which can move it in the order', async () => {
      const store = current();
      const { lab, ownerId } = await createLab(store);
      const [a, b] = [anItem(lab.id, { order: 1 }), anItem(lab.id, { order: 2 })];
      await store.createItem(a);
      await store.createItem(b);
      const patch = { order: 3, sharing: 'open_for_comment' as const, updatedBy: ownerId };
      const updated = await store.updateItem(a.id, patch);
      expect(updated).toEqual({ ...a, ...patch });
      expect(store.listItems(lab.id).map((item) => item.id)).toEqual([b.id, a.id]);
      expect(await store.updateItem('no-such-item', { title: 'x' })).toBeNull();
    });

    it('keeps the facts lists show, and refuses facts that break the schema', async () => {
      const store = current();
      const { lab } = await createLab(store);
      const idea = anItem(lab.id, { kind: 'idea' });
      await store.createItem(idea);
      expect(store.getItem(idea.id)?.facts).toBeUndefined();
      const facts = { impact: 'high', effort: null, owner: 'Ward manager', target: 4 };
      expect(await store.updateItem(idea.id, { facts })).toEqual({ ...idea, facts });
      expect(store.getItem(idea.id)?.facts).toEqual(facts);
      const tooLong = { owner: 'x'.repeat(Limits.maxFactLength + 1) };
      await expect(store.updateItem(idea.id, { facts: tooLong })).rejects.toThrow();
      expect(store.getItem(idea.id)?.facts).toEqual(facts);
    });
  });

  describe('audit trail', () => {
    it('returns the newest events, newest last, for one lab or all', async () => {
      const store = current();
      const labA = (await createLab(store)).lab.id;
      const labB = (await createLab(store)).lab.id;
      const events = [labA, labB, null, labA, labB, labA].map((labId, i) =>
        anAuditEvent({ labId, at: hoursFromNow(i), details: { n: i } }),
      );
      for (const event of events) await store.appendAudit(event);
      expect(store.listAudit(null, 100)).toEqual(events);
      expect(store.listAudit(null, 2)).toEqual(events.slice(4));
      expect(store.listAudit(labA, 2)).toEqual([events[3], events[5]]);
      expect(store.listAudit(labB, 10)).toEqual([events[1], events[4]]);
      expect(store.listAudit(labA, 0)).toEqual([]);
      expect(store.listAudit('no-such-lab', 10)).toEqual([]);
    });
  });
}
