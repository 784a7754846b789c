/**
 * Presence stays true and bounded: a connection publishes only a few awareness
 * client ids and only so many awareness updates per second, a peer that stops
 * answering pings is dropped (and its presence removed), and what policy drops is
 * logged as one line per connection per interval with counts, never one per message.
 */
import * as encoding from 'lib0/encoding';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { encodeAwareness, encodeUpdate } from '../../server/sync/message-codec';
import { SyncLimits } from '../../shared/limits';
import { MessageType } from '../../shared/protocol';
import { addMember, addPerson, type TestPerson } from '../helpers/accounts';
import { droppedCount, POLICY_DROPS_MESSAGE } from '../helpers/policy-drops';
import { connectRawClient, type RawClient } from '../helpers/raw-client';
import { connectStockClient, type StockClient } from '../helpers/stock-client';
import { waitFor } from '../helpers/wait';
import { startTestWorkspace, type TestWorkspace } from '../helpers/workspace';

const DOC = 'presence';

/** An awareness update setting `states` for client ids `[first, first + count)` at `clock`. */
function presences(first: number, count: number, clock: number, state: unknown): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, count);
  for (let id = first; id < first + count; id += 1) {
    encoding.writeVarUint(encoder, id);
    encoding.writeVarUint(encoder, clock);
    encoding.writeVarString(encoder, JSON.stringify(state));
  }
  return encodeAwareness(encoding.toUint8Array(encoder));
}

describe('presence limits and keepalive', () => {
  let workspace: TestWorkspace;
  const raws: RawClient[] = [];
  const stocks: StockClient[] = [];

  const start = async (sync: Partial<SyncLimits>) => {
    workspace = await startTestWorkspace({ config: { sync: { ...SyncLimits, ...sync } } });
    await workspace.registerDoc(DOC, 'open_for_comment');
  };
  const reviewer = async () => {
    const person = await addPerson(workspace.server.meta, 'Rita Reviewer');
    await addMember(workspace.server.meta, workspace.labId, person.user, 'reviewer');
    return person;
  };
  const raw = (person: TestPerson, options: { autoPong?: boolean } = {}) => {
    const client = connectRawClient(
      workspace.url,
      DOC,
      `?${new URLSearchParams(workspace.auth(person))}`,
      options,
    );
    raws.push(client);
    return client;
  };
  const watcher = async () => {
    const client = connectStockClient(workspace.url, DOC, workspace.auth());
    stocks.push(client);
    await client.whenSynced();
    return client;
  };
  /** Waits until the watcher's presence list satisfies `check`. */
  const watchPresence = (client: StockClient, description: string, check: () => boolean) =>
    waitFor(description, check, (notify) => {
      client.provider.awareness.on('change', notify);
      return () => client.provider.awareness.off('change', notify);
    });

  afterEach(async () => {
    for (const client of raws.splice(0)) client.socket.terminate();
    for (const client of stocks.splice(0)) client.destroy();
    await workspace.stop();
  });

  it('20,000 fake presences from one reviewer never reach a watcher', async () => {
    await start({ dropLogIntervalMs: 20 });
    const owner = await watcher();
    const fake = raw(await reviewer());
    await fake.nextFrame(MessageType.Sync);
    const dropped = workspace.waitForLog(
      POLICY_DROPS_MESSAGE,
      (r) => droppedCount(r, 'awareness_too_many_clients') > 0,
    );
    const perMessage = 250; // keeps each update under Limits.maxAwarenessBytes
    for (let first = 1; first <= 20_000; first += perMessage) {
      fake.send(presences(first, perMessage, 1, {}));
    }
    // Client id 1 is within the cap whatever was refused: once its marker arrives,
    // everything sent before it has been handled.
    fake.send(presences(1, 1, 2, { marker: true }));
    await dropped;
    const states = owner.provider.awareness.getStates();
    await watchPresence(owner, 'the marker', () => {
      const state = states.get(1) as { marker?: boolean } | undefined;
      return state?.marker === true;
    });
    // The watcher's own state, and none of the 20,000 fakes (the first batch alone was over the cap).
    expect(states.size).toBe(2);
  });

  it('awareness updates over the rate are dropped and counted, and the connection stays', async () => {
    await start({ awarenessPerSecond: 1, awarenessBurst: 5 });
    const owner = await watcher();
    const reviewerPerson = await reviewer();
    const chatty = raw(reviewerPerson);
    await chatty.nextFrame(MessageType.Sync);
    let seen = 0;
    owner.provider.awareness.on('change', () => {
      if (owner.provider.awareness.getStates().has(7)) seen += 1;
    });
    for (let clock = 1; clock <= 50; clock += 1) chatty.send(presences(7, 1, clock, { clock }));
    // The server reports drops when the interval ends (a minute here) or at close.
    const report = workspace.waitForLog(
      POLICY_DROPS_MESSAGE,
      (r) => r.userId === reviewerPerson.user.id,
    );
    chatty.close();
    expect(droppedCount(await report, 'awareness_rate')).toBeGreaterThanOrEqual(40);
    expect(seen).toBeLessThanOrEqual(10);
  });

  it('a peer that stops answering pings is dropped and its presence removed', async () => {
    // Long enough that a busy test machine still answers in time, short enough to be quick.
    await start({ pingIntervalMs: 250 });
    const owner = await watcher();
    const person = await reviewer();
    const silent = raw(person, { autoPong: false });
    const answering = raw(person);
    await Promise.all([silent.nextFrame(MessageType.Sync), answering.nextFrame(MessageType.Sync)]);
    let answeringClosed: number | null = null;
    answering.socket.on('close', (code) => {
      answeringClosed = code;
    });
    silent.send(presences(41, 1, 1, { user: { id: person.user.id, name: 'Rita Reviewer' } }));
    const states = owner.provider.awareness.getStates();
    await watchPresence(owner, 'the silent peer to appear', () => states.has(41));
    const gone = workspace.waitForLog('no answer to ping; connection dropped');
    await watchPresence(owner, 'the silent peer to leave', () => !states.has(41));
    expect((await gone).userId).toBe(person.user.id);
    expect((await silent.closed()).code).toBe(1006);
    // The peer that answers was pinged on the same ticks, and stays.
    expect(answeringClosed).toBeNull();
    expect(answering.socket.readyState).toBe(answering.socket.OPEN);
  });

  it('presence that stock clients echo back is neither counted nor logged as dropped', async () => {
    await start({ dropLogIntervalMs: 20 });
    const owner = await watcher();
    const paul = await addPerson(workspace.server.meta, 'Paul Participant');
    await addMember(workspace.server.meta, workspace.labId, paul.user, 'participant');
    const other = connectStockClient(workspace.url, DOC, workspace.auth(paul));
    stocks.push(other);
    await other.whenSynced();
    for (let i = 1; i <= 20; i += 1) {
      owner.provider.awareness.setLocalStateField('cursor', i);
      other.provider.awareness.setLocalStateField('cursor', i);
    }
    const last = () => other.provider.awareness.getStates().get(owner.doc.clientID)?.cursor === 20;
    await watchPresence(other, 'the last cursor', last);
    // A forged update from a raw client, after every echo: once it is reported, the echoes
    // (sent before it) have been handled too.
    const forger = raw(paul);
    await forger.nextFrame(MessageType.Sync);
    const report = workspace.waitForLog(POLICY_DROPS_MESSAGE, (r) => r.userId === paul.user.id);
    forger.send(presences(owner.doc.clientID, 1, 10_000, {}));
    expect((await report).counts).toEqual({ awareness_foreign_client: 1 });
    const drops = workspace.logs.filter((r) => r.message === POLICY_DROPS_MESSAGE);
    expect(drops).toHaveLength(1);
  });

  it('500 refused updates make one log line with their count, not 500', async () => {
    await start({});
    const person = await reviewer();
    const flooder = raw(person);
    await flooder.nextFrame(MessageType.Sync);
    const doc = new Y.Doc();
    doc.getText('text').insert(0, 'x');
    const frame = encodeUpdate(Y.encodeStateAsUpdate(doc));
    for (let i = 0; i < 500; i += 1) flooder.send(frame);
    // The report comes at the end of the interval (a minute by default) or when the
    // connection closes, whichever is first.
    const report = workspace.waitForLog(POLICY_DROPS_MESSAGE);
    flooder.close();
    expect(droppedCount(await report, 'read_only_update')).toBe(500);
    expect((await report).total).toBe(500);
    const fromFlooder = workspace.logs.filter(
      (r) => r.userId === person.user.id && r.level !== 'debug',
    );
    expect(fromFlooder.length).toBeLessThanOrEqual(2);
  });
});
