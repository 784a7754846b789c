/**
 * The server in scale-out mode, on PostgreSQL: run as `npm start` runs it, with
 * DATABASE_URL set and a fresh data directory each start, so nothing can come from disk.
 */
import { rm } from 'node:fs/promises';
import * as encoding from 'lib0/encoding';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { ACCESS_TOKEN_PARAM } from '../../server/sync/authorize-upgrade';
import { DEMO_LAB } from '../../shared/demo';
import { MessageType, SAVED_ACK_PARAM, SyncMessageType } from '../../shared/protocol';
import { childAdminEnv, prepareChildDoc } from '../helpers/accounts';
import { dropSchema, testDatabase, uniqueSchemaName } from '../helpers/postgres';
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

/** Reads a document's committed rows through a connection of the test's own. */
async function committedText(url: string, schema: string, docId: string): Promise<string> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ update: Buffer; encoding: number }>(
      `SELECT update, encoding FROM ${schema}.doc_updates WHERE doc_id = $1 ORDER BY seq`,
      [docId],
    );
    const doc = new Y.Doc();
    for (const row of rows) {
      if (row.encoding === 2) Y.applyUpdateV2(doc, new Uint8Array(row.update));
      else Y.applyUpdate(doc, new Uint8Array(row.update));
    }
    return doc.getText('text').toString();
  } finally {
    await client.end();
  }
}

describe.skipIf(testDatabase === null)('sync on PostgreSQL (DATABASE_URL)', () => {
  const processes: ServerProcess[] = [];
  const sockets: RawClient[] = [];
  const clients: StockClient[] = [];
  const dataDirs: string[] = [];
  const schemas: string[] = [];

  afterEach(async () => {
    for (const socket of sockets.splice(0)) socket.close();
    for (const client of clients.splice(0)) client.destroy();
    for (const server of processes.splice(0)) {
      if (server.child.exitCode === null && server.child.signalCode === null) {
        server.child.kill('SIGKILL');
        await server.exited();
      }
    }
    for (const dir of dataDirs.splice(0)) await rm(dir, { recursive: true, force: true });
    for (const schema of schemas.splice(0)) await dropSchema(schema);
  });

  /** Starts a server on `schema` with an empty data directory of its own. */
  async function start(schema: string): Promise<ServerProcess> {
    const dataDir = await makeDataDir();
    dataDirs.push(dataDir);
    const server = await spawnServer({
      ...childAdminEnv(dataDir),
      DATABASE_URL: testDatabase ?? '',
      DATABASE_SCHEMA: schema,
    });
    processes.push(server);
    return server;
  }

  it('says "Saved" only once the update is committed, and kill -9 loses none of it', {
    timeout: 90_000,
  }, async () => {
    const schema = uniqueSchemaName();
    schemas.push(schema);
    const first = await start(schema);
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
    // Read at once, on another connection: what was acknowledged is already committed.
    expect(await committedText(testDatabase ?? '', schema, docId)).toBe(text.toString());

    first.child.kill('SIGKILL');
    expect(await first.exited()).toBe('SIGKILL');

    // A new data directory: the account, the token, the lab and the text all come
    // from PostgreSQL.
    const second = await start(schema);
    expect(second.output()).not.toContain('Set up the first administrator');
    const reader = connectStockClient(second.url, docId, auth);
    clients.push(reader);
    await reader.whenSynced();
    await waitForDoc(reader.doc, 'the saved text after the crash', () => reader.text.length > 0);
    expect(reader.text.toString()).toBe(text.toString());
  });
});
