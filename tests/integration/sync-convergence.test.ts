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
    for (const docId of ['convergence', 'late-joiner', 'room-one', 'room-two']) {
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
