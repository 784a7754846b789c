import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { connectStockClient, type StockClient, waitForDoc } from '../helpers/stock-client';
import { startTestWorkspace, type TestWorkspace } from '../helpers/workspace';

describe('sync between stock y-websocket clients', () => {
  let workspace: TestWorkspace;
  const clients: StockClient[] = [];
  const connect = (docId: string) => {
    const client = connectStockClient(workspace.url, docId, workspace.auth());
    clients.push(client);
    return client;
  };

  beforeEach(async () => {
    workspace = await startTestWorkspace();
    for (const docId of ['convergence', 'late-joiner', 'late-joiners', 'room-one', 'room-two']) {
      await workspace.registerDoc(docId);
    }
  });
  afterEach(async () => {
    for (const client of clients.splice(0)) client.destroy();
    await workspace.stop();
  });

  it('two clients editing concurrently converge to the same text', async () => {
    const alice = connect('convergence');
    const bob = connect('convergence');
    await Promise.all([alice.whenSynced(), bob.whenSynced()]);
    alice.text.insert(0, 'Aim: reduce falls. ');
    bob.text.insert(0, 'Problem: 41 falls. ');
    const hasBoth = (client: StockClient) => () =>
      client.text.toString().includes('reduce falls') &&
      client.text.toString().includes('41 falls');
    await Promise.all([
      waitForDoc(alice.doc, 'alice to see both edits', hasBoth(alice)),
      waitForDoc(bob.doc, 'bob to see both edits', hasBoth(bob)),
    ]);
    expect(alice.text.toString()).toBe(bob.text.toString());
    expect(Y.encodeStateVector(alice.doc)).toEqual(Y.encodeStateVector(bob.doc));
  });

  it('a late joiner receives the full document', async () => {
    const writer = connect('late-joiner');
    await writer.whenSynced();
    for (let i = 0; i < 50; i += 1) writer.text.insert(writer.text.length, `line ${i}\n`);
    // A map outside the item schema: a note has no field "owner", and the server would refuse it.
    writer.doc.getMap('scratch').set('owner', 'Ward 7 team');
    const expected = writer.text.toString();
    const late = connect('late-joiner');
    await late.whenSynced();
    await waitForDoc(
      late.doc,
      'late joiner to hold the whole text',
      () => late.text.toString() === expected,
    );
    expect(late.doc.getMap('scratch').get('owner')).toBe('Ward 7 team');
  });

  it('late joiners get exactly the document, from the kept encoding and after it changed', async () => {
    const writer = connect('late-joiners');
    await writer.whenSynced();
    for (let i = 0; i < 40; i += 1) {
      writer.text.insert(writer.text.length, `line ${i}\n`);
      if (i % 4 === 3) writer.text.delete(writer.text.length - 12, 5);
    }
    writer.doc.getMap('scratch').set('owner', 'Ward 7 team');
    /** The same text, entries, clocks and deletions as the writer's copy. */
    const holdsWritersDocument = (client: StockClient) =>
      client.text.toString() === writer.text.toString() &&
      client.doc.getMap('scratch').get('owner') === writer.doc.getMap('scratch').get('owner') &&
      Y.equalSnapshots(Y.snapshot(client.doc), Y.snapshot(writer.doc));

    const first = connect('late-joiners');
    await waitForDoc(first.doc, 'the first late joiner to hold the document', () =>
      holdsWritersDocument(first),
    );
    // Nothing changed since the first joined: the second is sent the encoding kept from
    // the first, and its first sync answer alone holds the whole document.
    const second = connect('late-joiners');
    await second.whenSynced();
    expect(holdsWritersDocument(second)).toBe(true);

    writer.text.insert(0, 'Aim: fewer falls.\n');
    writer.text.delete(writer.text.length - 8, 8);
    writer.doc.getMap('scratch').set('owner', 'Ward 8 team');
    await waitForDoc(second.doc, 'the second late joiner to receive the new edits', () =>
      holdsWritersDocument(second),
    );
    // The kept encoding is now stale: the third must be sent the document as it is.
    const third = connect('late-joiners');
    await third.whenSynced();
    expect(holdsWritersDocument(third)).toBe(true);
    expect(third.text.toString().startsWith('Aim: fewer falls.')).toBe(true);
    expect(third.doc.getMap('scratch').get('owner')).toBe('Ward 8 team');
  });

  it('documents are isolated from each other', async () => {
    const one = connect('room-one');
    const two = connect('room-two');
    await Promise.all([one.whenSynced(), two.whenSynced()]);
    one.text.insert(0, 'only in one');
    const probe = connect('room-one');
    await probe.whenSynced();
    await waitForDoc(
      probe.doc,
      'probe to see room one',
      () => probe.text.toString() === 'only in one',
    );
    expect(two.text.toString()).toBe('');
  });
});
