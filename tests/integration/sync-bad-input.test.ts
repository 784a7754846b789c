import * as encoding from 'lib0/encoding';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { CloseCode } from '../../shared/close-codes';
import { Limits } from '../../shared/limits';
import { MessageType, SyncMessageType } from '../../shared/protocol';
import { connectRawClient, type RawClient } from '../helpers/raw-client';
import { connectStockClient, type StockClient, waitForDoc } from '../helpers/stock-client';
import { startTestWorkspace, type TestWorkspace } from '../helpers/workspace';

function syncFrame(type: number, payload: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.Sync);
  encoding.writeVarUint(encoder, type);
  encoding.writeVarUint8Array(encoder, payload);
  return encoding.toUint8Array(encoder);
}

function validUpdate(text: string): Uint8Array {
  const doc = new Y.Doc();
  doc.getText('text').insert(0, text);
  return Y.encodeStateAsUpdate(doc);
}

/**
 * Well-formed bytes Yjs reads but cannot apply: an empty string item, then an item
 * that names it as its origin (Yjs throws halfway through integrating them).
 */
function unappliableUpdate(): Uint8Array {
  const client = 424242;
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 1); // one client
  encoding.writeVarUint(encoder, 2); // two structs
  encoding.writeVarUint(encoder, client);
  encoding.writeVarUint(encoder, 0); // from clock 0
  encoding.writeUint8(encoder, 4); // a string item whose parent follows
  encoding.writeVarUint(encoder, 1); // the root type named...
  encoding.writeVarString(encoder, 'text');
  encoding.writeVarString(encoder, '');
  encoding.writeUint8(encoder, 4 | 128); // a string item with an origin
  encoding.writeVarUint(encoder, client);
  encoding.writeVarUint(encoder, 0);
  encoding.writeVarString(encoder, 'x');
  encoding.writeVarUint(encoder, 0); // no deletions
  return encoding.toUint8Array(encoder);
}

const DOC = 'bad-input';

describe('bad input on the sync socket', () => {
  let workspace: TestWorkspace;
  let owner: StockClient;
  let baselineState: Uint8Array;
  const raws: RawClient[] = [];

  beforeEach(async () => {
    workspace = await startTestWorkspace();
    await workspace.registerDoc(DOC);
    owner = connectStockClient(workspace.url, DOC, workspace.auth());
    await owner.whenSynced();
    owner.text.insert(0, 'Original text');
    const probe = connectStockClient(workspace.url, DOC, workspace.auth());
    await waitForDoc(probe.doc, 'server to hold the text', () => probe.text.length > 0);
    baselineState = Y.encodeStateAsUpdate(probe.doc);
    probe.destroy();
  });
  afterEach(async () => {
    for (const raw of raws.splice(0)) raw.close();
    owner.destroy();
    await workspace.stop();
  });

  async function sendAndExpectClose(frame: Uint8Array | string, code: number) {
    const raw = connectRawClient(workspace.url, DOC, `?${new URLSearchParams(workspace.auth())}`);
    raws.push(raw);
    await raw.opened();
    raw.socket.send(frame);
    expect((await raw.closed()).code).toBe(code);
  }

  async function expectServerUnchanged() {
    const fresh = connectStockClient(workspace.url, DOC, workspace.auth());
    await fresh.whenSynced();
    expect(fresh.text.toString()).toBe('Original text');
    // Byte-for-byte the state before the bad frame: nothing was added anywhere.
    expect(Y.encodeStateAsUpdate(fresh.doc)).toEqual(baselineState);
    fresh.destroy();
    expect(owner.text.toString()).toBe('Original text');
  }

  const cases: Array<[string, () => Uint8Array | string, number]> = [
    [
      'random garbage',
      () => Uint8Array.from([0xff, 0xfe, 0x13, 0x37, 0x00, 0x99]),
      CloseCode.MalformedMessage,
    ],
    ['an unknown message type', () => Uint8Array.from([42, 1, 2, 3]), CloseCode.MalformedMessage],
    ['an empty frame', () => new Uint8Array(0), CloseCode.MalformedMessage],
    ['a text frame', () => 'hello', CloseCode.MalformedMessage],
    [
      'a truncated update message',
      () => syncFrame(SyncMessageType.Update, validUpdate('injected')).slice(0, 8),
      CloseCode.MalformedMessage,
    ],
    [
      'an update whose payload is not a Yjs update',
      () => syncFrame(SyncMessageType.Update, Uint8Array.from([5, 200, 200, 200, 200, 1])),
      CloseCode.MalformedMessage,
    ],
    [
      'a well-formed update Yjs cannot apply',
      () => syncFrame(SyncMessageType.Update, unappliableUpdate()),
      CloseCode.MalformedMessage,
    ],
    [
      'a valid update with trailing bytes',
      () => Uint8Array.from([...syncFrame(SyncMessageType.Update, validUpdate('x')), 7, 7]),
      CloseCode.MalformedMessage,
    ],
    [
      'a message larger than the limit',
      () => new Uint8Array(Limits.maxMessageBytes + 1),
      CloseCode.MessageTooLarge,
    ],
  ];

  for (const [name, frame, code] of cases) {
    it(`${name} closes that connection with code ${code} and changes nothing`, async () => {
      await sendAndExpectClose(frame(), code);
      await expectServerUnchanged();
    });
  }

  it('a malformed awareness update is refused and the server keeps serving others', async () => {
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MessageType.Awareness);
    encoding.writeVarUint8Array(encoder, Uint8Array.from([3, 1, 2]));
    await sendAndExpectClose(encoding.toUint8Array(encoder), CloseCode.MalformedMessage);
    await expectServerUnchanged();
  });

  it('an invalid document id is refused with its own code', async () => {
    const raw = connectRawClient(
      workspace.url,
      'not%20valid',
      `?${new URLSearchParams(workspace.auth())}`,
    );
    raws.push(raw);
    expect((await raw.closed()).code).toBe(CloseCode.InvalidDocumentId);
  });
});
