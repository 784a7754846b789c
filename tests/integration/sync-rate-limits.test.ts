/**
 * Every sync connection has limits whatever its rights: messages and bytes per
 * second (token buckets, close 4529), requests for the whole state per second (close
 * 4529), unread bytes queued for a client that does not read (dropped, not
 * buffered), and open sockets per account (close 4530).
 */
import * as decoding from 'lib0/decoding';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { encodeSyncStep1, encodeUpdate } from '../../server/sync/message-codec';
import { CloseCode } from '../../shared/close-codes';
import { SyncLimits } from '../../shared/limits';
import { MessageType, SyncMessageType } from '../../shared/protocol';
import { addMember, addPerson, type TestPerson } from '../helpers/accounts';
import { connectRawClient, type RawClient } from '../helpers/raw-client';
import { connectStockClient, type StockClient, waitForDoc } from '../helpers/stock-client';
import { eachTurn, waitFor } from '../helpers/wait';
import { startTestWorkspace, type TestWorkspace } from '../helpers/workspace';

const DOC = 'limits';

/** Whether a frame from the server answers a request for the whole state. */
function isStateAnswer(frame: Uint8Array): boolean {
  const decoder = decoding.createDecoder(frame);
  const type = decoding.readVarUint(decoder);
  if (type === MessageType.Awareness) return true;
  return type === MessageType.Sync && decoding.readVarUint(decoder) === SyncMessageType.Step2;
}
const EMPTY_STATE_VECTOR = Y.encodeStateVector(new Y.Doc());

function updateOfBytes(bytes: number): Uint8Array {
  const doc = new Y.Doc();
  doc.getText('text').insert(0, 'x'.repeat(bytes));
  return Y.encodeStateAsUpdate(doc);
}

describe('per-connection sync limits', () => {
  let workspace: TestWorkspace;
  const raws: RawClient[] = [];
  const stocks: StockClient[] = [];

  const start = async (sync: Partial<SyncLimits>) => {
    workspace = await startTestWorkspace({ config: { sync: { ...SyncLimits, ...sync } } });
    await workspace.registerDoc(DOC, 'open_for_comment');
  };
  const member = async (name: string, role: 'participant' | 'observer' | 'reviewer') => {
    const person = await addPerson(workspace.server.meta, name);
    await addMember(workspace.server.meta, workspace.labId, person.user, role);
    return person;
  };
  const raw = (person: TestPerson) => {
    const client = connectRawClient(
      workspace.url,
      DOC,
      `?${new URLSearchParams(workspace.auth(person))}`,
    );
    raws.push(client);
    return client;
  };
  const stock = (person: TestPerson) => {
    const client = connectStockClient(workspace.url, DOC, workspace.auth(person));
    stocks.push(client);
    return client;
  };

  afterEach(async () => {
    for (const client of raws.splice(0)) client.socket.terminate();
    for (const client of stocks.splice(0)) client.destroy();
    await workspace.stop();
  });

  it('an observer sending more messages per second than allowed is closed with 4529', async () => {
    await start({ messagesPerSecond: 5, messageBurst: 20 });
    const flooder = raw(await member('Oscar Observer', 'observer'));
    await flooder.opened();
    // Edits an observer may not make: each is dropped, and still counted as a message.
    const edit = encodeUpdate(updateOfBytes(3));
    for (let i = 0; i < 60; i += 1) flooder.send(edit);
    expect((await flooder.closed()).code).toBe(CloseCode.RateLimited);
  });

  for (const [request, frame] of [
    ['the document (sync step 1)', () => encodeSyncStep1(EMPTY_STATE_VECTOR)],
    ['everyone’s presence', () => Uint8Array.of(MessageType.QueryAwareness)],
  ] as const) {
    it(`an observer asking for ${request} over and over gets a few answers, then 4529`, async () => {
      await start({ stateRequestsPerSecond: 1, stateRequestBurst: 3 });
      // Someone present, so every answer to a presence query has something in it.
      const present = stock(workspace.owner);
      present.provider.awareness.setLocalStateField('user', {
        id: workspace.owner.user.id,
        name: workspace.owner.user.name,
      });
      await present.whenSynced();
      const flooder = raw(await member('Oscar Observer', 'observer'));
      await flooder.nextFrame(MessageType.Sync);
      const greeting = flooder.frames.length;
      for (let i = 0; i < 30; i += 1) flooder.send(frame());
      expect((await flooder.closed()).code).toBe(CloseCode.RateLimited);
      // The burst, and at most a token or two earned while the requests arrived.
      const answers = flooder.frames.slice(greeting).filter(isStateAnswer).length;
      expect(answers).toBeGreaterThanOrEqual(3);
      expect(answers).toBeLessThanOrEqual(5);
    });
  }

  it('a reviewer sending more bytes per second than allowed is closed with 4529', async () => {
    await start({ bytesPerSecond: 1_000, byteBurst: 20_000 });
    const flooder = raw(await member('Rita Reviewer', 'reviewer'));
    await flooder.opened();
    const frame = encodeUpdate(updateOfBytes(3_000));
    for (let i = 0; i < 10; i += 1) flooder.send(frame);
    expect((await flooder.closed()).code).toBe(CloseCode.RateLimited);
  });

  it('under the default limits a large first sync and a burst of typing pass', async () => {
    await start({});
    const writer = stock(workspace.owner);
    await writer.whenSynced();
    // A large document arrives in one sync message, as after working offline.
    const offline = new Y.Doc();
    offline.getText('text').insert(0, 'o'.repeat(SyncLimits.bytesPerSecond * 2));
    Y.applyUpdate(writer.doc, Y.encodeStateAsUpdate(offline));
    for (let i = 0; i < 300; i += 1) writer.text.insert(writer.text.length, 'k');
    const reader = stock(workspace.owner);
    await reader.whenSynced();
    await waitForDoc(reader.doc, 'every keystroke', () =>
      reader.text.toString().endsWith('k'.repeat(300)),
    );
    expect(writer.provider.wsconnected).toBe(true);
    expect(reader.text.length).toBe(SyncLimits.bytesPerSecond * 2 + 300);
  });

  it('a client that asks for the document and never reads is dropped, not buffered', async () => {
    const maxBufferedBytes = 256 * 1024;
    await start({ maxBufferedBytes });
    const document = updateOfBytes(512 * 1024);
    const writer = stock(workspace.owner);
    await writer.whenSynced();
    Y.applyUpdate(writer.doc, document);
    await waitFor(
      'the document to be stored',
      () => workspace.server.registry.roomCount === 1 && writer.provider.synced,
      (notify) => {
        writer.doc.on('update', notify);
        return () => writer.doc.off('update', notify);
      },
    );
    await workspace.server.store.flush(DOC);
    const reader = await member('Sam Slow', 'observer');
    const slow = raw(reader);
    await slow.opened();
    slow.socket.pause(); // ws's public API: stop reading from the TCP socket
    const dropped = workspace.waitForLog('slow reader: too much unread data; connection dropped');
    // Each answer is the whole document: 200 of them would be about 100 MB of replies.
    for (let i = 0; i < 200; i += 1) slow.send(encodeSyncStep1(EMPTY_STATE_VECTOR));
    const record = await dropped;
    // Checked before each send: what waits is at most the cap plus one message.
    expect(record.bufferedBytes).toBeLessThanOrEqual(maxBufferedBytes + document.byteLength + 64);
    await waitFor(
      'the slow connection to be gone',
      () => workspace.server.registry.openSocketsOf(reader.user.id) === 0,
      eachTurn,
    );
    // Everyone else keeps syncing.
    writer.text.insert(0, 'still here ');
    const fresh = stock(workspace.owner);
    await fresh.whenSynced();
    await waitForDoc(fresh.doc, 'the new edit', () => fresh.text.toString().startsWith('still'));
  });

  it('an account may hold only so many sockets; the next is closed with 4530', async () => {
    await start({ maxSocketsPerAccount: 2 });
    const paul = await member('Paul Participant', 'participant');
    const first = stock(paul);
    const second = stock(paul);
    await Promise.all([first.whenSynced(), second.whenSynced()]);
    const third = raw(paul);
    expect((await third.closed()).code).toBe(CloseCode.TooManySockets);
    // Another account is not affected, and a socket closed frees a place.
    await stock(workspace.owner).whenSynced();
    first.destroy();
    await waitFor(
      'the closed socket to be released',
      () => workspace.server.registry.openSocketsOf(paul.user.id) === 1,
      eachTurn,
    );
    await stock(paul).whenSynced();
  });
});
