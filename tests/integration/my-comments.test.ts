/**
 * "My comments" (`GET /api/me/comments`): a person's own threads across their
 * labs with where each stands and the team's answers; nobody else's threads,
 * only items they may still see (a reviewer's scope and the items' sharing), other
 * reviewers unnamed, another lab's comments only in that lab's group, and a lab
 * that does not exist or is not theirs answered 404.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ANOTHER_REVIEWER } from '../../shared/comment-authors';
import type { Comment } from '../../shared/comments';
import {
  type MyCommentsResponse,
  MyCommentsResponseSchema,
} from '../../shared/schemas/my-comments';
import { addLab, addMember, addPerson, type TestPerson } from '../helpers/accounts';
import { startTestWorkspace, type TestWorkspace } from '../helpers/workspace';

describe('my comments', () => {
  let workspace: TestWorkspace;
  let pat: TestPerson;
  let rae: TestPerson;
  let nia: TestPerson;
  let leaflet: string;
  let rota: string;

  const call = async (person: TestPerson, method: string, path: string, body?: unknown) =>
    fetch(`${workspace.url}/api${path}`, {
      method,
      headers: { authorization: `Bearer ${person.token}`, 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  const api = async <T>(person: TestPerson, method: string, path: string, body?: unknown) => {
    const response = await call(person, method, path, body);
    if (!response.ok) throw new Error(`${method} ${path}: ${response.status}`);
    return (await response.json()) as T;
  };
  const comment = async (person: TestPerson, itemId: string, body: string, replyTo?: string) =>
    (
      await api<{ comment: Comment }>(person, 'POST', `/items/${itemId}/comments`, {
        body,
        replyTo: replyTo ?? null,
      })
    ).comment;
  const mine = async (person: TestPerson, query = ''): Promise<MyCommentsResponse> =>
    MyCommentsResponseSchema.parse(await api(person, 'GET', `/me/comments${query}`));
  const bodies = (answer: MyCommentsResponse) =>
    answer.labs.flatMap((lab) =>
      lab.items.flatMap((item) =>
        item.threads.map((thread) => [thread.root.body, ...thread.replies.map((r) => r.body)]),
      ),
    );
  const openItem = async (labId: string, title: string) => {
    const created = await api<{ item: { id: string } }>(
      workspace.owner,
      'POST',
      `/labs/${labId}/items`,
      { kind: 'note', title },
    );
    await api(workspace.owner, 'PATCH', `/items/${created.item.id}`, {
      sharing: 'open_for_comment',
    });
    return created.item.id;
  };

  beforeEach(async () => {
    workspace = await startTestWorkspace();
    const { meta } = workspace.server;
    leaflet = await openItem(workspace.labId, 'Patient leaflet');
    rota = await openItem(workspace.labId, 'Staff rota');
    pat = await addPerson(meta, 'Pat Patient');
    rae = await addPerson(meta, 'Rae Relative');
    nia = await addPerson(meta, 'Nia Nurse');
    await addMember(meta, workspace.labId, pat.user, 'reviewer');
    await addMember(meta, workspace.labId, rae.user, 'reviewer');
    await addMember(meta, workspace.labId, nia.user, 'participant');
  });
  afterEach(async () => {
    await workspace.stop();
  });

  it("lists only the person's own threads, with each one's status and the team's answers", async () => {
    const open = await comment(pat, leaflet, 'The print is small');
    const answered = await comment(pat, leaflet, 'What does triage mean?');
    const resolved = await comment(pat, rota, 'Who covers nights?');
    await comment(rae, leaflet, 'Rae’s own thread');
    const raesThread = await comment(rae, rota, 'Rae asks about weekends');
    await comment(pat, rota, 'Pat adds to Rae’s question', raesThread.id);
    await comment(nia, leaflet, 'Triage means sorting by need', answered.id);
    await api(workspace.owner, 'POST', `/items/${rota}/comments/${resolved.id}/resolve`, {
      response: 'We added a night cover list',
    });
    await comment(pat, leaflet, 'Pat wrote this and took it back').then((gone) =>
      api(pat, 'DELETE', `/items/${leaflet}/comments/${gone.id}`),
    );

    const answer = await mine(pat);
    expect(answer.labs.map((lab) => lab.labId)).toEqual([workspace.labId]);
    const threads = answer.labs[0]?.items.flatMap((item) => item.threads) ?? [];
    const status = Object.fromEntries(threads.map((t) => [t.root.body, t.status]));
    expect(status).toEqual({
      'The print is small': 'open',
      'What does triage mean?': 'answered',
      'Who covers nights?': 'resolved',
      'Rae asks about weekends': 'open',
    });
    expect(threads.find((t) => t.root.id === open.id)?.replies).toEqual([]);
    const triage = threads.find((t) => t.root.id === answered.id);
    expect(triage?.replies.map((r) => [r.body, r.author.name])).toEqual([
      ['Triage means sorting by need', 'Nia Nurse'],
    ]);
    expect(threads.find((t) => t.root.id === resolved.id)?.root.resolution).toMatchObject({
      response: 'We added a night cover list',
      by: { name: 'Olivia Owner' },
    });
    // Another reviewer's thread Pat replied to is there, with its author unnamed.
    const joined = threads.find((t) => t.root.id === raesThread.id);
    expect(joined?.root.author.name).toBe(ANOTHER_REVIEWER);
    expect(JSON.stringify(answer)).not.toContain('Rae Relative');
    expect(JSON.stringify(answer)).not.toContain('Rae’s own thread');
    expect(JSON.stringify(answer)).not.toContain('took it back');
    // Pat's own comments carry Pat's name for Pat.
    expect(triage?.root.author.name).toBe('Pat Patient');
    // Nia commented only as a reply: that thread is Nia's too.
    expect(bodies(await mine(nia))).toEqual([
      ['What does triage mean?', 'Triage means sorting by need'],
    ]);
    // Staff see reviewers' names.
    const forNia = await mine(nia);
    expect(forNia.labs[0]?.items[0]?.threads[0]?.root.author.name).toBe('Pat Patient');
  });

  it("respects a reviewer's scope and the items' sharing", async () => {
    await comment(pat, leaflet, 'On the leaflet');
    await comment(pat, rota, 'On the rota');
    expect(
      bodies(await mine(pat))
        .flat()
        .sort(),
    ).toEqual(['On the leaflet', 'On the rota']);
    // Pat's invitation narrowed to the leaflet: the rota's thread is gone from the answer.
    const { meta } = workspace.server;
    await meta.removeMember(workspace.labId, pat.user.id);
    await meta.addMember({
      labId: workspace.labId,
      userId: pat.user.id,
      role: 'reviewer',
      joinedAt: new Date().toISOString(),
      itemIds: [leaflet],
    });
    expect(bodies(await mine(pat)).flat()).toEqual(['On the leaflet']);
    // The leaflet set back to draft: reviewers no longer see it, nor their comments on it.
    await api(workspace.owner, 'PATCH', `/items/${leaflet}`, { sharing: 'draft' });
    expect(await mine(pat)).toEqual({ labs: [] });
    // Removed from the lab: nothing, and the lab itself is not found.
    await meta.removeMember(workspace.labId, pat.user.id);
    expect((await call(pat, 'GET', `/me/comments?lab=${workspace.labId}`)).status).toBe(404);
  });

  it("keeps each lab's comments to that lab, and answers 404 for a lab that is not the person's", async () => {
    const { meta } = workspace.server;
    const otherLab = await addLab(meta, workspace.owner.user);
    const elsewhere = await openItem(otherLab, 'Discharge letters');
    await addMember(meta, otherLab, nia.user, 'participant');
    await comment(nia, leaflet, 'Here');
    await comment(nia, elsewhere, 'In the other lab');
    await comment(workspace.owner, elsewhere, 'The owner’s, not Nia’s');

    const all = await mine(nia);
    expect(Object.fromEntries(all.labs.map((lab) => [lab.labId, bodies({ labs: [lab] })]))).toEqual(
      {
        [workspace.labId]: [['Here']],
        [otherLab]: [['In the other lab']],
      },
    );
    const one = await mine(nia, `?lab=${workspace.labId}`);
    expect(bodies(one)).toEqual([['Here']]);
    expect(JSON.stringify(one)).not.toContain('other lab');
    // Pat is not in the other lab: it is not found, like one that does not exist.
    for (const query of [`?lab=${otherLab}`, '?lab=no-such-lab', '?lab=not%20an%20id', '?x=1']) {
      const response = await call(pat, 'GET', `/me/comments${query}`);
      expect(response.status, query).toBe(404);
    }
    // Signed out: 401.
    expect((await fetch(`${workspace.url}/api/me/comments`)).status).toBe(401);
  });
});
