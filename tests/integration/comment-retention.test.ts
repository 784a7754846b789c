/**
 * Retention of reviewers' comments: once a lab has been closed for as long as its
 * facilitator chose, exactly its reviewers' comments are erased (words gone, author
 * detached, the thread kept), each erasure audited; staff comments, other labs'
 * comments and labs whose time has not come are left alone. The server's clock is
 * moved by the test: nothing waits. Run on the embedded store and, when there is
 * one, on PostgreSQL.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { COMMENTS_MAP, type Comment, commentsDocId, readComments } from '../../shared/comments';
import { addLab, addMember, addPerson, type TestPerson } from '../helpers/accounts';
import { dropSchema, testDatabase, uniqueSchemaName } from '../helpers/postgres';
import { startTestWorkspace, type TestWorkspace } from '../helpers/workspace';

const DAY_MS = 24 * 60 * 60 * 1000;
const START = Date.parse('2026-03-02T09:00:00Z');

const stores = [
  { name: 'embedded', database: false },
  ...(testDatabase === null ? [] : [{ name: 'PostgreSQL', database: true }]),
];

describe.each(stores)('retention of reviewers’ comments ($name)', ({ database }) => {
  let workspace: TestWorkspace;
  let schema: string | null = null;
  let clock = START;
  const now = () => new Date(clock);

  afterEach(async () => {
    await workspace.stop();
    if (schema) await dropSchema(schema);
    schema = null;
  });

  const api = async (person: TestPerson, method: string, path: string, body?: unknown) => {
    const response = await fetch(`${workspace.url}/api${path}`, {
      method,
      headers: { authorization: `Bearer ${person.token}`, 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };
  const newItem = async (labId: string) => {
    const created = await api(workspace.owner, 'POST', `/labs/${labId}/items`, {
      kind: 'note',
      title: 'Night-time falls',
    });
    const id = (created.body.item as { id: string }).id;
    await api(workspace.owner, 'PATCH', `/items/${id}`, { sharing: 'open_for_comment' });
    return id;
  };
  const comment = async (person: TestPerson, itemId: string, body: string, replyTo?: string) => {
    const posted = await api(person, 'POST', `/items/${itemId}/comments`, {
      body,
      ...(replyTo ? { replyTo } : {}),
    });
    expect(posted.status).toBe(201);
    return (posted.body.comment as Comment).id;
  };
  const commentsOf = (itemId: string) =>
    workspace.server.registry.read(commentsDocId(itemId), (doc) =>
      readComments(doc.getMap(COMMENTS_MAP)),
    );
  const erasures = () =>
    workspace.server.meta.listAudit(null, 10_000).filter((e) => e.type === 'comment.erased');

  it('erases exactly the expired reviewers’ comments, once each, with audit entries', async () => {
    clock = START;
    if (database) schema = uniqueSchemaName();
    workspace = await startTestWorkspace({
      now,
      ...(database && testDatabase && schema
        ? { config: { database: { url: testDatabase, schema } } }
        : {}),
    });
    const { meta } = workspace.server;
    const pat = await addPerson(meta, 'Pat Patient');
    const sam = await addPerson(meta, 'Sam Public');
    const nia = await addPerson(meta, 'Nia Nurse');
    const keptLabId = await addLab(meta, workspace.owner.user);
    const laterLabId = await addLab(meta, workspace.owner.user);
    for (const labId of [workspace.labId, keptLabId, laterLabId]) {
      await addMember(meta, labId, pat.user, 'reviewer');
      await addMember(meta, labId, sam.user, 'reviewer');
      await addMember(meta, labId, nia.user, 'participant');
    }
    const retention = (labId: string, days: number | null) =>
      api(workspace.owner, 'PATCH', `/labs/${labId}`, { commentRetentionDays: days });
    expect((await retention(workspace.labId, 45)).status).toBe(400);
    expect((await retention(workspace.labId, 30)).status).toBe(200);
    expect((await retention(laterLabId, 365)).status).toBe(200);
    expect(
      (await api(nia, 'PATCH', `/labs/${keptLabId}`, { commentRetentionDays: 30 })).status,
    ).toBe(403);

    const itemId = await newItem(workspace.labId);
    const root = await comment(pat, itemId, 'The bell is out of reach at night.');
    const staffReply = await comment(nia, itemId, 'We will move it.', root);
    const reviewerReply = await comment(sam, itemId, 'Same on ward 7.', root);
    const staffRoot = await comment(nia, itemId, 'Is the sensor mat working?');
    const resolved = await api(
      workspace.owner,
      'POST',
      `/items/${itemId}/comments/${root}/resolve`,
      {
        response: 'Bells now clip to the bed rail.',
      },
    );
    expect(resolved.status).toBe(200);
    const keptItem = await newItem(keptLabId);
    await comment(pat, keptItem, 'Keep this one.');
    const laterItem = await newItem(laterLabId);
    await comment(pat, laterItem, 'Kept for a year.');
    for (const labId of [workspace.labId, keptLabId, laterLabId]) {
      expect((await api(workspace.owner, 'POST', `/labs/${labId}/archive`)).status).toBe(200);
    }

    // A day short of 30 after closing: nothing goes.
    clock = START + 29 * DAY_MS;
    expect(await workspace.server.eraseExpiredComments()).toBe(0);
    expect((await commentsOf(itemId)).filter((x) => x.erased)).toEqual([]);

    clock = START + 30 * DAY_MS + 1000;
    expect(await workspace.server.eraseExpiredComments()).toBe(2);
    const after = await commentsOf(itemId);
    const byId = new Map(after.map((x) => [x.id, x]));
    for (const id of [root, reviewerReply]) {
      const erased = byId.get(id);
      expect(erased?.body).toBe('');
      expect(erased?.erased).toEqual({ at: new Date(clock).toISOString() });
      expect(erased?.author.id).not.toBe(pat.user.id);
      expect(erased?.author.id).not.toBe(sam.user.id);
    }
    // The thread stays, with the staff reply and the response.
    expect(byId.get(root)?.resolution?.response).toBe('Bells now clip to the bed rail.');
    expect(byId.get(staffReply)?.body).toBe('We will move it.');
    expect(byId.get(staffRoot)?.body).toBe('Is the sensor mat working?');
    expect(after).toHaveLength(4);
    expect((await commentsOf(keptItem)).map((x) => x.body)).toEqual(['Keep this one.']);
    expect((await commentsOf(laterItem)).map((x) => x.body)).toEqual(['Kept for a year.']);
    // No reviewer is named in what staff read either.
    const listed = await api(workspace.owner, 'GET', `/items/${itemId}/comments`);
    expect(JSON.stringify(listed.body)).not.toMatch(/Pat Patient|Sam Public|out of reach/);

    expect(
      erasures()
        .map((e) => [e.labId, e.actorId, e.details.itemId, e.details.commentId])
        .sort(),
    ).toEqual(
      [
        [workspace.labId, null, itemId, root],
        [workspace.labId, null, itemId, reviewerReply],
      ].sort(),
    );
    // Run again: nothing more, no second entry.
    expect(await workspace.server.eraseExpiredComments()).toBe(0);
    expect(erasures()).toHaveLength(2);

    // The job runs at start: a year on, the server starting again erases the other lab's.
    clock = START + 366 * DAY_MS;
    await workspace.restart();
    expect((await commentsOf(laterItem)).map((x) => [x.body, Boolean(x.erased)])).toEqual([
      ['', true],
    ]);
    expect((await commentsOf(keptItem)).map((x) => x.body)).toEqual(['Keep this one.']);
    expect(erasures()).toHaveLength(3);
  });
});
