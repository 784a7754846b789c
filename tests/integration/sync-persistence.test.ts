import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  encodeHeader,
  encodeRecord,
  LOG_FORMAT_VERSION,
  scanLog,
} from '../../server/store/update-log';
import { CloseCode } from '../../shared/close-codes';
import { connectStockClient, type StockClient, waitForDoc } from '../helpers/stock-client';
import { startTestWorkspace, type TestWorkspace } from '../helpers/workspace';

describe('persistence across restarts', () => {
  let workspace: TestWorkspace | undefined;
  const clients: StockClient[] = [];
  afterEach(async () => {
    for (const client of clients.splice(0)) client.destroy();
    await workspace?.stop();
  });

  it('a graceful restart on the same data directory keeps the content', async () => {
    workspace = await startTestWorkspace();
    await workspace.registerDoc('restart');
    const writer = connectStockClient(workspace.url, 'restart', workspace.auth());
    clients.push(writer);
    await writer.whenSynced();
    writer.text.insert(0, 'Plan: test intentional rounding on nights.');
    const closed = new Promise<number>((resolve) =>
      writer.provider.on('connection-close', (event) => resolve(event?.code ?? -1)),
    );
    // Wait until the server holds the edit, then restart it.
    const probe = connectStockClient(workspace.url, 'restart', workspace.auth());
    clients.push(probe);
    await waitForDoc(probe.doc, 'server to have the edit', () => probe.text.length > 0);
    await workspace.restart();
    expect(await closed).toBe(CloseCode.ServerRestarting);

    const reader = connectStockClient(workspace.url, 'restart', workspace.auth());
    clients.push(reader);
    await reader.whenSynced();
    expect(reader.text.toString()).toBe('Plan: test intentional rounding on nights.');
  });

  it('opens a document stored before compacted states were version 2, and keeps it in version 2', async () => {
    workspace = await startTestWorkspace();
    const docId = await workspace.registerDoc('legacy');
    // The log as the previous version wrote it: format 1, a version-1 state, then an append.
    const earlier = new Y.Doc();
    earlier.getText('text').insert(0, 'Aim: fewer falls');
    const state = Y.encodeStateAsUpdate(earlier);
    const appended: Uint8Array[] = [];
    earlier.on('update', (update: Uint8Array) => appended.push(update));
    earlier.getText('text').insert(16, ' by March');
    const header = encodeHeader();
    new DataView(header.buffer).setUint32(4, 1, true);
    const file = path.join(workspace.dataDir, 'docs', `${docId}.ylog`);
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(
      file,
      Buffer.concat([header, ...[state, ...appended].map((u) => encodeRecord(u))]),
    );

    const writer = connectStockClient(workspace.url, docId, workspace.auth());
    clients.push(writer);
    await writer.whenSynced();
    expect(writer.text.toString()).toBe('Aim: fewer falls by March');
    const probe = connectStockClient(workspace.url, docId, workspace.auth());
    clients.push(probe);
    writer.text.insert(writer.text.length, ' 2027');
    await waitForDoc(probe.doc, 'the server to pass the edit on', () => probe.text.length > 25);
    // A graceful restart unloads the room, which compacts the log.
    await workspace.restart();

    const bytes = new Uint8Array(await readFile(file));
    expect(new DataView(bytes.buffer).getUint32(4, true)).toBe(LOG_FORMAT_VERSION);
    const stored = scanLog(bytes);
    expect(stored).toMatchObject({ end: 'clean', skipped: [] });
    expect(stored.records.map(({ encoding }) => encoding)).toEqual(['v2']);
    const reader = connectStockClient(workspace.url, docId, workspace.auth());
    clients.push(reader);
    await reader.whenSynced();
    expect(reader.text.toString()).toBe('Aim: fewer falls by March 2027');
  });
});
