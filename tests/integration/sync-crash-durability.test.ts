import { rm } from 'node:fs/promises';
import * as encoding from 'lib0/encoding';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { ACCESS_TOKEN_PARAM } from '../../server/sync/authorize-upgrade';
import { CloseCode } from '../../shared/close-codes';
import { DEMO_LAB } from '../../shared/demo';
import { readTitle } from '../../shared/documents/item-doc';
import { MessageType, SAVED_ACK_PARAM, SyncMessageType } from '../../shared/protocol';
import { apiAs, CHILD_ADMIN, childAdminEnv, prepareChildDoc, signIn } from '../helpers/accounts';
import { connectRawClient, type RawClient } from '../helpers/raw-client';
import { type ServerProcess, spawnServer } from '../helpers/server-process';
import { connectStockClient, type StockClient, waitForDoc } from '../helpers/stock-client';
import { makeDataDir } from '../helpers/workspace';

function updateFrame(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.Sync);
  encoding.writeVarUint(encoder, SyncMessageType.Update);
  encoding.writeVarUint8Array(encoder, update);
  return encoding.toUint8Array(encoder);
}

describe('durability: kill -9 after "Saved"', () => {
  const processes: ServerProcess[] = [];
  const sockets: RawClient[] = [];
  const clients: StockClient[] = [];
  let dataDir = '';
  afterEach(async () => {
    for (const socket of sockets.splice(0)) socket.close();
    for (const client of clients.splice(0)) client.destroy();
    for (const server of processes.splice(0)) {
      if (server.child.exitCode === null && server.child.signalCode === null) {
        server.child.kill('SIGKILL');
        await server.exited();
      }
    }
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it('loses nothing that a client was told is saved', async () => {
    dataDir = await makeDataDir();
    const first = await spawnServer(childAdminEnv(dataDir));
    processes.push(first);
    const { docId, token } = await prepareChildDoc(first.url, DEMO_LAB.id);
    const auth = { [ACCESS_TOKEN_PARAM]: token };
    const writer = connectRawClient(
      first.url,
      docId,
      `?${SAVED_ACK_PARAM}=1&${new URLSearchParams(auth)}`,
    );
    sockets.push(writer);
    await writer.opened();

    const doc = new Y.Doc();
    const frames: Uint8Array[] = [];
    doc.on('update', (update: Uint8Array) => frames.push(updateFrame(update)));
    const text = doc.getText('text');
    for (let i = 0; i < 200; i += 1) text.insert(text.length, `observation ${i}; `);
    for (const frame of frames) writer.send(frame);
    await writer.waitForSaved(frames.length);

    first.child.kill('SIGKILL');
    expect(await first.exited()).toBe('SIGKILL');

    const second = await spawnServer(childAdminEnv(dataDir));
    processes.push(second);
    const reader = connectStockClient(second.url, docId, auth);
    clients.push(reader);
    await reader.whenSynced();
    await waitForDoc(reader.doc, 'the saved text after the crash', () => reader.text.length > 0);
    expect(reader.text.toString()).toBe(text.toString());
  });

  it('keeps an item answered 201, and its document, through kill -9 right after', async () => {
    dataDir = await makeDataDir();
    const first = await spawnServer(childAdminEnv(dataDir));
    processes.push(first);
    const session = await signIn(first.url, CHILD_ADMIN.email, CHILD_ADMIN.password);
    const { token } = await apiAs<{ token: string }>(first.url, session, 'POST', '/api/tokens', {
      name: 'test',
    });
    const title = 'Made just before the crash';
    const { item } = await apiAs<{ item: { id: string } }>(
      first.url,
      session,
      'POST',
      `/api/labs/${DEMO_LAB.id}/items`,
      { kind: 'idea', title },
    );
    first.child.kill('SIGKILL');
    expect(await first.exited()).toBe('SIGKILL');

    const second = await spawnServer(childAdminEnv(dataDir));
    processes.push(second);
    const again = await signIn(second.url, CHILD_ADMIN.email, CHILD_ADMIN.password);
    const { items } = await apiAs<{ items: Array<{ id: string; title: string }> }>(
      second.url,
      again,
      'GET',
      `/api/labs/${DEMO_LAB.id}/items`,
    );
    expect(items).toContainEqual(expect.objectContaining({ id: item.id, title }));
    const reader = connectStockClient(second.url, item.id, { [ACCESS_TOKEN_PARAM]: token });
    clients.push(reader);
    await reader.whenSynced();
    expect(readTitle(reader.doc)).toBe(title);
  });

  it('SIGTERM shuts down gracefully: sockets closed as "server restarting", exit code 0', async () => {
    dataDir = await makeDataDir();
    const server = await spawnServer(childAdminEnv(dataDir));
    processes.push(server);
    const { docId, token } = await prepareChildDoc(server.url, DEMO_LAB.id);
    const client = connectRawClient(
      server.url,
      docId,
      `?${new URLSearchParams({ [ACCESS_TOKEN_PARAM]: token })}`,
    );
    sockets.push(client);
    // Waiting starts before the socket opens: the greeting can arrive with the handshake.
    const greeted = client.nextFrame(MessageType.Sync);
    await client.opened();
    await greeted;
    server.child.kill('SIGTERM');
    expect((await client.closed()).code).toBe(CloseCode.ServerRestarting);
    expect(await server.exited()).toBe(0);
  });
});
