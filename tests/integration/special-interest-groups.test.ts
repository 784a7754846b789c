/**
 * Special interest groups over the real server: starting one (and who may), joining
 * an open group, asking to join and being approved or declined, leaving, the notes
 * document open to members only (a non-member's socket closes with 4403, and so does
 * a leaver's), starting a lab that invites the members, forged ids, wrong roles, the
 * directory showing groups only when a person allows it, the audit trail, and the
 * tie two members make by both editing the notes.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CloseCode } from '../../shared/close-codes';
import type { LabNetwork } from '../../shared/network/connections';
import { groupNotesDocId } from '../../shared/network/groups';
import type { Invite } from '../../shared/schemas/api-responses';
import type { GroupDetail, GroupSummary } from '../../shared/schemas/group';
import { type DirectoryEntry, defaultProfile } from '../../shared/schemas/profile';
import { addMember, addPerson, type TestPerson } from '../helpers/accounts';
import { connectRawClient } from '../helpers/raw-client';
import { connectSavingClient, type SavingClient } from '../helpers/saving-client';
import { startTestWorkspace, type TestWorkspace } from '../helpers/workspace';

const FALLS = {
  name: 'Falls prevention network',
  topic: 'Falls',
  description: 'What works on wards.',
  joinPolicy: 'open',
};

describe('special interest groups', () => {
  let workspace: TestWorkspace;
  const clients: SavingClient[] = [];
  let owner: TestPerson;
  let nia: TestPerson;
  let dev: TestPerson;
  let pat: TestPerson;

  const call = (person: TestPerson, method: string, path: string, body?: unknown) =>
    fetch(`${workspace.url}/api${path}`, {
      method,
      headers: { authorization: `Bearer ${person.token}`, 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  const json = async <T>(
    person: TestPerson,
    method: string,
    path: string,
    body?: unknown,
    status = 200,
  ) => {
    const response = await call(person, method, path, body);
    expect(response.status, `${method} ${path}`).toBe(status);
    return (await response.json()) as T;
  };
  const start = async (person: TestPerson, body: Record<string, unknown> = FALLS) =>
    (await json<{ group: GroupSummary }>(person, 'POST', '/groups', body, 201)).group;
  /** `person` writes in the group's notes and waits until the server has saved it. */
  const writeNotes = async (person: TestPerson, groupId: string) => {
    const client = connectSavingClient(
      workspace.url,
      groupNotesDocId(groupId),
      workspace.auth(person),
    );
    clients.push(client);
    await client.whenSynced();
    client.text.insert(0, `${person.user.name} was here. `);
    await client.waitForSaved(1);
    return client;
  };

  beforeEach(async () => {
    workspace = await startTestWorkspace();
    const { meta } = workspace.server;
    owner = workspace.owner;
    nia = await addPerson(meta, 'Nia Nurse');
    dev = await addPerson(meta, 'Dev Doctor');
    pat = await addPerson(meta, 'Pat Patient');
    await addMember(meta, workspace.labId, nia.user, 'participant');
    await addMember(meta, workspace.labId, dev.user, 'observer');
    await addMember(meta, workspace.labId, pat.user, 'reviewer');
  });

  afterEach(async () => {
    for (const client of clients.splice(0)) client.destroy();
    await workspace.stop();
  });

  it('is started by staff, not by someone who is only a reviewer, and validated', async () => {
    const group = await start(nia);
    expect(group).toMatchObject({ topic: 'falls', myRole: 'organiser', memberCount: 1 });
    expect((await call(pat, 'POST', '/groups', FALLS)).status).toBe(403);
    const loner = await addPerson(workspace.server.meta, 'Lee Loner');
    expect((await call(loner, 'POST', '/groups', FALLS)).status).toBe(403);
    expect((await call(nia, 'POST', '/groups', { ...FALLS, name: '' })).status).toBe(400);
    expect((await call(nia, 'POST', '/groups', { ...FALLS, joinPolicy: 'x' })).status).toBe(400);
    const listed = await json<{ groups: GroupSummary[]; mayStart: boolean }>(pat, 'GET', '/groups');
    expect(listed.groups.map((g) => g.name)).toEqual([FALLS.name]);
    expect(listed.mayStart).toBe(false);
    const audit = workspace.server.meta.listAudit(null, 100).map((event) => event.type);
    expect(audit).toContain('group.created');
  });

  it('takes members of an open group at once, and lets them leave', async () => {
    const group = await start(nia);
    // Before joining: the page, but no members, labs or notes.
    const outside = await json<GroupDetail>(dev, 'GET', `/groups/${group.id}`);
    expect(outside.members).toEqual([]);
    expect(outside.notesDocId).toBeNull();
    expect(outside.may.join).toBe(true);
    const joined = await json<GroupDetail>(dev, 'POST', `/groups/${group.id}/join`);
    expect(joined.group.myRole).toBe('member');
    expect(joined.notesDocId).toBe(groupNotesDocId(group.id));
    expect(joined.members.map((m) => m.name)).toEqual(['Nia Nurse', 'Dev Doctor']);
    // A patient may join too (only starting a group is for staff).
    expect((await json<GroupDetail>(pat, 'POST', `/groups/${group.id}/join`)).group.myRole).toBe(
      'member',
    );
    const left = await json<GroupDetail>(dev, 'POST', `/groups/${group.id}/leave`);
    expect(left.group.myState).toBeNull();
    expect(left.group.memberCount).toBe(2);
    expect((await call(dev, 'POST', `/groups/${group.id}/leave`)).status).toBe(404);
    // The only organiser cannot leave members behind without one.
    expect((await call(nia, 'POST', `/groups/${group.id}/leave`)).status).toBe(409);
    const audit = workspace.server.meta.listAudit(null, 100).map((event) => event.type);
    expect(audit).toEqual(expect.arrayContaining(['group.joined', 'group.left']));
  });

  it('records requests to an ask-to-join group for its organisers to approve or decline', async () => {
    const group = await start(nia, { ...FALLS, joinPolicy: 'ask' });
    const asked = await json<GroupDetail>(dev, 'POST', `/groups/${group.id}/join`);
    expect(asked.group.myState).toBe('requested');
    expect(asked.notesDocId).toBeNull();
    await json(pat, 'POST', `/groups/${group.id}/join`);
    const seen = await json<GroupDetail>(nia, 'GET', `/groups/${group.id}`);
    expect(seen.requests.map((r) => r.name)).toEqual(['Dev Doctor', 'Pat Patient']);
    // Only organisers answer; the one asking cannot approve themselves.
    expect(
      (await call(dev, 'POST', `/groups/${group.id}/requests/${dev.user.id}`, { approve: true }))
        .status,
    ).toBe(403);
    // A request nobody made, and a bad body.
    expect(
      (await call(nia, 'POST', `/groups/${group.id}/requests/${owner.user.id}`, { approve: true }))
        .status,
    ).toBe(404);
    expect(
      (await call(nia, 'POST', `/groups/${group.id}/requests/${dev.user.id}`, { approve: 'y' }))
        .status,
    ).toBe(400);
    const approved = await json<GroupDetail>(
      nia,
      'POST',
      `/groups/${group.id}/requests/${dev.user.id}`,
      { approve: true },
    );
    expect(approved.members.map((m) => m.name)).toEqual(['Nia Nurse', 'Dev Doctor']);
    const declined = await json<GroupDetail>(
      nia,
      'POST',
      `/groups/${group.id}/requests/${pat.user.id}`,
      { approve: false },
    );
    expect(declined.requests).toEqual([]);
    expect((await json<GroupDetail>(pat, 'GET', `/groups/${group.id}`)).group.myState).toBeNull();
    expect((await json<GroupDetail>(dev, 'GET', `/groups/${group.id}`)).notesDocId).not.toBeNull();
    const audit = workspace.server.meta.listAudit(null, 100).map((event) => event.type);
    expect(audit).toEqual(
      expect.arrayContaining([
        'group.join_requested',
        'group.request_approved',
        'group.request_declined',
      ]),
    );
  });

  it('opens the notes to members only, closes a leaver’s socket, and ties members who both edit', async () => {
    const group = await start(nia);
    await json(dev, 'POST', `/groups/${group.id}/join`);
    const docId = groupNotesDocId(group.id);
    // Not a member (an administrator of the lab neither): refused with 4403.
    const stranger = connectRawClient(
      workspace.url,
      docId,
      `?access_token=${encodeURIComponent(owner.token)}`,
    );
    expect((await stranger.closed()).code).toBe(CloseCode.Forbidden);
    // A request waiting is not membership.
    const asker = await addPerson(workspace.server.meta, 'Ada Asker');
    await workspace.server.meta.addGroupMember({
      groupId: group.id,
      userId: asker.user.id,
      role: 'member',
      state: 'requested',
      since: new Date().toISOString(),
    });
    const waiting = connectRawClient(
      workspace.url,
      docId,
      `?access_token=${encodeURIComponent(asker.token)}`,
    );
    expect((await waiting.closed()).code).toBe(CloseCode.Forbidden);
    // A group that does not exist.
    const forged = connectRawClient(
      workspace.url,
      groupNotesDocId('no-such-group'),
      `?access_token=${encodeURIComponent(nia.token)}`,
    );
    expect((await forged.closed()).code).toBe(CloseCode.Forbidden);

    const niaNotes = await writeNotes(nia, group.id);
    const devNotes = await writeNotes(dev, group.id);
    // Each sees the other's words.
    await expect.poll(() => niaNotes.text.toString()).toContain('Dev Doctor was here.');
    await expect.poll(() => devNotes.text.toString()).toContain('Nia Nurse was here.');
    // Both edited: their contributions carry the group as the place, and the lab's
    // network (both are in it) shows the tie, made in the group, not new in the lab.
    await expect
      .poll(() =>
        workspace.server.meta
          .listContributions(group.id)
          .map((c) => c.userId)
          .sort(),
      )
      .toEqual([nia.user.id, dev.user.id].sort());
    const { network } = await json<{ network: LabNetwork }>(
      nia,
      'GET',
      `/labs/${workspace.labId}/network`,
    );
    expect(network.edges).toEqual([
      expect.objectContaining({ a: [nia.user.id, dev.user.id].sort()[0], isNew: false }),
    ]);

    const closed = new Promise<number>((resolve) => {
      devNotes.provider.on('connection-close', (event) => resolve(event?.code ?? 0));
    });
    await json(dev, 'POST', `/groups/${group.id}/leave`);
    expect(await closed).toBe(CloseCode.Forbidden);
  });

  it('starts a lab from the group, on its topic, inviting the members as participants', async () => {
    const { meta } = workspace.server;
    // Nia runs the group but may not create labs: refused until an administrator allows it.
    const group = await start(nia);
    await json(dev, 'POST', `/groups/${group.id}/join`);
    await json(pat, 'POST', `/groups/${group.id}/join`);
    const lab = { title: 'Falls at night', challenge: 'How might we reduce falls at night?' };
    expect((await call(nia, 'POST', `/groups/${group.id}/labs`, lab)).status).toBe(403);
    // A member who may create labs is still not an organiser.
    await meta.updateUser(dev.user.id, { canCreateLabs: true });
    expect((await call(dev, 'POST', `/groups/${group.id}/labs`, lab)).status).toBe(403);
    await meta.updateUser(nia.user.id, { canCreateLabs: true });
    expect((await call(nia, 'POST', `/groups/${group.id}/labs`, { title: '' })).status).toBe(400);
    const started = await json<{
      lab: { id: string; topic: string | null; myRole: string };
      invitations: Array<{ name: string; path: string; emailed: boolean }>;
    }>(nia, 'POST', `/groups/${group.id}/labs`, lab, 201);
    expect(started.lab).toMatchObject({ topic: 'falls', myRole: 'facilitator' });
    expect(started.invitations.map((i) => i.name).sort()).toEqual(['Dev Doctor', 'Pat Patient']);
    const { invites } = await json<{ invites: Invite[] }>(
      nia,
      'GET',
      `/labs/${started.lab.id}/invites`,
    );
    expect(invites.map((i) => [i.name, i.role, i.maxUses]).sort()).toEqual([
      ['Dev Doctor', 'participant', 1],
      ['Pat Patient', 'participant', 1],
    ]);
    expect(invites[0]?.note).toContain(FALLS.name);
    // Dev accepts his link and is a participant of the new lab.
    const devLink = started.invitations.find((i) => i.name === 'Dev Doctor')?.path ?? '';
    await json(dev, 'POST', `/invites/${devLink.split('/').pop()}/accept`);
    expect(meta.getMembership(started.lab.id, dev.user.id)?.role).toBe('participant');
    // The group's labs list it first, as started from the group; members see the feed.
    const detail = await json<GroupDetail>(dev, 'GET', `/groups/${group.id}`);
    expect(detail.labs[0]).toMatchObject({ id: started.lab.id, fromGroup: true, mine: true });
    const audit = meta.listAudit(started.lab.id, 100).map((event) => event.type);
    expect(audit).toEqual(expect.arrayContaining(['lab.created', 'group.lab_started']));
  });

  it('lists labs whose topic is the group’s, set in the lab’s settings', async () => {
    const group = await start(nia);
    const before = await json<GroupDetail>(nia, 'GET', `/groups/${group.id}`);
    expect(before.labs).toEqual([]);
    await json(owner, 'PATCH', `/labs/${workspace.labId}`, { topic: 'FALLS ' });
    const after = await json<GroupDetail>(nia, 'GET', `/groups/${group.id}`);
    expect(after.labs.map((lab) => [lab.id, lab.mine])).toEqual([[workspace.labId, true]]);
    // Not shown to someone outside the group.
    expect((await json<GroupDetail>(dev, 'GET', `/groups/${group.id}`)).labs).toEqual([]);
    await json(owner, 'PATCH', `/labs/${workspace.labId}`, { topic: '' });
    expect((await json<GroupDetail>(nia, 'GET', `/groups/${group.id}`)).labs).toEqual([]);
  });

  it('answers 404 for a forged or unknown group id, on every route', async () => {
    await start(nia);
    for (const id of ['no-such-group', 'bad%20id', 'x'.repeat(200)]) {
      expect((await call(nia, 'GET', `/groups/${id}`)).status).toBe(404);
      expect((await call(nia, 'POST', `/groups/${id}/join`)).status).toBe(404);
      expect((await call(nia, 'POST', `/groups/${id}/leave`)).status).toBe(404);
      expect(
        (await call(nia, 'POST', `/groups/${id}/requests/${dev.user.id}`, { approve: true }))
          .status,
      ).toBe(404);
      expect((await call(nia, 'POST', `/groups/${id}/labs`, { title: 'A lab' })).status).toBe(404);
    }
    expect((await fetch(`${workspace.url}/api/groups`)).status).toBe(401);
  });

  it('shows a person’s groups in the directory only when they allow it', async () => {
    const { meta } = workspace.server;
    const group = await start(nia);
    await json(dev, 'POST', `/groups/${group.id}/join`);
    const profile = defaultProfile(dev.user.id, new Date().toISOString());
    await meta.saveProfile({ ...profile, audience: 'everyone' });
    const find = async () =>
      (await json<{ people: DirectoryEntry[] }>(pat, 'GET', '/directory')).people.find(
        (person) => person.userId === dev.user.id,
      );
    expect((await find())?.groups).toBeUndefined();
    await meta.saveProfile({
      ...profile,
      audience: 'everyone',
      shown: { ...profile.shown, groups: true },
    });
    expect((await find())?.groups).toEqual([FALLS.name]);
    // A request waiting is not membership: it is not listed.
    const other = await start(nia, { ...FALLS, name: 'Night shifts', joinPolicy: 'ask' });
    await json(dev, 'POST', `/groups/${other.id}/join`);
    expect((await find())?.groups).toEqual([FALLS.name]);
  });
});
