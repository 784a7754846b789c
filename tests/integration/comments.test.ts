/**
 * Patients comment on drafts shared with them and see what changed because of
 * them; nobody but the server writes comments, whatever their client sends.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createAnchor } from '../../shared/comment-anchors';
import { COMMENTS_MAP, type Comment, commentsDocId, readComments } from '../../shared/comments';
import { fieldText } from '../../shared/documents/item-doc';
import { addMember, addPerson, type TestPerson } from '../helpers/accounts';
import { droppedCount, POLICY_DROPS_MESSAGE, quickDropReports } from '../helpers/policy-drops';
import { connectStockClient, type StockClient, waitForDoc } from '../helpers/stock-client';
import { startTestWorkspace, type TestWorkspace } from '../helpers/workspace';

describe('comments', () => {
  let workspace: TestWorkspace;
  let itemId: string;
  let reviewer: TestPerson;
  let participant: TestPerson;
  const clients: StockClient[] = [];
  const connect = (person: TestPerson, docId: string) => {
    const client = connectStockClient(workspace.url, docId, workspace.auth(person));
    clients.push(client);
    return client;
  };
  const api = async (person: TestPerson, method: string, path: string, body?: unknown) => {
    const response = await fetch(`${workspace.url}/api${path}`, {
      method,
      headers: { authorization: `Bearer ${person.token}`, 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };
  const comments = (client: StockClient): Comment[] =>
    readComments(client.doc.getMap(COMMENTS_MAP));

  beforeEach(async () => {
    workspace = await startTestWorkspace({ config: quickDropReports() });
    const created = await api(workspace.owner, 'POST', `/labs/${workspace.labId}/items`, {
      kind: 'problem',
      title: 'Falls',
    });
    itemId = (created.body.item as { id: string }).id;
    reviewer = await addPerson(workspace.server.meta, 'Pat Patient');
    participant = await addPerson(workspace.server.meta, 'Nia Nurse');
    await addMember(workspace.server.meta, workspace.labId, reviewer.user, 'reviewer');
    await addMember(workspace.server.meta, workspace.labId, participant.user, 'participant');
    const owner = connect(workspace.owner, itemId);
    await owner.whenSynced();
    fieldText(owner.doc, 'what').insert(
      0,
      'Patients fall at night when the call bell is out of reach.',
    );
    await workspace.server.store.flush(itemId);
  });
  afterEach(async () => {
    for (const client of clients.splice(0)) client.destroy();
    await workspace.stop();
  });

  it('a reviewer sees a draft only once it is open for comment, comments on a sentence, and sees the response', async () => {
    expect((await api(reviewer, 'GET', `/items/${itemId}`)).status).toBe(404);
    expect(
      (await api(workspace.owner, 'PATCH', `/items/${itemId}`, { sharing: 'open_for_comment' }))
        .status,
    ).toBe(200);

    const patientView = connect(reviewer, itemId);
    await patientView.whenSynced();
    const what = fieldText(patientView.doc, 'what');
    const from = what.toString().indexOf('the call bell');
    const anchor = createAnchor(
      what,
      'fields.what',
      from,
      from + 'the call bell is out of reach'.length,
    );
    const nurseComments = connect(participant, commentsDocId(itemId));
    await nurseComments.whenSynced();

    const posted = await api(reviewer, 'POST', `/items/${itemId}/comments`, {
      body: 'At home I keep it clipped to my cardigan. Could the ward do that?',
      anchor,
    });
    expect(posted.status).toBe(201);
    const commentId = (posted.body.comment as Comment).id;
    await waitForDoc(
      nurseComments.doc,
      'the nurse to see the comment live',
      () => comments(nurseComments).length === 1,
    );
    expect(comments(nurseComments)[0]).toMatchObject({
      // A reviewer's name stays out of a document other reviewers sync.
      author: { id: reviewer.user.id, name: '', reviewer: true },
      anchor: { quote: 'the call bell is out of reach' },
    });
    expect(workspace.server.meta.getItem(itemId)?.openComments).toBe(1);

    const patientComments = connect(reviewer, commentsDocId(itemId));
    await patientComments.whenSynced();
    const resolved = await api(
      participant,
      'POST',
      `/items/${itemId}/comments/${commentId}/resolve`,
      {
        response: 'Added "call bell clipped to clothing" as a change idea to test next week.',
      },
    );
    expect(resolved.status).toBe(200);
    await waitForDoc(
      patientComments.doc,
      'the patient to see the response',
      () => comments(patientComments)[0]?.status === 'resolved',
    );
    expect(comments(patientComments)[0]?.resolution?.response).toContain('clipped to clothing');
    expect(workspace.server.meta.getItem(itemId)?.openComments).toBe(0);

    const review = await api(workspace.owner, 'GET', `/labs/${workspace.labId}/review`);
    expect(review.body.commenters).toEqual([
      { name: 'Pat Patient', profession: 'nurse', comments: 1 },
    ]);
  });

  it('a reviewer’s stock clients change neither the item nor its comments', async () => {
    await api(workspace.owner, 'PATCH', `/items/${itemId}`, { sharing: 'open_for_comment' });
    await api(participant, 'POST', `/items/${itemId}/comments`, { body: 'Nurse note' });
    const before = await workspace.server.registry.read(itemId, (doc) =>
      Y.encodeStateAsUpdate(doc),
    );
    const itemClient = connect(reviewer, itemId);
    const commentClient = connect(reviewer, commentsDocId(itemId));
    const watcher = connect(participant, commentsDocId(itemId));
    await Promise.all([itemClient.whenSynced(), commentClient.whenSynced(), watcher.whenSynced()]);

    const droppedItem = workspace.waitForLog(
      POLICY_DROPS_MESSAGE,
      (r) => r.docId === itemId && droppedCount(r, 'read_only_update') > 0,
    );
    fieldText(itemClient.doc, 'what').insert(0, 'EDITED BY REVIEWER ');
    await droppedItem;
    const droppedComments = workspace.waitForLog(
      POLICY_DROPS_MESSAGE,
      (r) => r.docId === commentsDocId(itemId) && droppedCount(r, 'read_only_update') > 0,
    );
    commentClient.doc.getMap(COMMENTS_MAP).forEach((value, key) => {
      commentClient.doc.getMap(COMMENTS_MAP).set(key, { ...(value as Comment), body: 'forged' });
    });
    await droppedComments;

    const after = await workspace.server.registry.read(itemId, (doc) => Y.encodeStateAsUpdate(doc));
    expect(after).toEqual(before);
    const fresh = connect(workspace.owner, commentsDocId(itemId));
    await fresh.whenSynced();
    expect(comments(fresh).map((c) => c.body)).toEqual(['Nurse note']);
    expect(comments(watcher).map((c) => c.body)).toEqual(['Nurse note']);
  });

  it('refuses an anchor that does not point into the item', async () => {
    await api(workspace.owner, 'PATCH', `/items/${itemId}`, { sharing: 'open_for_comment' });
    const elsewhere = new Y.Doc();
    elsewhere.getText('t').insert(0, 'somewhere else entirely');
    const anchor = createAnchor(elsewhere.getText('t'), 'fields.what', 0, 9);
    const response = await api(reviewer, 'POST', `/items/${itemId}/comments`, {
      body: 'Hmm',
      anchor,
    });
    expect(response.status).toBe(400);
    expect((response.body.error as { code: string }).code).toBe('invalid_anchor');
  });
});
