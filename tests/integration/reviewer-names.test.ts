/**
 * Reviewers (patients and the public) see staff names, but other reviewers only
 * as "Another reviewer": not in the comments document every reviewer syncs, not
 * in any API answer they get. Staff still see every name, in the API, the review
 * summary and exports; comments stored with a reviewer's name before this rule
 * lose it at the next write.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ANOTHER_REVIEWER } from '../../shared/comment-authors';
import { COMMENTS_MAP, type Comment, commentsDocId } from '../../shared/comments';
import { addMember, addPerson, type TestPerson } from '../helpers/accounts';
import { connectStockClient, type StockClient } from '../helpers/stock-client';
import { startTestWorkspace, type TestWorkspace } from '../helpers/workspace';

describe("reviewers' names", () => {
  let workspace: TestWorkspace;
  let itemId: string;
  let pat: TestPerson;
  let rae: TestPerson;
  let nia: TestPerson;
  const clients: StockClient[] = [];
  const api = async <T>(person: TestPerson, method: string, path: string, body?: unknown) => {
    const response = await fetch(`${workspace.url}/api${path}`, {
      method,
      headers: { authorization: `Bearer ${person.token}`, 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    if (!response.ok) throw new Error(`${method} ${path}: ${response.status}`);
    return (await response.json()) as T;
  };
  const listAs = async (person: TestPerson) =>
    (await api<{ comments: Comment[] }>(person, 'GET', `/items/${itemId}/comments`)).comments;
  const names = (comments: readonly Comment[]) =>
    Object.fromEntries(comments.map((c) => [c.body, c.author.name]));

  beforeEach(async () => {
    workspace = await startTestWorkspace();
    const { meta } = workspace.server;
    const created = await api<{ item: { id: string } }>(
      workspace.owner,
      'POST',
      `/labs/${workspace.labId}/items`,
      { kind: 'note', title: 'Night-time falls' },
    );
    itemId = created.item.id;
    await api(workspace.owner, 'PATCH', `/items/${itemId}`, { sharing: 'open_for_comment' });
    pat = await addPerson(meta, 'Pat Patient');
    rae = await addPerson(meta, 'Rae Relative');
    nia = await addPerson(meta, 'Nia Nurse');
    await addMember(meta, workspace.labId, pat.user, 'reviewer');
    await addMember(meta, workspace.labId, rae.user, 'reviewer');
    await addMember(meta, workspace.labId, nia.user, 'participant');
    for (const [person, body] of [
      [pat, 'From Pat'],
      [rae, 'From Rae'],
      [nia, 'From Nia'],
    ] as const) {
      await api(person, 'POST', `/items/${itemId}/comments`, { body });
    }
  });
  afterEach(async () => {
    for (const client of clients.splice(0)) client.destroy();
    await workspace.stop();
  });

  it('keeps every reviewer name out of the comments document a reviewer syncs', async () => {
    const client = connectStockClient(workspace.url, commentsDocId(itemId), workspace.auth(rae));
    clients.push(client);
    await client.whenSynced();
    const synced = JSON.stringify(client.doc.getMap(COMMENTS_MAP).toJSON());
    expect(synced).toContain('From Pat');
    expect(synced).not.toContain('Pat Patient');
    expect(synced).not.toContain('Rae Relative');
    // Staff names are there for everyone.
    expect(synced).toContain('Nia Nurse');
  });

  it('names other reviewers "Another reviewer" to a reviewer, and staff and themselves by name', async () => {
    expect(names(await listAs(rae))).toEqual({
      'From Pat': ANOTHER_REVIEWER,
      'From Rae': 'Rae Relative',
      'From Nia': 'Nia Nurse',
    });
    const seenByRae = JSON.stringify(await listAs(rae));
    expect(seenByRae).not.toContain('Pat Patient');
  });

  it('shows staff every name: comments, review summary and exports', async () => {
    const everyone = {
      'From Pat': 'Pat Patient',
      'From Rae': 'Rae Relative',
      'From Nia': 'Nia Nurse',
    };
    expect(names(await listAs(nia))).toEqual(everyone);
    expect(names(await listAs(workspace.owner))).toEqual(everyone);
    const review = await api<{ commenters: Array<{ name: string }> }>(
      workspace.owner,
      'GET',
      `/labs/${workspace.labId}/review`,
    );
    expect(review.commenters.map((c) => c.name).sort()).toEqual([
      'Nia Nurse',
      'Pat Patient',
      'Rae Relative',
    ]);
    const exported = await fetch(
      `${workspace.url}/api/labs/${workspace.labId}/export?format=md&include=comments`,
      { headers: { authorization: `Bearer ${workspace.owner.token}` } },
    );
    const markdown = await exported.text();
    expect(markdown).toContain('Pat Patient');
    expect(markdown).toContain('Rae Relative');
  });

  it("removes a reviewer's name stored before this rule at the next write", async () => {
    await workspace.server.registry.change(commentsDocId(itemId), (doc) => {
      const map = doc.getMap(COMMENTS_MAP);
      for (const [id, value] of map.entries()) {
        const comment = value as Comment;
        if (comment.body === 'From Pat') {
          const { reviewer: _dropped, ...author } = comment.author;
          map.set(id, { ...comment, author: { ...author, name: 'Pat Patient' } });
        }
      }
    });
    await api(nia, 'POST', `/items/${itemId}/comments`, { body: 'Another staff note' });
    const stored = await workspace.server.registry.read(commentsDocId(itemId), (doc) =>
      JSON.stringify(doc.getMap(COMMENTS_MAP).toJSON()),
    );
    expect(stored).not.toContain('Pat Patient');
    expect(names(await listAs(rae))['From Pat']).toBe(ANOTHER_REVIEWER);
  });
});
