/**
 * One participant cannot break an item for everyone: a well-formed update that
 * breaks its kind's schema is refused (close 4422), is neither stored nor passed on,
 * and bystanders keep syncing. Every kind gets a set of shape-breaking updates, each
 * built the way a client would (a Y.Doc synced with the server, changed, diffed).
 */
import * as encoding from 'lib0/encoding';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { CloseCode } from '../../shared/close-codes';
import {
  addRow,
  fieldText,
  list,
  readTitle,
  section,
  setTitle,
} from '../../shared/documents/item-doc';
import { shapeProblems } from '../../shared/documents/item-shape';
import { MessageType, SyncMessageType } from '../../shared/protocol';
import type { ItemKind } from '../../shared/schemas/records';
import { connectRawClient } from '../helpers/raw-client';
import { connectStockClient, type StockClient, waitForDoc } from '../helpers/stock-client';
import { once } from '../helpers/wait';
import { startTestWorkspace, type TestWorkspace } from '../helpers/workspace';

type Mutation = (doc: Y.Doc, kind: ItemKind) => void;
const row = (doc: Y.Doc, listKey: string, index = 0) => {
  const found = list(doc, listKey).get(index);
  if (!(found instanceof Y.Map)) throw new Error(`no row ${index} in ${listKey}`);
  return found;
};
const fields = (doc: Y.Doc) => doc.getMap('fields');
const meta = (doc: Y.Doc) => doc.getMap('meta');

/** Shape-breaking updates every kind must refuse. */
const EVERY_KIND: Array<[string, Mutation]> = [
  ['changes meta.kind', (doc, kind) => meta(doc).set('kind', kind === 'note' ? 'idea' : 'note')],
  ['deletes meta.kind', (doc) => meta(doc).delete('kind')],
  ['makes the title a map', (doc) => meta(doc).set('title', new Y.Map())],
  ['makes the schema version a string', (doc) => meta(doc).set('schemaVersion', 'two')],
  ['adds a field the kind does not have', (doc) => fields(doc).set('injected', 'x')],
];

const BY_KIND: Record<ItemKind, Array<[string, Mutation]>> = {
  problem: [
    ['replaces a text field with a map', (doc) => fields(doc).set('what', new Y.Map())],
    ['replaces a text field with a string', (doc) => fields(doc).set('who', 'everyone')],
    ['deletes a text field', (doc) => fields(doc).delete('evidence')],
    ['sets a number field to a word', (doc) => fields(doc).set('aimBaseline', 'lots')],
    ['sets a date to an impossible format', (doc) => fields(doc).set('aimByWhen', 'soon')],
    ['sets a choice outside its options', (doc) => fields(doc).set('aimDirection', 'sideways')],
    [
      'pushes a string into the description section',
      (doc) => doc.getArray('text.description').push(['plain']),
    ],
  ],
  drivers: [
    [
      'gives a node an object id',
      (doc) => row(doc, 'nodes').set('id', { nested: true } as unknown as string),
    ],
    ['pushes a plain string into the nodes', (doc) => list(doc, 'nodes').push(['x' as never])],
    ['gives a node an unknown type', (doc) => row(doc, 'nodes').set('type', 'boss')],
    ['makes a node label a map', (doc) => row(doc, 'nodes').set('label', new Y.Map())],
    ['deletes a node id', (doc) => row(doc, 'nodes').delete('id')],
    [
      'adds a row whose link strength is invalid',
      (doc) => {
        const bad = new Y.Map<unknown>();
        bad.set('id', 'e-bad');
        bad.set('strength', 'very');
        list(doc, 'edges').push([bad]);
      },
    ],
  ],
  idea: [
    ['sets a status outside its options', (doc) => fields(doc).set('status', 'maybe')],
    ['replaces the owner text with a number', (doc) => fields(doc).set('owner', 7)],
    ['pushes a number into linked drivers', (doc) => list(doc, 'drivers').push([3 as never])],
  ],
  pdsa: [
    ['sets a decision outside its options', (doc) => fields(doc).set('decision', 'keep')],
    ['sets a start date that is not a date', (doc) => fields(doc).set('startDate', 'tomorrow')],
    ['points the idea reference at an object', (doc) => fields(doc).set('ideaId', { a: 1 })],
    [
      'replaces a question text with a plain string',
      (doc) => row(doc, 'questions').set('question', 'why?'),
    ],
    ['pushes an array into the tasks', (doc) => list(doc, 'tasks').push([new Y.Array() as never])],
  ],
  measure: [
    ['pushes a plain string into the points', (doc) => list(doc, 'points').push(['12' as never])],
    ['sets a point value to a word', (doc) => row(doc, 'points').set('value', 'twelve')],
    ['gives a point an object id', (doc) => row(doc, 'points').set('id', { x: 1 } as never)],
    ['adds a column the points do not have', (doc) => row(doc, 'points').set('colour', 'red')],
    ['sets the target to a string', (doc) => fields(doc).set('target', '10')],
    ['sets the chart to an unknown chart', (doc) => fields(doc).set('chart', 'pie')],
    ['replaces the definition with a map', (doc) => fields(doc).set('definition', new Y.Map())],
  ],
  fishbone: [
    ['replaces the effect text with a number', (doc) => fields(doc).set('effect', 3)],
    ['makes a cause label a map', (doc) => row(doc, 'causes').set('label', new Y.Map())],
    ['pushes a string into the categories', (doc) => list(doc, 'categories').push(['x' as never])],
    ['adds a column causes do not have', (doc) => row(doc, 'causes').set('weight', 9)],
  ],
  workshop: [
    ["writes the board state (the server's alone)", (doc) => meta(doc).set('board', {})],
    ['deletes the board state', (doc) => meta(doc).delete('board')],
    ['makes a note text a number', (doc) => row(doc, 'notes').set('text', 7)],
    [
      'puts a note in a cluster given as a map',
      (doc) => row(doc, 'notes').set('cluster', {} as never),
    ],
    ['adds a column notes do not have', (doc) => row(doc, 'notes').set('votes', 9)],
    // Notes, their words and authors, and what a row became are the server's to write.
    [
      'adds a note row (notes are added through the API)',
      (doc) => addRow(doc, 'workshop', 'notes', 'forged', { text: 'Forged', author: 'Someone' }),
    ],
    ['types into a note', (doc) => (row(doc, 'notes').get('text') as Y.Text).insert(0, 'Not ')],
    ['deletes from a note', (doc) => (row(doc, 'notes').get('text') as Y.Text).delete(0, 3)],
    ['replaces a note author', (doc) => row(doc, 'notes').set('author', new Y.Text('The chief'))],
    ['links a note to an idea', (doc) => row(doc, 'notes').set('ideaId', 'made-up')],
    ['links a cluster to a driver', (doc) => row(doc, 'clusters').set('driverDiagram', 'd1')],
    [
      'creates a cluster already a change idea',
      (doc) => addRow(doc, 'workshop', 'clusters', 'c9', { label: 'Ours', ideaId: 'made-up' }),
    ],
  ],
  process: [
    ['gives a step an unknown type', (doc) => row(doc, 'steps').set('type', 'teleport')],
    ['makes a branch answer a number', (doc) => row(doc, 'branches').set('label', 1)],
    ['pushes an array into the lanes', (doc) => list(doc, 'lanes').push([new Y.Array() as never])],
    ['deletes a step id', (doc) => row(doc, 'steps').delete('id')],
  ],
  note: [
    ['pushes a string into the body section', (doc) => doc.getArray('text.body').push(['x'])],
    ['puts a map into the body section', (doc) => doc.getArray('text.body').push([new Y.Map()])],
    [
      'pushes a string into a paragraph',
      (doc) => {
        const paragraph = doc.getXmlFragment('text.body').get(0);
        if (!(paragraph instanceof Y.XmlElement)) throw new Error('no paragraph');
        paragraph.insert(0, ['loose text' as never]);
      },
    ],
    [
      'gives a paragraph a map attribute',
      (doc) => {
        const paragraph = doc.getXmlFragment('text.body').get(0);
        if (!(paragraph instanceof Y.XmlElement)) throw new Error('no paragraph');
        paragraph.setAttribute('style', new Y.Map() as never);
      },
    ],
  ],
};

/** A valid edit per kind, made first so that rows exist to damage. */
const SEED: Record<ItemKind, (doc: Y.Doc) => void> = {
  problem: (doc) => fieldText(doc, 'what').insert(0, 'Falls at night'),
  drivers: (doc) => {
    addRow(doc, 'drivers', 'nodes', 'n1', { type: 'aim', label: 'Fewer falls' });
    addRow(doc, 'drivers', 'edges', 'e1', { from: 'n1', to: 'n1', strength: 'weak' });
  },
  idea: (doc) => addRow(doc, 'idea', 'drivers', 'l1', { nodeId: 'n1' }),
  pdsa: (doc) => {
    addRow(doc, 'pdsa', 'questions', 'q1', { question: 'Will it work?' });
    addRow(doc, 'pdsa', 'tasks', 't1', { what: 'Print the leaflet' });
  },
  measure: (doc) => addRow(doc, 'measure', 'points', 'p1', { period: '2026-01', value: 3 }),
  fishbone: (doc) => {
    addRow(doc, 'fishbone', 'categories', 'c1', { label: 'People' });
    addRow(doc, 'fishbone', 'causes', 'k1', { label: 'Short staffed', parent: 'c1' });
  },
  process: (doc) => {
    addRow(doc, 'process', 'lanes', 'l1', { label: 'Ward' });
    addRow(doc, 'process', 'steps', 's1', { type: 'decision', label: 'Bed free?', lane: 'l1' });
    addRow(doc, 'process', 'branches', 'b1', { from: 's1', to: 's1', label: 'No' });
  },
  // Its note is added through the API (`beforeAll`); a client adds a cluster and moves it in.
  workshop: (doc) => {
    addRow(doc, 'workshop', 'clusters', 'c1', { label: 'Staffing' });
    row(doc, 'notes').set('cluster', 'c1');
  },
  note: (doc) => {
    const paragraph = new Y.XmlElement('paragraph');
    paragraph.insert(0, [new Y.XmlText('Met the ward team')]);
    section(doc, 'body').insert(0, [paragraph]);
  },
};

function sameState(a: Y.Doc, b: Y.Doc): boolean {
  const [left, right] = [Y.encodeStateVector(a), Y.encodeStateVector(b)];
  return left.length === right.length && left.every((byte, i) => byte === right[i]);
}

function updateFrame(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.Sync);
  encoding.writeVarUint(encoder, SyncMessageType.Update);
  encoding.writeVarUint8Array(encoder, update);
  return encoding.toUint8Array(encoder);
}

describe('updates that break an item schema', () => {
  let workspace: TestWorkspace;
  const clients: StockClient[] = [];
  const ids = {} as Record<ItemKind, string>;
  /** Client ids of every refused update: none may ever reach a document. */
  const refusedClients = new Set<number>();
  const connect = async (docId: string) => {
    const client = connectStockClient(workspace.url, docId, workspace.auth());
    clients.push(client);
    await client.whenSynced();
    return client;
  };

  beforeAll(async () => {
    workspace = await startTestWorkspace();
    for (const kind of Object.keys(BY_KIND) as ItemKind[]) {
      const response = await fetch(`${workspace.url}/api/labs/${workspace.labId}/items`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${workspace.owner.token}`,
          'content-type': 'application/json',
        },
        body: JSON.stringify({ kind, title: `A ${kind}` }),
      });
      expect(response.status).toBe(201);
      ids[kind] = ((await response.json()) as { item: { id: string } }).item.id;
    }
    const note = await fetch(`${workspace.url}/api/items/${ids.workshop}/workshop/notes`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${workspace.owner.token}`,
        'content-type': 'application/json',
      },
      body: JSON.stringify({ text: 'Too few staff' }),
    });
    expect(note.status).toBe(201);
  });
  afterAll(async () => {
    for (const client of clients.splice(0)) client.destroy();
    await workspace.stop();
  });

  /** Sends `mutate`'s change, made on a copy of `source`, from its own socket; returns the close. */
  async function sendChange(kind: ItemKind, source: Y.Doc, mutate: Mutation) {
    const copy = new Y.Doc();
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(source));
    const before = Y.encodeStateVector(copy);
    mutate(copy, kind);
    const update = Y.encodeStateAsUpdate(copy, before);
    refusedClients.add(copy.clientID);
    copy.destroy();
    const query = `?${new URLSearchParams(workspace.auth())}`;
    const raw = connectRawClient(workspace.url, ids[kind], query);
    await raw.opened();
    raw.send(updateFrame(update));
    return once('the connection to be closed', (resolve: (value: { code: number }) => void) => {
      raw.closed().then(resolve);
      return () => raw.close();
    });
  }

  for (const kind of Object.keys(BY_KIND) as ItemKind[]) {
    it(`a ${kind}: every shape-breaking update is refused, changes nothing, and bystanders keep syncing`, async () => {
      const docId = ids[kind];
      const editor = await connect(docId);
      const bystander = await connect(docId);
      SEED[kind](editor.doc);
      await waitForDoc(bystander.doc, 'the seed edit', () => sameState(bystander.doc, editor.doc));
      for (const [name, mutate] of [...EVERY_KIND, ...BY_KIND[kind]]) {
        const closed = await sendChange(kind, editor.doc, mutate);
        expect(closed.code, name).toBe(CloseCode.SchemaViolation);
        // A valid edit after each refusal still reaches the bystander.
        setTitle(editor.doc, `After: ${name}`);
        await waitForDoc(
          bystander.doc,
          `the edit after "${name}"`,
          () => readTitle(bystander.doc) === `After: ${name}`,
        );
        for (const client of refusedClients)
          expect(bystander.doc.store.clients.has(client)).toBe(false);
        expect(shapeProblems(bystander.doc, kind), name).toEqual([]);
      }
    });
  }

  it('ordinary edits of every kind pass: typing bursts, rows added, changed and deleted, offline edits', async () => {
    const docId = ids.measure;
    const editor = await connect(docId);
    const bystander = await connect(docId);
    // Each keystroke is its own update, built on the one before that the server may
    // not have applied (or even written) yet.
    const definition = fieldText(editor.doc, 'definition');
    for (const char of 'Falls per 1,000 bed days') definition.insert(definition.length, char);
    addRow(editor.doc, 'measure', 'points', 'p2', { period: '2026-02', value: 4 });
    row(editor.doc, 'points', 1).set('excluded', 'yes');
    const note = row(editor.doc, 'points', 1).get('note');
    if (note instanceof Y.Text) note.insert(0, 'Ward closed');
    editor.doc.getMap('fields').set('target', 2);
    editor.doc.getMap('fields').set('target', null);
    list(editor.doc, 'points').delete(0, 1);
    // Offline edits arrive together when the connection comes back (sync step 2).
    editor.provider.disconnect();
    addRow(editor.doc, 'measure', 'points', 'p3', { period: '2026-03', value: 5 });
    fieldText(editor.doc, 'unit').insert(0, 'per 1,000 bed days');
    editor.provider.connect();
    await waitForDoc(bystander.doc, 'every edit', () => sameState(bystander.doc, editor.doc));
    expect(editor.provider.wsconnected).toBe(true);
    expect(fieldText(bystander.doc, 'definition').toString()).toBe('Falls per 1,000 bed days');
    expect(list(bystander.doc, 'points').length).toBe(2);
    expect(workspace.logs.filter((r) => r.message.startsWith('update refused'))).toHaveLength(
      refusedClients.size,
    );
  });

  it('refused updates were never stored: after a restart every document is whole', async () => {
    for (const client of clients.splice(0)) client.destroy();
    await workspace.restart();
    for (const kind of Object.keys(BY_KIND) as ItemKind[]) {
      const fresh = await connect(ids[kind]);
      for (const client of refusedClients) expect(fresh.doc.store.clients.has(client)).toBe(false);
      expect(shapeProblems(fresh.doc, kind)).toEqual([]);
      expect(fresh.doc.getMap('meta').get('kind')).toBe(kind);
    }
  });
});
