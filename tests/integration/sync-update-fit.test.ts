/**
 * Nothing is stored or passed on that the room's document cannot apply (issue 12,
 * item 4), and no update takes a document past its size limit (item 8): against a
 * real server, with a stock client watching that must never fail to apply what it
 * is sent, and a restart that must reopen exactly what was accepted.
 */
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { CloseCode } from '../../shared/close-codes';
import { MessageType, SAVED_ACK_PARAM, SyncMessageType } from '../../shared/protocol';
import { connectRawClient, type RawClient } from '../helpers/raw-client';
import { connectStockClient, type StockClient, waitForDoc } from '../helpers/stock-client';
import { waitFor } from '../helpers/wait';
import { startTestWorkspace, type TestWorkspace } from '../helpers/workspace';

const DOC = 'fit-doc';
const LIMIT = 64 * 1024;

function syncFrame(type: number, payload: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.Sync);
  encoding.writeVarUint(encoder, type);
  encoding.writeVarUint8Array(encoder, payload);
  return encoding.toUint8Array(encoder);
}

/** A string item in `text`, then one that names a clock after itself as its origin. */
function forwardReference(): Uint8Array {
  const client = 777;
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 1); // one client
  encoding.writeVarUint(encoder, 2); // two structs
  encoding.writeVarUint(encoder, client);
  encoding.writeVarUint(encoder, 0);
  encoding.writeUint8(encoder, 4); // a string item whose parent follows
  encoding.writeVarUint(encoder, 1);
  encoding.writeVarString(encoder, 'text');
  encoding.writeVarString(encoder, 'a');
  encoding.writeUint8(encoder, 4 | 128); // a string item with an origin…
  encoding.writeVarUint(encoder, client);
  encoding.writeVarUint(encoder, 5); // …that is after it
  encoding.writeVarString(encoder, 'b');
  encoding.writeVarUint(encoder, 0);
  return encoding.toUint8Array(encoder);
}

/** A writer's document and the updates it made, one per edit. */
function writer(clientID: number, edits: string[]): { doc: Y.Doc; updates: Uint8Array[] } {
  const doc = new Y.Doc();
  doc.clientID = clientID;
  const updates: Uint8Array[] = [];
  doc.on('update', (update: Uint8Array) => updates.push(update));
  for (const edit of edits) doc.getText('text').insert(doc.getText('text').length, edit);
  return { doc, updates };
}

describe('updates the document cannot take', () => {
  let workspace: TestWorkspace;
  let watcher: StockClient;
  const raws: RawClient[] = [];
  const consoleError = vi.spyOn(console, 'error');
  // Files share a worker's modules and globals: the next file gets the real console back.
  afterAll(() => consoleError.mockRestore());

  beforeEach(async () => {
    workspace = await startTestWorkspace({ config: { maxDocumentBytes: LIMIT } });
    await workspace.registerDoc(DOC);
    watcher = connectStockClient(workspace.url, DOC, workspace.auth());
    await watcher.whenSynced();
    consoleError.mockClear();
  });
  afterEach(async () => {
    for (const raw of raws.splice(0)) raw.close();
    watcher.destroy();
    await workspace.stop();
  });

  async function rawWriter(): Promise<RawClient> {
    const query = new URLSearchParams({ ...workspace.auth(), [SAVED_ACK_PARAM]: '1' });
    const raw = connectRawClient(workspace.url, DOC, `?${query}`);
    raws.push(raw);
    await raw.opened();
    return raw;
  }

  async function reopenedText(): Promise<string> {
    watcher.destroy();
    await workspace.restart();
    watcher = connectStockClient(workspace.url, DOC, workspace.auth());
    await watcher.whenSynced();
    return watcher.text.toString();
  }

  it('an item naming a clock after its own is refused with 4400 and never stored', async () => {
    const raw = await rawWriter();
    raw.send(syncFrame(SyncMessageType.Update, forwardReference()));
    expect((await raw.closed()).code).toBe(CloseCode.MalformedMessage);
    expect(await reopenedText()).toBe('');
    expect(consoleError).not.toHaveBeenCalled();
  });

  it('an update with a gap is dropped; the sender is asked to sync and its answer is kept', async () => {
    const { doc, updates } = writer(555, ['Falls ', 'at night']);
    const raw = await rawWriter();
    raw.send(syncFrame(SyncMessageType.Update, updates[1] as Uint8Array));
    // The room greets every connection with a sync step 1; the request is a second one.
    const step1s = () =>
      raw.frames.filter(
        (frame) => frame[0] === MessageType.Sync && frame[1] === SyncMessageType.Step1,
      );
    await waitFor(
      'a request to sync',
      () => step1s().length === 2,
      (notify) => {
        raw.socket.on('message', notify);
        return () => raw.socket.off('message', notify);
      },
    );
    const request = step1s()[1] as Uint8Array;
    const decoder = decoding.createDecoder(request);
    decoding.readVarUint(decoder);
    decoding.readVarUint(decoder);
    const stateVector = decoding.readVarUint8Array(decoder);
    // What a stock client answers: everything the room lacks, in one update.
    raw.send(syncFrame(SyncMessageType.Step2, Y.encodeStateAsUpdate(doc, stateVector)));
    await raw.waitForSaved(2); // the dropped update is saved with the answer
    await waitForDoc(watcher.doc, 'the watcher to hold the text', () => watcher.text.length > 6);
    expect(watcher.text.toString()).toBe('Falls at night');
    expect(await reopenedText()).toBe('Falls at night');
    expect(consoleError).not.toHaveBeenCalled();
  });

  it('an answer that still does not fit keeps its part that fits: the sender’s own edits are saved', async () => {
    const own = writer(556, ['one ']);
    const never = writer(900, ['x', 'y']); // its second edit alone: a gap that never fills
    const merged = Y.mergeUpdates([own.updates[0] as Uint8Array, never.updates[1] as Uint8Array]);
    const raw = await rawWriter();
    raw.send(syncFrame(SyncMessageType.Update, merged)); // asked to sync…
    raw.send(syncFrame(SyncMessageType.Step2, merged)); // …and answers with the same
    await raw.waitForSaved(2);
    await waitForDoc(watcher.doc, 'the watcher to hold the text', () => watcher.text.length > 0);
    expect(watcher.text.toString()).toBe('one ');
    expect(raw.socket.readyState).toBe(raw.socket.OPEN);
    expect(watcher.doc.store.pendingStructs).toBeNull();
    expect(await reopenedText()).toBe('one ');
    expect(consoleError).not.toHaveBeenCalled();
  });

  it('an update that would take the document past its limit closes with 4413 and changes nothing', async () => {
    const { updates } = writer(557, ['a'.repeat(40_000), 'b'.repeat(40_000)]);
    const raw = await rawWriter();
    raw.send(syncFrame(SyncMessageType.Update, updates[0] as Uint8Array));
    await raw.waitForSaved(1);
    raw.send(syncFrame(SyncMessageType.Update, updates[1] as Uint8Array));
    expect(await raw.closed()).toEqual({
      code: CloseCode.DocumentTooLarge,
      reason: 'document too large: this change was not saved',
    });
    await waitForDoc(watcher.doc, 'the watcher to hold the first', () => watcher.text.length > 0);
    expect(watcher.text.toString()).toBe('a'.repeat(40_000));
    expect(await reopenedText()).toBe('a'.repeat(40_000));
  });
});
