/**
 * What a workshop board's cluster or note becomes elsewhere, and what only the server
 * writes on a board: a cluster added as a driver and a note as a cause, linked both
 * ways; refused (403) for someone who may not edit the diagram, and (404) for a
 * diagram of another lab, of another kind or made up, with nothing written; a note
 * that looks like personal data refused (422) unless posted anyway with a reason,
 * which is flagged; and a note row, its words or its links written over the socket
 * refused, stored nowhere and passed on to no one, while moving a note still works.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { CloseCode } from '../../shared/close-codes';
import { addRow, list, readRows } from '../../shared/documents/item-doc';
import { readBoard } from '../../shared/documents/workshop-board';
import type { WorkshopTargets } from '../../shared/schemas/workshop';
import { addLab, addMember, addPerson, type TestPerson } from '../helpers/accounts';
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
  return { status: response.status, json: text ? JSON.parse(text) : null };
}

async function connect(docId: string, person: TestPerson): Promise<StockClient> {
  const client = connectStockClient(workspace.url, docId, workspace.auth(person));
  clients.push(client);
  await client.whenSynced();
  return client;
}

async function create(person: TestPerson, kind: string, title: string): Promise<string> {
  const created = await call(person, 'POST', `/labs/${workspace.labId}/items`, { kind, title });
  expect(created.status).toBe(201);
  return created.json.item.id as string;
}

/** A board with a note and a cluster, a driver diagram with a primary, a fishbone with a category. */
async function setUp() {
  workspace = await startTestWorkspace();
  const { meta } = workspace.server;
  const owner = workspace.owner;
  const olive = await addPerson(meta, 'Olive Observer');
  await addMember(meta, workspace.labId, olive.user, 'observer');
  const boardId = await create(owner, 'workshop', 'What gets in the way?');
  const diagramId = await create(owner, 'drivers', 'Quieter nights');
  const fishboneId = await create(owner, 'fishbone', 'Why do patients sleep badly?');
  const note = await call(owner, 'POST', `/items/${boardId}/workshop/notes`, {
    text: 'Doors banging at 3am',
  });
  expect(note.status).toBe(201);
  const board = await connect(boardId, owner);
  const diagram = await connect(diagramId, owner);
  const fishbone = await connect(fishboneId, owner);
  addRow(board.doc, 'workshop', 'clusters', 'c1', { label: 'Noise at night' });
  addRow(diagram.doc, 'drivers', 'nodes', 'p1', { type: 'primary', label: 'A calm ward' });
  addRow(fishbone.doc, 'fishbone', 'categories', 'k1', { label: 'Environment' });
  // Another client seeing each edit means the server has it.
  const [b, d, f] = await Promise.all([
    connect(boardId, owner),
    connect(diagramId, owner),
    connect(fishboneId, owner),
  ]);
  await waitForDoc(b.doc, 'the cluster', () => readBoard(b.doc).clusters.length === 1);
  await waitForDoc(d.doc, 'the primary', () => readRows(d.doc, 'nodes').length === 1);
  await waitForDoc(f.doc, 'the category', () => readRows(f.doc, 'categories').length === 1);
  const noteId = note.json.noteId as string;
  return { owner, olive, boardId, diagramId, fishboneId, noteId, board, diagram, fishbone };
}

describe('a workshop board’s clusters and notes in the lab’s diagrams', () => {
  it('adds a cluster as a driver under a primary, linked both ways, once', async () => {
    const { owner, boardId, diagramId, board, diagram } = await setUp();
    const base = `/items/${boardId}/workshop`;
    const targets = (await call(owner, 'GET', `${base}/targets`)).json as WorkshopTargets;
    expect(targets.driverDiagrams).toEqual([
      { id: diagramId, title: 'Quieter nights', places: [{ id: 'p1', label: 'A calm ward' }] },
    ]);
    const added = await call(owner, 'POST', `${base}/drivers`, {
      from: 'c1',
      diagramId,
      under: 'p1',
    });
    expect(added.status).toBe(201);
    const { nodeId } = added.json as { nodeId: string };
    await waitForDoc(diagram.doc, 'the driver', () => readRows(diagram.doc, 'nodes').length === 2);
    expect(readRows(diagram.doc, 'nodes').find((row) => row.id === nodeId)).toMatchObject({
      type: 'secondary',
      label: 'Noise at night',
      fromBoard: boardId,
      fromRow: 'c1',
    });
    expect(readRows(diagram.doc, 'edges')).toMatchObject([{ from: nodeId, to: 'p1' }]);
    await waitForDoc(
      board.doc,
      'the link back',
      () => readBoard(board.doc).clusters[0]?.driver !== null,
    );
    expect(readBoard(board.doc).clusters[0]?.driver).toEqual({ itemId: diagramId, rowId: nodeId });
    // Once only; and a primary that is not there is refused.
    const again = await call(owner, 'POST', `${base}/drivers`, {
      from: 'c1',
      diagramId,
      under: null,
    });
    expect(again.status).toBe(409);
    const notThere = await call(owner, 'POST', `${base}/drivers`, {
      from: (readBoard(board.doc).notes[0] as { id: string }).id,
      diagramId,
      under: 'nothing',
    });
    expect(notThere.status).toBe(404);
    expect(workspace.server.meta.listAudit(workspace.labId, 50).map((e) => e.type)).toContain(
      'workshop.driver_added',
    );
  });

  it('adds a note as a cause under a category, linked both ways', async () => {
    const { owner, boardId, fishboneId, noteId, board, fishbone } = await setUp();
    const base = `/items/${boardId}/workshop`;
    const targets = (await call(owner, 'GET', `${base}/targets`)).json as WorkshopTargets;
    expect(targets.fishbones[0]?.places).toEqual([{ id: 'k1', label: 'Environment' }]);
    const wrong = await call(owner, 'POST', `${base}/causes`, {
      from: noteId,
      fishboneId,
      categoryId: 'nothing',
    });
    expect(wrong.status).toBe(404);
    const added = await call(owner, 'POST', `${base}/causes`, {
      from: noteId,
      fishboneId,
      categoryId: 'k1',
    });
    expect(added.status).toBe(201);
    const { causeId } = added.json as { causeId: string };
    await waitForDoc(
      fishbone.doc,
      'the cause',
      () => readRows(fishbone.doc, 'causes').length === 1,
    );
    expect(readRows(fishbone.doc, 'causes')[0]).toMatchObject({
      id: causeId,
      label: 'Doors banging at 3am',
      parent: 'k1',
      fromBoard: boardId,
      fromRow: noteId,
    });
    await waitForDoc(
      board.doc,
      'the link back',
      () => readBoard(board.doc).notes[0]?.cause !== null,
    );
    expect(readBoard(board.doc).notes[0]?.cause).toEqual({ itemId: fishboneId, rowId: causeId });
    const again = await call(owner, 'POST', `${base}/causes`, {
      from: noteId,
      fishboneId,
      categoryId: 'k1',
    });
    expect(again.status).toBe(409);
  });

  it('refuses people who may not edit the diagram, and forged ids, writing nothing', async () => {
    const { owner, olive, boardId, diagramId, fishboneId, noteId, board, diagram, fishbone } =
      await setUp();
    const base = `/items/${boardId}/workshop`;
    // An observer sees the board and the diagram but may not change the diagram.
    const observed = await call(olive, 'POST', `${base}/drivers`, {
      from: 'c1',
      diagramId,
      under: null,
    });
    expect(observed.status).toBe(403);
    expect(observed.json.error.message).toBe(
      'You do not have permission to add to “Quieter nights”.',
    );
    expect(
      ((await call(olive, 'GET', `${base}/targets`)).json as WorkshopTargets).driverDiagrams,
    ).toEqual([]);
    // Another lab's diagram, a diagram of the wrong kind, a made-up one: not found.
    const { meta } = workspace.server;
    const otherLab = await addLab(meta, owner.user);
    const other = await call(owner, 'POST', `/labs/${otherLab}/items`, {
      kind: 'drivers',
      title: 'Theirs',
    });
    const forged = [
      ['drivers', { from: 'c1', diagramId: other.json.item.id, under: null }],
      ['drivers', { from: 'c1', diagramId: fishboneId, under: null }],
      ['drivers', { from: 'c1', diagramId: 'made-up', under: null }],
      ['causes', { from: noteId, fishboneId: diagramId, categoryId: 'k1' }],
      ['causes', { from: 'made-up', fishboneId, categoryId: 'k1' }],
    ] as const;
    for (const [route, body] of forged)
      expect(
        (await call(owner, 'POST', `${base}/${route}`, body)).status,
        JSON.stringify(body),
      ).toBe(404);
    // Nothing was written anywhere: a later edit arrives with nothing before it.
    addRow(board.doc, 'workshop', 'clusters', 'c2', { label: 'Marker' });
    const observer = await connect(boardId, owner);
    await waitForDoc(
      observer.doc,
      'the marker',
      () => readBoard(observer.doc).clusters.length === 2,
    );
    for (const each of readBoard(observer.doc).clusters) expect(each.driver).toBeNull();
    expect(readBoard(observer.doc).notes[0]?.cause).toBeNull();
    expect(readRows(diagram.doc, 'nodes')).toHaveLength(1);
    expect(readRows(fishbone.doc, 'causes')).toHaveLength(0);
    const theirs = await connect(other.json.item.id, owner);
    expect(readRows(theirs.doc, 'nodes')).toHaveLength(0);
  });

  it('asks before keeping a note that looks like personal data, and flags it', async () => {
    const { owner, boardId, board } = await setUp();
    const base = `/items/${boardId}/workshop/notes`;
    const text = 'Call Mrs Patel on 07700 900123 about the noise';
    const refused = await call(owner, 'POST', base, { text });
    expect(refused.status).toBe(422);
    expect(refused.json.error).toMatchObject({ code: 'personal_data' });
    expect(refused.json.error.message).toContain('a phone number');
    expect(refused.json.error.findings[0]).toMatchObject({ kind: 'phone' });
    const kept = await call(owner, 'POST', base, {
      text,
      personalData: { reason: 'The ward phone, not a patient' },
    });
    expect(kept.status).toBe(201);
    await waitForDoc(board.doc, 'the kept note', () => readBoard(board.doc).notes.length === 2);
    const flags = workspace.server.meta.listPersonalDataFlags(workspace.labId);
    expect(flags).toMatchObject([
      {
        itemId: boardId,
        place: { type: 'workshop_note', noteId: kept.json.noteId },
        reason: 'The ward phone, not a patient',
        findings: [{ kind: 'phone' }],
      },
    ]);
    // The refused one was written nowhere: only the set-up's note and the kept one.
    expect(readBoard(board.doc).notes.map((note) => note.text)).toEqual([
      'Doors banging at 3am',
      text,
    ]);
    // The facilitators' list names where it is.
    const listed = await call(owner, 'GET', `/labs/${workspace.labId}/personal-data`);
    expect(JSON.stringify(listed.json)).toContain('A note on the workshop board');
  });

  it('refuses note rows, words and links written over the socket; a move still works', async () => {
    const { owner, boardId, noteId, board } = await setUp();
    const forgers = new Set<number>();
    const forge = async (change: (doc: Y.Doc) => void) => {
      const forger = await connect(boardId, owner);
      forgers.add(forger.doc.clientID);
      const closed = new Promise<number>((resolve) =>
        forger.provider.ws?.addEventListener('close', (event) => resolve(event.code)),
      );
      change(forger.doc);
      expect(await closed).toBe(CloseCode.SchemaViolation);
      forger.destroy();
    };
    const noteRow = (doc: Y.Doc) => list(doc, 'notes').get(0);
    await forge((doc) =>
      addRow(doc, 'workshop', 'notes', 'forged', { text: 'Forged', author: 'The chief executive' }),
    );
    await forge((doc) => (noteRow(doc).get('author') as Y.Text).insert(0, 'Signed: '));
    await forge((doc) => (noteRow(doc).get('text') as Y.Text).delete(0, 5));
    await forge((doc) => noteRow(doc).set('ideaId', 'made-up'));
    await forge((doc) => list(doc, 'clusters').get(0).set('causeFishbone', 'made-up'));
    // A note moved into a cluster still goes through, and reaches a new reader as the only change.
    noteRow(board.doc).set('cluster', 'c1');
    const reader = await connect(boardId, owner);
    await waitForDoc(
      reader.doc,
      'the move',
      () => readBoard(reader.doc).notes[0]?.cluster === 'c1',
    );
    expect(readBoard(reader.doc).notes).toMatchObject([
      { id: noteId, text: 'Doors banging at 3am', author: 'Olivia Owner', ideaId: null },
    ]);
    expect(readBoard(reader.doc).clusters[0]?.cause).toBeNull();
    for (const client of forgers) expect(reader.doc.store.clients.has(client)).toBe(false);
    // Stored nowhere: after a restart the document holds none of it either.
    await workspace.restart();
    const fresh = await connect(boardId, owner);
    for (const client of forgers) expect(fresh.doc.store.clients.has(client)).toBe(false);
    expect(readBoard(fresh.doc).notes).toHaveLength(1);
  });
});
