/**
 * A workshop board's server side: notes added by the server (an anonymous note's
 * author never reaches anyone's document or another participant's answers, but is
 * in the audit trail), votes limited per person and hidden until revealed, a locked
 * board refusing edits on the socket, reviewers only on boards shared with them, and
 * change ideas made from a cluster linked both ways.
 */
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { CloseCode } from '../../shared/close-codes';
import { addRow, list, readField } from '../../shared/documents/item-doc';
import { readBoard, readBoardState } from '../../shared/documents/workshop-board';
import type { WorkshopView } from '../../shared/schemas/workshop';
import { addMember, addPerson, type TestPerson } from '../helpers/accounts';
import { droppedCount, POLICY_DROPS_MESSAGE, quickDropReports } from '../helpers/policy-drops';
import { connectRawClient } from '../helpers/raw-client';
import { connectStockClient, type StockClient, waitForDoc } from '../helpers/stock-client';
import { startTestWorkspace, type TestWorkspace } from '../helpers/workspace';

let workspace: TestWorkspace;
const clients: StockClient[] = [];

afterEach(async () => {
  for (const client of clients.splice(0)) client.destroy();
  await workspace?.stop();
});

async function call(person: TestPerson, method: string, path: string, body?: unknown) {
  const response = await fetch(`${workspace.url}/api${path}`, {
    method,
    headers: { authorization: `Bearer ${person.token}`, 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  return { status: response.status, text, json: text ? JSON.parse(text) : null };
}

function connect(docId: string, person: TestPerson): StockClient {
  const client = connectStockClient(workspace.url, docId, workspace.auth(person));
  clients.push(client);
  return client;
}

async function setUp() {
  workspace = await startTestWorkspace({ config: quickDropReports() });
  const { meta } = workspace.server;
  const owner = workspace.owner;
  const ann = await addPerson(meta, 'Annabel Anonymous');
  const ben = await addPerson(meta, 'Benedict Participant');
  const rita = await addPerson(meta, 'Rita Reviewer');
  await addMember(meta, workspace.labId, ann.user, 'participant');
  await addMember(meta, workspace.labId, ben.user, 'participant');
  await addMember(meta, workspace.labId, rita.user, 'reviewer');
  const created = await call(owner, 'POST', `/labs/${workspace.labId}/items`, {
    kind: 'workshop',
    title: 'What gets in the way?',
  });
  expect(created.status).toBe(201);
  const boardId = created.json.item.id as string;
  return { owner, ann, ben, rita, boardId };
}

describe('workshop board', () => {
  it('keeps anonymous authors and votes out of everyone’s document until revealed', async () => {
    const { owner, ann, ben, boardId } = await setUp();
    const base = `/items/${boardId}/workshop`;
    // Only facilitators change the settings.
    expect((await call(ann, 'PATCH', base, { votesPerPerson: 9 })).status).toBe(403);
    const settings = {
      prompt: 'What gets in the way of sleep?',
      votesPerPerson: 2,
      anonymous: true,
    };
    expect((await call(owner, 'PATCH', base, settings)).status).toBe(200);

    const watcher = connect(boardId, ben);
    await watcher.whenSynced();
    const added = await call(ann, 'POST', `${base}/notes`, { text: 'Noisy night rounds' });
    expect(added.status).toBe(201);
    const noteId = added.json.noteId as string;
    await waitForDoc(watcher.doc, 'the note', () => readBoard(watcher.doc).notes.length === 1);

    // The document every participant downloads holds no trace of who wrote it.
    const bytes = Buffer.from(Y.encodeStateAsUpdate(watcher.doc)).toString('latin1');
    for (const trace of [ann.user.name, 'Annabel', ann.user.id, ann.user.email])
      expect(bytes).not.toContain(trace);
    expect(readBoard(watcher.doc).notes[0]).toMatchObject({
      text: 'Noisy night rounds',
      author: '',
    });
    // Nor does any answer another participant gets.
    const seen = await call(ben, 'GET', base);
    expect(seen.text).not.toContain(ann.user.id);
    expect(seen.text).not.toContain('Annabel');
    // The facilitator's audit trail says who.
    const audit = workspace.server.meta
      .listAudit(workspace.labId, 100)
      .find((event) => event.type === 'workshop.note_added');
    expect(audit).toMatchObject({ actorId: ann.user.id, details: { noteId, anonymous: true } });

    // A named note (the board no longer anonymous) carries the name.
    await call(owner, 'PATCH', base, { anonymous: false });
    await call(ben, 'POST', `${base}/notes`, { text: 'Buzzers' });
    await waitForDoc(watcher.doc, 'named note', () =>
      readBoard(watcher.doc).notes.some((n) => n.author === 'Benedict Participant'),
    );

    // Votes: two each, the third refused; a made-up target refused.
    expect((await call(ann, 'POST', `${base}/votes`, { target: noteId })).status).toBe(201);
    const second = await call(ann, 'POST', `${base}/votes`, { target: noteId });
    expect(second.status).toBe(201);
    expect(second.json).toMatchObject({ votesLeft: 0, results: null, myVotes: [noteId, noteId] });
    expect((await call(ann, 'POST', `${base}/votes`, { target: noteId })).status).toBe(409);
    expect((await call(ben, 'POST', `${base}/votes`, { target: 'nothing' })).status).toBe(404);
    expect((await call(ben, 'POST', `${base}/votes`, { target: noteId })).status).toBe(201);
    expect((await call(ben, 'DELETE', `${base}/votes/${noteId}`)).status).toBe(200);
    expect((await call(ben, 'POST', `${base}/votes`, { target: noteId })).status).toBe(201);

    // Hidden: no one's answer holds counts, the facilitator's included, nor does the document.
    for (const person of [ann, ben, owner]) {
      const view = (await call(person, 'GET', base)).json as WorkshopView;
      expect(view.results).toBeNull();
    }
    expect(((await call(ben, 'GET', base)).json as WorkshopView).myVotes).toEqual([noteId]);
    expect(readBoardState(watcher.doc).results).toBeNull();
    const hidden = Buffer.from(Y.encodeStateAsUpdate(watcher.doc)).toString('latin1');
    expect(hidden).not.toContain(ben.user.id);

    // Revealed: the counts, right, in the answers and the document; no more voting.
    expect((await call(owner, 'PATCH', base, { revealed: true })).status).toBe(200);
    expect(((await call(ben, 'GET', base)).json as WorkshopView).results).toEqual({ [noteId]: 3 });
    await waitForDoc(watcher.doc, 'revealed counts', () => readBoardState(watcher.doc).revealed);
    expect(readBoardState(watcher.doc).results).toEqual({ [noteId]: 3 });
    expect((await call(ben, 'DELETE', `${base}/votes/${noteId}`)).status).toBe(409);
  });

  it('a locked board refuses edits on the socket, and still takes votes', async () => {
    const { owner, ann, boardId } = await setUp();
    const base = `/items/${boardId}/workshop`;
    const annClient = connect(boardId, ann);
    const ownerClient = connect(boardId, owner);
    await Promise.all([annClient.whenSynced(), ownerClient.whenSynced()]);
    // Before the lock, a participant's cluster reaches the others.
    addRow(annClient.doc, 'workshop', 'clusters', 'c1', { label: 'Noise' });
    await waitForDoc(
      ownerClient.doc,
      'cluster',
      () => readBoard(ownerClient.doc).clusters.length === 1,
    );

    const closed = new Promise<number>((resolve) =>
      annClient.provider.ws?.addEventListener('close', (event) => resolve(event.code)),
    );
    expect((await call(owner, 'PATCH', base, { locked: true })).status).toBe(200);
    expect(await closed).toBe(CloseCode.RightsChanged);
    expect((await call(ann, 'POST', `${base}/notes`, { text: 'Late' })).status).toBe(409);
    expect((await call(ann, 'POST', `${base}/votes`, { target: 'c1' })).status).toBe(201);
    const item = await call(ann, 'GET', `/items/${boardId}`);
    expect(item.json.item.rights).toBe('read');

    // Reconnected read-only: the edit is dropped by the server and reaches no one.
    const locked = connect(boardId, ann);
    await locked.whenSynced();
    const dropped = workspace.waitForLog(
      POLICY_DROPS_MESSAGE,
      (record) => droppedCount(record, 'read_only_update') > 0,
    );
    addRow(locked.doc, 'workshop', 'clusters', 'c2', { label: 'Sneaked in' });
    await dropped;
    // The facilitator still edits; their later change arrives, the participant's never did.
    addRow(ownerClient.doc, 'workshop', 'clusters', 'c3', { label: 'Lights' });
    const observer = connect(boardId, owner);
    await observer.whenSynced();
    await waitForDoc(observer.doc, 'facilitator cluster', () =>
      readBoard(observer.doc).clusters.some((c) => c.id === 'c3'),
    );
    expect(readBoard(observer.doc).clusters.map((c) => c.id)).not.toContain('c2');

    // Unlocked, the participant edits again.
    expect((await call(owner, 'PATCH', base, { locked: false })).status).toBe(200);
    expect((await call(ann, 'GET', `/items/${boardId}`)).json.item.rights).toBe('edit');
  });

  it('lets reviewers take part only on a board shared with them', async () => {
    const { owner, rita, boardId } = await setUp();
    const base = `/items/${boardId}/workshop`;
    // Not invited (a draft board): neither the API nor the socket.
    expect((await call(rita, 'GET', base)).status).toBe(404);
    expect((await call(rita, 'POST', `${base}/notes`, { text: 'Hi' })).status).toBe(404);
    const refused = connectRawClient(workspace.url, boardId, `?access_token=${rita.token}`);
    expect((await refused.closed()).code).toBe(CloseCode.Forbidden);

    // Invited: shared for comment. Rita adds notes and votes; the board signs her notes
    // without her name, and her socket may not write.
    await call(owner, 'PATCH', `/items/${boardId}`, { sharing: 'open_for_comment' });
    const note = await call(rita, 'POST', `${base}/notes`, { text: 'Nobody explains the noise' });
    expect(note.status).toBe(201);
    expect((await call(rita, 'POST', `${base}/votes`, { target: note.json.noteId })).status).toBe(
      201,
    );
    const client = connect(boardId, rita);
    await client.whenSynced();
    const board = readBoard(client.doc);
    expect(board.notes[0]?.author).toBe('Patient or public reviewer');
    expect(Buffer.from(Y.encodeStateAsUpdate(client.doc)).toString('latin1')).not.toContain('Rita');
    expect(
      (
        await call(rita, 'POST', `${base}/ideas`, {
          from: note.json.noteId,
          impact: 'high',
          effort: 'easy',
        })
      ).status,
    ).toBe(403);
  });

  it('makes a change idea from a cluster, linked both ways', async () => {
    const { ann, boardId } = await setUp();
    const client = connect(boardId, ann);
    await client.whenSynced();
    addRow(client.doc, 'workshop', 'clusters', 'c1', { label: 'Quieter nights' });
    const base = `/items/${boardId}/workshop`;
    // Once another client has the cluster, so has the server.
    const observer = connect(boardId, ann);
    await waitForDoc(
      observer.doc,
      'cluster on the server',
      () => readBoard(observer.doc).clusters.length === 1,
    );
    const made = await call(ann, 'POST', `${base}/ideas`, {
      from: 'c1',
      impact: 'high',
      effort: 'easy',
    });
    expect(made.status).toBe(201);
    const idea = made.json.item as { id: string; kind: string; title: string };
    expect(idea).toMatchObject({ kind: 'idea', title: 'Quieter nights' });
    await waitForDoc(
      client.doc,
      'link on the cluster',
      () => readBoard(client.doc).clusters[0]?.ideaId === idea.id,
    );
    const ideaClient = connect(idea.id, ann);
    await ideaClient.whenSynced();
    expect(readField(ideaClient.doc, 'idea', 'fromBoard')).toBe(boardId);
    expect(readField(ideaClient.doc, 'idea', 'fromRow')).toBe('c1');
    expect(readField(ideaClient.doc, 'idea', 'impact')).toBe('high');
    expect(readField(ideaClient.doc, 'idea', 'effort')).toBe('easy');
    // Once only.
    expect(
      (await call(ann, 'POST', `${base}/ideas`, { from: 'c1', impact: 'low', effort: 'hard' }))
        .status,
    ).toBe(409);
    expect(list(client.doc, 'clusters').length).toBe(1);
  });
});
